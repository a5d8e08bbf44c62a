package dev.tessera.jpeg.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.QuantTable;
import org.junit.jupiter.api.Test;

class PerceptualTablesTest {
    @Test
    void stepsGrowWithFrequencyAlongEachAxis() {
        for (QuantTable t : new QuantTable[] {PerceptualTables.luminance(30), PerceptualTables.luminance(75),
            PerceptualTables.luminance(95), PerceptualTables.CHROMINANCE}) {
            for (int i = 1; i < 7; i++) {
                assertTrue(t.get(i + 1) >= t.get(i), "row 0 at " + i + ": " + t);
                assertTrue(t.get((i + 1) * 8) >= t.get(i * 8), "column 0 at " + i + ": " + t);
            }
            for (int i = 0; i < 64; i++) {
                assertTrue(t.get(i) >= 1 && t.get(i) <= 255, "baseline range at " + i);
            }
        }
    }

    @Test
    void lumaSlopeFallsWithQualityBetween30And90() {
        // Same low-frequency steps, coarser highest frequency at low quality: the ratio of (7,7) to (0,1).
        double steep = ratio(PerceptualTables.luminance(30));
        double middle = ratio(PerceptualTables.luminance(60));
        double flat = ratio(PerceptualTables.luminance(90));
        assertTrue(steep > middle && middle > flat, steep + " > " + middle + " > " + flat);
        assertEquals(PerceptualTables.luminance(10), PerceptualTables.luminance(30));
        assertEquals(PerceptualTables.luminance(90), PerceptualTables.luminance(100));
        assertEquals(PerceptualTables.luminance(30).get(0), PerceptualTables.luminance(90).get(0));
    }

    @Test
    void diagonalFrequenciesGetCoarserStepsThanAxialOnesAtTheSameRadius() {
        QuantTable luma = PerceptualTables.luminance(75);
        // (3,4) and (0,5) have the same radial frequency; the diagonal one is coarser (oblique effect).
        assertTrue(luma.get(4 * 8 + 3) > luma.get(5), luma.toString());
    }

    private static double ratio(QuantTable t) {
        return (double) t.get(63) / t.get(1);
    }
}
