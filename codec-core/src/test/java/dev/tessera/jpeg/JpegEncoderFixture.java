package dev.tessera.jpeg;

import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * A small image encoded by Tessera's encoder, for decoder tests that need known input: a sequential file (one
 * scan, SOF0) with the default techniques otherwise, since the tests edit or count its segments.
 */
final class JpegEncoderFixture {
    static final int SIZE = 64;

    byte[] encoded() throws IOException {
        return new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(false)).encode(image());
    }

    static BufferedImage image() {
        BufferedImage src = TestImageGenerator.landscape();
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        img.getGraphics().drawImage(src, 0, 0, SIZE, SIZE, null);
        return img;
    }
}
