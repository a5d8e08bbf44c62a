package dev.tessera.metrics;

/**
 * Linear sRGB to the XYB colour space of JPEG XL (the forward direction of the transform whose inverse ISO/IEC
 * 18181-1 specifies, with libjxl's opsin absorbance matrix and bias), then rescaled to roughly 0..1 the way
 * SSIMULACRA 2.1 does before comparing images.
 *
 * <p>Per pixel: L, M, S = opsin absorbance matrix x (R, G, B) + bias, clamped at 0; each is replaced by
 * cbrt(v) - cbrt(bias); then X = (L - M) / 2, Y = (L + M) / 2, B = S. SSIMULACRA 2.1 then uses
 * X' = 14 X + 0.42, Y' = Y + 0.01, B' = B - Y + 0.55 (its {@code MakePositiveXYB}), which keeps every sRGB
 * colour inside 0..1, so that a pixel difference never exceeds 1 in its SSIM formula.
 */
final class Xyb {
    // JPEG XL opsin absorbance matrix (rows L, M, S); each row sums to 1.
    private static final double M00 = 0.30;
    private static final double M01 = 0.622;
    private static final double M02 = 0.078;
    private static final double M10 = 0.23;
    private static final double M11 = 0.692;
    private static final double M12 = 0.078;
    private static final double M20 = 0.24342268924547819;
    private static final double M21 = 0.20476744424496821;
    private static final double M22 = 1.0 - M20 - M21;
    /** Opsin absorbance bias, the same for L, M and S. */
    private static final double BIAS = 0.0037930732552754493;
    private static final double CBRT_BIAS = Math.cbrt(BIAS);

    private Xyb() {
    }

    /** The rescaled X', Y', B' planes of a linear sRGB image. */
    static float[][] positiveXyb(LinearRgbImage img) {
        int n = img.width * img.height;
        float[] r = img.planes[0];
        float[] g = img.planes[1];
        float[] b = img.planes[2];
        float[][] out = new float[3][n];
        float[] ox = out[0];
        float[] oy = out[1];
        float[] ob = out[2];
        for (int i = 0; i < n; i++) {
            double l = M00 * r[i] + M01 * g[i] + M02 * b[i] + BIAS;
            double m = M10 * r[i] + M11 * g[i] + M12 * b[i] + BIAS;
            double s = M20 * r[i] + M21 * g[i] + M22 * b[i] + BIAS;
            l = Math.cbrt(Math.max(l, 0)) - CBRT_BIAS;
            m = Math.cbrt(Math.max(m, 0)) - CBRT_BIAS;
            s = Math.cbrt(Math.max(s, 0)) - CBRT_BIAS;
            double x = 0.5 * (l - m);
            double y = 0.5 * (l + m);
            ox[i] = (float) (14 * x + 0.42);
            oy[i] = (float) (y + 0.01);
            ob[i] = (float) (s - y + 0.55);
        }
        return out;
    }
}
