package dev.tessera.metrics;

import static dev.tessera.metrics.SsimTest.addNoise;
import static dev.tessera.metrics.SsimTest.copy;
import static dev.tessera.metrics.SsimTest.gray;
import static dev.tessera.metrics.SsimTest.smoothImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class Ssimulacra2Test {
    @Test
    void identicalImagesScoreExactly100() {
        BufferedImage a = smoothImage(300, 200);
        assertEquals(100.0, Ssimulacra2.score(a, a));
        assertEquals(100.0, Ssimulacra2.score(a, copy(a)));
    }

    @Test
    void decreasesAsNoiseGrows() {
        BufferedImage a = smoothImage(300, 200);
        double previous = 100.0;
        for (int amplitude : new int[] {1, 4, 16, 64}) {
            double score = Ssimulacra2.score(a, addNoise(a, amplitude, 7));
            assertTrue(score < previous, "noise " + amplitude + ": " + score + " not below " + previous);
            previous = score;
        }
        assertTrue(previous < 50, "strong noise still scores " + previous);
    }

    @Test
    void grayImagesReadAsSrgbGray() {
        BufferedImage rgb = gray(64, 48, 90);
        BufferedImage byteGray = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        byteGray.getRaster().setSamples(0, 0, 64, 48, 0, filled(64 * 48, 90));
        assertEquals(100.0, Ssimulacra2.score(rgb, byteGray));
    }

    @Test
    void imagesSmallerThan8HaveNoScaleAndScore100() {
        assertEquals(100.0, Ssimulacra2.score(gray(7, 20, 0), gray(7, 20, 255)));
    }

    @Test
    void rejectsSizeMismatch() {
        assertThrows(IllegalArgumentException.class, () -> Ssimulacra2.score(gray(16, 16, 0), gray(17, 16, 0)));
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
