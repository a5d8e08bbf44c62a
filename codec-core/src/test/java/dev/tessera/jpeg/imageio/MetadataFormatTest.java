package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.JdkJpeg;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormat;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import org.junit.jupiter.api.Test;

/**
 * The native metadata format object is reachable from the reader, the writer and the metadata (it failed to
 * initialise: its singleton was built before a static list it uses), and describes the tree as the JDK's
 * format does for the elements and attributes both define.
 */
class MetadataFormatTest {
    private static final String NATIVE = "javax_imageio_jpeg_image_1.0";

    @Test
    void theNativeFormatIsReachableEverywhere() throws IOException {
        ImageReader reader = ImageIoReaderTest.reader(ImageIoReaderTest.resource("/jpeg/gray-sample.jpg"));
        IIOMetadataFormat fromReader = reader.getOriginatingProvider().getImageMetadataFormat(NATIVE);
        assertNotNull(fromReader);
        IIOMetadata metadata = reader.getImageMetadata(0);
        assertSame(fromReader, metadata.getMetadataFormat(NATIVE));
        ImageWriter writer = new JpegImageWriterSpi().createWriterInstance();
        IIOMetadata defaults = writer.getDefaultImageMetadata(
            ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR), null);
        assertSame(fromReader, defaults.getMetadataFormat(NATIVE));
        assertNotNull(metadata.getMetadataFormat(IIOMetadataFormatImpl.standardMetadataFormatName));
    }

    @Test
    void itDescribesTheTreeAsTheJdksFormatDoes() throws IOException {
        IIOMetadataFormat ours = JpegMetadataFormat.getInstance();
        ImageReader jdk = JdkJpeg.reader();
        IIOMetadataFormat theirs = jdk.getOriginatingProvider().getImageMetadataFormat(NATIVE);
        assertEquals(theirs.getRootName(), ours.getRootName());
        for (String element : new String[] {"JPEGvariety", "markerSequence", "app0JFIF", "dqt", "dqtable", "dht",
            "dhtable", "sof", "componentSpec", "sos", "scanComponentSpec", "dri", "com", "unknown", "app14Adobe"}) {
            assertEquals(theirs.getChildPolicy(element), ours.getChildPolicy(element), element);
            assertEquals(java.util.Arrays.toString(theirs.getAttributeNames(element)),
                java.util.Arrays.toString(ours.getAttributeNames(element)), element);
        }
        for (String[] attribute : new String[][] {{"dqtable", "qtableId"}, {"app0JFIF", "resUnits"},
            {"sof", "process"}, {"componentSpec", "QtableSelector"}, {"dri", "interval"}}) {
            assertTrue(ours.isAttributeRequired(attribute[0], attribute[1])
                == theirs.isAttributeRequired(attribute[0], attribute[1]), String.join(".", attribute));
            assertEquals(theirs.getAttributeValueType(attribute[0], attribute[1]),
                ours.getAttributeValueType(attribute[0], attribute[1]), String.join(".", attribute));
        }
    }
}
