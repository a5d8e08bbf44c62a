package dev.tessera.jpeg.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZigZagTest {
    @Test
    void mappingsAreInversePermutations() {
        boolean[] seen = new boolean[64];
        for (int k = 0; k < 64; k++) {
            int n = ZigZag.toNatural(k);
            assertTrue(!seen[n], "natural index " + n + " reached twice");
            seen[n] = true;
            assertEquals(k, ZigZag.toZigZag(n));
        }
    }

    @Test
    void followsFigureA6() {
        // T.81 Figure A.6: first row of the block holds zig-zag positions 0, 1, 5, 6, 14, 15, 27, 28.
        int[] firstRow = {0, 1, 5, 6, 14, 15, 27, 28};
        int[] lastRow = {35, 36, 48, 49, 57, 58, 62, 63};
        for (int u = 0; u < 8; u++) {
            assertEquals(firstRow[u], ZigZag.toZigZag(u));
            assertEquals(lastRow[u], ZigZag.toZigZag(56 + u));
        }
        // Consecutive positions are neighbours (one step along a row, column or diagonal).
        for (int k = 1; k < 64; k++) {
            int a = ZigZag.toNatural(k - 1);
            int b = ZigZag.toNatural(k);
            assertTrue(Math.abs(a / 8 - b / 8) <= 1 && Math.abs(a % 8 - b % 8) <= 1, "step " + k);
        }
    }

    @Test
    void paddedTableSendsOverrunToTheLastCoefficient() {
        int[] padded = ZigZag.zigZagToNaturalPadded();
        assertEquals(80, padded.length);
        for (int k = 64; k < 80; k++) {
            assertEquals(63, padded[k]);
        }
    }

    @Test
    void naturalMaskMovesEveryBitToItsNaturalIndex() {
        java.util.Random random = new java.util.Random(16);
        for (int t = 0; t < 2000; t++) {
            long zigZag = t < 64 ? 1L << t : random.nextLong() & random.nextLong();
            long expected = 0;
            for (int k = 0; k < 64; k++) {
                if ((zigZag & (1L << k)) != 0) {
                    expected |= 1L << ZigZag.toNatural(k);
                }
            }
            assertEquals(expected, ZigZag.toNaturalMask(zigZag), "mask " + Long.toHexString(zigZag));
        }
        assertEquals(-1L, ZigZag.toNaturalMask(-1L));
        assertEquals(0L, ZigZag.toNaturalMask(0L));
    }
}
