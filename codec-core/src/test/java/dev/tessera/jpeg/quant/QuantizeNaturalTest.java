package dev.tessera.jpeg.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.entropy.HuffmanEncoder;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.spec.ZigZag;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockQuantizer#quantizeNatural} writes the values {@code quantize} writes, in natural order, and returns
 * the zig-zag output's nonzero AC mask ({@link HuffmanEncoder#nonzeroMask}), for the scalar quantizer, the trellis (the default method) and, with
 * the vector module, {@link VectorQuantizer} (natural-order bits regrouped to zig-zag order by table): every
 * single nonzero position, sparse and dense random blocks, values at and past the vector limit, at offsets.
 */
class QuantizeNaturalTest {
    private static List<BlockQuantizer> quantizers(QuantTable table) {
        List<BlockQuantizer> list = new ArrayList<>();
        list.add(new Quantizer(table));
        list.add(new TrellisQuantizer(table, StandardTables.LUMINANCE_AC, 1.0));
        if (VectorSupport.enabled()) {
            BlockQuantizer vector = Quantizer.forEncoder(table, true);
            if (vector instanceof VectorQuantizer) {
                list.add(vector);
            }
        }
        return list;
    }

    private static void check(BlockQuantizer quantizer, int[] block, int inOffset, String what) {
        short[] expected = new short[64 + 7];
        quantizer.quantize(block, inOffset, expected, 7);
        // quantizeNatural: the values quantize writes, in natural order as ints, with the zig-zag block's mask,
        // nothing written outside.
        int[] natural = new int[64 + 9];
        java.util.Arrays.fill(natural, 0x7777);
        short[] scratch = new short[64];
        long naturalMask = quantizer.quantizeNatural(block, inOffset, natural, 9, scratch);
        assertEquals(HuffmanEncoder.nonzeroMask(expected, 7), naturalMask,
            what + ", natural mask, " + quantizer.getClass().getSimpleName());
        for (int k = 0; k < 64; k++) {
            assertEquals(expected[7 + k], natural[9 + ZigZag.toNatural(k)],
                what + ", natural order, zig-zag " + k + ", " + quantizer.getClass().getSimpleName());
        }
        for (int i = 0; i < 9; i++) {
            assertEquals(0x7777, natural[i], what + ", written before the block");
        }
    }

    @Test
    void everySingleNonzeroPosition() {
        int[] q = new int[64];
        for (int i = 0; i < 64; i++) {
            q[i] = 1 + i % 13;
        }
        for (BlockQuantizer quantizer : quantizers(QuantTable.ofNatural(q))) {
            for (int n = 0; n < 64; n++) {
                for (int value : new int[] {8 * 14, -8 * 14, 4000, -4000}) {
                    int[] block = new int[64 + 3];
                    block[3 + n] = value;
                    check(quantizer, block, 3, "natural " + n + " = " + value);
                }
            }
        }
    }

    @Test
    void randomBlocks() {
        Random random = new Random(11);
        int[] q = new int[64];
        for (int trial = 0; trial < 3000; trial++) {
            for (int i = 0; i < 64; i++) {
                q[i] = 1 + random.nextInt(trial % 2 == 0 ? 255 : 16);
            }
            List<BlockQuantizer> list = quantizers(QuantTable.ofNatural(q));
            for (int b = 0; b < 10; b++) {
                int[] block = new int[64 + 5];
                int density = random.nextInt(4);
                int range = switch (random.nextInt(4)) {
                    case 0 -> 64;
                    case 1 -> 2048;
                    case 2 -> VectorQuantizer.LIMIT; // some blocks go to the scalar code
                    default -> 1 << 16;
                };
                for (int i = 0; i < 64; i++) {
                    boolean nonzero = switch (density) {
                        case 0 -> random.nextInt(16) == 0;
                        case 1 -> random.nextInt(3) == 0;
                        case 2 -> i < 10;
                        default -> true;
                    };
                    block[5 + i] = nonzero ? random.nextInt(2 * range) - range : 0;
                }
                for (BlockQuantizer quantizer : list) {
                    check(quantizer, block, 5, "trial " + trial + ", block " + b);
                }
            }
        }
    }
}
