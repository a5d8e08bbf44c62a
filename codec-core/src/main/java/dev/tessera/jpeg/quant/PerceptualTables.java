package dev.tessera.jpeg.quant;

import dev.tessera.jpeg.model.QuantTable;

/**
 * Tessera's perceptual base quantization tables (the quality-50 tables; {@link QualityScaling} scales them by
 * IJG quality exactly as it scales Annex K's). They are a smooth model rather than measured thresholds:
 * <pre>
 *     Q(u, v) = q0 * (1 + a * r'^p),   r' = r * (1 + oblique * sin^2(2 theta)),   r = sqrt(u^2 + v^2) / (7 sqrt 2)
 * </pre>
 * with theta the orientation of frequency (u, v) and Q(0, 0) set apart: step sizes grow with radial frequency
 * as contrast sensitivity falls (a contrast-sensitivity shape in the spirit of Mannos and Sakrison, IEEE
 * Trans. Information Theory 20(4), 1974), and diagonal frequencies get coarser steps (the oblique effect).
 * Compared with Annex K, the low and middle luma frequencies get finer steps than K.1's middle band
 * and the highest frequencies a little coarser-to-similar; chroma keeps far more of its middle
 * frequencies than K.2's flat 99s. The five parameters per table were fitted on the odd-numbered Kodak
 * images for BD-rate against SSIMULACRA 2, butteraugli and PSNR together (docs/compression.md); the even
 * images and the camera photos were held out.
 */
public final class PerceptualTables {
    /** Luma: Q(0,0) 16, q0 9, a 9, p 1.2, oblique 0.4. */
    public static final QuantTable LUMINANCE = generate(16, 9, 9, 1.2, 0.4);
    /** Chroma: Q(0,0) 17, q0 14, a 3, p 1.0, oblique 0.2. */
    public static final QuantTable CHROMINANCE = generate(17, 14, 3, 1.0, 0.2);

    private PerceptualTables() {
    }

    /** The table of the model above, natural order, each entry rounded and clamped to 1..255. */
    static QuantTable generate(double dc, double q0, double a, double p, double oblique) {
        int[] t = new int[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double r = Math.sqrt(u * u + v * v) / (7 * Math.sqrt(2));
                double s = Math.sin(2 * Math.atan2(v, u));
                double q = u == 0 && v == 0 ? dc : q0 * (1 + a * Math.pow(r * (1 + oblique * s * s), p));
                t[v * 8 + u] = (int) Math.max(1, Math.min(255, Math.round(q)));
            }
        }
        return QuantTable.ofNatural(t);
    }
}
