package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.metrics.Psnr;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.JdkJpeg;
import dev.tessera.testing.Pnm;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset, with and without adaptive quantization, writes files that djpeg and the JDK decode without a
 * warning, at a PSNR no more than 1.5 dB below the plain (cjpeg-equivalent) file at the same quality: the
 * presets trade a little PSNR for many bytes, never the picture.
 */
class PresetInteropTest {
    private static final int QUALITY = 80;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Preset p : Preset.values()) {
            for (boolean aq : new boolean[] {false, true}) {
                for (String image : List.of("landscape", "text-edges")) {
                    cases.add(Arguments.of(p, aq, image, Subsampling.S420, 0));
                    cases.add(Arguments.of(p, aq, image, Subsampling.S444, 3));
                }
                cases.add(Arguments.of(p, aq, "gray", Subsampling.S444, 0));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> progressiveCases() {
        return cases().filter(a -> ((Preset) a.get()[0]).progressive());
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

    @ParameterizedTest(name = "{0} aq={1} {2} {3} restart={4}")
    @MethodSource("cases")
    void decodesCleanlyEverywhere(Preset preset, boolean aq, String name, Subsampling s, int restart)
        throws Exception {
        ExternalTool djpeg = ExternalTool.require("djpeg");
        BufferedImage source = image(name);
        EncoderOptions options = EncoderOptions.of(preset).withAdaptiveQuantization(aq).withQuality(QUALITY)
            .withSubsampling(s).withRestartInterval(RestartInterval.mcus(restart));
        byte[] ours = new JpegEncoder(options).encode(source);
        byte[] plain = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withQuality(QUALITY).withSubsampling(s)
            .withRestartInterval(RestartInterval.mcus(restart))).encode(source);

        JdkJpeg.Decoded jdk = JdkJpeg.decode(ours);
        assertEquals(List.of(), jdk.warnings(), "JDK reader warnings");
        assertEquals(source.getWidth(), jdk.image().getWidth());

        ExternalTool.Result decoded = djpeg.run(ours, "-pnm");
        assertTrue(decoded.clean(), "djpeg: exit " + decoded.exitCode() + " " + decoded.stderr());
        ExternalTool.Result plainDecoded = djpeg.run(plain, "-pnm");
        double psnr = Psnr.rgb(source, Pnm.read(decoded.stdout()).toImage());
        double plainPsnr = Psnr.rgb(source, Pnm.read(plainDecoded.stdout()).toImage());
        assertTrue(psnr > plainPsnr - 1.5, "PSNR " + psnr + " vs plain " + plainPsnr);
        System.out.printf("preset %s aq=%s %s %s: %d bytes (plain %d), PSNR %.2f dB (plain %.2f)%n", preset, aq,
            name, s.label(), ours.length, plain.length, psnr, plainPsnr);
    }

    /**
     * A progressive preset codes the coefficients its sequential form would: djpeg gives the same pixels for
     * both (T.81 G.1: the scans only reorder and split the same quantized data).
     */
    @ParameterizedTest(name = "{0} aq={1} {2} {3} restart={4}")
    @MethodSource("progressiveCases")
    void progressiveDecodesToTheSequentialPixels(Preset preset, boolean aq, String name, Subsampling s,
                                                 int restart) throws Exception {
        ExternalTool djpeg = ExternalTool.require("djpeg");
        BufferedImage source = image(name);
        EncoderOptions options = EncoderOptions.of(preset).withAdaptiveQuantization(aq).withQuality(QUALITY)
            .withSubsampling(s).withRestartInterval(RestartInterval.mcus(restart));
        byte[] progressive = new JpegEncoder(options.withProgressive(true)).encode(source);
        byte[] sequential = new JpegEncoder(options.withProgressive(false)).encode(source);
        assertTrue(new JpegDecoder().readInfo(progressive).progressive());
        assertFalse(new JpegDecoder().readInfo(sequential).progressive());
        ExternalTool.Result a = djpeg.run(progressive, "-pnm");
        ExternalTool.Result b = djpeg.run(sequential, "-pnm");
        assertTrue(a.clean() && b.clean(), "djpeg: " + a.stderr() + " " + b.stderr());
        assertArrayEquals(b.stdout(), a.stdout());
    }
}
