package dev.tessera.jpeg.imageio;

import com.twelvemonkeys.imageio.util.ImageWriterAbstractTest;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.util.List;
import javax.imageio.spi.ImageWriterSpi;

/** TwelveMonkeys' writer contract suite, run against Tessera's writer. */
class JpegImageWriterTest extends ImageWriterAbstractTest<JpegImageWriter> {
    @Override
    protected ImageWriterSpi createProvider() {
        return new JpegImageWriterSpi();
    }

    @Override
    protected List<? extends RenderedImage> getTestData() {
        return List.of(
            new BufferedImage(320, 200, BufferedImage.TYPE_3BYTE_BGR),
            new BufferedImage(32, 20, BufferedImage.TYPE_INT_RGB),
            new BufferedImage(32, 20, BufferedImage.TYPE_INT_BGR),
            new BufferedImage(32, 20, BufferedImage.TYPE_INT_ARGB),
            new BufferedImage(32, 20, BufferedImage.TYPE_4BYTE_ABGR),
            new BufferedImage(32, 20, BufferedImage.TYPE_USHORT_565_RGB),
            new BufferedImage(32, 20, BufferedImage.TYPE_BYTE_GRAY),
            new BufferedImage(32, 20, BufferedImage.TYPE_USHORT_GRAY),
            new BufferedImage(32, 20, BufferedImage.TYPE_BYTE_INDEXED),
            new BufferedImage(7, 3, BufferedImage.TYPE_BYTE_BINARY));
    }
}
