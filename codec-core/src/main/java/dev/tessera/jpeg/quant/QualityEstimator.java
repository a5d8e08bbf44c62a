package dev.tessera.jpeg.quant;

import dev.tessera.jpeg.model.QualityEstimate;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.StandardTables;

/**
 * Estimates the IJG quality that made a luma quantization table: the quality whose scaling of Annex K Table K.1
 * ({@link QualityScaling#scale}, clamped to 8 bits) is closest to the table (see {@link QualityEstimate}).
 */
public final class QualityEstimator {
    private QualityEstimator() {
    }

    /** The estimate for a luma table (the table of the first component). */
    public static QualityEstimate ofLuma(QuantTable luma) {
        int bestQuality = 1;
        double bestError = Double.POSITIVE_INFINITY;
        for (int q = 1; q <= 100; q++) {
            QuantTable scaled = QualityScaling.scale(StandardTables.LUMINANCE_QUANT, q, true);
            double error = 0;
            for (int n = 0; n < 64; n++) {
                // A zero entry (outside B.2.4.1, accepted by libjpeg) counts as 1.
                error += Math.abs(Math.log(Math.max(1, luma.get(n)) / (double) scaled.get(n)));
            }
            if (error <= bestError) {
                bestError = error;
                bestQuality = q;
            }
        }
        return new QualityEstimate(bestQuality, bestError == 0, bestError / 64);
    }
}
