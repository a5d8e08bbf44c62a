package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.fuzz.Allocation;
import dev.tessera.testing.Corpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/** {@link TesseraJpegReadParam} carries the decoder's limits; they hold before the destination is allocated. */
class ImageIoLimitsTest {
    /** SOI, SOF0 declaring 65535 x 65535 (one component), SOS, three entropy bytes, EOI: 30 bytes. */
    private static final byte[] HUGE_FRAME = {
        (byte) 0xFF, (byte) 0xD8,
        (byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 1, 0x11, 0,
        (byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0,
        0x12, 0x34, 0x56,
        (byte) 0xFF, (byte) 0xD9};

    private static ImageReader reader(byte[] data) throws IOException {
        ImageReader reader = new JpegImageReaderSpi().createReaderInstance(null);
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(data)));
        return reader;
    }

    @Test
    void defaultReadParamIsATesseraReadParamWithDefaultLimits() throws IOException {
        TesseraJpegReadParam param = assertInstanceOf(TesseraJpegReadParam.class,
            reader(HUGE_FRAME).getDefaultReadParam());
        assertEquals(Limits.DEFAULT, param.getLimits());
        assertThrows(IllegalArgumentException.class, () -> param.setLimits(null));
    }

    @Test
    void hugeFrameFailsBeforeTheDestinationIsAllocated() throws IOException {
        for (int warm = 0; warm < 2; warm++) {
            ImageReader reader = reader(HUGE_FRAME);
            long before = Allocation.current();
            IIOException e = assertThrows(IIOException.class, () -> reader.read(0));
            long allocated = Allocation.current() - before;
            JpegLimitException cause = assertInstanceOf(JpegLimitException.class, e.getCause());
            assertEquals(2, cause.offset());
            if (warm == 1) {
                // The first read of a JVM also loads the decoder's classes (about 1.2 MB of class bytes when this
                // test runs alone), so the bound is checked on the second.
                assertTrue(allocated < 1 << 20, "allocated " + allocated);
            }
        }
    }

    @Test
    void paramLimitsApplyToReadAndReadRaster() throws IOException {
        byte[] data = Corpus.resource("/jpeg/gray-sample.jpg");
        ImageReader reader = reader(data);
        int pixels = reader.getWidth(0) * reader.getHeight(0);
        TesseraJpegReadParam param = (TesseraJpegReadParam) reader.getDefaultReadParam();
        param.setLimits(Limits.DEFAULT.withMaxPixels(pixels - 1));
        IIOException e = assertThrows(IIOException.class, () -> reader.read(0, param));
        assertTrue(e.getMessage().contains("exceeds the limit of " + (pixels - 1) + " pixels"), e.getMessage());
        assertThrows(IIOException.class, () -> reader.readRaster(0, param));
        param.setLimits(Limits.DEFAULT.withMaxPixels(pixels));
        BufferedImage image = reader.read(0, param);
        assertEquals(pixels, image.getWidth() * image.getHeight());
    }
}
