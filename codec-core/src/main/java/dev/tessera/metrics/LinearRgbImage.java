package dev.tessera.metrics;

/**
 * An image in linear-light sRGB: three float planes (R, G, B), 0..1, {@code width * height} samples each, row by
 * row. Mutable scratch data for the metrics; not shared.
 */
final class LinearRgbImage {
    /** IEC 61966-2-1 sRGB decoding of each 8-bit code value. */
    private static final float[] SRGB_TO_LINEAR = srgbToLinearTable();

    final int width;
    final int height;
    final float[][] planes;

    LinearRgbImage(int width, int height) {
        this.width = width;
        this.height = height;
        this.planes = new float[3][width * height];
    }

    /** Decodes packed {@code 0xRRGGBB} sRGB pixels. */
    static LinearRgbImage fromSrgb(int[] rgb, int width, int height) {
        LinearRgbImage img = new LinearRgbImage(width, height);
        float[] r = img.planes[0];
        float[] g = img.planes[1];
        float[] b = img.planes[2];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            r[i] = SRGB_TO_LINEAR[(p >> 16) & 0xFF];
            g[i] = SRGB_TO_LINEAR[(p >> 8) & 0xFF];
            b[i] = SRGB_TO_LINEAR[p & 0xFF];
        }
        return img;
    }

    /**
     * Half the size, rounded up, each pixel the mean of a 2x2 block; a block running past the right or bottom
     * edge repeats the last column or row (as the SSIMULACRA 2 tool's {@code Downsample}).
     */
    LinearRgbImage halved() {
        int ow = (width + 1) / 2;
        int oh = (height + 1) / 2;
        LinearRgbImage out = new LinearRgbImage(ow, oh);
        for (int c = 0; c < 3; c++) {
            float[] in = planes[c];
            float[] o = out.planes[c];
            for (int oy = 0; oy < oh; oy++) {
                int row0 = 2 * oy * width;
                int row1 = Math.min(2 * oy + 1, height - 1) * width;
                for (int ox = 0; ox < ow; ox++) {
                    int x0 = 2 * ox;
                    int x1 = Math.min(x0 + 1, width - 1);
                    o[oy * ow + ox] = (in[row0 + x0] + in[row0 + x1] + in[row1 + x0] + in[row1 + x1]) * 0.25f;
                }
            }
        }
        return out;
    }

    private static float[] srgbToLinearTable() {
        float[] t = new float[256];
        for (int v = 0; v < 256; v++) {
            double e = v / 255.0;
            t[v] = (float) (e <= 0.04045 ? e / 12.92 : Math.pow((e + 0.055) / 1.055, 2.4));
        }
        return t;
    }
}
