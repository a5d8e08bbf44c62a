package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HuffmanCountTest {
    /**
     * The fused count-and-copy of the optimized-table first pass counts the symbols countBlock counts and copies
     * exactly the nonzero AC values in zig-zag order, on blocks with long zero runs (ZRL), a last nonzero at 63
     * (no EOB), all-zero blocks and the largest magnitudes, at an offset inside a wider array.
     */
    @Test
    void countAndCopyNonzeroMatchesCountBlock() {
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
            short[] packed = new short[70];
            HuffmanEncoder.countAndCopyNonzero(blocks, offset, mask, previousDc, dcCounts, acCounts, packed, 3);
            assertArrayEquals(dcExpected, dcCounts, "DC counts, trial " + trial);
            assertArrayEquals(acExpected, acCounts, "AC counts, trial " + trial);
            int p = 3;
            for (int k = 1; k < 64; k++) {
                if (blocks[offset + k] != 0) {
                    assertEquals(blocks[offset + k], packed[p++], "value " + k + ", trial " + trial);
                }
            }
            assertEquals(3 + Long.bitCount(mask), p);
            for (int i = p; i < packed.length; i++) {
                assertEquals(0, packed[i], "written past the nonzero values, trial " + trial);
            }
        }
    }
}
