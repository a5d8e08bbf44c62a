package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.spec.ZigZag;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HuffmanCountTest {
    /**
     * The fused count-and-write of the optimized-table first pass, given the block in natural order and its mask in
     * zig-zag order, counts the symbols countBlock counts (on the zig-zag block), and the
     * symbols it writes give back the block (decoded as T.81 F.2.2.1 reads them: EXTEND of the extra bits), on
     * blocks with long zero runs (ZRL), a last nonzero at 63 (no EOB), all-zero blocks and the largest
     * magnitudes, at an offset inside a wider array, writing nothing past the block.
     */
    @Test
    void countAndWriteSymbolsMatchesCountBlockAndGivesTheBlockBack() {
        Random random = new Random(5);
        for (int trial = 0; trial < 100_000; trial++) {
            short[] blocks = new short[64 * 3];
            int offset = 64 * (trial % 3);
            int density = trial % 5;
            for (int k = 0; k < 64; k++) {
                boolean nonzero = switch (density) {
                    case 0 -> false;
                    case 1 -> random.nextInt(20) == 0;
                    case 2 -> random.nextInt(3) == 0;
                    case 3 -> k == 63 || random.nextInt(40) == 0;
                    default -> true;
                };
                int v = nonzero ? (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(random.nextBoolean() ? 3 : 2047))
                    : 0;
                blocks[offset + k] = (short) (k == 0 ? random.nextInt(4095) - 2047 : v);
            }
            int previousDc = random.nextInt(4095) - 2047;
            long mask = HuffmanEncoder.nonzeroMask(blocks, offset);
            long[] dcExpected = new long[256];
            long[] acExpected = new long[256];
            HuffmanEncoder.countBlock(blocks, offset, previousDc, dcExpected, acExpected);
            long[] dcCounts = new long[256];
            long[] acCounts = new long[256];
            int[] symbols = new int[3 + 65 + 4];
            java.util.Arrays.fill(symbols, -1);
            // The group layout: coefficient n at 8 * n from the block's base, here lane offset / 64 of a group.
            int[] natural = new int[512];
            int base = offset / 64;
            for (int k = 0; k < 64; k++) {
                natural[base + 8 * ZigZag.toNatural(k)] = blocks[offset + k];
            }
            int end = HuffmanEncoder.countAndWriteSymbols(natural, base, mask, previousDc, dcCounts, acCounts,
                symbols, 3);
            assertArrayEquals(dcExpected, dcCounts, "DC counts, trial " + trial);
            assertArrayEquals(acExpected, acCounts, "AC counts, trial " + trial);
            assertEquals(-1, symbols[2], "written before the block, trial " + trial);
            assertEquals(-1, symbols[end], "written past the block, trial " + trial);
            assertEquals(end, 3 + 1 + HuffmanEncoder.symbolCount(symbols[3]));
            assertEquals(blocks[offset], HuffmanEncoder.symbolsDc(symbols[3]), "DC, trial " + trial);
            short[] decoded = new short[64];
            int k = 0;
            boolean endOfBlock = false;
            for (int p = 4; p < end; p++) {
                assertEquals(false, endOfBlock, "a symbol after EOB, trial " + trial);
                int symbol = symbols[p] >>> 16;
                int extra = symbols[p] & 0xFFFF;
                int size = symbol & 15;
                if (symbol == 0) {
                    endOfBlock = true;
                    continue;
                }
                k += (symbol >> 4) + 1;
                // F.2.2.1 EXTEND: a leading 0 bit means a negative value, sent as v - 1.
                decoded[k] = (short) (extra < 1 << (size - 1) ? extra - (1 << size) + 1 : extra);
                assertEquals(0, extra >>> size, "extra bits beyond SSSS, trial " + trial);
            }
            assertEquals(k != 63, endOfBlock, "EOB exactly when the last coefficient is zero, trial " + trial);
            for (int i = 1; i < 64; i++) {
                assertEquals(blocks[offset + i], decoded[i], "AC " + i + ", trial " + trial);
            }
        }
    }
}
