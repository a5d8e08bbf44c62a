package dev.tessera.jpeg.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.simd.BlockGroups;
import dev.tessera.jpeg.simd.VectorSupportTest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsamplerTest {
    /**
     * Box average. Rounding: to nearest, halves up, except for 2x1 and 2x2 whose bias alternates along the row
     * (2x1: 0, 1; 2x2: 1, 2) so that the mean rounding error is zero.
     */
    private static int[] reference(int[] in, int width, int hf, int vf, int outHeight) {
        int outWidth = width / hf;
        int[] out = new int[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                int sum = 0;
                for (int dy = 0; dy < vf; dy++) {
                    for (int dx = 0; dx < hf; dx++) {
                        sum += in[(y * vf + dy) * width + x * hf + dx];
                    }
                }
                int n = hf * vf;
                int bias = hf == 2 && vf == 1 ? (x & 1) : hf == 2 && vf == 2 ? 1 + (x & 1) : n / 2;
                out[y * outWidth + x] = (sum + bias) / n;
            }
        }
        return out;
    }

    @Test
    void alternatingBiasLeavesNoMeanShift() {
        // Over varied input the rounding errors cancel; a constant bias would shift 2x1 by +0.25.
        Random random = new Random(5);
        int width = 512;
        int rows = 64;
        int[] in = new int[width * rows * 2];
        for (int i = 0; i < in.length; i++) {
            in[i] = random.nextInt(256);
        }
        for (int[] ratio : new int[][] {{2, 1}, {2, 2}}) {
            int[] out = new int[(width / 2) * rows];
            Downsampler.of(ratio[0], ratio[1]).downsample(in, width, out, rows);
            double error = 0;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < width / 2; x++) {
                    double sum = 0;
                    for (int dy = 0; dy < ratio[1]; dy++) {
                        sum += in[(y * ratio[1] + dy) * width + 2 * x] + in[(y * ratio[1] + dy) * width + 2 * x + 1];
                    }
                    error += out[y * (width / 2) + x] - sum / (2 * ratio[1]);
                }
            }
            double meanError = error / out.length;
            assertTrue(Math.abs(meanError) < 0.02, ratio[0] + "x" + ratio[1] + " mean rounding error " + meanError);
        }
    }

    @Test
    void everyRatioAveragesItsBox() {
        Random random = new Random(11);
        int[][] ratios = {{1, 1}, {2, 1}, {1, 2}, {2, 2}, {4, 1}, {4, 2}, {1, 4}, {4, 4}, {3, 1}};
        for (int[] ratio : ratios) {
            int width = 48;
            int outHeight = 8;
            int[] in = new int[width * outHeight * ratio[1]];
            for (int i = 0; i < in.length; i++) {
                in[i] = random.nextInt(256);
            }
            int[] out = new int[(width / ratio[0]) * outHeight];
            Downsampler.of(ratio[0], ratio[1]).downsample(in, width, out, outHeight);
            int[] want = reference(in, width, ratio[0], ratio[1], outHeight);
            for (int i = 0; i < out.length; i++) {
                assertEquals(want[i], out[i], ratio[0] + "x" + ratio[1] + " at " + i);
            }
        }
    }

    /**
     * In the group layout ({@code simd.BlockGroups}) every downsampler gives the samples it gives in plain order,
     * each at its grouped position: random planes of one to three group rows of output, every factor pair.
     */
    @Test
    void groupedLayoutGivesThePlainSamplesRegrouped() {
        Random random = new Random(64);
        for (int[] ratio : new int[][] {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {4, 1}, {4, 2}, {2, 4}, {4, 4}, {1, 4}}) {
            Downsampler d = Downsampler.of(ratio[0], ratio[1]);
            for (int groups = 1; groups <= 3; groups++) {
                int outWidth = 64 * groups;
                int inWidth = outWidth * ratio[0];
                int outHeight = 8;
                int[] in = new int[inWidth * outHeight * ratio[1]];
                for (int i = 0; i < in.length; i++) {
                    in[i] = random.nextInt(256);
                }
                int[] plain = new int[outWidth * outHeight];
                d.downsample(in, inWidth, plain, outHeight);
                int[] grouped = regrouped(in, inWidth);
                int[] out = new int[outWidth * outHeight];
                d.downsampleGrouped(grouped, inWidth, out, outHeight);
                assertArrayEquals(regrouped(plain, outWidth), out, ratio[0] + "x" + ratio[1] + ", " + groups);
            }
        }
    }

    /**
     * The Vector API kernels in the group layout, 2x2 and 2x1, give the scalar kernels' samples: random planes,
     * all-0 and all-255 planes and planes of extremes alternating, one to four group rows wide. Fails (not skips)
     * in the build's run with {@code jdk.incubator.vector} if a kernel was not chosen.
     */
    @Test
    void vectorKernelsGiveTheScalarSamples() {
        VectorSupportTest.requireVector();
        for (int vf = 1; vf <= 2; vf++) {
            Downsampler vector = Downsampler.of(2, vf, true);
            assertEquals(vf == 2 ? VectorHalf.class : VectorHalfWidth.class, vector.getClass());
            Downsampler scalar = Downsampler.of(2, vf);
            Random random = new Random(420 + vf);
            for (int kind = 0; kind < 4; kind++) {
                for (int groups = 1; groups <= 4; groups++) {
                    int inWidth = 128 * groups;
                    int outHeight = 8;
                    int[] in = new int[inWidth * vf * outHeight];
                    for (int i = 0; i < in.length; i++) {
                        in[i] = switch (kind) {
                            case 0 -> random.nextInt(256);
                            case 1 -> 0;
                            case 2 -> 255;
                            default -> random.nextBoolean() ? 0 : 255;
                        };
                    }
                    int[] expected = new int[inWidth / 2 * outHeight];
                    int[] actual = new int[expected.length];
                    scalar.downsampleGrouped(in, inWidth, expected, outHeight);
                    vector.downsampleGrouped(in, inWidth, actual, outHeight);
                    assertArrayEquals(expected, actual, "2x" + vf + ", kind " + kind + ", " + groups + " groups");
                }
            }
        }
    }

    private static int[] regrouped(int[] plane, int width) {
        int[] out = plane.clone();
        for (int at = 0; at < out.length; at += width) {
            BlockGroups.regroupInPlace(out, at, width);
        }
        return out;
    }
}
