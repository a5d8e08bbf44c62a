package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * IIOMetadata's contract and jpeg_metadata.html's trees, ours against the JDK's: the native and standard trees
 * of the same files, the writers' default metadata, and mergeTree/setFromTree/reset/isReadOnly.
 */
class MetadataContractTest {
    private static final String NATIVE = "javax_imageio_jpeg_image_1.0";
    private static final String STANDARD = IIOMetadataFormatImpl.standardMetadataFormatName;

    /** A tree as lines: path, attributes in name order, and the user object's content. */
    static List<String> lines(Node node) {
        List<String> out = new ArrayList<>();
        lines(node, "", out);
        return out;
    }

    private static void lines(Node node, String parent, List<String> out) {
        String path = parent + "/" + node.getNodeName();
        List<String> attributes = new ArrayList<>();
        for (int i = 0; node.getAttributes() != null && i < node.getAttributes().getLength(); i++) {
            Node a = node.getAttributes().item(i);
            attributes.add(a.getNodeName() + "=" + a.getNodeValue());
        }
        attributes.sort(null);
        Object value = node instanceof IIOMetadataNode m ? m.getUserObject() : null;
        String content = value instanceof JPEGQTable q ? java.util.Arrays.toString(q.getTable())
            : value instanceof JPEGHuffmanTable h ? java.util.Arrays.toString(h.getLengths())
                + java.util.Arrays.toString(h.getValues())
            : value instanceof byte[] b ? java.util.Arrays.toString(b) : value == null ? "" : value.getClass().getName();
        out.add(path + " " + attributes + " " + content);
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            lines(c, path, out);
        }
    }

    private static List<byte[]> files() throws IOException {
        List<byte[]> files = new ArrayList<>();
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage image = Plugins.picture(48, 32, type);
            files.add(Plugins.write(Plugins.jdkWriter(), image, List.of(), null));
            // With a DRI, a comment, density in dots per inch, 4:4:4 and progressive.
            ImageWriter writer = Plugins.jdkWriter();
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
            IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(NATIVE);
            IIOMetadataNode jfif = (IIOMetadataNode) tree.getElementsByTagName("app0JFIF").item(0);
            jfif.setAttribute("resUnits", "1");
            jfif.setAttribute("Xdensity", "300");
            jfif.setAttribute("Ydensity", "300");
            IIOMetadataNode markers = (IIOMetadataNode) tree.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", "4");
            markers.insertBefore(dri, markers.getElementsByTagName("sof").item(0));
            IIOMetadataNode com = new IIOMetadataNode("com");
            com.setAttribute("comment", "a comment");
            markers.insertBefore(com, markers.getFirstChild());
            metadata.setFromTree(NATIVE, tree);
            files.add(Plugins.write(writer, image, List.of(), metadata));
            // Thumbnails: one in the JFIF segment; three in JFXX segments (RGB, JPEG-coded gray, palette).
            files.add(Plugins.write(Plugins.jdkWriter(), image, List.of(Plugins.picture(16, 12,
                BufferedImage.TYPE_INT_RGB)), null));
            files.add(Plugins.write(Plugins.jdkWriter(), image, List.of(Plugins.picture(16, 12,
                BufferedImage.TYPE_INT_RGB), Plugins.picture(8, 8, BufferedImage.TYPE_BYTE_GRAY),
                new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED)), null));
        }
        return files;
    }

    @Test
    void readersGiveTheSameNativeAndStandardTrees() throws IOException {
        for (byte[] jpeg : files()) {
            IIOMetadata ours = Plugins.open(Plugins.ourReader(), jpeg).getImageMetadata(0);
            IIOMetadata jdk = Plugins.open(Plugins.jdkReader(), jpeg).getImageMetadata(0);
            assertEquals(jdk.getNativeMetadataFormatName(), ours.getNativeMetadataFormatName());
            assertArrayEquals(jdk.getMetadataFormatNames(), ours.getMetadataFormatNames());
            assertEquals(jdk.isStandardMetadataFormatSupported(), ours.isStandardMetadataFormatSupported());
            assertEquals(jdk.isReadOnly(), ours.isReadOnly());
            // The JDK's reader names palette thumbnails JFIFThumbPalette, where its format, jpeg_metadata.html and
            // its own tree parser say JFIFthumbPalette (so its tree cannot be set back); ours uses the latter.
            assertEquals(lines(jdk.getAsTree(NATIVE)).stream().map(l -> l.replace("/JFIFThumbPalette ",
                "/JFIFthumbPalette ")).toList(), lines(ours.getAsTree(NATIVE)));
            assertEquals(standard(jdk), lines(ours.getAsTree(STANDARD)));
        }
    }

    /**
     * The JDK's standard tree with ImageOrientation as the standard format spells it ("Normal"; the JDK's JPEG
     * metadata writes "normal", which javax_imageio_1.0 does not list).
     */
    private static List<String> standard(IIOMetadata jdk) {
        List<String> allowed = java.util.Arrays.asList(IIOMetadataFormatImpl.getStandardFormatInstance()
            .getAttributeEnumerations("ImageOrientation", "value"));
        assertTrue(allowed.contains("Normal") && !allowed.contains("normal"));
        return lines(jdk.getAsTree(STANDARD)).stream().map(l -> l.replace("[value=normal]", "[value=Normal]")).toList();
    }

    @Test
    void writersDefaultMetadataIsTheJdks() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            ImageTypeSpecifier spec = ImageTypeSpecifier.createFromBufferedImageType(type);
            IIOMetadata ours = Plugins.ourWriter().getDefaultImageMetadata(spec, null);
            IIOMetadata jdk = Plugins.jdkWriter().getDefaultImageMetadata(spec, null);
            assertEquals(lines(jdk.getAsTree(NATIVE)), lines(ours.getAsTree(NATIVE)));
            assertEquals(standard(jdk), lines(ours.getAsTree(STANDARD)));
        }
    }

    @Test
    void treeOperationsCheckAndResetAsTheJdks() throws IOException {
        ImageTypeSpecifier spec = ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR);
        for (ImageWriter writer : Plugins.writers()) {
            String name = Plugins.name(writer);
            IIOMetadata metadata = writer.getDefaultImageMetadata(spec, null);
            List<String> initial = lines(metadata.getAsTree(NATIVE));
            assertThrows(IllegalArgumentException.class, () -> metadata.getAsTree(null), name);
            assertThrows(IllegalArgumentException.class, () -> metadata.getAsTree("no_such_format"), name);
            assertThrows(IllegalArgumentException.class, () -> metadata.mergeTree(NATIVE, null), name);
            assertThrows(IIOInvalidTreeException.class,
                () -> metadata.mergeTree(NATIVE, new IIOMetadataNode("wrong_root")), name);
            if (writer instanceof JpegImageWriter) {
                // IIOMetadata: a tree that cannot be parsed. (The JDK's ignores a wrong standard root.)
                assertThrows(IIOInvalidTreeException.class,
                    () -> metadata.setFromTree(STANDARD, new IIOMetadataNode("wrong_root")), name);
            }
            // A standard-tree merge: a comment, then reset returns to the initial tree.
            IIOMetadataNode root = new IIOMetadataNode(STANDARD);
            IIOMetadataNode text = new IIOMetadataNode("Text");
            IIOMetadataNode entry = new IIOMetadataNode("TextEntry");
            entry.setAttribute("keyword", "comment");
            entry.setAttribute("value", "merged");
            text.appendChild(entry);
            root.appendChild(text);
            metadata.mergeTree(STANDARD, root);
            assertTrue(lines(metadata.getAsTree(NATIVE)).stream().anyMatch(l -> l.contains("comment=merged")), name);
            metadata.reset();
            assertEquals(initial, lines(metadata.getAsTree(NATIVE)), name);
            // getAsTree gives a copy: changing it leaves the metadata as it was.
            IIOMetadataNode copy = (IIOMetadataNode) metadata.getAsTree(NATIVE);
            copy.removeChild(copy.getLastChild());
            assertEquals(initial, lines(metadata.getAsTree(NATIVE)), name);
            assertTrue(metadata.getMetadataFormat(NATIVE) != null, name);
            if (writer instanceof JpegImageWriter) {
                // (The JDK's format recurses without end here: StackOverflowError.)
                assertTrue(metadata.getMetadataFormat(NATIVE).canNodeAppear("dqt", spec), name);
            }
        }
    }
}
