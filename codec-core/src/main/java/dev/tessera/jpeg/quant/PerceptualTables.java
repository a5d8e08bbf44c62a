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
 * Compared with Annex K (K.1), the luma table is smooth: no dip at (0, 2) and no peaks around (3, 5) and
 * (4, 5); chroma keeps far more of its middle and high frequencies than K.2's flat 99s. The shape parameters
 * (a, p, oblique, and the ratios of Q(0,0) and q0 between the tables) were fitted on the odd-numbered Kodak
 * images for BD-rate against SSIMULACRA 2, butteraugli and PSNR together; the even images and the camera
 * photos were held out (docs/compression.md). The overall scale (0.8 of the fitted one) makes quality 75 score
 * as libjpeg's quality 75 does on SSIMULACRA 2 (Kodak odd images: 74.1 against 74.3) with about 15% fewer
 * bytes: the IJG quality number keeps its meaning.
 */
public final class PerceptualTables {
    /** Luma: Q(0,0) 13, q0 7.2, a 9, p 1.2, oblique 0.4. */
    public static final QuantTable LUMINANCE = generate(13, 7.2, 9, 1.2, 0.4);
    /** Chroma: Q(0,0) 14, q0 11.2, a 3, p 1.0, oblique 0.2. */
    public static final QuantTable CHROMINANCE = generate(14, 11.2, 3, 1.0, 0.2);

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
