package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.testing.Corpus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Broken, truncated and fuzzed input: each decode must give an image (with warnings) or a
 * {@link JpegException}, never another exception, within a second, without running out of memory. Inputs:
 * the TwelveMonkeys broken-jpeg folder, every "robustness" input of the shared conformance corpus (image-rs
 * crash tests, libjpeg-turbo's bug reproducers and AFL seeds), a good file truncated at every byte around
 * its SOS, and seeded byte flips.
 *
 * <p>The decoder runs with a pixel limit of 2^25 (a few declare 8500 x 8146 and would take seconds, not
 * fail); that limit must then fail fast as a {@link JpegLimitException}.
 */
class RobustnessTest {
    private static final DecoderOptions OPTIONS =
        DecoderOptions.DEFAULT.withLimits(Limits.DEFAULT.withMaxPixels(1L << 25));
    private static final Duration LIMIT = Duration.ofSeconds(1);

    @BeforeAll
    static void warmUp() throws IOException {
        // Let the JIT compile the hot paths so that the one-second limit measures the decoder, not start-up.
        byte[] good = Corpus.resource("/jpeg/gray-sample.jpg");
        for (int i = 0; i < 20; i++) {
            new JpegDecoder().decode(good);
        }
        for (String name : Corpus.twelveMonkeys("jpeg").subList(0, 10)) {
            outcome(Corpus.resource(name));
        }
        // The arithmetic decoder too: github_171 decodes 15 M pixels from zero data, as libjpeg does.
        byte[] arithmetic = Corpus.resource("/arithmetic/testorig-ari-rst1B.jpg");
        byte[] progressive = Corpus.resource("/arithmetic/testorig-prog-ari.jpg");
        for (int i = 0; i < 20; i++) {
            outcome(arithmetic);
            outcome(progressive);
        }
        java.util.Optional<Path> big = Corpus.shared(
            "corpus/conformance/libjpeg-turbo-seed-corpora/bugs-decompress/github_171/b64876977.poc");
        if (big.isPresent()) {
            // Its entropy decoding at 1/8 scale: the same arithmetic-decoding work, a 64th of the IDCT work.
            byte[] data = Files.readAllBytes(big.get());
            new JpegDecoder(OPTIONS.withScale(8)).decode(data);
        }
    }

    /** Decodes; returns the image, or null after a JpegException; fails on any other exception. */
    static BufferedImage outcome(byte[] data) {
        try {
            return new JpegDecoder(OPTIONS).decode(data);
        } catch (JpegException e) {
            assertTrue(e.getMessage().startsWith("offset "), "message names the offset: " + e.getMessage());
            return null;
        } catch (RuntimeException | IOException | OutOfMemoryError | StackOverflowError e) {
            throw new AssertionError("not a JpegException: " + e, e);
        }
    }

    static void check(byte[] data) {
        assertTimeoutPreemptively(limitFor(data), () -> outcome(data));
    }

    /**
     * One second, plus 200 ns per declared pixel within the pixel limit: a hang still fails, but a file that
     * really decodes 15 M pixels (github_171, arithmetic-coded, decoded from zero data after its 36 bytes as
     * libjpeg does) is not failed by a loaded shared machine.
     */
    static Duration limitFor(byte[] data) {
        long pixels = 0;
        try {
            ImageInfo info = new JpegDecoder().readInfo(data);
            pixels = Math.min((long) info.width() * info.height(), OPTIONS.limits().maxPixels());
        } catch (JpegException | RuntimeException e) {
            pixels = 0; // readInfo has its own test; here only the decode's time limit depends on it
        }
        return LIMIT.plusNanos(200 * pixels);
    }

    @TestFactory
    Stream<DynamicTest> twelveMonkeysBrokenFiles() {
        return Corpus.twelveMonkeys("broken-jpeg").stream()
            .map(name -> DynamicTest.dynamicTest(name, () -> check(Corpus.resource(name))));
    }

    @TestFactory
    Stream<DynamicTest> conformanceRobustnessFiles() throws IOException {
        Path dir = Corpus.requireShared("corpus/conformance");
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("INDEX.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f[9].startsWith("robustness")) {
                Path p = dir.resolve(f[0]);
                tests.add(DynamicTest.dynamicTest(f[0], () -> check(Files.readAllBytes(p))));
            }
        }
        return tests.stream();
    }

    @Test
    void readInfoOnEveryConformanceInputGivesInfoOrJpegException() throws IOException {
        Path dir = Corpus.requireShared("corpus/conformance");
        List<String> lines = Files.readAllLines(dir.resolve("INDEX.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            byte[] data = Files.readAllBytes(dir.resolve(line.split("\t")[0]));
            assertTimeoutPreemptively(LIMIT, () -> {
                try {
                    new JpegDecoder(OPTIONS).readInfo(data);
                } catch (JpegException e) {
                    assertTrue(e.getMessage().startsWith("offset "), e.getMessage());
                } catch (RuntimeException e) {
                    throw new AssertionError(line.split("\t")[0] + ": not a JpegException: " + e, e);
                }
            });
        }
    }

    @Test
    void truncatedAtEveryByteAroundStartOfScan() throws IOException {
        for (String name : List.of("/jpeg/gray-sample.jpg", "/jpeg/cmyk-sample.jpg")) {
            byte[] data = Corpus.resource(name);
            int sos = indexOf(data, 0xDA);
            for (int end = Math.max(2, sos - 64); end < Math.min(data.length, sos + 256); end++) {
                byte[] cut = java.util.Arrays.copyOf(data, end);
                check(cut);
            }
        }
    }

    @Test
    void truncatedEntropyDataDecodesGreyWithWarning() throws IOException {
        byte[] data = new JpegEncoderFixture().encoded();
        byte[] cut = java.util.Arrays.copyOf(data, data.length / 2);
        List<JpegWarning> warnings = new ArrayList<>();
        BufferedImage img = new JpegDecoder(DecoderOptions.DEFAULT.withListener(warnings::add)).decode(cut);
        assertEquals(JpegEncoderFixture.SIZE, img.getWidth());
        assertTrue(warnings.stream().anyMatch(w -> w.kind() == JpegWarning.Kind.PREMATURE_END_OF_FILE), warnings::toString);
        // libjpeg fills the missing MCUs with zero coefficients: mid-grey in the last row.
        int rgb = img.getRGB(JpegEncoderFixture.SIZE - 1, JpegEncoderFixture.SIZE - 1) & 0xFFFFFF;
        assertEquals(0x808080, rgb, Integer.toHexString(rgb));
        try {
            new JpegDecoder(DecoderOptions.DEFAULT.withStrict(true)).decode(cut);
            fail("strict mode must turn the warning into an exception");
        } catch (MalformedJpegException expected) {
            assertTrue(expected.offset() > 0);
        }
    }

    @Test
    void seededByteFlips() throws IOException {
        Random random = new Random(20261123);
        for (String name : List.of("/jpeg/gray-sample.jpg", "/jpeg/cmyk-sample.jpg")) {
            byte[] data = Corpus.resource(name);
            for (int round = 0; round < 150; round++) {
                byte[] copy = data.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                check(copy);
            }
        }
    }

    @Test
    void hugeDeclaredSizeFailsBeforeAllocating() {
        // Go's 504-byte file claiming 8192x8192, in spirit: a tiny header declaring 65535x65535.
        byte[] data = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, 1, 1, 0x11, 0, (byte) 0xFF, (byte) 0xD9};
        try {
            new JpegDecoder().decode(data);
            fail("expected a limit exception");
        } catch (JpegLimitException e) {
            assertEquals(2, e.offset());
        } catch (JpegException e) {
            fail("expected a limit exception, got " + e);
        }
    }

    private static int indexOf(byte[] data, int marker) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new IllegalArgumentException("no marker " + marker);
    }
}
