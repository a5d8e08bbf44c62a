package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.JdkJpeg;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** Argument checks where ImageReader/ImageWriter define the outcome, with the JDK's plugin as the oracle. */
class ImageIoArgumentChecksTest {
    private static byte[] file() throws IOException {
        return ImageIoReaderTest.resource("/jpeg/gray-sample.jpg");
    }

    @Test
    void searchingASeekForwardOnlyInputIsRefusedAsByTheJdk() throws IOException {
        for (ImageReader reader : new ImageReader[] {new JpegImageReaderSpi().createReaderInstance(),
            JdkJpeg.reader()}) {
            reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(file())), true);
            assertThrows(IllegalStateException.class, () -> reader.getNumImages(true), reader.getClass().getName());
            // Without a search, -1 (unknown: the JDK's answer) or the count (ours: one image a stream).
            int count = reader.getNumImages(false);
            assertTrue(count == -1 || count == 1, reader.getClass().getName() + ": " + count);
        }
    }

    @Test
    void imageIndexesOtherThanZeroAreOutOfBoundsAsForTheJdk() throws IOException {
        for (ImageReader reader : new ImageReader[] {new JpegImageReaderSpi().createReaderInstance(),
            JdkJpeg.reader()}) {
            reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(file())));
            assertThrows(IndexOutOfBoundsException.class, () -> reader.read(-1), reader.getClass().getName());
        }
        ImageReader ours = new JpegImageReaderSpi().createReaderInstance();
        ours.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(file())));
        assertThrows(IndexOutOfBoundsException.class, () -> ours.getWidth(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> ours.read(1));
    }

    @Test
    void afterDisposeTheReaderAnswersWhatItReadAndRefusesTheRestAsTheJdks() throws IOException {
        for (ImageReader reader : new ImageReader[] {new JpegImageReaderSpi().createReaderInstance(),
            JdkJpeg.reader()}) {
            String name = reader.getClass().getName();
            reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(file())));
            int width = reader.getWidth(0);
            reader.dispose();
            assertEquals(width, reader.getWidth(0), name);
            assertThrows(IllegalStateException.class, () -> reader.read(0), name);
            assertThrows(IllegalStateException.class, reader::reset, name);
            assertThrows(IllegalStateException.class,
                () -> reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(file()))), name);
        }
    }

    @Test
    void afterDisposeTheWriterRefusesToWriteAsTheJdks() throws IOException {
        ImageWriter jdkWriter = null;
        for (java.util.Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext();) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.")) {
                jdkWriter = w;
            }
        }
        for (ImageWriter writer : new ImageWriter[] {new JpegImageWriterSpi().createWriterInstance(), jdkWriter}) {
            writer.dispose();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(new ByteArrayOutputStream())) {
                assertThrows(IllegalStateException.class, () -> {
                    writer.setOutput(out);
                    writer.write(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR));
                }, writer.getClass().getName());
            }
        }
    }

    @Test
    void aZeroInTheMetadatasQuantTableIsACheckedException() throws IOException {
        ImageWriter writer = new JpegImageWriterSpi().createWriterInstance();
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        NodeList tables = root.getElementsByTagName("dqtable");
        IIOMetadataNode table = (IIOMetadataNode) tables.item(0);
        javax.imageio.plugins.jpeg.JPEGQTable q = (javax.imageio.plugins.jpeg.JPEGQTable) table.getUserObject();
        int[] values = q.getTable();
        values[5] = 0;
        table.setUserObject(new ZeroAllowingTable(values));
        metadata.setFromTree("javax_imageio_jpeg_image_1.0", root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            IIOException e = assertThrows(IIOException.class,
                () -> writer.write(null, new IIOImage(image, null, metadata), null));
            assertTrue(e.getMessage().startsWith("image metadata: "), e.getMessage());
        }
    }

    /** JPEGQTable refuses a 0 in its constructor; a caller's tree can still hold one (built by hand). */
    private static final class ZeroAllowingTable extends javax.imageio.plugins.jpeg.JPEGQTable {
        private final int[] values;

        ZeroAllowingTable(int[] values) {
            super(ones());
            this.values = values.clone();
        }

        private static int[] ones() {
            int[] ones = new int[64];
            java.util.Arrays.fill(ones, 1);
            return ones;
        }

        @Override
        public int[] getTable() {
            return values.clone();
        }
    }
}
