package dev.tessera.jpeg.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.error.JpegException;
import java.awt.image.BufferedImage;

/**
 * Coverage-guided fuzz targets for the decoder (Jazzer). The property: {@code decode} and {@code readInfo}
 * return an image (or information) or throw a {@link JpegException} whose message names an offset, never
 * another exception, within a per-input time bound, and allocate no more than the limits allow.
 *
 * <p>{@code mvn verify} runs each target once over its committed inputs in
 * {@code src/test/resources/dev/tessera/jpeg/fuzz/DecoderFuzzTestInputs/<method>/} (regression mode). To fuzz,
 * see {@code docs/security.md}: {@code JAZZER_FUZZ=1 mvn -pl codec-core test -Dtest=DecoderFuzzTest#decode}.
 * Jazzer writes each crash to that directory, so it stays a regression input; each is also a named test in
 * {@code FuzzFindingsTest}.
 */
class DecoderFuzzTest {
    /** Small limits: fuzzed headers declaring huge images must fail fast, not take seconds. */
    static final Limits LIMITS = Limits.DEFAULT.withMaxPixels(1L << 22).withMaxMemory(64L << 20)
        .withMaxMarkerMemory(1L << 20);
    /** Besides the buffers the limits govern: tables, lookups, scan and marker bookkeeping. */
    static final long OVERHEAD = 4L << 20;
    private static final JpegDecoder DECODER = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(LIMITS));

    @FuzzTest(maxDuration = "30m")
    void decode(byte[] data) {
        FuzzBounds.check("decode", LIMITS.maxMemory() + OVERHEAD + 16L * data.length, () -> {
            long before = Allocation.current();
            try {
                BufferedImage image = DECODER.decode(data);
                assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
            } catch (JpegException e) {
                assertTrue(e.getMessage().startsWith("offset "), e.getMessage());
            }
            return Allocation.current() - before;
        });
    }

    @FuzzTest(maxDuration = "30m")
    void readInfo(byte[] data) {
        FuzzBounds.check("readInfo", LIMITS.maxMarkerMemory() + OVERHEAD + 64L * data.length, () -> {
            long before = Allocation.current();
            try {
                assertNotNull(DECODER.readInfo(data).frame());
            } catch (JpegException e) {
                assertTrue(e.getMessage().startsWith("offset "), e.getMessage());
            }
            return Allocation.current() - before;
        });
    }
}
