package dev.tessera.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CosineGaussianBlurTest {
    @Test
    void kernelHasUnitSumAndFollowsTheGaussian() {
        double[] g = CosineGaussianBlur.kernelTaps(1.5);
        assertEquals(5, g.length); // N = round(3.2795 * 1.5 + 0.2546) = 5; g(+-5) = 0
        double sum = g[0];
        double variance = 0;
        for (int j = 1; j < g.length; j++) {
            sum += 2 * g[j];
            variance += 2 * j * j * g[j];
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(1.5 * 1.5, variance, 0.01);
        double norm = 0;
        for (int j = -6; j <= 6; j++) {
            norm += Math.exp(-j * j / (2 * 1.5 * 1.5));
        }
        // Within 0.002 of the sampled Gaussian; the outer tap takes up some of the truncated tail.
        for (int j = 0; j < g.length; j++) {
            assertEquals(Math.exp(-j * j / (2 * 1.5 * 1.5)) / norm, g[j], 0.002, "tap " + j);
        }
    }

    @Test
    void impulseGivesTheOuterProductOfTheTaps() {
        int w = 15;
        int h = 13;
        float[] in = new float[w * h];
        in[6 * w + 7] = 1;
        float[] out = new float[w * h];
        new CosineGaussianBlur(1.5).apply(in, out, new float[w * h], w, h);
        double[] g = CosineGaussianBlur.kernelTaps(1.5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx = Math.abs(x - 7);
                int dy = Math.abs(y - 6);
                double expected = dx < g.length && dy < g.length ? g[dx] * g[dy] : 0;
                assertEquals(expected, out[y * w + x], 1e-7, "at " + x + "," + y);
            }
        }
    }

    @Test
    void zeroOutsideTheImage() {
        // A constant plane keeps its value inside and loses the weight of the missing taps at the borders.
        int w = 20;
        int h = 20;
        float[] in = new float[w * h];
        java.util.Arrays.fill(in, 1f);
        float[] out = new float[w * h];
        new CosineGaussianBlur(1.5).apply(in, out, new float[w * h], w, h);
        double[] g = CosineGaussianBlur.kernelTaps(1.5);
        double oneSide = g[0] + g[1] + g[2] + g[3] + g[4];
        assertEquals(1.0, out[10 * w + 10], 1e-6);
        assertEquals(oneSide, out[10 * w], 1e-6);
        assertEquals(oneSide * oneSide, out[0], 1e-6);
    }
}
