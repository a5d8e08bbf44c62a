package dev.tessera.jpeg.imageio;

import static dev.tessera.jpeg.imageio.NativeTree.child;
import static dev.tessera.jpeg.imageio.NativeTree.children;
import static dev.tessera.jpeg.imageio.NativeTree.intAttribute;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.QuantTable;
import java.awt.color.ColorSpace;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormat;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;
import org.w3c.dom.Node;

/**
 * Image metadata in the JDK's native JPEG format, {@value JpegProviderInfo#NATIVE_IMAGE_FORMAT}, and in the
 * standard format {@value IIOMetadataFormatImpl#standardMetadataFormatName}. The reader fills it from the
 * stream's marker segments; the writer reads density, sampling factors, tables, restart interval, comments,
 * EXIF ({@code unknown} with MarkerTag 225) and the ICC profile from it, with the meaning the JDK gives them.
 *
 * <p>Mutable, as the JDK's is: {@code mergeTree} and {@code setFromTree} accept both formats.
 */
public final class JpegMetadata extends IIOMetadata {
    private IIOMetadataNode initialTree;
    private IIOMetadataNode root;

    JpegMetadata(IIOMetadataNode nativeRoot) {
        super(true, JpegProviderInfo.NATIVE_IMAGE_FORMAT, JpegMetadataFormat.class.getName(), null, null);
        this.initialTree = NativeMerge.copy(nativeRoot);
        this.root = nativeRoot;
    }

    /**
     * What the writer would write for an image of this type with the default parameters, as the JDK's
     * {@code getDefaultImageMetadata} gives it: JFIF, the quality-75 tables (Annex K divided by 2), the
     * Annex K Huffman tables, 4:2:0 for colour, one interleaved scan. A type with a CMYK colour space gets
     * Adobe APP14 (transform 0) and four 1x1 components instead of JFIF.
     */
    static JpegMetadata defaults(ImageTypeSpecifier type) {
        int components = componentCount(type);
        IIOMetadataNode tree = NativeTree.empty();
        IIOMetadataNode markers = NativeTree.markers(tree);
        if (components == 4) {
            markers.appendChild(NativeTree.adobe(0));
        } else {
            NativeTree.variety(tree).appendChild(NativeTree.jfif(0, 1, 1));
        }
        boolean ycbcr = components == 3;
        IIOMetadataNode dqt = new IIOMetadataNode("dqt");
        dqt.appendChild(NativeTree.qtable(0, JPEGQTable.K1Div2Luminance));
        if (ycbcr) {
            dqt.appendChild(NativeTree.qtable(1, JPEGQTable.K2Div2Chrominance));
        }
        markers.appendChild(dqt);
        IIOMetadataNode dht = new IIOMetadataNode("dht");
        // DC tables, then AC tables: the JDK's order.
        dht.appendChild(NativeTree.htable(0, 0, JPEGHuffmanTable.StdDCLuminance));
        if (ycbcr) {
            dht.appendChild(NativeTree.htable(0, 1, JPEGHuffmanTable.StdDCChrominance));
        }
        dht.appendChild(NativeTree.htable(1, 0, JPEGHuffmanTable.StdACLuminance));
        if (ycbcr) {
            dht.appendChild(NativeTree.htable(1, 1, JPEGHuffmanTable.StdACChrominance));
        }
        markers.appendChild(dht);
        int[] h = new int[components];
        int[] v = new int[components];
        int[] ids = new int[components];
        int[] tables = new int[components];
        for (int c = 0; c < components; c++) {
            h[c] = ycbcr && c == 0 ? 2 : 1;
            v[c] = h[c];
            ids[c] = c + 1;
            tables[c] = ycbcr && c > 0 ? 1 : 0;
        }
        markers.appendChild(NativeTree.sof(0, 0, 0, h, v, ids, tables));
        markers.appendChild(NativeTree.sos(ids, tables, 0, 63, 0, 0));
        return new JpegMetadata(tree);
    }

    /**
     * The defaults for a type, adjusted to a write parameter as the JDK adjusts them: an explicit quality
     * gives the tables it scales to, progressive mode {@code MODE_DEFAULT} makes the frame progressive.
     */
    static JpegMetadata defaults(ImageTypeSpecifier type, ImageWriteParam param) {
        JpegMetadata metadata = defaults(type);
        if (param == null) {
            return metadata;
        }
        IIOMetadataNode markers = NativeTree.markers(metadata.root);
        if (param.canWriteCompressed() && param.getCompressionMode() == ImageWriteParam.MODE_EXPLICIT) {
            List<QuantTable> tables = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE
                .withQuality(WriteSettings.ijgQuality(param.getCompressionQuality()))).quantTables();
            for (IIOMetadataNode table : NativeTree.entries(metadata.root, "dqt", "dqtable")) {
                int id = table.getAttribute("qtableId").equals("0") ? 0 : 1;
                IIOMetadataNode scaled = NativeTree.qtable(id, new JPEGQTable(tables.get(id).toNaturalArray()));
                table.getParentNode().replaceChild(scaled, table);
            }
        }
        if (param.canWriteProgressive() && param.getProgressiveMode() == ImageWriteParam.MODE_DEFAULT) {
            child(markers, "sof").setAttribute("process", "2");
        }
        metadata.initialize();
        return metadata;
    }

    /** Makes the current tree the one {@link #reset()} returns to. */
    private void initialize() {
        initialTree = NativeMerge.copy(root);
    }

    private static int componentCount(ImageTypeSpecifier type) {
        if (type == null) {
            return 3;
        }
        ColorSpace cs = type.getColorModel().getColorSpace();
        if (cs.getType() == ColorSpace.TYPE_CMYK) {
            return 4;
        }
        return cs.getType() == ColorSpace.TYPE_GRAY && type.getNumBands() == 1 ? 1 : 3;
    }

    /**
     * Metadata from another plugin for the writer: a copy of a {@code JpegMetadata}, the native tree of any
     * metadata that offers {@value JpegProviderInfo#NATIVE_IMAGE_FORMAT} (the JDK's reader does), or the
     * defaults merged with a standard tree. {@code null} if none of these applies or the tree is invalid.
     */
    static JpegMetadata convert(IIOMetadata in, ImageTypeSpecifier type) {
        if (in == null) {
            return null;
        }
        try {
            if (in instanceof JpegMetadata jpeg) {
                return new JpegMetadata(NativeMerge.copy(jpeg.root));
            }
            List<String> formats = in.getMetadataFormatNames() == null ? List.of()
                : Arrays.asList(in.getMetadataFormatNames());
            if (formats.contains(JpegProviderInfo.NATIVE_IMAGE_FORMAT)) {
                JpegMetadata out = new JpegMetadata(NativeTree.empty());
                out.setFromTree(JpegProviderInfo.NATIVE_IMAGE_FORMAT,
                    in.getAsTree(JpegProviderInfo.NATIVE_IMAGE_FORMAT));
                return out;
            }
            if (in.isStandardMetadataFormatSupported()) {
                JpegMetadata out = defaults(type);
                out.mergeTree(IIOMetadataFormatImpl.standardMetadataFormatName,
                    in.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName));
                return out;
            }
        } catch (IIOInvalidTreeException e) {
            return null;
        }
        return null;
    }

    /** The live native tree, for the writer (read only there). */
    IIOMetadataNode nativeTree() {
        return root;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public IIOMetadataFormat getMetadataFormat(String formatName) {
        if (JpegProviderInfo.NATIVE_IMAGE_FORMAT.equals(formatName)) {
            return JpegMetadataFormat.getInstance();
        }
        return super.getMetadataFormat(formatName);
    }

    @Override
    public Node getAsTree(String formatName) {
        checkFormat(formatName);
        if (JpegProviderInfo.NATIVE_IMAGE_FORMAT.equals(formatName)) {
            return NativeMerge.copy(root);
        }
        return getStandardTree();
    }

    @Override
    public void setFromTree(String formatName, Node tree) throws IIOInvalidTreeException {
        checkFormat(formatName);
        checkTree(tree);
        if (JpegProviderInfo.NATIVE_IMAGE_FORMAT.equals(formatName)) {
            checkRoot(tree, JpegProviderInfo.NATIVE_IMAGE_FORMAT);
            IIOMetadataNode replacement = NativeTree.empty();
            NativeMerge.merge(replacement, tree);
            root = replacement;
        } else {
            reset();
            mergeTree(formatName, tree);
        }
    }

    @Override
    public void mergeTree(String formatName, Node tree) throws IIOInvalidTreeException {
        checkFormat(formatName);
        checkTree(tree);
        IIOMetadataNode merged = NativeMerge.copy(root);
        if (JpegProviderInfo.NATIVE_IMAGE_FORMAT.equals(formatName)) {
            checkRoot(tree, JpegProviderInfo.NATIVE_IMAGE_FORMAT);
            NativeMerge.merge(merged, tree);
        } else {
            checkRoot(tree, IIOMetadataFormatImpl.standardMetadataFormatName);
            StandardMetadata.merge(merged, tree);
        }
        root = merged; // only when the whole tree was valid
    }

    @Override
    public void reset() {
        root = NativeMerge.copy(initialTree);
    }

    private static void checkTree(Node tree) {
        if (tree == null) {
            throw new IllegalArgumentException("root must not be null");
        }
    }

    private void checkFormat(String formatName) {
        if (formatName == null) {
            throw new IllegalArgumentException("formatName must not be null");
        }
        if (!JpegProviderInfo.NATIVE_IMAGE_FORMAT.equals(formatName)
            && !IIOMetadataFormatImpl.standardMetadataFormatName.equals(formatName)) {
            throw new IllegalArgumentException("unsupported metadata format: " + formatName);
        }
    }

    private static void checkRoot(Node tree, String name) throws IIOInvalidTreeException {
        if (!name.equals(tree.getNodeName())) {
            throw new IIOInvalidTreeException("root must be " + name + ", found " + tree.getNodeName(), tree);
        }
    }

    @Override
    protected IIOMetadataNode getStandardChromaNode() {
        return StandardMetadata.chroma(root);
    }

    @Override
    protected IIOMetadataNode getStandardCompressionNode() {
        return StandardMetadata.compression(root);
    }

    @Override
    protected IIOMetadataNode getStandardDimensionNode() {
        return StandardMetadata.dimension(root);
    }

    @Override
    protected IIOMetadataNode getStandardTextNode() {
        return StandardMetadata.text(root);
    }

    /** The number of frame components in the tree's {@code sof}, or {@code fallback} without one. */
    static int frameComponents(IIOMetadataNode root, int fallback) {
        IIOMetadataNode sof = child(NativeTree.markers(root), "sof");
        if (sof == null) {
            return fallback;
        }
        int n = children(sof, "componentSpec").size();
        if (n > 0) {
            return n;
        }
        try {
            return intAttribute(sof, "numFrameComponents", 1, 255, fallback);
        } catch (IIOInvalidTreeException e) {
            return fallback;
        }
    }
}
