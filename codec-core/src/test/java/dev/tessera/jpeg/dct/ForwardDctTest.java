package dev.tessera.jpeg.dct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ForwardDctTest {
    /** T.81 A.3.3: F(v,u) = 1/4 C(u) C(v) sum s(y,x) cos((2x+1)u pi/16) cos((2y+1)v pi/16), level-shifted. */
    static double[] reference(int[] samples) {
        double[] out = new double[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        sum += (samples[y * 8 + x] - 128) * Math.cos((2 * x + 1) * u * Math.PI / 16)
                            * Math.cos((2 * y + 1) * v * Math.PI / 16);
                    }
                }
                double cu = u == 0 ? 1 / Math.sqrt(2) : 1;
                double cv = v == 0 ? 1 / Math.sqrt(2) : 1;
                out[v * 8 + u] = 0.25 * cu * cv * sum;
            }
        }
        return out;
    }

    private static double maxError(int[] samples) {
        int[] block = samples.clone();
        ForwardDct.transform(block, 0);
        double[] ref = reference(samples);
        double worst = 0;
        for (int i = 0; i < 64; i++) {
            worst = Math.max(worst, Math.abs(block[i] / 8.0 - ref[i]));
        }
        return worst;
    }

    @Test
    void matchesTheFloatFormulaOnRandomBlocks() {
        Random random = new Random(7);
        double worst = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int[] s = new int[64];
            for (int i = 0; i < 64; i++) {
                s[i] = random.nextInt(256);
            }
            worst = Math.max(worst, maxError(s));
        }
        // Integer output is 8 F rounded through two 13-bit fixed-point passes: within 1/4 of F.
        assertTrue(worst < 0.25, "worst error " + worst);
    }

    @Test
    void matchesTheFloatFormulaOnExtremeAndSmoothBlocks() {
        int[] flat0 = new int[64];
        int[] flat255 = new int[64];
        int[] checker = new int[64];
        int[] ramp = new int[64];
        for (int i = 0; i < 64; i++) {
            flat255[i] = 255;
            checker[i] = ((i / 8 + i % 8) & 1) == 0 ? 0 : 255;
            ramp[i] = (i % 8) * 32 + (i / 8) * 3;
        }
        for (int[] s : new int[][] {flat0, flat255, checker, ramp}) {
            assertTrue(maxError(s) < 0.25);
        }
        int[] dc = flat255.clone();
        ForwardDct.transform(dc, 0);
        assertTrue(dc[0] == 8 * 1016, "DC of a flat 255 block is 8 * 8 * 127, found " + dc[0]);
        for (int i = 1; i < 64; i++) {
            assertTrue(dc[i] == 0, "AC " + i + " of a flat block");
        }
    }

    @Test
    void transformsAtAnOffset() {
        Random random = new Random(3);
        int[] s = new int[64];
        for (int i = 0; i < 64; i++) {
            s[i] = random.nextInt(256);
        }
        int[] big = new int[200];
        System.arraycopy(s, 0, big, 100, 64);
        ForwardDct.transform(big, 100);
        int[] alone = s.clone();
        ForwardDct.transform(alone, 0);
        for (int i = 0; i < 64; i++) {
            assertTrue(big[100 + i] == alone[i]);
        }
    }

    /**
     * The encoder's strided kernel regroups the arithmetic of the in-place transform: it must give the same
     * coefficients for every block, here random, two-level (0/255 noise: the largest intermediate values), flat
     * at each extreme, ramps and smooth noise, read from inside a wider plane.
     */
    @Test
    void stridedKernelEqualsTheOracle() {
        Random random = new Random(11);
        int stride = 37;
        int[] plane = new int[8 * stride];
        int[] strided = new int[64];
        int[] reused = new int[64];
        FdctKernel kernel = ForwardDct.kernel();
        for (int trial = 0; trial < 200_000; trial++) {
            int kind = trial % 6;
            int offset = random.nextInt(stride - 7);
            int[] block = new int[64];
            for (int i = 0; i < 64; i++) {
                block[i] = switch (kind) {
                    case 0 -> random.nextInt(256);
                    case 1 -> random.nextBoolean() ? 0 : 255;
                    case 2 -> trial % 12 < 6 ? 0 : 255;
                    case 3 -> Math.min(255, (i % 8) * (trial % 37) + (i / 8) * (trial % 29));
                    case 4 -> (i + trial) % 2 == 0 ? 255 : 0;
                    default -> Math.max(0, Math.min(255, 128 + (int) (random.nextGaussian() * 50)));
                };
                plane[offset + (i / 8) * stride + i % 8] = block[i];
            }
            ForwardDct.transform(plane, offset, stride, strided);
            kernel.transform(plane, offset, stride, reused);
            ForwardDctOracle.transform(block, 0);
            assertArrayEquals(block, strided, "trial " + trial);
            assertArrayEquals(block, reused, "trial " + trial + ", the scalar kernel reusing its scratch");
        }
    }
}
