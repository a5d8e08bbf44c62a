package dev.tessera.jpeg.imageio;

import static dev.tessera.jpeg.imageio.NativeTree.child;
import static dev.tessera.jpeg.imageio.NativeTree.children;
import static dev.tessera.jpeg.imageio.NativeTree.element;
import static dev.tessera.jpeg.imageio.NativeTree.intAttribute;

import java.nio.charset.StandardCharsets;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * Translates between the native JPEG tree and the standard format {@code javax_imageio_1.0}: Chroma,
 * Compression, Dimension (from and to the JFIF density) and Text (from and to COM segments).
 */
final class StandardMetadata {
    private static final double MM_PER_INCH = 25.4;

    private StandardMetadata() {
    }

    static IIOMetadataNode chroma(IIOMetadataNode root) {
        int n = JpegMetadata.frameComponents(root, 3);
        IIOMetadataNode adobe = child(NativeTree.markers(root), "app14Adobe");
        int transform = adobe == null ? -1 : adobe.getAttribute("transform").isEmpty() ? 0
            : Integer.parseInt(adobe.getAttribute("transform"));
        String space = switch (n) {
            case 1 -> "GRAY";
            case 3 -> transform == 0 ? "RGB" : "YCbCr";
            case 4 -> transform == 2 ? "YCCK" : "CMYK";
            default -> n + "CLR";
        };
        IIOMetadataNode chroma = new IIOMetadataNode("Chroma");
        chroma.appendChild(element("ColorSpaceType", "name", space));
        chroma.appendChild(element("NumChannels", "value", Integer.toString(n)));
        return chroma;
    }

    static IIOMetadataNode compression(IIOMetadataNode root) {
        IIOMetadataNode compression = new IIOMetadataNode("Compression");
        compression.appendChild(element("CompressionTypeName", "value", "JPEG"));
        compression.appendChild(element("Lossless", "value", "FALSE"));
        int scans = Math.max(1, children(NativeTree.markers(root), "sos").size());
        compression.appendChild(element("NumProgressiveScans", "value", Integer.toString(scans)));
        return compression;
    }

    static IIOMetadataNode dimension(IIOMetadataNode root) {
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        IIOMetadataNode jfif = child(NativeTree.variety(root), "app0JFIF");
        if (jfif != null) {
            try {
                int units = intAttribute(jfif, "resUnits", 0, 2, 0);
                int x = intAttribute(jfif, "Xdensity", 1, 65535, 1);
                int y = intAttribute(jfif, "Ydensity", 1, 65535, 1);
                // The pixel's width over its height: 1/x over 1/y.
                dimension.appendChild(element("PixelAspectRatio", "value", Float.toString((float) y / x)));
                // javax_imageio_1.0 orders ImageOrientation before the pixel sizes.
                dimension.appendChild(element("ImageOrientation", "value", "Normal"));
                if (units != 0) {
                    // In float, as the JDK's reader computes it, so both give the same text.
                    float mmPerUnit = units == 1 ? 25.4f : 10f;
                    dimension.appendChild(element("HorizontalPixelSize", "value", Float.toString(mmPerUnit / x)));
                    dimension.appendChild(element("VerticalPixelSize", "value", Float.toString(mmPerUnit / y)));
                }
            } catch (IIOInvalidTreeException ignored) {
                // A JFIF segment with invalid density describes no size.
            }
        }
        if (child(dimension, "ImageOrientation") == null) {
            dimension.appendChild(element("ImageOrientation", "value", "Normal"));
        }
        return dimension;
    }

    static IIOMetadataNode text(IIOMetadataNode root) {
        var comments = children(NativeTree.markers(root), "com");
        if (comments.isEmpty()) {
            return null;
        }
        IIOMetadataNode text = new IIOMetadataNode("Text");
        for (IIOMetadataNode com : comments) {
            text.appendChild(element("TextEntry", "keyword", "comment", "value", commentText(com)));
        }
        return text;
    }

    /** The text of a {@code com} element: its {@code comment} attribute, else its bytes as ISO-8859-1. */
    static String commentText(IIOMetadataNode com) {
        if (com.hasAttribute("comment")) {
            return com.getAttribute("comment");
        }
        return com.getUserObject() instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : "";
    }

    /**
     * Merges a standard tree: pixel sizes become the JFIF density (in dots per inch when that is a whole
     * number, else dots per centimetre), a pixel aspect ratio alone becomes an aspect-only density, and text
     * entries become comments. Other nodes do not change what the writer writes and are ignored.
     */
    static void merge(IIOMetadataNode target, Node standard) throws IIOInvalidTreeException {
        for (Node n = standard.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeName()) {
                case "Dimension" -> mergeDimension(target, n);
                case "Text" -> {
                    for (IIOMetadataNode entry : children(n, "TextEntry")) {
                        String value = entry.getAttribute("value");
                        if (!value.isEmpty()) {
                            NativeTree.markers(target).appendChild(NativeTree.comment(value));
                        }
                    }
                }
                default -> {
                    // Chroma, Compression, Data, Document, Transparency: fixed by the image and the writer.
                }
            }
        }
    }

    private static void mergeDimension(IIOMetadataNode target, Node dimension) throws IIOInvalidTreeException {
        Double horizontal = floatValue(child(dimension, "HorizontalPixelSize"));
        Double vertical = floatValue(child(dimension, "VerticalPixelSize"));
        Double aspect = floatValue(child(dimension, "PixelAspectRatio"));
        if (horizontal == null && vertical == null && aspect == null) {
            return;
        }
        IIOMetadataNode variety = NativeTree.variety(target);
        IIOMetadataNode jfif = child(variety, "app0JFIF");
        if (jfif == null) {
            jfif = NativeTree.jfif(0, 1, 1);
            variety.appendChild(jfif);
        }
        if (horizontal == null && vertical == null) {
            // Aspect ratio only (T.871: units 0): x/y densities in the inverse ratio of the pixel's sides.
            int x = 1000;
            int y = (int) Math.max(1, Math.min(65535, Math.round(1000 * aspect)));
            setDensity(jfif, 0, x, y);
            return;
        }
        double h = horizontal != null ? horizontal : vertical;
        double v = vertical != null ? vertical : horizontal;
        if (h <= 0 || v <= 0) {
            throw new IIOInvalidTreeException("pixel sizes must be positive", dimension);
        }
        double dpiX = MM_PER_INCH / h;
        double dpiY = MM_PER_INCH / v;
        if (Math.abs(dpiX - Math.round(dpiX)) < 0.01 && Math.abs(dpiY - Math.round(dpiY)) < 0.01) {
            setDensity(jfif, 1, clamp(dpiX), clamp(dpiY));
        } else {
            setDensity(jfif, 2, clamp(10 / h), clamp(10 / v));
        }
    }

    private static int clamp(double density) {
        return (int) Math.max(1, Math.min(65535, Math.round(density)));
    }

    private static void setDensity(IIOMetadataNode jfif, int units, int x, int y) {
        jfif.setAttribute("resUnits", Integer.toString(units));
        jfif.setAttribute("Xdensity", Integer.toString(x));
        jfif.setAttribute("Ydensity", Integer.toString(y));
    }

    private static Double floatValue(IIOMetadataNode node) throws IIOInvalidTreeException {
        if (node == null || node.getAttribute("value").isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(node.getAttribute("value"));
        } catch (NumberFormatException e) {
            throw new IIOInvalidTreeException(node.getNodeName() + " is not a number", e, node);
        }
    }
}
