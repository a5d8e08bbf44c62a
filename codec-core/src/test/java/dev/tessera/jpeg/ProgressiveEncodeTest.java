package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.JdkJpeg;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Progressive files (SOF2) decode cleanly in djpeg and the JDK, and to exactly the pixels of the same
 * coefficients written sequentially: the scans carry every bit of every coefficient.
 */
class ProgressiveEncodeTest {
    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("landscape", Subsampling.S420, 75, 0),
            Arguments.of("landscape", Subsampling.S444, 95, 0),
            Arguments.of("landscape", Subsampling.S422, 30, 5),
            Arguments.of("text-edges", Subsampling.S411, 90, 3),
            Arguments.of("noise", Subsampling.S440, 100, 0),
            Arguments.of("gradient", Subsampling.S420, 10, 1),
            Arguments.of("colorbars", Subsampling.S420, 50, 64),
            Arguments.of("gray", Subsampling.S444, 85, 0),
            Arguments.of("gray", Subsampling.S444, 60, 9));
    }

    private static BufferedImage image(String name) {
        if (name.equals("gray")) {
            BufferedImage colour = TestImageGenerator.landscape();
            BufferedImage gray = new BufferedImage(colour.getWidth(), colour.getHeight(),
                BufferedImage.TYPE_BYTE_GRAY);
            gray.getGraphics().drawImage(colour, 0, 0, null);
            return gray;
        }
        return TestImageGenerator.all().get(name).get();
    }

    @ParameterizedTest(name = "{0} {1} q{2} restart={3}")
    @MethodSource("cases")
    void decodesToTheSequentialPixels(String name, Subsampling s, int quality, int restart) throws Exception {
        ExternalTool djpeg = ExternalTool.require("djpeg");
        BufferedImage source = image(name);
        EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withQuality(quality).withSubsampling(s)
            .withRestartInterval(RestartInterval.mcus(restart));
        byte[] sequential = new JpegEncoder(options).encode(source);
        byte[] progressive = new JpegEncoder(options.withProgressive(true)).encode(source);
        assertEquals(0xC2, progressive[indexOfSof(progressive) + 1] & 0xFF, "SOF2");

        ExternalTool.Result a = djpeg.run(sequential, "-pnm");
        ExternalTool.Result b = djpeg.run(progressive, "-pnm");
        assertTrue(b.clean(), "djpeg: " + b.stderr());
        assertArrayEquals(a.stdout(), b.stdout(), "progressive and sequential decode to the same pixels");

        JdkJpeg.Decoded jdk = JdkJpeg.decode(progressive);
        assertEquals(List.of(), jdk.warnings());
        assertEquals(source.getWidth(), jdk.image().getWidth());
        System.out.printf("progressive %s %s q%d restart=%d: %d bytes, sequential %d (%.1f%%)%n", name, s.label(),
            quality, restart, progressive.length, sequential.length,
            100.0 * (progressive.length - sequential.length) / sequential.length);
    }

    /** Trellis and adaptive quantization choose the same coefficients for both scan structures. */
    @ParameterizedTest(name = "{0} {1} q{2} restart={3} with trellis and AQ")
    @MethodSource("cases")
    void trellisCoefficientsDecodeToTheSequentialPixels(String name, Subsampling s, int quality, int restart)
        throws Exception {
        ExternalTool djpeg = ExternalTool.require("djpeg");
        BufferedImage source = image(name);
        EncoderOptions options = EncoderOptions.of(Preset.SMALLEST).withProgressive(true)
            .withAdaptiveQuantization(true).withQuality(quality).withSubsampling(s)
            .withRestartInterval(RestartInterval.mcus(restart));
        byte[] progressive = new JpegEncoder(options).encode(source);
        byte[] sequential = new JpegEncoder(options.withProgressive(false)).encode(source);
        ExternalTool.Result a = djpeg.run(sequential, "-pnm");
        ExternalTool.Result b = djpeg.run(progressive, "-pnm");
        assertTrue(a.clean() && b.clean(), "djpeg: " + a.stderr() + b.stderr());
        assertArrayEquals(a.stdout(), b.stdout(), "progressive and sequential decode to the same pixels");
    }

    private static int indexOfSof(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            int m = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && m >= 0xC0 && m <= 0xC2) {
                return i;
            }
        }
        throw new AssertionError("no SOF");
    }
}
