package dev.tessera.jpeg.dct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.simd.VectorSupportTest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API forward DCT gives exactly the scalar coefficients, on random blocks, smooth ones and the
 * extremes (all 0, all 255, checkerboards, single spikes), read at any offset and stride, and reads nothing
 * outside its 8x8 square. The scalar strided entry point equals the original block one. Fails (not skips) in the
 * build's run with {@code jdk.incubator.vector} if the vector path was not chosen.
 */
class VectorForwardDctTest {
    private static final int STRIDE = 19;
    private static final int OFFSET = 7;

    @Test
    void theScalarStridedTransformEqualsTheBlockTransform() {
        Random r = new Random(5);
        for (int n = 0; n < 2000; n++) {
            int[] samples = samples(r, n);
            assertArrayEquals(blockTransform(samples), strided(ForwardDct.kernel(false), samples), "block " + n);
        }
    }

    @Test
    void theDefaultKernelIsTheVectorOneWhenEnabled() {
        VectorSupportTest.requireVector();
        assertEquals(VectorForwardDct.class, ForwardDct.kernel().getClass(), VectorSupport.status());
        assertNotSame(ForwardDct.kernel(false), ForwardDct.kernel(false), "each scalar kernel has its own scratch");
    }

    @Test
    void vectorCoefficientsEqualTheScalarOnes() {
        VectorSupportTest.requireVector();
        FdctKernel vector = ForwardDct.kernel(true);
        Random r = new Random(6);
        // Enough blocks for C2 to compile the kernel, so the compiled vector code is what is compared.
        for (int n = 0; n < 40_000; n++) {
            int[] samples = samples(r, n);
            assertArrayEquals(blockTransform(samples), strided(vector, samples), "block " + n);
        }
    }

    /** 8x8 samples, 0..255: random, smooth, constant, checkerboard or a single spike by {@code n}. */
    static int[] samples(Random r, int n) {
        int[] s = new int[64];
        int kind = n % 6;
        int a = r.nextInt(256);
        for (int i = 0; i < 64; i++) {
            int x = i & 7;
            int y = i >> 3;
            s[i] = switch (kind) {
                case 0 -> r.nextInt(256);
                case 1 -> Math.max(0, Math.min(255, a + (x - 4) * r.nextInt(9) + (y - 4) * 3));
                case 2 -> (n / 6) % 2 == 0 ? 0 : 255;
                case 3 -> ((x ^ y) & 1) == 0 ? 0 : 255;
                case 4 -> i == r.nextInt(64) ? 255 - a : a;
                default -> r.nextBoolean() ? 0 : 255;
            };
        }
        return s;
    }

    private static int[] blockTransform(int[] samples) {
        int[] block = samples.clone();
        ForwardDct.transform(block, 0);
        return block;
    }

    /** The kernel's output for the samples placed at OFFSET with STRIDE among sentinels it must not use. */
    private static int[] strided(FdctKernel kernel, int[] samples) {
        int[] plane = new int[OFFSET + 8 * STRIDE + 8];
        java.util.Arrays.fill(plane, 1 << 20); // outside the square: would show in every coefficient
        for (int y = 0; y < 8; y++) {
            System.arraycopy(samples, y * 8, plane, OFFSET + y * STRIDE, 8);
        }
        int[] out = new int[64];
        kernel.transform(plane, OFFSET, STRIDE, out);
        return out;
    }
}
