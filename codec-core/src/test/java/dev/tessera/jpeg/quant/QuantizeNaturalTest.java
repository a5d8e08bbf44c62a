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
 * {@link BlockQuantizer#quantizeNatural} writes the values {@code quantize} writes, in natural order in the group
 * layout, and returns
 * the zig-zag output's nonzero AC mask ({@link HuffmanEncoder#nonzeroMask}), for the scalar quantizer, the trellis (the default method) and, with
 * the vector module, {@link VectorQuantizer} (natural-order bits regrouped to zig-zag order by table): every
 * single nonzero position, sparse and dense random blocks, values at and past the vector limit, at offsets; and
 * {@link BlockQuantizer#quantizeGroup} gives each lane of a group what {@code quantizeNatural} gives its block
 * (the vector quantizer eight blocks at once, falling back block by block past its limit).
 */
class QuantizeNaturalTest {
    private static int checks;

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
        // In the group layout: coefficient n at 8 * n from the block's base, here lane 3 of the group at 512.
        int[] natural = new int[3 * 512];
        java.util.Arrays.fill(natural, 0x7777);
        short[] scratch = new short[64];
        int base = 512 + 3;
        long naturalMask = quantizer.quantizeNatural(block, inOffset, natural, base, scratch);
        assertEquals(HuffmanEncoder.nonzeroMask(expected, 7), naturalMask,
            what + ", natural mask, " + quantizer.getClass().getSimpleName());
        for (int k = 0; k < 64; k++) {
            assertEquals(expected[7 + k], natural[base + 8 * ZigZag.toNatural(k)],
                what + ", natural order, zig-zag " + k + ", " + quantizer.getClass().getSimpleName());
        }
        for (int i = 0; i < natural.length; i++) {
            if (i < base || i > base + 8 * 63 || (i - base) % 8 != 0) {
                assertEquals(0x7777, natural[i], what + ", written outside the block's lane, at " + i);
            }
        }

        // quantizeGroup: the block in one lane of a group (the lane turning with each call; the others holding
        // other blocks), the same values and mask in that lane, nothing written outside the group.
        int lane = checks++ % 8;
        {
            int[] group = new int[512];
            for (int j = 0; j < 8; j++) {
                for (int n = 0; n < 64; n++) {
                    group[8 * n + j] = j == lane ? block[inOffset + n] : block[inOffset + (n + 7 * j) % 64] / (j + 1);
                }
            }
            int[] out = new int[3 * 512];
            java.util.Arrays.fill(out, 0x7777);
            long[] masks = new long[8];
            quantizer.quantizeGroup(group, 8, out, 512, masks, new int[64], scratch);
            assertEquals(naturalMask, masks[lane], what + ", group mask, lane " + lane + ", "
                + quantizer.getClass().getSimpleName());
            for (int n = 0; n < 64; n++) {
                assertEquals(natural[base + 8 * n], out[512 + 8 * n + lane], what + ", group, lane " + lane
                    + ", natural " + n + ", " + quantizer.getClass().getSimpleName());
            }
            for (int i = 0; i < out.length; i++) {
                if (i < 512 || i >= 1024) {
                    assertEquals(0x7777, out[i], what + ", group, written outside the group, at " + i);
                }
            }
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
