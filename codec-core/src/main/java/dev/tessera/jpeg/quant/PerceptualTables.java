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
 * (4, 5); chroma keeps far more of its middle and high frequencies than K.2's flat 99s. The luma slope a
 * depends on quality ({@link #luminance}): steep at low quality, where high frequencies are not worth their
 * bits, flatter at high quality, where they are. The shape parameters (a and its fall with quality, p,
 * oblique, Q(0,0) and q0 of each table) were fitted on the odd-numbered Kodak images for BD-rate against
 * SSIMULACRA 2, butteraugli and PSNR together, with the trellis quantizer of the DEFAULT preset; the even
 * Kodak images and two sets of other photos were held out (docs/compression.md). The overall scale (0.95 of
 * the fitted one) makes quality 75 look like libjpeg's quality 75 or better on SSIMULACRA 2 and PSNR (all 24
 * Kodak images: 74.2 against 73.9, 34.54 dB against 34.52 dB) with 17% fewer bytes: the IJG quality number
 * keeps its meaning.
 */
public final class PerceptualTables {
    /** Overall scale of both tables (see the class comment). */
    private static final double SCALE = 0.95;
    /** Luma slope a at quality 30 and below; falls linearly to {@link #SLOPE_HIGH} at quality 90. */
    static final double SLOPE_LOW = 14;
    /** Luma slope a at quality 90 and above. */
    static final double SLOPE_HIGH = 9;
    /** Chroma: Q(0,0) 10, q0 12.5, a 3, p 1.0, oblique 0.2 (times the overall scale). */
    public static final QuantTable CHROMINANCE = generate(SCALE * 10, SCALE * 12.5, 3, 1.0, 0.2);

    private PerceptualTables() {
    }

    /**
     * The luma base table for an IJG quality: Q(0,0) 11, q0 7.2 (times the overall scale), p 1.1, oblique 0.4,
     * and a slope a that falls linearly from 14 at quality 30 to 9 at quality 90 (constant outside).
     */
    public static QuantTable luminance(int quality) {
        double t = Math.max(0, Math.min(1, (quality - 30) / 60.0));
        return generate(SCALE * 11, SCALE * 7.2, SLOPE_LOW + (SLOPE_HIGH - SLOPE_LOW) * t, 1.1, 0.4);
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
