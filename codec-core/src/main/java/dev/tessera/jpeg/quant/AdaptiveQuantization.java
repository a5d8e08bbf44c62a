package dev.tessera.jpeg.quant;

/**
 * Per-block strength of rate-distortion optimisation from visual masking: busy blocks hide more error than
 * flat ones, so they take a larger lambda (more zeroed coefficients) and flat or gently shaded blocks a
 * smaller one (protecting them from banding and blocking). The activity measure is the block's AC energy in
 * the DCT domain, relative to a reference level; the scale is (activity / reference)^strength, clamped.
 * Immutable and thread-safe.
 */
public final class AdaptiveQuantization {
    private final double strength;
    private final double reference;
    private final double minScale;
    private final double maxScale;

    /**
     * @param strength  exponent of the activity ratio (0: no adaptation)
     * @param reference AC activity (mean absolute AC coefficient, orthonormal DCT scale) that gets scale 1
     * @param minScale  smallest scale, for flat blocks
     * @param maxScale  largest scale, for busy blocks
     */
    public AdaptiveQuantization(double strength, double reference, double minScale, double maxScale) {
        this.strength = strength;
        this.reference = reference;
        this.minScale = minScale;
        this.maxScale = maxScale;
    }

    /**
     * The lambda scale of a block.
     *
     * @param coefficients 64 forward-DCT outputs in natural order (scaled by 8)
     */
    public double lambdaScale(int[] coefficients, int offset) {
        long sum = 0;
        for (int n = 1; n < 64; n++) {
            int c = coefficients[offset + n];
            sum += c < 0 ? -c : c;
        }
        double activity = sum * (0.125 / 63) + 1e-3;
        double scale = Math.pow(activity / reference, strength);
        return Math.max(minScale, Math.min(maxScale, scale));
    }
}
