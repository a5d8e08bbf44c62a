package dev.tessera.jpeg.quant;

/**
 * Per-block strength of rate-distortion optimisation from visual masking: busy texture hides more error than
 * flat areas, so a textured block takes a larger lambda (more coefficients dropped) and a flat or gently
 * shaded one a smaller lambda (protecting it from banding, blocking and ringing). The measure is spatial:
 * the mean absolute difference between neighbouring samples inside each 4x4 quadrant of the 8x8 block, and
 * the block's activity is the smallest quadrant's (a block holding an edge next to a flat area is as
 * sensitive as its flat part, where ringing shows). The scale is (activity / reference)^strength, clamped to
 * [minScale, maxScale]. Immutable and thread-safe.
 */
public final class AdaptiveQuantization {
    private final double strength;
    private final double reference;
    private final double minScale;
    private final double maxScale;

    /**
     * @param strength  exponent of the activity ratio (0: no adaptation)
     * @param reference mean absolute neighbour difference (in sample levels) that gets scale 1
     * @param minScale  smallest scale, for flat blocks
     * @param maxScale  largest scale, for busy blocks
     */
    public AdaptiveQuantization(double strength, double reference, double minScale, double maxScale) {
        if (!(strength >= 0 && reference > 0 && minScale > 0 && maxScale >= minScale)) {
            throw new IllegalArgumentException("bad adaptive quantization parameters");
        }
        this.strength = strength;
        this.reference = reference;
        this.minScale = minScale;
        this.maxScale = maxScale;
    }

    /**
     * The lambda scale of a block.
     *
     * @param samples 64 samples of one component, row-major, at {@code offset} (any constant level shift)
     */
    public double lambdaScale(int[] samples, int offset) {
        int minimum = Integer.MAX_VALUE;
        for (int qy = 0; qy < 8; qy += 4) {
            for (int qx = 0; qx < 8; qx += 4) {
                int sum = 0;
                for (int y = qy; y < qy + 4; y++) {
                    int row = offset + y * 8;
                    for (int x = qx; x < qx + 4; x++) {
                        int s = samples[row + x];
                        // Differences to the right and below, staying inside the quadrant, so an edge
                        // beside a flat quadrant does not count for it.
                        if (x < qx + 3) {
                            sum += Math.abs(samples[row + x + 1] - s);
                        }
                        if (y < qy + 3) {
                            sum += Math.abs(samples[row + x + 8] - s);
                        }
                    }
                }
                minimum = Math.min(minimum, sum);
            }
        }
        // 24 differences per quadrant.
        double activity = minimum / 24.0 + 0.05;
        double scale = Math.pow(activity / reference, strength);
        return Math.max(minScale, Math.min(maxScale, scale));
    }
}
