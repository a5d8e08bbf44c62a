package dev.tessera.jpeg.imageio;

import java.awt.color.ICC_Profile;
import java.util.List;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadataFormat;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * A description of the native tree {@value JpegProviderInfo#NATIVE_IMAGE_FORMAT} as the JDK documents it in
 * {@code javax/imageio/metadata/doc-files/jpeg_metadata.html}: the elements and attributes Tessera reads and
 * writes. (The JDK's own format class is not public, so plugins outside the JDK describe the tree themselves.)
 */
public final class JpegMetadataFormat extends IIOMetadataFormatImpl {
    // Before INSTANCE: static fields are assigned in order, and the constructor uses this one.
    private static final List<String> ZERO_TO_THREE = List.of("0", "1", "2", "3");
    private static final JpegMetadataFormat INSTANCE = new JpegMetadataFormat();

    private JpegMetadataFormat() {
        super(JpegProviderInfo.NATIVE_IMAGE_FORMAT, CHILD_POLICY_ALL);
        String root = JpegProviderInfo.NATIVE_IMAGE_FORMAT;
        addElement("JPEGvariety", root, CHILD_POLICY_CHOICE);
        addElement("markerSequence", root, CHILD_POLICY_SEQUENCE);

        addElement("app0JFIF", "JPEGvariety", CHILD_POLICY_SOME);
        addAttribute("app0JFIF", "majorVersion", DATATYPE_INTEGER, false, "1", "0", "255", true, true);
        addAttribute("app0JFIF", "minorVersion", DATATYPE_INTEGER, false, "2", "0", "255", true, true);
        addAttribute("app0JFIF", "resUnits", DATATYPE_INTEGER, false, "0", List.of("0", "1", "2"));
        addAttribute("app0JFIF", "Xdensity", DATATYPE_INTEGER, false, "1", "1", "65535", true, true);
        addAttribute("app0JFIF", "Ydensity", DATATYPE_INTEGER, false, "1", "1", "65535", true, true);
        addAttribute("app0JFIF", "thumbWidth", DATATYPE_INTEGER, false, "0", "0", "255", true, true);
        addAttribute("app0JFIF", "thumbHeight", DATATYPE_INTEGER, false, "0", "0", "255", true, true);
        // JFIF extension segments (T.871 10.2): their code and thumbnail.
        addElement("JFXX", "app0JFIF", 1, Integer.MAX_VALUE);
        addElement("app0JFXX", "JFXX", CHILD_POLICY_CHOICE);
        addAttribute("app0JFXX", "extensionCode", DATATYPE_INTEGER, false, null, List.of("16", "17", "19"));
        addElement("JFIFthumbJPEG", "app0JFXX", CHILD_POLICY_SOME);
        addChildElement("markerSequence", "JFIFthumbJPEG");
        for (String thumb : List.of("JFIFthumbPalette", "JFIFthumbRGB")) {
            addElement(thumb, "app0JFXX", CHILD_POLICY_EMPTY);
            addAttribute(thumb, "thumbWidth", DATATYPE_INTEGER, false, null, "0", "255", true, true);
            addAttribute(thumb, "thumbHeight", DATATYPE_INTEGER, false, null, "0", "255", true, true);
        }
        addElement("app2ICC", "app0JFIF", CHILD_POLICY_EMPTY);
        addObjectValue("app2ICC", ICC_Profile.class, false, null);

        addElement("dqt", "markerSequence", 1, 4);
        addElement("dqtable", "dqt", CHILD_POLICY_EMPTY);
        addAttribute("dqtable", "elementPrecision", DATATYPE_INTEGER, false, "0", List.of("0", "1"));
        addAttribute("dqtable", "qtableId", DATATYPE_INTEGER, true, null, ZERO_TO_THREE);
        addObjectValue("dqtable", JPEGQTable.class, true, null);

        addElement("dht", "markerSequence", 1, 4);
        addElement("dhtable", "dht", CHILD_POLICY_EMPTY);
        addAttribute("dhtable", "class", DATATYPE_INTEGER, true, null, List.of("0", "1"));
        addAttribute("dhtable", "htableId", DATATYPE_INTEGER, true, null, ZERO_TO_THREE);
        addObjectValue("dhtable", JPEGHuffmanTable.class, true, null);

        addElement("dri", "markerSequence", CHILD_POLICY_EMPTY);
        addAttribute("dri", "interval", DATATYPE_INTEGER, true, null, "0", "65535", true, true);

        addElement("com", "markerSequence", CHILD_POLICY_EMPTY);
        addAttribute("com", "comment", DATATYPE_STRING, false, null);
        addObjectValue("com", byte[].class, 1, Integer.MAX_VALUE);

        addElement("unknown", "markerSequence", CHILD_POLICY_EMPTY);
        addAttribute("unknown", "MarkerTag", DATATYPE_INTEGER, true, null, "0", "255", true, true);
        addObjectValue("unknown", byte[].class, 1, Integer.MAX_VALUE);

        addElement("app14Adobe", "markerSequence", CHILD_POLICY_EMPTY);
        addAttribute("app14Adobe", "version", DATATYPE_INTEGER, false, "101", "100", "255", true, true);
        addAttribute("app14Adobe", "flags0", DATATYPE_INTEGER, false, "0", "0", "65535", true, true);
        addAttribute("app14Adobe", "flags1", DATATYPE_INTEGER, false, "0", "0", "65535", true, true);
        addAttribute("app14Adobe", "transform", DATATYPE_INTEGER, true, null, List.of("0", "1", "2"));

        addElement("sof", "markerSequence", 1, 4);
        addAttribute("sof", "process", DATATYPE_INTEGER, false, null, List.of("0", "1", "2"));
        addAttribute("sof", "samplePrecision", DATATYPE_INTEGER, false, "8", List.of("8", "12"));
        addAttribute("sof", "numLines", DATATYPE_INTEGER, false, null, "0", "65535", true, true);
        addAttribute("sof", "samplesPerLine", DATATYPE_INTEGER, false, null, "0", "65535", true, true);
        addAttribute("sof", "numFrameComponents", DATATYPE_INTEGER, false, null, List.of("1", "2", "3", "4"));
        addElement("componentSpec", "sof", CHILD_POLICY_EMPTY);
        addAttribute("componentSpec", "componentId", DATATYPE_INTEGER, true, null, "0", "255", true, true);
        addAttribute("componentSpec", "HsamplingFactor", DATATYPE_INTEGER, true, null, "1", "4", true, true);
        addAttribute("componentSpec", "VsamplingFactor", DATATYPE_INTEGER, true, null, "1", "4", true, true);
        addAttribute("componentSpec", "QtableSelector", DATATYPE_INTEGER, true, null, ZERO_TO_THREE);

        addElement("sos", "markerSequence", 1, 4);
        addAttribute("sos", "numScanComponents", DATATYPE_INTEGER, true, null, List.of("1", "2", "3", "4"));
        addAttribute("sos", "startSpectralSelection", DATATYPE_INTEGER, false, "0", "0", "63", true, true);
        addAttribute("sos", "endSpectralSelection", DATATYPE_INTEGER, false, "63", "0", "63", true, true);
        addAttribute("sos", "approxHigh", DATATYPE_INTEGER, false, "0", "0", "15", true, true);
        addAttribute("sos", "approxLow", DATATYPE_INTEGER, false, "0", "0", "15", true, true);
        addElement("scanComponentSpec", "sos", CHILD_POLICY_EMPTY);
        addAttribute("scanComponentSpec", "componentSelector", DATATYPE_INTEGER, true, null, "0", "255", true,
            true);
        addAttribute("scanComponentSpec", "dcHuffTable", DATATYPE_INTEGER, true, null, ZERO_TO_THREE);
        addAttribute("scanComponentSpec", "acHuffTable", DATATYPE_INTEGER, true, null, ZERO_TO_THREE);
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
