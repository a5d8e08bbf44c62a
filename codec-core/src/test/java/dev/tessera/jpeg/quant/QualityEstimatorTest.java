package dev.tessera.jpeg.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.QualityEstimate;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.StandardTables;
import org.junit.jupiter.api.Test;

class QualityEstimatorTest {
    @Test
    void findsEveryIjgQualityWhoseTableIsDistinct() {
        for (int q = 1; q <= 100; q++) {
            QuantTable table = QualityScaling.scale(StandardTables.LUMINANCE_QUANT, q, true);
            QualityEstimate estimate = QualityEstimator.ofLuma(table);
            assertTrue(estimate.ijg(), "q=" + q);
            assertEquals(0, estimate.meanError());
            // Qualities that clamp to the same table are indistinguishable; the estimate gives the same table.
            assertEquals(table,
                QualityScaling.scale(StandardTables.LUMINANCE_QUANT, estimate.quality(), true));
            if (q >= 10) {
                assertEquals(q, estimate.quality());
            }
        }
    }

    @Test
    void flagsTablesThatAreNotIjg() {
        int[] flat = new int[64];
        java.util.Arrays.fill(flat, 10);
        QualityEstimate estimate = QualityEstimator.ofLuma(QuantTable.ofNatural(flat));
        assertFalse(estimate.ijg());
        assertTrue(estimate.meanError() > 0);
    }

    @Test
    void nearbyTableGivesNearbyQuality() {
        int[] values = QualityScaling.scale(StandardTables.LUMINANCE_QUANT, 85, true).toNaturalArray();
        values[63] += 1;
        QualityEstimate estimate = QualityEstimator.ofLuma(QuantTable.ofNatural(values));
        assertFalse(estimate.ijg());
        assertEquals(85, estimate.quality());
    }
}
