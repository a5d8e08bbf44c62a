package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.metrics.Psnr;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.JdkJpeg;
import dev.tessera.testing.Pnm;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every encoder mode decodes cleanly in the JDK's reader and in libjpeg-turbo's djpeg, and its PSNR is no
 * more than 0.1 dB below cjpeg's with the same settings on the same pixels.
 */
class EncoderInteropTest {
    private static final int QUALITY = 80;
    private static final int RESTART_MCUS = 7;
    private static final BufferedImage COLOUR = TestImageGenerator.landscape();
    private static final BufferedImage GRAY = toGray(COLOUR);

    static Stream<Arguments> modes() {
        List<Arguments> modes = new ArrayList<>();
        for (boolean optimize : new boolean[] {false, true}) {
            for (boolean restart : new boolean[] {false, true}) {
                for (Subsampling s : Subsampling.values()) {
                    modes.add(Arguments.of(false, s, optimize, restart));
                }
                modes.add(Arguments.of(true, Subsampling.S444, optimize, restart));
            }
        }
        return modes.stream();
    }

    private static BufferedImage toGray(BufferedImage colour) {
        BufferedImage gray = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < colour.getHeight(); y++) {
            for (int x = 0; x < colour.getWidth(); x++) {
                int v = colour.getRGB(x, y);
                int luma = (299 * ((v >> 16) & 0xFF) + 587 * ((v >> 8) & 0xFF) + 114 * (v & 0xFF) + 500) / 1000;
                gray.getRaster().setSample(x, y, 0, luma);
            }
        }
        return gray;
    }

    @ParameterizedTest(name = "gray={0} {1} optimize={2} restart={3}")
    @MethodSource("modes")
    void decodesEverywhereAndMatchesCjpegQuality(boolean gray, Subsampling subsampling, boolean optimize,
                                                 boolean restart) throws Exception {
        ExternalTool djpeg = ExternalTool.require("djpeg");
        ExternalTool cjpeg = ExternalTool.require("cjpeg");
        BufferedImage source = gray ? GRAY : COLOUR;
        EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withQuality(QUALITY).withSubsampling(subsampling)
            .withOptimizeHuffman(optimize)
            .withRestartInterval(restart ? RestartInterval.mcus(RESTART_MCUS) : RestartInterval.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(options).encode(source, out);
        byte[] ours = out.toByteArray();

        JdkJpeg.Decoded jdk = JdkJpeg.decode(ours);
        assertEquals(List.of(), jdk.warnings(), "JDK reader warnings");
        assertEquals(source.getWidth(), jdk.image().getWidth());
        assertEquals(source.getHeight(), jdk.image().getHeight());

        ExternalTool.Result decoded = djpeg.run(ours, "-pnm");
        assertTrue(decoded.clean(), "djpeg: exit " + decoded.exitCode() + " " + decoded.stderr());
        Pnm.Pixels ourPixels = Pnm.read(decoded.stdout());
        assertEquals(gray ? 1 : 3, ourPixels.channels());

        List<String> args = new ArrayList<>(List.of("-quality", String.valueOf(QUALITY)));
        if (!gray) {
            args.addAll(List.of("-sample", subsampling.lumaHorizontal() + "x" + subsampling.lumaVertical()));
        }
        if (optimize) {
            args.add("-optimize");
        }
        if (restart) {
            args.addAll(List.of("-restart", RESTART_MCUS + "B"));
        }
        Pnm.Pixels input = Pnm.of(source);
        ExternalTool.Result theirs = cjpeg.run(Pnm.write(input), args.toArray(String[]::new));
        assertTrue(theirs.clean(), "cjpeg: " + theirs.stderr());
        Pnm.Pixels theirPixels = Pnm.read(djpeg.run(theirs.stdout(), "-pnm").stdout());

        double ourPsnr = Psnr.of(input.samples(), ourPixels.samples());
        double theirPsnr = Psnr.of(input.samples(), theirPixels.samples());
        System.out.printf("interop gray=%s %s optimize=%s restart=%s: PSNR %.3f dB (cjpeg %.3f), %d bytes (cjpeg %d)%n",
            gray, subsampling.label(), optimize, restart, ourPsnr, theirPsnr, ours.length, theirs.stdout().length);
        assertTrue(ourPsnr >= theirPsnr - 0.1,
            String.format("PSNR %.3f dB is more than 0.1 dB below cjpeg's %.3f dB", ourPsnr, theirPsnr));
    }
}
