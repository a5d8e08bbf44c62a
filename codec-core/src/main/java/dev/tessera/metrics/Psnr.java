package dev.tessera.metrics;

import java.awt.image.BufferedImage;

/**
 * Peak signal-to-noise ratio between two 8-bit images: 10 log10(255^2 / MSE), in dB. Identical images give
 * {@link Double#POSITIVE_INFINITY}.
 */
public final class Psnr {
    private Psnr() {
    }

    /** PSNR over interleaved samples of equal length (all channels pooled, as ImageMagick's "all channels"). */
    public static double of(byte[] a, byte[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("sample arrays differ in length: " + a.length + " and " + b.length);
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            sum += (long) d * d;
        }
        return fromSquaredError(sum, a.length);
    }

    /** PSNR over the R, G and B channels of two images of equal size (read through getRGB, i.e. sRGB). */
    public static double rgb(BufferedImage a, BufferedImage b) {
        checkSize(a, b);
        int w = a.getWidth();
        int[] ra = new int[w];
        int[] rb = new int[w];
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, w, 1, ra, 0, w);
            b.getRGB(0, y, w, 1, rb, 0, w);
            for (int x = 0; x < w; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((ra[x] >> shift) & 0xFF) - ((rb[x] >> shift) & 0xFF);
                    sum += (long) d * d;
                }
            }
        }
        return fromSquaredError(sum, 3L * w * a.getHeight());
    }

    /** PSNR of luma Y = 0.299 R + 0.587 G + 0.114 B (T.871 clause 7), unrounded. */
    public static double luma(BufferedImage a, BufferedImage b) {
        checkSize(a, b);
        int w = a.getWidth();
        int[] ra = new int[w];
        int[] rb = new int[w];
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, w, 1, ra, 0, w);
            b.getRGB(0, y, w, 1, rb, 0, w);
            for (int x = 0; x < w; x++) {
                double d = luma(ra[x]) - luma(rb[x]);
                sum += d * d;
            }
        }
        double mse = sum / ((double) w * a.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    private static double fromSquaredError(long sum, long count) {
        if (sum == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mse = (double) sum / count;
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static void checkSize(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("image sizes differ: " + a.getWidth() + "x" + a.getHeight()
                + " and " + b.getWidth() + "x" + b.getHeight());
        }
    }
}
