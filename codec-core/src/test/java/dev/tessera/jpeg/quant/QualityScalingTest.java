package dev.tessera.jpeg.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.StandardTables;
import org.junit.jupiter.api.Test;

class QualityScalingTest {
    @Test
    void quality50IsTheAnnexTable() {
        assertEquals(StandardTables.LUMINANCE_QUANT, QualityScaling.scale(StandardTables.LUMINANCE_QUANT, 50, true));
    }

    @Test
    void quality100IsAllOnes() {
        QuantTable t = QualityScaling.scale(StandardTables.CHROMINANCE_QUANT, 100, true);
        for (int i = 0; i < 64; i++) {
            assertEquals(1, t.get(i));
        }
    }

    @Test
    void lowQualityClampsToBaselineOrNot() {
        QuantTable baseline = QualityScaling.scale(StandardTables.LUMINANCE_QUANT, 1, true);
        QuantTable extended = QualityScaling.scale(StandardTables.LUMINANCE_QUANT, 1, false);
        assertEquals(255, baseline.get(63));
        assertEquals(0, baseline.precision());
        assertEquals(4950, extended.get(63)); // 99 * 5000 / 100
        assertEquals(1, extended.precision());
    }

    @Test
    void followsTheIjgFormula() {
        for (int q = 1; q <= 100; q++) {
            int scale = q < 50 ? 5000 / q : 200 - 2 * q;
            QuantTable t = QualityScaling.scale(StandardTables.LUMINANCE_QUANT, q, true);
            for (int i = 0; i < 64; i++) {
                int expected = Math.max(1, Math.min(255, (StandardTables.LUMINANCE_QUANT.get(i) * scale + 50) / 100));
                assertEquals(expected, t.get(i), "q" + q + " at " + i);
            }
            // Tables never get finer as quality drops.
            if (q > 1) {
                QuantTable lower = QualityScaling.scale(StandardTables.LUMINANCE_QUANT, q - 1, true);
                for (int i = 0; i < 64; i++) {
                    assertTrue(lower.get(i) >= t.get(i));
                }
            }
        }
    }

    @Test
    void rejectsQualityOutsideTheScale() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QualityScaling.scaleFactor(0));
        assertTrue(e.getMessage().contains("1..100"));
        assertThrows(IllegalArgumentException.class, () -> QualityScaling.scaleFactor(101));
    }
}
