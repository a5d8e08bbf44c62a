package dev.tessera.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsimTest {
    private static final double C1 = 6.5025; // (0.01 * 255)^2
    private static final double C2 = 58.5225; // (0.03 * 255)^2

    @Test
    void identicalImagesGiveExactlyOne() {
        BufferedImage a = noiseImage(40, 30, 1);
        assertEquals(1.0, Ssim.luma(a, a));
        assertEquals(1.0, Ssim.luma(a, copy(a)));
    }

    @Test
    void constantImagesGiveTheLuminanceTermByHand() {
        // Constant windows: sigma = 0, so SSIM = (2 a b + C1) / (a^2 + b^2 + C1) x C2 / C2.
        // a = 100, b = 110: (22000 + 6.5025) / (10000 + 12100 + 6.5025) = 1 - 100 / 22106.5025 = 0.99547644409...
        double ssim = Ssim.luma(gray(16, 16, 100), gray(16, 16, 110));
        assertEquals(22006.5025 / 22106.5025, ssim, 1e-12);
        assertEquals(0.99547644409, ssim, 1e-11);
        // a = 0, b = 255: C1 / (65025 + C1), almost 0.
        assertEquals(6.5025 / 65031.5025, Ssim.luma(gray(11, 11, 0), gray(11, 11, 255)), 1e-12);
    }

    @Test
    void matchesTheFormulaOnEveryWindow() {
        BufferedImage a = noiseImage(23, 17, 2);
        BufferedImage b = addNoise(a, 20, 3);
        assertEquals(direct(a, b), Ssim.luma(a, b), 1e-12);
    }

    @Test
    void isSymmetric() {
        BufferedImage a = noiseImage(31, 29, 4);
        BufferedImage b = addNoise(a, 12, 5);
        assertEquals(Ssim.luma(a, b), Ssim.luma(b, a));
    }

    @Test
    void decreasesAsNoiseGrows() {
        BufferedImage a = smoothImage(64, 48);
        double previous = 1.0;
        for (int amplitude : new int[] {1, 4, 16, 64}) {
            double ssim = Ssim.luma(a, addNoise(a, amplitude, 6));
            assertTrue(ssim < previous, "noise " + amplitude + ": " + ssim + " not below " + previous);
            previous = ssim;
        }
    }

    @Test
    void rejectsSizeMismatchAndTooSmallImages() {
        assertThrows(IllegalArgumentException.class, () -> Ssim.luma(gray(16, 16, 0), gray(16, 17, 0)));
        assertThrows(IllegalArgumentException.class, () -> Ssim.luma(gray(10, 16, 0), gray(10, 16, 0)));
    }

    /** Eq. 13 of the paper evaluated window by window with an explicit 11x11 Gaussian window. */
    private static double direct(BufferedImage a, BufferedImage b) {
        double[][] w = new double[11][11];
        double total = 0;
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 11; j++) {
                w[i][j] = Math.exp(-((i - 5) * (i - 5) + (j - 5) * (j - 5)) / (2 * 1.5 * 1.5));
                total += w[i][j];
            }
        }
        double sum = 0;
        int count = 0;
        for (int y = 0; y + 11 <= a.getHeight(); y++) {
            for (int x = 0; x + 11 <= a.getWidth(); x++) {
                double mx = 0;
                double my = 0;
                for (int i = 0; i < 11; i++) {
                    for (int j = 0; j < 11; j++) {
                        mx += w[i][j] / total * luma(a, x + j, y + i);
                        my += w[i][j] / total * luma(b, x + j, y + i);
                    }
                }
                double vx = 0;
                double vy = 0;
                double cov = 0;
                for (int i = 0; i < 11; i++) {
                    for (int j = 0; j < 11; j++) {
                        double dx = luma(a, x + j, y + i) - mx;
                        double dy = luma(b, x + j, y + i) - my;
                        vx += w[i][j] / total * dx * dx;
                        vy += w[i][j] / total * dy * dy;
                        cov += w[i][j] / total * dx * dy;
                    }
                }
                sum += (2 * mx * my + C1) * (2 * cov + C2) / ((mx * mx + my * my + C1) * (vx + vy + C2));
                count++;
            }
        }
        return sum / count;
    }

    private static double luma(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        return 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
    }

    static BufferedImage gray(int w, int h, int value) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, value * 0x010101);
            }
        }
        return img;
    }

    static BufferedImage noiseImage(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return img;
    }

    /** Smooth colour gradients with some edges, 8-bit sRGB. */
    static BufferedImage smoothImage(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = (int) (127.5 + 100 * Math.sin(x * 0.15) * Math.cos(y * 0.1));
                int green = (x * 255) / w;
                int blue = ((x / 8 + y / 8) % 2 == 0) ? 60 : 190;
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    /** Adds uniform noise in -amplitude..amplitude to each sample, clamped to 0..255. */
    static BufferedImage addNoise(BufferedImage src, int amplitude, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                int out = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int v = ((p >> shift) & 0xFF) + r.nextInt(2 * amplitude + 1) - amplitude;
                    out = out << 8 | Math.max(0, Math.min(255, v));
                }
                img.setRGB(x, y, out);
            }
        }
        return img;
    }

    static BufferedImage copy(BufferedImage src) {
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        img.getGraphics().drawImage(src, 0, 0, null);
        return img;
    }
}
