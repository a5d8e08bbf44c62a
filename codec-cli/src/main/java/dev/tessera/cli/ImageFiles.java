package dev.tessera.cli;

import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes decoded images as PNG (the JDK's writer), BMP, PPM, PGM or TIFF (the TwelveMonkeys writers), with the
 * JPEG's metadata where the format holds it: PNG takes the ICC profile, EXIF, XMP, comments and density
 * ({@link PngChunks}); TIFF the ICC profile (tag 34675) and the resolution; BMP and PNM none.
 */
final class ImageFiles {
    /** An output format: its file extension and ImageIO writer name. */
    enum Format {
        PNG("png", "png"),
        BMP("bmp", "bmp"),
        PPM("ppm", "pnm"),
        PGM("pgm", "pnm"),
        TIFF("tif", "tiff");

        private final String extension;
        private final String writer;

        Format(String extension, String writer) {
            this.extension = extension;
            this.writer = writer;
        }

        String extension() {
            return extension;
        }

        static Format parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "png" -> PNG;
                case "bmp" -> BMP;
                case "ppm", "pnm" -> PPM;
                case "pgm" -> PGM;
                case "tif", "tiff" -> TIFF;
                default -> throw new IllegalArgumentException("output format must be png, bmp, ppm, pgm or tif, "
                    + "found '" + name + "'");
            };
        }

        static Format ofFile(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("cannot tell the format of " + file
                    + ": give it an extension (.png, .bmp, .ppm, .pgm, .tif) or --format");
            }
            return parse(name.substring(dot + 1));
        }
    }

    private ImageFiles() {
    }

    /**
     * Writes {@code image} with as much of {@code metadata} as {@code format} holds.
     *
     * @param notes hears one line for each piece of metadata not written, and why
     */
    static void write(BufferedImage image, Format format, ImageMetadata metadata, OutputStream out,
                      Consumer<String> notes) throws IOException {
        if (format == Format.PNG) {
            List<byte[]> chunks = PngChunks.chunks(metadata, notes);
            if (!chunks.isEmpty()) {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                writePixels(image, format, null, png);
                out.write(PngChunks.insert(png.toByteArray(), chunks));
                return;
            }
            writePixels(image, format, null, out);
            return;
        }
        if (format == Format.TIFF) {
            writeTiff(image, metadata, out, notes);
            return;
        }
        String what = carried(metadata);
        if (!what.isEmpty()) {
            notes.accept(what + " not written: " + format.extension() + " files hold no metadata");
        }
        writePixels(image, format, null, out);
    }

    /** The metadata present, as "ICC profile, EXIF, XMP", or "". */
    static String carried(ImageMetadata metadata) {
        List<String> parts = new ArrayList<>();
        if (metadata.iccProfile() != null) {
            parts.add("ICC profile");
        }
        if (metadata.exif() != null) {
            parts.add("EXIF");
        }
        if (metadata.xmp() != null) {
            parts.add("XMP");
        }
        if (!metadata.comments().isEmpty()) {
            parts.add("comments");
        }
        return String.join(", ", parts);
    }

    /** TIFF: the profile through the colour model (TwelveMonkeys writes tag 34675 for a non-sRGB ICC space). */
    private static void writeTiff(BufferedImage image, ImageMetadata metadata, OutputStream out,
                                  Consumer<String> notes) throws IOException {
        BufferedImage pixels = image;
        byte[] icc = metadata.iccProfile();
        if (icc != null) {
            BufferedImage tagged = withProfile(image, icc);
            if (tagged != null) {
                pixels = tagged;
            } else {
                notes.accept("ICC profile not written: it does not match the image's colour components");
            }
        }
        if (metadata.exif() != null) {
            notes.accept("EXIF not written: the TIFF writer cannot add an EXIF IFD");
        }
        if (metadata.xmp() != null) {
            notes.accept("XMP not written: the TIFF writer cannot add tag 700");
        }
        if (!metadata.comments().isEmpty()) {
            notes.accept("comments not written: the TIFF writer has no place for them");
        }
        writePixels(pixels, Format.TIFF, metadata.jfif(), out);
    }

    /** The same raster under a colour model with the profile, or {@code null} if the two do not fit. */
    private static BufferedImage withProfile(BufferedImage image, byte[] icc) {
        try {
            ICC_ColorSpace space = new ICC_ColorSpace(ICC_Profile.getInstance(icc));
            ColorModel cm = image.getColorModel();
            if (!(cm instanceof ComponentColorModel) || space.getNumComponents() != cm.getNumColorComponents()
                || cm.hasAlpha()) {
                return null;
            }
            ColorModel twin = new ComponentColorModel(space, cm.getComponentSize(), false, false,
                Transparency.OPAQUE, cm.getTransferType());
            return twin.isCompatibleRaster(image.getRaster())
                ? new BufferedImage(twin, image.getRaster(), false, null) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void writePixels(BufferedImage image, Format format, JfifHeader density, OutputStream out)
        throws IOException {
        BufferedImage pixels = image;
        boolean fourBands = image.getRaster().getNumBands() == 4 && !image.getColorModel().hasAlpha();
        if (fourBands && format != Format.TIFF) {
            throw new IIOException("a CMYK image can only be written as TIFF; use --cmyk-to-rgb for " + format.extension);
        }
        if (format == Format.PGM && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            pixels = convert(image, BufferedImage.TYPE_BYTE_GRAY);
        } else if ((format == Format.PPM || format == Format.BMP) && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            // P6 and 24-bit BMP: gray and other layouts become 3-byte RGB.
            pixels = convert(image, BufferedImage.TYPE_3BYTE_BGR);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.writer);
        if (!writers.hasNext()) {
            throw new IIOException("no ImageIO writer for " + format.writer);
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            IIOMetadata tree = density == null ? null : resolution(writer, pixels, density);
            writer.write(null, new IIOImage(pixels, null, tree), null);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The standard metadata tree's pixel size (millimetres per pixel) from a JFIF density in dots per inch or
     * centimetre, or {@code null} (an aspect ratio only, or a writer without the standard format).
     */
    private static IIOMetadata resolution(ImageWriter writer, BufferedImage image, JfifHeader jfif) {
        double mmPerDot = switch (jfif.units()) {
            case DOTS_PER_INCH -> 25.4;
            case DOTS_PER_CM -> 10.0;
            default -> 0;
        };
        if (mmPerDot == 0 || jfif.xDensity() < 1 || jfif.yDensity() < 1) {
            return null;
        }
        try {
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported() || metadata.isReadOnly()) {
                return null;
            }
            IIOMetadataNode root = new IIOMetadataNode(IIOMetadataFormatImpl.standardMetadataFormatName);
            IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
            IIOMetadataNode h = new IIOMetadataNode("HorizontalPixelSize");
            h.setAttribute("value", Double.toString(mmPerDot / jfif.xDensity()));
            IIOMetadataNode v = new IIOMetadataNode("VerticalPixelSize");
            v.setAttribute("value", Double.toString(mmPerDot / jfif.yDensity()));
            dimension.appendChild(h);
            dimension.appendChild(v);
            root.appendChild(dimension);
            metadata.mergeTree(IIOMetadataFormatImpl.standardMetadataFormatName, root);
            return metadata;
        } catch (IIOInvalidTreeException | RuntimeException e) {
            return null;
        }
    }

    private static BufferedImage convert(BufferedImage image, int type) {
        BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = result.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return result;
    }
}
