package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The presets' choice between the progressive file and the sequential file of the same coefficients
 * ({@link EncoderOptions#sequentialIfSmaller()}): the file written is exactly the smaller of the two, for any
 * thread count, and an explicit {@code withProgressive(true)} always stays progressive.
 */
class SequentialIfSmallerTest {
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Preset preset : new Preset[] {Preset.DEFAULT, Preset.SMALLEST}) {
            cases.add(Arguments.of(preset, "landscape", 640, 75, 0));
            cases.add(Arguments.of(preset, "landscape", 24, 75, 0));
            cases.add(Arguments.of(preset, "landscape", 96, 30, 2));
            cases.add(Arguments.of(preset, "text-edges", 160, 95, 0));
            cases.add(Arguments.of(preset, "noise", 64, 90, 0));
            cases.add(Arguments.of(preset, "gray", 200, 60, 3));
        }
        return cases.stream();
    }

    /** The top-left {@code size x size} corner (at most the whole image) of a test image. */
    private static BufferedImage image(String name, int size) {
        BufferedImage full = name.equals("gray") ? gray(TestImageGenerator.landscape())
            : TestImageGenerator.all().get(name).get();
        return full.getSubimage(0, 0, Math.min(size, full.getWidth()), Math.min(size, full.getHeight()));
    }

    private static BufferedImage gray(BufferedImage colour) {
        BufferedImage gray = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(colour, 0, 0, null);
        return gray;
    }

    private static byte[] encode(EncoderOptions options, BufferedImage image) throws IOException {
        return new JpegEncoder(options).encode(image);
    }

    @ParameterizedTest(name = "{0} {1} {2}px q{3} restart={4}")
    @MethodSource("cases")
    void writesTheSmallerFile(Preset preset, String name, int size, int quality, int restart) throws IOException {
        BufferedImage source = image(name, size);
        EncoderOptions options = EncoderOptions.of(preset).withQuality(quality)
            .withRestartInterval(RestartInterval.mcus(restart));
        assertTrue(options.sequentialIfSmaller() && options.progressive());
        byte[] chosen = encode(options, source);
        byte[] progressive = encode(options.withProgressive(true), source);
        byte[] sequential = encode(options.withProgressive(false), source);
        assertEquals(0xC2, sofMarker(progressive));
        assertEquals(0xC0, sofMarker(sequential));
        byte[] smaller = sequential.length < progressive.length ? sequential : progressive;
        assertArrayEquals(smaller, chosen, "the smaller of progressive (" + progressive.length
            + " bytes) and sequential (" + sequential.length + " bytes)");
        for (int threads : new int[] {2, 3}) {
            assertArrayEquals(chosen, encode(options.withThreads(threads), source), threads + " threads");
        }
        System.out.printf("%s %s %dpx q%d: %s, progressive %d, sequential %d bytes%n", preset, name, size, quality,
            smaller == sequential ? "sequential" : "progressive",
            progressive.length, sequential.length);
    }

    /** Both outcomes occur: a tiny image is sequential, a 640x427 photo-like one progressive. */
    @Test
    void tinyImagesAreSequentialAndLargerOnesProgressive() throws IOException {
        assertEquals(0xC0, sofMarker(encode(EncoderOptions.DEFAULT, image("landscape", 24))));
        assertEquals(0xC2, sofMarker(encode(EncoderOptions.DEFAULT, image("landscape", 640))));
    }

    @Test
    void explicitProgressiveStaysProgressive() throws IOException {
        EncoderOptions options = EncoderOptions.DEFAULT.withProgressive(true);
        assertTrue(!options.sequentialIfSmaller());
        assertEquals(0xC2, sofMarker(encode(options, image("landscape", 24))));
        assertEquals(0xC2, sofMarker(encode(options.withThreads(2), image("landscape", 24))));
    }

    /** The SOFn marker's second byte, found by walking the segments (T.81 B.1.1.3, B.1.1.4). */
    private static int sofMarker(byte[] jpeg) {
        int i = 2;
        while (i + 3 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int m = jpeg[i + 1] & 0xFF;
            if (m >= 0xC0 && m <= 0xC2) {
                return m;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
        }
        throw new AssertionError("no SOF before offset " + i);
    }
}
