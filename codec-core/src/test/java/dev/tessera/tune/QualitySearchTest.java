package dev.tessera.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.metrics.Ssimulacra2;
import dev.tessera.testing.JdkJpeg;
import dev.tessera.testing.TestImageGenerator;
import dev.tessera.tune.QualitySearch.Result;
import dev.tessera.tune.QualitySearch.Target;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class QualitySearchTest {
    private static final BufferedImage IMAGE = TestImageGenerator.landscape();
    private static final QualitySearch SEARCH =
        new QualitySearch(EncoderOptions.DEFAULT, jpeg -> JdkJpeg.decode(jpeg).image());

    private static byte[] encode(int quality) throws IOException {
        return new JpegEncoder(EncoderOptions.DEFAULT.withQuality(quality)).encode(IMAGE);
    }

    private static double score(int quality) throws IOException {
        return Ssimulacra2.score(IMAGE, JdkJpeg.decode(encode(quality)).image());
    }

    @Test
    void sizeTargetGivesTheHighestQualityThatFits() throws IOException {
        long budget = encode(60).length + 1;
        Result result = SEARCH.search(IMAGE, Target.maxBytes(budget));
        assertTrue(result.met());
        assertTrue(result.bytes() <= budget);
        assertEquals(result.bytes(), (long) result.achieved());
        // Oracle: the next quality up no longer fits.
        if (result.quality() < 100) {
            assertTrue(encode(result.quality() + 1).length > budget, result.toString());
        }
        assertTrue(result.quality() >= 60, result.toString());
        assertTrue(result.encodes() <= 8, result.toString());
    }

    @Test
    void bitsPerPixelTargetMatchesTheByteBudget() throws IOException {
        double bpp = 1.2;
        long budget = (long) Math.floor(bpp * IMAGE.getWidth() * IMAGE.getHeight() / 8);
        Result byBpp = SEARCH.search(IMAGE, Target.bitsPerPixel(bpp));
        Result byBytes = SEARCH.search(IMAGE, Target.maxBytes(budget));
        assertEquals(byBytes.quality(), byBpp.quality());
        assertTrue(byBpp.achieved() <= bpp);
    }

    @Test
    void scoreTargetGivesTheLowestQualityThatMeetsIt() throws IOException {
        Result result = SEARCH.search(IMAGE, Target.ssimulacra2(70));
        assertTrue(result.met(), result.toString());
        assertTrue(result.achieved() >= 70);
        assertEquals(score(result.quality()), result.achieved(), 1e-9);
        if (result.quality() > 1) {
            assertTrue(score(result.quality() - 1) < 70, result.toString());
        }
        assertEquals(result.bytes(), result.jpeg().length);
    }

    @Test
    void unreachableTargetsReportTheNearestEnd() throws IOException {
        Result tooSmall = SEARCH.search(IMAGE, Target.maxBytes(10));
        assertFalse(tooSmall.met());
        assertEquals(1, tooSmall.quality());
        assertEquals(1, tooSmall.encodes());

        Result tooGood = SEARCH.search(IMAGE, Target.ssimulacra2(99.99));
        assertFalse(tooGood.met());
        assertEquals(100, tooGood.quality());
    }

    @Test
    void rejectsBadTargets() {
        assertThrows(IllegalArgumentException.class, () -> Target.ssimulacra2(101));
        assertThrows(IllegalArgumentException.class, () -> Target.maxBytes(0));
        assertThrows(IllegalArgumentException.class, () -> Target.bitsPerPixel(Double.NaN));
    }
}
