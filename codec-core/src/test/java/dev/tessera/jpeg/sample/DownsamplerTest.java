package dev.tessera.jpeg.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
