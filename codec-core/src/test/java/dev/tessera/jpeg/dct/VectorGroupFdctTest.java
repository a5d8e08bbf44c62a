package dev.tessera.jpeg.dct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.tessera.jpeg.simd.BlockGroups;
import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.simd.VectorSupportTest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The eight-block forward DCT in the group layout ({@code simd.BlockGroups}), the Vector API kernel and the
 * scalar one, gives each block exactly the coefficients of the block transform, on random blocks, smooth ones and
 * the extremes (all 0, all 255, checkerboards, single spikes) mixed within a group, read at any offset and stride,
 * and reads nothing outside its group. The scalar strided entry point equals the block one. Fails (not skips) in
 * the build's run with {@code jdk.incubator.vector} if the vector kernel was not chosen.
 */
class VectorGroupFdctTest {
    private static final int STRIDE = 8 * 64 + 19;
    private static final int OFFSET = 7;

    @Test
    void theScalarStridedTransformEqualsTheBlockTransform() {
        Random r = new Random(5);
        for (int n = 0; n < 2000; n++) {
            int[] samples = samples(r, n);
            int[] plane = new int[8 * 19 + 8];
            for (int y = 0; y < 8; y++) {
                System.arraycopy(samples, y * 8, plane, y * 19, 8);
            }
            int[] out = new int[64];
            ForwardDct.kernel().transform(plane, 0, 19, out);
            assertArrayEquals(blockTransform(samples), out, "block " + n);
        }
    }

    @Test
    void theVectorGroupKernelIsChosenWhenEnabled() {
        VectorSupportTest.requireVector();
        assertEquals(true, ForwardDct.vectorReady(), VectorSupport.status());
        assertEquals(VectorGroupFdct.class, ForwardDct.groupKernel(true).getClass(), VectorSupport.status());
        assertNotSame(ForwardDct.groupKernel(true), ForwardDct.groupKernel(true), "each kernel has its own scratch");
    }

    @Test
    void scalarGroupCoefficientsEqualTheBlockTransform() {
        check(ForwardDct.groupKernel(false), new Random(7), 2000);
    }

    @Test
    void vectorGroupCoefficientsEqualTheBlockTransform() {
        VectorSupportTest.requireVector();
        // Enough groups for C2 to compile the kernel, so the compiled vector code is what is compared.
        check(ForwardDct.groupKernel(true), new Random(6), 10_000);
    }

    private static void check(FdctGroupKernel kernel, Random r, int groups) {
        for (int g = 0; g < groups; g++) {
            int[][] blocks = new int[8][];
            for (int j = 0; j < 8; j++) {
                blocks[j] = samples(r, g * 8 + j);
            }
            int[] out = new int[BlockGroups.COEFFICIENTS];
            kernel.transform(grouped(blocks), OFFSET, STRIDE, out);
            for (int j = 0; j < 8; j++) {
                int[] expected = blockTransform(blocks[j]);
                int[] actual = new int[64];
                for (int n = 0; n < 64; n++) {
                    actual[n] = out[8 * n + j];
                }
                assertArrayEquals(expected, actual, "group " + g + ", block " + j);
            }
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

    /**
     * The eight blocks in the group layout at OFFSET with STRIDE, among sentinels the kernel must not use: sample
     * c of row r of block j at {@code OFFSET + r * STRIDE + 8 * c + j}.
     */
    private static int[] grouped(int[][] blocks) {
        int[] plane = new int[OFFSET + 8 * STRIDE + 64];
        java.util.Arrays.fill(plane, 1 << 20); // outside the group: would show in every coefficient
        for (int j = 0; j < 8; j++) {
            for (int i = 0; i < 64; i++) {
                plane[OFFSET + (i >> 3) * STRIDE + 8 * (i & 7) + j] = blocks[j][i];
            }
        }
        return plane;
    }
}
