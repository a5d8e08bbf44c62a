package dev.tessera.jpeg.dct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.simd.VectorSupportTest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API 8x8 inverse DCT gives exactly the samples of the scalar SIMD-width kernel ({@link
 * SimdInverseDct.Size8}), on valid blocks of every sparsity and on corrupt ones whose coefficients and
 * multipliers overflow 16 bits, through both of its entry points, and writes nothing outside its 8x8 square.
 * Fails (not skips) in the build's run with {@code jdk.incubator.vector} if the vector path was not chosen.
 */
class VectorInverseDctTest {
    private static final int STRIDE = 21;
    private static final int OFFSET = 5;

    @Test
    void theDefaultKernelIsTheVectorOneWhenEnabled() {
        VectorSupportTest.requireVector();
        assertEquals(VectorInverseDct.class, InverseDct.forSize(8, false).getClass(), VectorSupport.status());
        assertEquals(InverseDct.class, InverseDct.forSize(8, true).getClass(), "portable stays the C arithmetic");
    }

    @Test
    void validBlocksGiveTheScalarSamples() {
        VectorSupportTest.requireVector();
        Random r = new Random(21);
        Pair p = new Pair();
        int[] q = new int[64];
        // Enough blocks for C2 to compile both kernels, so the compiled vector code is what is compared.
        for (int n = 0; n < 40_000; n++) {
            for (int i = 0; i < 64; i++) {
                q[i] = 1 + r.nextInt(n % 3 == 0 ? 8 : 60);
            }
            short[] block = SimdInverseDctTest.quantizedBlockOfSamples(r, q);
            int pattern = n % 8; // rows 4..7, columns 4..7, and most of rows 1..7 cleared
            for (int i = 0; i < 64; i++) {
                if (((pattern & 1) != 0 && i >= 32) || ((pattern & 2) != 0 && (i & 7) >= 4)
                    || ((pattern & 4) != 0 && i >= 8 && r.nextInt(4) != 0)) {
                    block[i] = 0;
                }
            }
            if (n % 11 == 0) {
                Arrays.fill(block, 8, 64, (short) 0); // row 0 only: the shortcut
            }
            p.compare(block, q, "valid block " + n);
        }
    }

    /**
     * Corrupt data: any 16-bit coefficient anywhere, multipliers up to 65535 (negative as 16-bit, as libjpeg
     * stores them), and blocks full of extreme values: the 16-bit wraps of the dequantization and of the sums
     * in0 +/- in4, z3, z4, the pass 1 saturation and the final clamp must all match.
     */
    @Test
    void corruptBlocksGiveTheScalarSamples() {
        VectorSupportTest.requireVector();
        Random r = new Random(22);
        Pair p = new Pair();
        short[] extremes = {Short.MIN_VALUE, Short.MIN_VALUE + 1, -1, 0, 1, Short.MAX_VALUE - 1, Short.MAX_VALUE,
            -2048, 2047, 1023, -1024};
        for (int n = 0; n < 30_000; n++) {
            int[] natural = new int[64];
            for (int i = 0; i < 64; i++) {
                natural[i] = switch (n % 4) {
                    case 0 -> 1 + r.nextInt(65535);
                    case 1 -> r.nextBoolean() ? 65535 : 1 + r.nextInt(255);
                    case 2 -> 1;
                    default -> 32767 + r.nextInt(3);
                };
            }
            int[] q = InverseDct.multipliers(natural);
            short[] block = new short[64];
            switch (n % 5) {
                case 0 -> {
                    for (int k = r.nextInt(6); k >= 0; k--) {
                        block[r.nextInt(64)] = (short) r.nextInt(65536);
                    }
                }
                case 1 -> {
                    for (int i = 0; i < 64; i++) {
                        block[i] = (short) r.nextInt(65536);
                    }
                }
                case 2 -> {
                    for (int i = 0; i < 64; i++) {
                        block[i] = extremes[r.nextInt(extremes.length)];
                    }
                }
                case 3 -> Arrays.fill(block, r.nextBoolean() ? Short.MAX_VALUE : Short.MIN_VALUE);
                default -> {
                    block[0] = (short) r.nextInt(65536);
                    block[8 * (1 + r.nextInt(7)) + r.nextInt(8)] = extremes[r.nextInt(extremes.length)];
                }
            }
            p.compare(block, q, "corrupt block " + n);
        }
    }

    /** Both kernels on one block: the plain entry point and the mask one (exact mask and allowed supersets). */
    private static final class Pair {
        final IdctKernel scalar = InverseDct.forSize(8, false, false);
        final IdctKernel vector = InverseDct.forSize(8, false, true);
        final short[] expected = new short[OFFSET + 8 * STRIDE + 8];
        final short[] actual = new short[expected.length];
        final Random r = new Random(23);

        Pair() {
            assertEquals(VectorInverseDct.class, vector.getClass());
        }

        void compare(short[] block, int[] q, String what) {
            // The block at an offset in a longer array, as in a coefficient buffer.
            short[] buffer = new short[64 * 3];
            System.arraycopy(block, 0, buffer, 64, 64);
            Arrays.fill(expected, (short) -7);
            Arrays.fill(actual, (short) -7);
            scalar.transform(buffer, 64, q, expected, OFFSET, STRIDE);
            vector.transform(buffer, 64, q, actual, OFFSET, STRIDE);
            assertArrayEquals(expected, actual, what);
            long exact = 0;
            for (int i = 0; i < 64; i++) {
                if (block[i] != 0) {
                    exact |= 1L << i;
                }
            }
            long superset = (exact & -256L) == 0 ? exact | r.nextInt(256) : exact | r.nextLong();
            for (long mask : new long[] {exact, superset}) {
                Arrays.fill(actual, (short) -7);
                vector.transform(buffer, 64, mask, q, actual, OFFSET, STRIDE);
                assertArrayEquals(expected, actual, what + ", mask " + Long.toHexString(mask));
            }
        }
    }
}
