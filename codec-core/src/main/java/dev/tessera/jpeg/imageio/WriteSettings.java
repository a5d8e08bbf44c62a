package dev.tessera.jpeg.imageio;

import static dev.tessera.jpeg.imageio.NativeTree.child;
import static dev.tessera.jpeg.imageio.NativeTree.children;
import static dev.tessera.jpeg.imageio.NativeTree.intAttribute;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.Preset;
import dev.tessera.jpeg.model.DensityUnit;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import java.awt.color.ICC_Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.IIOException;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * Turns an {@link ImageWriteParam} and the native metadata tree into the encoder's {@link EncoderOptions} and
 * {@link ImageMetadata}, with the precedence of the JDK's writer: an explicit compression quality wins over
 * tables; tables set on a {@link JPEGImageWriteParam} win over the metadata's; the metadata decides what the
 * parameters leave open (its {@code dqt} tables, the {@code sof} process and sampling factors, {@code dri}).
 */
final class WriteSettings {
    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private WriteSettings() {
    }

    /**
     * IJG quality 1..100 for an ImageIO quality 0..1: {@code round(q * 100)}, clamped. The JDK scales the
     * Annex K tables by {@code q < 0.5 ? 0.5 / q : 2 - 2q} (its {@code JPEG.convertToLinearQuality}, taken
     * from libjpeg's {@code jpeg_quality_scaling}), which is IJG quality {@code 100 q}, so the tables agree
     * with the JDK's wherever {@code 100 q} is a whole number; q = 0 gives quality 1, as the JDK's 0.01.
     */
    static int ijgQuality(float quality) {
        return Math.max(1, Math.min(100, Math.round(quality * 100)));
    }

    static EncoderOptions options(ImageWriteParam param, IIOMetadataNode tree, Consumer<String> warnings)
        throws IIOException {
        // Drop-in: quality means what it means in the JDK's writer (Annex K tables, IJG scaling), so ImageIO
        // callers get the files they had, only faster and with optimized Huffman tables; unless they ask for
        // one of Tessera's presets on a TesseraJpegWriteParam.
        Preset preset = param instanceof TesseraJpegWriteParam t ? t.getPreset() : null;
        EncoderOptions options = preset == null ? EncoderOptions.BASELINE_COMPATIBLE
            : EncoderOptions.BASELINE_COMPATIBLE.withPreset(preset);
        IIOMetadataNode markers = tree == null ? null : NativeTree.markers(tree);
        int mode = param != null && param.canWriteCompressed() ? param.getCompressionMode()
            : ImageWriteParam.MODE_COPY_FROM_METADATA;
        JPEGImageWriteParam jpegParam = param instanceof JPEGImageWriteParam j ? j : null;
        switch (mode) {
            case ImageWriteParam.MODE_DISABLED -> throw new IIOException("JPEG compression cannot be disabled");
            case ImageWriteParam.MODE_EXPLICIT -> options = options.withQuality(ijgQuality(
                param.getCompressionQuality()));
            case ImageWriteParam.MODE_DEFAULT -> options = options.withQuality(75);
            default -> {
                // A preset chooses its own tables: only tables set on the param override them.
                QuantTable[] tables = jpegParam != null && jpegParam.areTablesSet()
                    ? fromJdk(jpegParam.getQTables()) : preset == null ? metadataTables(markers) : null;
                if (tables != null) {
                    options = options.withTables(tables[0], tables[1]);
                }
            }
        }

        boolean optimize = jpegParam == null || jpegParam.getOptimizeHuffmanTables();
        if (!optimize && !standardHuffman(jpegParam, markers)) {
            // The encoder codes with Annex K or optimized tables only; optimized ones code every image.
            warnings.accept("custom Huffman tables are not supported: writing optimized tables instead");
            optimize = true;
        }
        options = options.withOptimizeHuffman(optimize);

        int progressiveMode = param != null && param.canWriteProgressive() ? param.getProgressiveMode()
            : ImageWriteParam.MODE_COPY_FROM_METADATA;
        boolean progressive = switch (progressiveMode) {
            case ImageWriteParam.MODE_DEFAULT -> true;
            case ImageWriteParam.MODE_COPY_FROM_METADATA -> markers != null
                && (intOr(child(markers, "sof"), "process", 0, 2, 0) == 2 || children(markers, "sos").size() > 1);
            default -> false;
        };
        if (preset == null) {
            options = options.withProgressive(progressive);
        } else if (progressiveMode == ImageWriteParam.MODE_DEFAULT || (progressiveMode
            == ImageWriteParam.MODE_COPY_FROM_METADATA && markers != null && child(markers, "sof") != null)) {
            // Asked for progressive, or for the metadata's frame type; otherwise (MODE_DISABLED is
            // JPEGImageWriteParam's default) the preset's own choice (DEFAULT: progressive, or sequential when
            // that file is smaller).
            options = options.withProgressive(progressive);
        }

        Subsampling subsampling = param instanceof TesseraJpegWriteParam t ? t.getSubsampling() : null;
        if (subsampling == null) {
            subsampling = metadataSubsampling(markers, warnings);
        }
        if (subsampling != null) {
            options = options.withSubsampling(subsampling);
        }
        RestartInterval restart = param instanceof TesseraJpegWriteParam t ? t.getRestartInterval() : null;
        if (restart == null && markers != null && child(markers, "dri") != null) {
            restart = RestartInterval.mcus(intAttribute(child(markers, "dri"), "interval", 0, 65535, 0));
        }
        if (restart != null) {
            options = options.withRestartInterval(restart);
        }
        options = options.withThreads(param instanceof TesseraJpegWriteParam t ? t.getThreads()
            : TesseraJpegWriteParam.defaultThreads());
        return options;
    }

    private static int intOr(IIOMetadataNode node, String name, int min, int max, int fallback)
        throws IIOInvalidTreeException {
        return node == null ? fallback : intAttribute(node, name, min, max, fallback);
    }

    private static QuantTable[] fromJdk(JPEGQTable[] tables) {
        if (tables == null || tables.length == 0) {
            return null;
        }
        // JPEGQTable holds its 64 values in natural order.
        QuantTable luma = QuantTable.ofNatural(tables[0].getTable());
        QuantTable chroma = tables.length > 1 ? QuantTable.ofNatural(tables[1].getTable()) : luma;
        return new QuantTable[] {luma, chroma};
    }

    /** The dqt tables the first two frame components select (ids 0 and 1 without a sof). */
    private static QuantTable[] metadataTables(IIOMetadataNode markers) throws IIOInvalidTreeException {
        if (markers == null) {
            return null;
        }
        JPEGQTable[] byId = new JPEGQTable[4];
        boolean any = false;
        for (IIOMetadataNode dqt : children(markers, "dqt")) {
            for (IIOMetadataNode table : children(dqt, "dqtable")) {
                if (table.getUserObject() instanceof JPEGQTable q) {
                    byId[intAttribute(table, "qtableId", 0, 3, 0)] = q;
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        int lumaId = 0;
        int chromaId = 1;
        IIOMetadataNode sof = child(markers, "sof");
        List<IIOMetadataNode> specs = children(sof, "componentSpec");
        if (specs.size() >= 1) {
            lumaId = intAttribute(specs.get(0), "QtableSelector", 0, 3, 0);
        }
        if (specs.size() >= 2) {
            chromaId = intAttribute(specs.get(1), "QtableSelector", 0, 3, 1);
        }
        JPEGQTable luma = byId[lumaId] != null ? byId[lumaId] : byId[0];
        JPEGQTable chroma = byId[chromaId] != null ? byId[chromaId] : luma;
        if (luma == null) {
            return null;
        }
        return fromJdk(new JPEGQTable[] {luma, chroma});
    }

    private static boolean standardHuffman(JPEGImageWriteParam param, IIOMetadataNode markers) {
        List<JPEGHuffmanTable> tables = new ArrayList<>();
        if (param != null && param.areTablesSet()) {
            tables.addAll(Arrays.asList(param.getDCHuffmanTables()));
            tables.addAll(Arrays.asList(param.getACHuffmanTables()));
        } else if (markers != null) {
            for (IIOMetadataNode dht : children(markers, "dht")) {
                for (IIOMetadataNode table : children(dht, "dhtable")) {
                    if (table.getUserObject() instanceof JPEGHuffmanTable h) {
                        tables.add(h);
                    }
                }
            }
        }
        List<JPEGHuffmanTable> standard = List.of(JPEGHuffmanTable.StdDCLuminance,
            JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdDCChrominance, JPEGHuffmanTable.StdACChrominance);
        return tables.stream().allMatch(t -> standard.stream().anyMatch(s -> sameTable(s, t)));
    }

    static boolean sameTable(JPEGHuffmanTable a, JPEGHuffmanTable b) {
        return Arrays.equals(a.getLengths(), b.getLengths()) && Arrays.equals(a.getValues(), b.getValues());
    }

    /** T.81 A.1.1: luma factors over chroma factors give the subsampling of a three-component frame. */
    private static Subsampling metadataSubsampling(IIOMetadataNode markers, Consumer<String> warnings)
        throws IIOInvalidTreeException {
        List<IIOMetadataNode> specs = children(markers == null ? null : child(markers, "sof"), "componentSpec");
        if (specs.size() != 3) {
            return null;
        }
        int[] h = new int[3];
        int[] v = new int[3];
        for (int c = 0; c < 3; c++) {
            h[c] = intAttribute(specs.get(c), "HsamplingFactor", 1, 4, 1);
            v[c] = intAttribute(specs.get(c), "VsamplingFactor", 1, 4, 1);
        }
        if (h[1] == h[2] && v[1] == v[2] && h[0] % h[1] == 0 && v[0] % v[1] == 0) {
            int hr = h[0] / h[1];
            int vr = v[0] / v[1];
            for (Subsampling s : Subsampling.values()) {
                if (s.lumaHorizontal() == hr && s.lumaVertical() == vr) {
                    return s;
                }
            }
        }
        warnings.accept("sampling factors " + Arrays.toString(h) + "x" + Arrays.toString(v)
            + " are not supported: writing 4:2:0");
        return Subsampling.S420;
    }

    /** The JFIF density, ICC profile, EXIF and comments the tree asks for. */
    static ImageMetadata metadata(IIOMetadataNode tree, Consumer<String> warnings) throws IIOException {
        ImageMetadata metadata = ImageMetadata.NONE;
        if (tree == null) {
            return metadata;
        }
        IIOMetadataNode jfif = child(NativeTree.variety(tree), "app0JFIF");
        if (jfif != null) {
            metadata = metadata.withJfif(new JfifHeader(
                intAttribute(jfif, "majorVersion", 0, 255, 1), intAttribute(jfif, "minorVersion", 0, 255, 2),
                DensityUnit.of(intAttribute(jfif, "resUnits", 0, 2, 0)),
                intAttribute(jfif, "Xdensity", 1, 65535, 1), intAttribute(jfif, "Ydensity", 1, 65535, 1)));
            IIOMetadataNode icc = child(jfif, "app2ICC");
            if (icc != null && icc.getUserObject() instanceof ICC_Profile profile) {
                metadata = metadata.withIccProfile(profile.getData());
            }
        }
        List<String> comments = new ArrayList<>();
        IIOMetadataNode markers = NativeTree.markers(tree);
        for (IIOMetadataNode com : children(markers, "com")) {
            comments.add(StandardMetadata.commentText(com));
        }
        metadata = metadata.withComments(comments);
        java.util.SortedMap<Integer, byte[]> iccChunks = new java.util.TreeMap<>();
        for (IIOMetadataNode unknown : children(markers, "unknown")) {
            int tag = intAttribute(unknown, "MarkerTag", 0, 255, 0);
            byte[] payload = unknown.getUserObject() instanceof byte[] b ? b : new byte[0];
            if (tag == APP1 && startsWith(payload, EXIF_ID)) {
                metadata = metadata.withExif(Arrays.copyOfRange(payload, EXIF_ID.length, payload.length));
            } else if (tag == APP2 && startsWith(payload, ICC_ID) && payload.length > ICC_ID.length + 2) {
                // ICC.1 B.4: a chunk of a profile, numbered from 1; the tree of a file without JFIF holds
                // its ICC segments here, since app2ICC belongs under app0JFIF.
                iccChunks.put(payload[ICC_ID.length] & 0xFF, Arrays.copyOfRange(payload, ICC_ID.length + 2,
                    payload.length));
            } else {
                warnings.accept(String.format("marker segment 0x%02X is not written: the writer writes JFIF, EXIF,"
                    + " ICC, Adobe and COM segments only", tag));
            }
        }
        if (!iccChunks.isEmpty() && metadata.iccProfile() == null) {
            java.io.ByteArrayOutputStream profile = new java.io.ByteArrayOutputStream();
            iccChunks.values().forEach(profile::writeBytes);
            metadata = metadata.withIccProfile(profile.toByteArray());
        }
        return metadata;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
