package dev.tessera.cli;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes decoded images as PNG (the JDK's writer), BMP, PPM, PGM or TIFF (the TwelveMonkeys writers). */
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

    static void write(BufferedImage image, Format format, OutputStream out) throws IOException {
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
            writer.write(pixels);
        } finally {
            writer.dispose();
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
