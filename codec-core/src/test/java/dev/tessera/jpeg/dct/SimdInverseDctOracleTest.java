package dev.tessera.jpeg.dct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The 8x8 SIMD-width kernel equals its previous form ({@link SimdInverseDctOracle}) on every kind of input:
 * valid blocks of every sparsity pattern, and corrupt ones with extreme coefficients and multipliers (any 16-bit
 * values, so that the 16-bit wraps and both saturations are taken), through both transform methods.
 */
class SimdInverseDctOracleTest {
    private static final short[] EXTREMES = {Short.MIN_VALUE, Short.MIN_VALUE + 1, -16384, -2048, -1024, -1, 1,
        1023, 2047, 16383, Short.MAX_VALUE - 1, Short.MAX_VALUE};

    @Test
    void equalsThePreviousKernel() {
        Random r = new Random(21);
        IdctKernel kernel = new SimdInverseDct.Size8();
        IdctKernel oracle = new SimdInverseDctOracle.Size8Oracle();
        int[] q = new int[64];
        short[] a = new short[8 * 16];
        short[] b = new short[8 * 16];
        for (int n = 0; n < 150_000; n++) {
            int kind = n % 6;
            for (int i = 0; i < 64; i++) {
                q[i] = switch (kind) {
                    case 0, 1, 2 -> 1 + r.nextInt(60);
                    case 3 -> 1 + r.nextInt(255);
                    case 4 -> (short) r.nextInt(65536); // multipliers as the kernel gets them: signed 16-bit
                    default -> r.nextBoolean() ? EXTREMES[r.nextInt(EXTREMES.length)] : (short) r.nextInt(65536);
                };
            }
            short[] block = new short[64];
            switch (kind) {
                case 0, 1 -> block = SimdInverseDctTest.quantizedBlockOfSamples(r, q);
                case 2 -> {
                    for (int i = 0; i < 64; i++) {
                        block[i] = (short) (r.nextInt(2048) - 1024);
                    }
                }
                case 3 -> {
                    for (int k = r.nextInt(12); k >= 0; k--) {
                        block[r.nextInt(64)] = (short) r.nextInt(65536);
                    }
                }
                default -> {
                    for (int i = 0; i < 64; i++) {
                        int c = r.nextInt(4);
                        block[i] = c == 0 ? 0 : c == 1 ? EXTREMES[r.nextInt(EXTREMES.length)] : (short) r.nextInt(65536);
                    }
                }
            }
            int pattern = r.nextInt(16); // rows 4..7, columns 4..7, rows 1..7, random columns cleared
            int clearColumns = r.nextInt(256);
            for (int i = 0; i < 64; i++) {
                if (((pattern & 1) != 0 && i >= 32) || ((pattern & 2) != 0 && (i & 7) >= 4)
                    || ((pattern & 4) != 0 && i >= 8) || ((pattern & 8) != 0 && (clearColumns >> (i & 7) & 1) != 0)) {
                    block[i] = 0;
                }
            }
            long exact = 0;
            for (int i = 0; i < 64; i++) {
                if (block[i] != 0) {
                    exact |= 1L << i;
                }
            }
            int stride = 8 + r.nextInt(8);
            java.util.Arrays.fill(a, (short) -7);
            java.util.Arrays.fill(b, (short) -7);
            oracle.transform(block, 0, q, b, 0, stride);
            kernel.transform(block, 0, q, a, 0, stride);
            assertArrayEquals(b, a, "block " + n);
            oracle.transform(block, 0, exact | 1, q, b, 0, stride);
            kernel.transform(block, 0, exact | 1, q, a, 0, stride);
            assertArrayEquals(b, a, "block " + n + " with its mask");
            long loose = (exact & -256L) == 0 ? exact | r.nextInt(256) : exact | r.nextLong();
            kernel.transform(block, 0, loose, q, a, 0, stride);
            assertArrayEquals(b, a, "block " + n + " with a looser mask");
        }
    }

    /**
     * Row-0-only blocks whose workspace row (4 x the dequantized coefficient, wrapped to 16 bits) takes every
     * combination of extreme values: the row pass's 32-bit sums come within 2^25 of overflowing, where any
     * constant folded into the rounding would wrap. Exhaustive over five values for each of the eight inputs.
     */
    @Test
    void extremeWorkspaceRowsEqualThePreviousKernel() {
        IdctKernel kernel = new SimdInverseDct.Size8();
        IdctKernel oracle = new SimdInverseDctOracle.Size8Oracle();
        int[] q = new int[64];
        java.util.Arrays.fill(q, 1);
        short[] values = {-8192, -1, 0, 4096, 8191}; // x 4: -32768, -4, 0, 16384, 32764
        short[] block = new short[64];
        short[] a = new short[64];
        short[] b = new short[64];
        for (int n = 0; n < 390_625; n++) {
            for (int c = 0, m = n; c < 8; c++, m /= 5) {
                block[c] = values[m % 5];
            }
            oracle.transform(block, 0, q, b, 0, 8);
            kernel.transform(block, 0, q, a, 0, 8);
            assertArrayEquals(b, a, "row " + java.util.Arrays.toString(java.util.Arrays.copyOf(block, 8)));
        }
    }
}
