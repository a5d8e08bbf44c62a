package dev.tessera.cli;

import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * Reads the metadata of a PNG input from the JDK reader's native tree ({@code javax_imageio_png_1.0}): the
 * ICC profile (iCCP), EXIF (eXIf, which the JDK keeps among the unknown chunks) and the density (pHYs).
 */
final class PngMetadataReader {
    static final String NATIVE_FORMAT = "javax_imageio_png_1.0";
    /** ICC.1 7.2: a profile header is 128 bytes; bytes 36..39 hold the signature "acsp". */
    private static final int ICC_HEADER = 128;
    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};
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
                }
                default -> {
                    // Other chunks have no JPEG counterpart that we write.
                }
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
