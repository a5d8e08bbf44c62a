package dev.tessera.metrics;

import java.awt.image.BufferedImage;

/**
 * Mean structural similarity (SSIM) of the luma of two images: Z. Wang, A. C. Bovik, H. R. Sheikh and
 * E. P. Simoncelli, "Image quality assessment: from error visibility to structural similarity", IEEE Trans.
 * Image Processing 13(4), 2004.
 *
 * <p>Variant: the paper's own (section III.C and its reference code {@code ssim_index.m}), on luma
 * Y = 0.299 R + 0.587 G + 0.114 B (BT.601, unrounded, 0..255) of the 8-bit sRGB samples:
 * <ul>
 *   <li>an 11x11 circular-symmetric Gaussian window, standard deviation 1.5 samples, normalised to unit sum;</li>
 *   <li>the window only at positions where it lies wholly inside the image (MATLAB's {@code 'valid'}), so the
 *       SSIM map is (width - 10) x (height - 10) and its plain mean is the result (MSSIM, eq. 17);</li>
 *   <li>K1 = 0.01, K2 = 0.03, L = 255, so C1 = (K1 L)^2 and C2 = (K2 L)^2 (eq. 7, 9);</li>
 *   <li>no downsampling of large images (the later {@code ssim.m} of 2009 downsamples by
 *       round(min(width, height) / 256); this class does not).</li>
 * </ul>
 * The result is at most 1 and is exactly 1.0 for identical images; it is symmetric in its arguments.
 */
public final class Ssim {
    /** Side of the square window, in samples. */
    public static final int WINDOW = 11;
    /** Standard deviation of the Gaussian window, in samples. */
    public static final double SIGMA = 1.5;

    private static final double L = 255;
    private static final double C1 = (0.01 * L) * (0.01 * L);
    private static final double C2 = (0.03 * L) * (0.03 * L);
    private static final double[] TAPS = gaussianTaps();

    private Ssim() {
    }

    /**
     * Mean SSIM of the luma of two images of equal size, each at least 11x11.
     *
     * @throws IllegalArgumentException when the sizes differ or an image is smaller than the window
     */
    public static double luma(BufferedImage a, BufferedImage b) {
        SrgbPixels.checkSameSize(a, b);
        int w = a.getWidth();
        int h = a.getHeight();
        if (w < WINDOW || h < WINDOW) {
            throw new IllegalArgumentException("SSIM needs at least " + WINDOW + "x" + WINDOW + " pixels, found "
                + w + "x" + h);
        }
        return mean(luma(SrgbPixels.read(a)), luma(SrgbPixels.read(b)), w, h);
    }

    /** Mean SSIM of two planes of samples in 0..255, {@code width * height} each, row by row. */
    static double mean(double[] x, double[] y, int width, int height) {
        double[] xy = new double[x.length];
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xy[i] = x[i] * y[i];
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
        }
        int ow = width - WINDOW + 1;
        int oh = height - WINDOW + 1;
        double[] muX = windowMeans(x, width, height);
        double[] muY = windowMeans(y, width, height);
        double[] meanXx = windowMeans(xx, width, height);
        double[] meanYy = windowMeans(yy, width, height);
        double[] meanXy = windowMeans(xy, width, height);
        double sum = 0;
        for (int i = 0; i < ow * oh; i++) {
            double mx = muX[i];
            double my = muY[i];
            double mxy = mx * my;
            // eq. 13; products written so that swapping the images, or equal images, give bit-identical terms.
            double varX = meanXx[i] - mx * mx;
            double varY = meanYy[i] - my * my;
            double cov = meanXy[i] - mxy;
            double numerator = (2 * mxy + C1) * (2 * cov + C2);
            double denominator = (mx * mx + my * my + C1) * (varX + varY + C2);
            sum += numerator / denominator;
        }
        return sum / ((double) ow * oh);
    }

    /** Gaussian-weighted means over every window lying wholly inside the plane; (w - 10) x (h - 10) of them. */
    private static double[] windowMeans(double[] in, int width, int height) {
        int ow = width - WINDOW + 1;
        int oh = height - WINDOW + 1;
        double[] rows = new double[ow * height];
        for (int y = 0; y < height; y++) {
            int src = y * width;
            int dst = y * ow;
            for (int x = 0; x < ow; x++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += TAPS[k] * in[src + x + k];
                }
                rows[dst + x] = s;
            }
        }
        double[] out = new double[ow * oh];
        for (int y = 0; y < oh; y++) {
            int dst = y * ow;
            for (int k = 0; k < WINDOW; k++) {
                double t = TAPS[k];
                int src = (y + k) * ow;
                for (int x = 0; x < ow; x++) {
                    out[dst + x] += t * rows[src + x];
                }
            }
        }
        return out;
    }

    /** One dimension of the separable window: exp(-d^2 / (2 sigma^2)), d = -5..5, normalised to unit sum. */
    private static double[] gaussianTaps() {
        double[] taps = new double[WINDOW];
        double sum = 0;
        for (int k = 0; k < WINDOW; k++) {
            double d = k - WINDOW / 2;
            taps[k] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            sum += taps[k];
        }
        for (int k = 0; k < WINDOW; k++) {
            taps[k] /= sum;
        }
        return taps;
    }

    private static double[] luma(int[] rgb) {
        double[] y = new double[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            y[i] = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
        }
        return y;
    }
}
