package dev.tessera.jpeg.imageio;

import java.util.ArrayList;
import java.util.List;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;
import org.w3c.dom.Node;

/**
 * Helpers for the JDK's native JPEG image metadata tree, {@value JpegProviderInfo#NATIVE_IMAGE_FORMAT}:
 * a root holding {@code JPEGvariety} (the JFIF APP0 segment, with an {@code app2ICC} child for an ICC profile)
 * and {@code markerSequence} (dqt, dht, sof, sos, dri, com, unknown and app14Adobe, in stream order). The
 * element and attribute names are those of the JDK's {@code jpeg_metadata.html}.
 */
final class NativeTree {
    static final String ROOT = JpegProviderInfo.NATIVE_IMAGE_FORMAT;

    private NativeTree() {
    }

    /** An empty tree: a root with empty {@code JPEGvariety} and {@code markerSequence}. */
    static IIOMetadataNode empty() {
        IIOMetadataNode root = new IIOMetadataNode(ROOT);
        root.appendChild(new IIOMetadataNode("JPEGvariety"));
        root.appendChild(new IIOMetadataNode("markerSequence"));
        return root;
    }

    static IIOMetadataNode variety(IIOMetadataNode root) {
        return child(root, "JPEGvariety");
    }

    static IIOMetadataNode markers(IIOMetadataNode root) {
        return child(root, "markerSequence");
    }

    /** The first child element named {@code name}, or {@code null}. */
    static IIOMetadataNode child(Node parent, String name) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (name.equals(n.getNodeName())) {
                return (IIOMetadataNode) n;
            }
        }
        return null;
    }

    /** All child elements named {@code name}, in order. */
    static List<IIOMetadataNode> children(Node parent, String name) {
        List<IIOMetadataNode> out = new ArrayList<>();
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (name.equals(n.getNodeName())) {
                out.add((IIOMetadataNode) n);
            }
        }
        return out;
    }

    /** All descendants of the marker sequence's children named {@code childName} under {@code segment}. */
    static List<IIOMetadataNode> entries(IIOMetadataNode root, String segment, String childName) {
        List<IIOMetadataNode> out = new ArrayList<>();
        for (IIOMetadataNode s : children(markers(root), segment)) {
            out.addAll(children(s, childName));
        }
        return out;
    }

    /**
     * An integer attribute, {@code fallback} when absent.
     *
     * @throws IIOInvalidTreeException if present but not an integer in {@code min..max}
     */
    static int intAttribute(Node node, String name, int min, int max, int fallback) throws IIOInvalidTreeException {
        Node attribute = node.getAttributes() == null ? null : node.getAttributes().getNamedItem(name);
        if (attribute == null || attribute.getNodeValue() == null || attribute.getNodeValue().isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(attribute.getNodeValue().trim());
            if (value < min || value > max) {
                throw new IIOInvalidTreeException(node.getNodeName() + "/" + name + " must be " + min + ".." + max
                    + ", found " + value, node);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IIOInvalidTreeException(node.getNodeName() + "/" + name + " is not an integer: "
                + attribute.getNodeValue(), e, node);
        }
    }

    static IIOMetadataNode element(String name, String... attributes) {
        IIOMetadataNode node = new IIOMetadataNode(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            node.setAttribute(attributes[i], attributes[i + 1]);
        }
        return node;
    }

    static IIOMetadataNode jfif(int units, int x, int y) {
        return element("app0JFIF", "majorVersion", "1", "minorVersion", "2", "resUnits", Integer.toString(units),
            "Xdensity", Integer.toString(x), "Ydensity", Integer.toString(y), "thumbWidth", "0", "thumbHeight", "0");
    }

    static IIOMetadataNode qtable(int id, JPEGQTable table) {
        int precision = 0;
        for (int v : table.getTable()) {
            precision |= v > 255 ? 1 : 0;
        }
        IIOMetadataNode node = element("dqtable", "elementPrecision", Integer.toString(precision),
            "qtableId", Integer.toString(id));
        node.setUserObject(table);
        return node;
    }

    static IIOMetadataNode htable(int tableClass, int id, JPEGHuffmanTable table) {
        IIOMetadataNode node = element("dhtable", "class", Integer.toString(tableClass),
            "htableId", Integer.toString(id));
        node.setUserObject(table);
        return node;
    }

    static IIOMetadataNode adobe(int transform) {
        return element("app14Adobe", "version", "100", "flags0", "0", "flags1", "0",
            "transform", Integer.toString(transform));
    }

    static IIOMetadataNode comment(String text) {
        IIOMetadataNode node = element("com", "comment", text);
        node.setUserObject(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return node;
    }

    /** An {@code unknown} marker segment: its marker code (e.g. 225 for APP1) and payload. */
    static IIOMetadataNode unknown(int marker, byte[] payload) {
        IIOMetadataNode node = element("unknown", "MarkerTag", Integer.toString(marker));
        node.setUserObject(payload);
        return node;
    }

    /**
     * A frame header: {@code h[c]} and {@code v[c]} sampling factors, component ids 1..n, quantization table 0
     * for the first component and 1 for the others ({@code sharedTable}: 0 for all).
     */
    static IIOMetadataNode sof(int process, int width, int height, int[] h, int[] v, int[] ids, int[] tables) {
        IIOMetadataNode sof = element("sof", "process", Integer.toString(process), "samplePrecision", "8",
            "numLines", Integer.toString(height), "samplesPerLine", Integer.toString(width),
            "numFrameComponents", Integer.toString(h.length));
        for (int c = 0; c < h.length; c++) {
            sof.appendChild(element("componentSpec", "componentId", Integer.toString(ids[c]),
                "HsamplingFactor", Integer.toString(h[c]), "VsamplingFactor", Integer.toString(v[c]),
                "QtableSelector", Integer.toString(tables[c])));
        }
        return sof;
    }

    static IIOMetadataNode sos(int[] ids, int[] tables, int start, int end, int high, int low) {
        IIOMetadataNode sos = element("sos", "numScanComponents", Integer.toString(ids.length),
            "startSpectralSelection", Integer.toString(start), "endSpectralSelection", Integer.toString(end),
            "approxHigh", Integer.toString(high), "approxLow", Integer.toString(low));
        for (int c = 0; c < ids.length; c++) {
            sos.appendChild(element("scanComponentSpec", "componentSelector", Integer.toString(ids[c]),
                "dcHuffTable", Integer.toString(tables[c]), "acHuffTable", Integer.toString(tables[c])));
        }
        return sos;
    }
}
