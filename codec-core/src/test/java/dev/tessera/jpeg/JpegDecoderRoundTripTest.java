package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.metrics.Psnr;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Encoder -> decoder round trips: every subsampling, a quality ladder and odd sizes 1x1 to 33x33, with a
 * PSNR floor per quality; where djpeg is installed, our decode of our files equals djpeg's byte for byte.
 */
class JpegDecoderRoundTripTest {
    private static final int[] QUALITIES = {50, 75, 90, 100};
    /**
     * Smallest RGB PSNR (dB) accepted per quality, measured on these tiny high-contrast images and rounded
     * down, for the IJG-compatible encoder mode (Annex K tables, plain rounding; the perceptual presets trade
     * PSNR for visual quality and are measured in docs/compression.md): without subsampling (4:4:4) and with
     * it, where chroma loss dominates at small sizes. The
     * decoder's exactness is asserted against djpeg; these floors guard the round trip as a whole.
     */
    private static final double[] FLOORS_444 = {19, 18, 24, 46};
    private static final double[] FLOORS_SUBSAMPLED = {17, 17, 17.5, 19};
    private static final int[] SIZES = {1, 2, 7, 8, 9, 15, 16, 17, 31, 33, 64};

    static BufferedImage scaled(BufferedImage src, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        img.getGraphics().drawImage(src, 0, 0, w, h, null);
        return img;
    }

    @ParameterizedTest
    @EnumSource(Subsampling.class)
    void roundTripsEverySizeAndQuality(Subsampling subsampling) throws IOException {
        BufferedImage source = TestImageGenerator.landscape();
        Optional<ExternalTool> djpeg = ExternalTool.find("djpeg");
        for (int qi = 0; qi < QUALITIES.length; qi++) {
            JpegEncoder encoder = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withQuality(QUALITIES[qi])
                .withSubsampling(subsampling));
            for (int w : SIZES) {
                int h = w == 64 ? 33 : w;
                BufferedImage in = scaled(source, w, h);
                byte[] jpeg = encoder.encode(in);
                BufferedImage out = new JpegDecoder().decode(jpeg);
                assertEquals(w, out.getWidth());
                assertEquals(h, out.getHeight());
                double psnr = Psnr.rgb(in, out);
                double floor = (subsampling == Subsampling.S444 ? FLOORS_444 : FLOORS_SUBSAMPLED)[qi];
                assertTrue(psnr >= floor, subsampling + " q" + QUALITIES[qi] + " " + w + "x" + h + ": PSNR "
                    + psnr);
                if (djpeg.isPresent()) {
                    ExternalTool.Result r = djpeg.get().run(jpeg, "-pnm");
                    DjpegGoldenGenerator.Payload p = DjpegGoldenGenerator.Payload.of(r.stdout());
                    byte[] ref = java.util.Arrays.copyOfRange(r.stdout(), p.offset(), r.stdout().length);
                    assertArrayEquals(ref, DjpegReferenceTest.pnmBytes(out), subsampling + " q" + QUALITIES[qi]
                        + " " + w + "x" + h + " differs from djpeg");
                }
            }
        }
    }

    @Test
    void baselineAndProgressiveEncodingsDecodeToTheSamePixels() throws IOException {
        ExternalTool jpegtran = ExternalTool.require("jpegtran");
        byte[] baseline = new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(false)
            .withSubsampling(Subsampling.S420))
            .encode(scaled(TestImageGenerator.landscape(), 97, 61));
        ExternalTool.Result r = jpegtran.run(baseline, "-progressive");
        assertEquals(0, r.exitCode(), r.stderr());
        ImageInfo info = new JpegDecoder().readInfo(r.stdout());
        assertTrue(info.progressive() && info.scans().size() > 1);
        byte[] a = DjpegReferenceTest.pnmBytes(new JpegDecoder().decode(baseline));
        byte[] b = DjpegReferenceTest.pnmBytes(new JpegDecoder().decode(r.stdout()));
        assertArrayEquals(a, b);
    }

    @Test
    void restartIntervalsRoundTrip() throws IOException {
        BufferedImage in = scaled(TestImageGenerator.landscape(), 53, 40);
        byte[] plain = new JpegEncoder(EncoderOptions.DEFAULT).encode(in);
        byte[] restarts = new JpegEncoder(EncoderOptions.DEFAULT.withRestartInterval(RestartInterval.mcus(1)))
            .encode(in);
        assertEquals(1, new JpegDecoder().readInfo(restarts).restartInterval());
        assertArrayEquals(DjpegReferenceTest.pnmBytes(new JpegDecoder().decode(plain)),
            DjpegReferenceTest.pnmBytes(new JpegDecoder().decode(restarts)));
    }
}
