package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import org.junit.jupiter.api.Test;

/**
 * Source bands on a {@code BufferedImage}: the usual way to drop alpha ({@code setSourceBands(0, 1, 2)} on an
 * ARGB image) writes the R, G and B bands, as the JDK's writer does.
 */
class ImageIoWriterBandsTest {
    private static BufferedImage argb(BufferedImage rgb, int alpha) {
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                out.setRGB(x, y, alpha << 24 | (rgb.getRGB(x, y) & 0xFFFFFF));
            }
        }
        return out;
    }

    @Test
    void threeBandsOfAnArgbImageAreItsColours() throws IOException {
        BufferedImage rgb = new BufferedImage(160, 96, BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(TestImageGenerator.landscape(), 0, 0, null);
        ImageWriteParam param = ImageIoWriterTest.writer().getDefaultWriteParam();
        param.setSourceBands(new int[] {0, 1, 2});
        // Opaque: the bands are exactly the RGB image, so the file is the RGB image's file.
        byte[] opaque = ImageIoWriterTest.write(ImageIoWriterTest.writer(), new IIOImage(argb(rgb, 255), null, null),
            param);
        byte[] plain = ImageIoWriterTest.write(ImageIoWriterTest.writer(), new IIOImage(rgb, null, null), null);
        assertArrayEquals(plain, opaque);
        // Transparent: alpha is dropped, not composited onto the background (the JDK's writer ignores it too).
        byte[] clear = ImageIoWriterTest.write(ImageIoWriterTest.writer(), new IIOImage(argb(rgb, 0), null, null),
            param);
        assertArrayEquals(plain, clear);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(clear));
        assertEquals(3, back.getRaster().getNumBands());
        assertTrue(Math.abs((back.getRGB(80, 48) & 0xFF) - (rgb.getRGB(80, 48) & 0xFF)) < 24);
    }

    @Test
    void bandsReorderAsTheyDoForRasters() throws IOException {
        BufferedImage rgb = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(TestImageGenerator.colorBars(), 0, 0, null);
        ImageWriteParam param = ImageIoWriterTest.writer().getDefaultWriteParam();
        param.setSourceBands(new int[] {2, 1, 0});
        byte[] swapped = ImageIoWriterTest.write(ImageIoWriterTest.writer(), new IIOImage(rgb, null, null), param);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(swapped));
        int written = back.getRGB(5, 5);
        int source = rgb.getRGB(5, 5);
        // Red written where blue was, and the other way round, within the loss of a q75 file.
        assertTrue(Math.abs((written >> 16 & 0xFF) - (source & 0xFF)) < 24, Integer.toHexString(written));
        assertTrue(Math.abs((written & 0xFF) - (source >> 16 & 0xFF)) < 24, Integer.toHexString(written));
    }
}
