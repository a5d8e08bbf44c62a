package dev.tessera.cli;

import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * Reads the metadata of a PNG input from the JDK reader's native tree ({@code javax_imageio_png_1.0}): the
 * ICC profile (iCCP), EXIF (eXIf, which the JDK keeps among the unknown chunks), XMP (iTXt
 * {@code XML:com.adobe.xmp}), comments (tEXt {@code Comment}) and the density (pHYs); every other chunk is named
 * to {@code warnings} as dropped.
 */
final class PngMetadataReader {
    static final String NATIVE_FORMAT = "javax_imageio_png_1.0";
    /** ICC.1 7.2: a profile header is 128 bytes; bytes 36..39 hold the signature "acsp". */
    private static final int ICC_HEADER = 128;
    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};
    /** XMP Part 3 1.1.5: the iTXt keyword of the XMP packet in PNG. */
    static final String XMP_KEYWORD = "XML:com.adobe.xmp";
    /** Decompressed iCCP profiles above this size are refused: real profiles are well under 1 MiB. */
    private static final int MAX_PROFILE = 16 << 20;

    private PngMetadataReader() {
    }

    /** The metadata to carry, or {@link ImageMetadata#NONE} if the reader offers no native PNG tree. */
    static ImageMetadata read(IIOMetadata metadata, Consumer<String> warnings) {
        if (metadata == null || !Arrays.asList(metadata.getMetadataFormatNames()).contains(NATIVE_FORMAT)) {
            return ImageMetadata.NONE;
        }
        Node root = metadata.getAsTree(NATIVE_FORMAT);
        ImageMetadata result = ImageMetadata.NONE;
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            switch (node.getNodeName()) {
                case "iCCP" -> {
                    byte[] profile = iccProfile((IIOMetadataNode) node);
                    if (profile == null) {
                        warnings.accept("iCCP chunk holds no readable ICC profile; profile dropped");
                    } else {
                        result = result.withIccProfile(profile);
                    }
                }
                case "pHYs" -> {
                    JfifHeader jfif = density((IIOMetadataNode) node);
                    if (jfif != null) {
                        result = result.withJfif(jfif);
                    }
                }
                case "UnknownChunks" -> {
                    byte[] exif = exif(node);
                    if (exif != null) {
                        result = result.withExif(exif);
                    }
                    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
                        String type = c instanceof IIOMetadataNode n ? n.getAttribute("type") : "?";
                        if (!type.equals("eXIf")) {
                            warnings.accept("PNG " + type + " chunk dropped: JPEG has no counterpart");
                        }
                    }
                }
                case "iTXt" -> {
                    for (Node e = node.getFirstChild(); e != null; e = e.getNextSibling()) {
                        IIOMetadataNode entry = (IIOMetadataNode) e;
                        String keyword = entry.getAttribute("keyword");
                        if (keyword.equals(XMP_KEYWORD) && result.xmp() == null) {
                            // XMP Part 3 1.1.5: the packet is the iTXt text, UTF-8.
                            result = result.withXmp(entry.getAttribute("text").getBytes(StandardCharsets.UTF_8));
                        } else {
                            warnings.accept("PNG iTXt '" + keyword + "' dropped: JPEG has no counterpart");
                        }
                    }
                }
                case "tEXt" -> {
                    List<String> comments = new ArrayList<>(result.comments());
                    for (Node e = node.getFirstChild(); e != null; e = e.getNextSibling()) {
                        IIOMetadataNode entry = (IIOMetadataNode) e;
                        String keyword = entry.getAttribute("keyword");
                        if (keyword.equals("Comment")) {
                            comments.add(entry.getAttribute("value"));
                        } else {
                            warnings.accept("PNG tEXt '" + keyword + "' dropped: only 'Comment' has a JPEG "
                                + "counterpart (COM)");
                        }
                    }
                    result = result.withComments(comments);
                }
                case "IHDR", "PLTE", "tRNS", "bKGD" -> {
                    // Image structure; transparency and background are applied to the pixels.
                }
                case "sRGB" -> {
                    // A JPEG without a profile is taken as sRGB: nothing is lost.
                }
                default -> warnings.accept("PNG " + node.getNodeName() + " chunk dropped: "
                    + (node.getNodeName().equals("gAMA") || node.getNodeName().equals("cHRM")
                    ? "the pixels are written as stored, without this colour information"
                    : "JPEG has no counterpart"));
            }
        }
        return result;
    }

    /**
     * PNG 11.3.3.3: the iCCP profile is zlib-compressed. The JDK's tree hands out the compressed bytes; inflate
     * them unless they already look like a profile.
     */
    private static byte[] iccProfile(IIOMetadataNode node) {
        if (!(node.getUserObject() instanceof byte[] data) || data.length == 0) {
            return null;
        }
        if (looksLikeIcc(data)) {
            return data.clone();
        }
        byte[] inflated = inflate(data);
        return inflated != null && looksLikeIcc(inflated) ? inflated : null;
    }

    private static boolean looksLikeIcc(byte[] data) {
        return data.length >= ICC_HEADER && data[36] == 'a' && data[37] == 'c' && data[38] == 's' && data[39] == 'p';
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 2);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    /** PNG 11.3.5.3 pHYs: unitSpecifier "meter" or "unknown". */
    private static JfifHeader density(IIOMetadataNode node) {
        try {
            long x = Long.parseLong(node.getAttribute("pixelsPerUnitXAxis"));
            long y = Long.parseLong(node.getAttribute("pixelsPerUnitYAxis"));
            return Densities.fromPng(x, y, "meter".equals(node.getAttribute("unitSpecifier")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** PNG 3rd edition eXIf: the TIFF structure; a stray "Exif\0\0" prefix some writers add is removed. */
    private static byte[] exif(Node unknownChunks) {
        for (Node chunk = unknownChunks.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
            if (chunk instanceof IIOMetadataNode n && "eXIf".equals(n.getAttribute("type"))
                && n.getUserObject() instanceof byte[] data && data.length > 0) {
                if (data.length >= EXIF_ID.length
                    && Arrays.equals(data, 0, EXIF_ID.length, EXIF_ID, 0, EXIF_ID.length)) {
                    return Arrays.copyOfRange(data, EXIF_ID.length, data.length);
                }
                return data.clone();
            }
        }
        return null;
    }
}
