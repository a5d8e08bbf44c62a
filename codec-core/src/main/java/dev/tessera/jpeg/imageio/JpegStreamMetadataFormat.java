package dev.tessera.jpeg.imageio;

import java.util.List;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadataFormat;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * The JDK's JPEG stream metadata format, {@value JpegStreamMetadata#FORMAT}: the tables-only image at the start
 * of a stream of abbreviated images (jpeg_metadata.html, "Abbreviated Streams"), its {@code dqt}, {@code dht},
 * {@code dri}, {@code com} and {@code unknown} segments directly under the root.
 */
public final class JpegStreamMetadataFormat extends IIOMetadataFormatImpl {
    private static final List<String> ZERO_TO_THREE = List.of("0", "1", "2", "3");
    private static final JpegStreamMetadataFormat INSTANCE = new JpegStreamMetadataFormat();

    private JpegStreamMetadataFormat() {
        super(JpegStreamMetadata.FORMAT, CHILD_POLICY_SEQUENCE);
        String root = JpegStreamMetadata.FORMAT;
        addElement("dqt", root, 1, 4);
        addElement("dqtable", "dqt", CHILD_POLICY_EMPTY);
        addAttribute("dqtable", "elementPrecision", DATATYPE_INTEGER, false, "0", List.of("0", "1"));
        addAttribute("dqtable", "qtableId", DATATYPE_INTEGER, true, null, ZERO_TO_THREE);
        addObjectValue("dqtable", JPEGQTable.class, true, null);
        addElement("dht", root, 1, 4);
        addElement("dhtable", "dht", CHILD_POLICY_EMPTY);
        addAttribute("dhtable", "class", DATATYPE_INTEGER, true, null, List.of("0", "1"));
        addAttribute("dhtable", "htableId", DATATYPE_INTEGER, true, null, ZERO_TO_THREE);
        addObjectValue("dhtable", JPEGHuffmanTable.class, true, null);
        addElement("dri", root, CHILD_POLICY_EMPTY);
        addAttribute("dri", "interval", DATATYPE_INTEGER, true, null, "0", "65535", true, true);
        addElement("com", root, CHILD_POLICY_EMPTY);
        addAttribute("com", "comment", DATATYPE_STRING, false, null);
        addObjectValue("com", byte[].class, 1, Integer.MAX_VALUE);
        addElement("unknown", root, CHILD_POLICY_EMPTY);
        addAttribute("unknown", "MarkerTag", DATATYPE_INTEGER, true, null, "0", "255", true, true);
        addObjectValue("unknown", byte[].class, 1, Integer.MAX_VALUE);
    }

    /** The one instance, as {@link javax.imageio.metadata.IIOMetadata#getMetadataFormat} looks it up. */
    public static IIOMetadataFormat getInstance() {
        return INSTANCE;
    }

    @Override
    public boolean canNodeAppear(String elementName, ImageTypeSpecifier imageType) {
        return true;
    }
}
