package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.metrics.Psnr;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.Pnm;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tessera's encoder through Tessera's decoder, including the sizes libjpeg and the JDK refuse (above their
 * 65500-pixel limit, which T.81 does not have): the image comes back at the right size with a stated PSNR,
 * and, where djpeg can decode the file, our decode equals djpeg's byte for byte.
 */
class JpegRoundTripTest {
    private static BufferedImage pattern(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 128 + (int) (100 * Math.sin(x / 9.0));
                int g = 128 + (int) (100 * Math.cos(y / 7.0));
                int b = 128 + (int) (100 * Math.sin((x + y) / 13.0));
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"65535,1", "1,65535", "65535,9", "1,1", "7,9", "17,8", "8,17", "1,1000", "1000,1", "33,33"})
    void encodeThenDecodeWithTessera(int width, int height) throws Exception {
        BufferedImage source = pattern(width, height);
        Optional<ExternalTool> djpeg = ExternalTool.find("djpeg");
        for (Subsampling s : Subsampling.values()) {
            for (boolean progressive : new boolean[] {false, true}) {
                EncoderOptions options = EncoderOptions.DEFAULT.withQuality(90).withSubsampling(s)
                    .withProgressive(progressive);
                byte[] jpeg = new JpegEncoder(options).encode(source);
                BufferedImage decoded = new JpegDecoder().decode(jpeg);
                assertEquals(width, decoded.getWidth());
                assertEquals(height, decoded.getHeight());
                double psnr = Psnr.rgb(source, decoded);
                // Same bound as the djpeg-checked odd sizes in JpegEncoderTest: a smooth pattern at q90.
                assertTrue(psnr > 30, s + " progressive=" + progressive + ": PSNR " + psnr);
                if (djpeg.isPresent() && width <= 65500 && height <= 65500) {
                    ExternalTool.Result r = djpeg.get().run(jpeg, "-pnm");
                    assertTrue(r.clean(), r.stderr());
                    assertArrayEquals(Pnm.read(r.stdout()).samples(), Pnm.of(decoded).samples(),
                        s + " progressive=" + progressive + ": Tessera's decode differs from djpeg's");
                }
            }
        }
    }
}
