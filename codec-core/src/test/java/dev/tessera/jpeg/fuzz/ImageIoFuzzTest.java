package dev.tessera.jpeg.fuzz;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.imageio.JpegImageReaderSpi;
import dev.tessera.jpeg.imageio.TesseraJpegReadParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Fuzzes Tessera's ImageIO reader as an application uses it: {@code ImageIO.createImageInputStream}, then
 * size, metadata, thumbnails and {@code read} with a {@link TesseraJpegReadParam} carrying small limits. The
 * property: results or an {@link IIOException} whose cause is a {@link JpegException}, never another
 * exception, within the per-input bound, allocating no more than the limits allow.
 */
class ImageIoFuzzTest {
    private static final JpegImageReaderSpi SPI = new JpegImageReaderSpi();

    static {
        ImageIO.setUseCache(false);
    }

    @FuzzTest(maxDuration = "30m")
    void read(byte[] data) {
        FuzzBounds.check("ImageIO read", 2 * DecoderFuzzTest.LIMITS.maxMemory() + DecoderFuzzTest.OVERHEAD
            + 64L * data.length, () -> {
            long before = Allocation.current();
            ImageReader reader = SPI.createReaderInstance(null);
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
                reader.setInput(in);
                TesseraJpegReadParam param = (TesseraJpegReadParam) reader.getDefaultReadParam();
                param.setLimits(DecoderFuzzTest.LIMITS);
                assertTrue(reader.getWidth(0) > 0);
                reader.getImageMetadata(0);
                reader.getNumThumbnails(0);
                BufferedImage image = reader.read(0, param);
                assertTrue(image.getWidth() > 0);
            } catch (IIOException e) {
                assertInstanceOf(JpegException.class, e.getCause(), () -> "cause of " + e);
            } catch (IOException e) {
                throw new AssertionError("not an IIOException from a JpegException: " + e, e);
            } finally {
                reader.dispose();
            }
            return Allocation.current() - before;
        });
    }
}
