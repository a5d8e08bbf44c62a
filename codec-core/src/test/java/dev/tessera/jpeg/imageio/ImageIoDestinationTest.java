package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.TestImageGenerator;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading into the destinations users ask for: every destination type gives the pixels of the default read,
 * with regions, point subsampling and destination offsets mapped as ImageReadParam defines them.
 */
class ImageIoDestinationTest {
    private static final int[] TYPES = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_INT_ARGB};

    private static byte[] file(boolean gray) throws IOException {
        BufferedImage picture = TestImageGenerator.landscape();
        if (gray) {
            BufferedImage g = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            g.getGraphics().drawImage(picture, 0, 0, null);
            picture = g;
        }
        return new JpegEncoder(EncoderOptions.DEFAULT.withSubsampling(Subsampling.S420)).encode(picture);
    }

    /** ARGB is not offered, so it is passed as a ready destination; the others as destination types. */
    private static BufferedImage read(ImageReader reader, ImageReadParam param, int type, int width, int height)
        throws IOException {
        if (type == BufferedImage.TYPE_INT_ARGB) {
            param.setDestination(new BufferedImage(width, height, type));
        } else {
            param.setDestinationType(ImageTypeSpecifier.createFromBufferedImageType(type));
        }
        return reader.read(0, param);
    }

    private static int expected(BufferedImage full, int x, int y, boolean gray) {
        if (!gray) {
            return full.getRGB(x, y);
        }
        int v = full.getRaster().getSample(x, y, 0);
        return 0xFF000000 | v << 16 | v << 8 | v;
    }

    @ParameterizedTest(name = "gray {0}")
    @ValueSource(booleans = {false, true})
    void everyDestinationGetsTheDefaultReadsPixels(boolean gray) throws IOException {
        ImageReader reader = ImageIoReaderTest.reader(file(gray));
        BufferedImage full = reader.read(0);
        assertEquals(gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR, full.getType());
        int w = full.getWidth();
        int h = full.getHeight();
        for (int type : TYPES) {
            // Whole image.
            BufferedImage whole = read(reader, reader.getDefaultReadParam(), type, w, h);
            for (int y = 0; y < h; y += 3) {
                for (int x = 0; x < w; x += 2) {
                    assertEquals(expected(full, x, y, gray), whole.getRGB(x, y), type + " at " + x + "," + y);
                }
            }
            // A region, placed at an offset in a larger destination.
            ImageReadParam param = reader.getDefaultReadParam();
            Rectangle region = new Rectangle(13, 7, 50, 40);
            param.setSourceRegion(region);
            param.setDestinationOffset(new java.awt.Point(5, 3));
            BufferedImage placed = read(reader, param, type, 60, 50);
            for (int y = 0; y < region.height; y++) {
                for (int x = 0; x < region.width; x++) {
                    assertEquals(expected(full, region.x + x, region.y + y, gray), placed.getRGB(5 + x, 3 + y),
                        type + " region at " + x + "," + y);
                }
            }
            // Point subsampling by 3 x 2 (not a scale the decoder serves with its reduced IDCT).
            param = reader.getDefaultReadParam();
            param.setSourceSubsampling(3, 2, 0, 0);
            BufferedImage sampled = read(reader, param, type, (w + 2) / 3, (h + 1) / 2);
            for (int y = 0; y < (h + 1) / 2; y++) {
                for (int x = 0; x < (w + 2) / 3; x++) {
                    assertEquals(expected(full, 3 * x, 2 * y, gray), sampled.getRGB(x, y),
                        type + " subsampled at " + x + "," + y);
                }
            }
        }
    }

    @ParameterizedTest(name = "gray {0}")
    @ValueSource(booleans = {false, true})
    void halfScaleIsTheSameInEveryDestination(boolean gray) throws IOException {
        ImageReader reader = ImageIoReaderTest.reader(file(gray));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(2, 2, 0, 0);
        BufferedImage half = reader.read(0, param);
        for (int type : TYPES) {
            ImageReadParam p = reader.getDefaultReadParam();
            p.setSourceSubsampling(2, 2, 0, 0);
            BufferedImage other = read(reader, p, type, half.getWidth(), half.getHeight());
            for (int y = 0; y < half.getHeight(); y++) {
                for (int x = 0; x < half.getWidth(); x++) {
                    assertEquals(expected(half, x, y, gray), other.getRGB(x, y), type + " at " + x + "," + y);
                }
            }
        }
    }

    @ParameterizedTest(name = "gray {0}")
    @ValueSource(booleans = {false, true})
    void aGivenDestinationIsFilledAndReturned(boolean gray) throws IOException {
        ImageReader reader = ImageIoReaderTest.reader(file(gray));
        BufferedImage full = reader.read(0);
        BufferedImage mine = new BufferedImage(full.getWidth(), full.getHeight(), BufferedImage.TYPE_INT_RGB);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(mine);
        assertSame(mine, reader.read(0, param));
        assertEquals(expected(full, 20, 30, gray), mine.getRGB(20, 30));
    }
}
