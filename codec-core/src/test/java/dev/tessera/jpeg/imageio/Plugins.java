package dev.tessera.jpeg.imageio;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;

/** Ours and the JDK's JPEG plugin side by side, for the contract tests (the JDK's as the oracle). */
final class Plugins {
    static final String JDK_READER_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    static final String JDK_WRITER_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi";

    private Plugins() {
    }

    static ImageReaderSpi jdkReaderSpi() {
        return find(ImageReaderSpi.class, JDK_READER_SPI);
    }

    static ImageWriterSpi jdkWriterSpi() {
        return find(ImageWriterSpi.class, JDK_WRITER_SPI);
    }

    private static <T> T find(Class<T> category, String name) {
        Iterator<T> it = IIORegistry.getDefaultInstance().getServiceProviders(category, false);
        while (it.hasNext()) {
            T spi = it.next();
            if (spi.getClass().getName().equals(name)) {
                return spi;
            }
        }
        throw new IllegalStateException(name + " is not registered");
    }

    static ImageReader ourReader() throws IOException {
        return new JpegImageReaderSpi().createReaderInstance();
    }

    static ImageReader jdkReader() throws IOException {
        return jdkReaderSpi().createReaderInstance();
    }

    static ImageWriter ourWriter() throws IOException {
        return new JpegImageWriterSpi().createWriterInstance();
    }

    static ImageWriter jdkWriter() throws IOException {
        return jdkWriterSpi().createWriterInstance();
    }

    /** Both readers, ours first. */
    static List<ImageReader> readers() throws IOException {
        return List.of(ourReader(), jdkReader());
    }

    /** Both writers, ours first. */
    static List<ImageWriter> writers() throws IOException {
        return List.of(ourWriter(), jdkWriter());
    }

    static String name(Object plugin) {
        return plugin.getClass().getName();
    }

    static ImageReader open(ImageReader reader, byte[] jpeg) throws IOException {
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg)));
        return reader;
    }

    static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        }
        return bytes.toByteArray();
    }

    static byte[] write(ImageWriter writer, BufferedImage image, List<BufferedImage> thumbnails, IIOMetadata metadata)
        throws IOException {
        return write(writer, new IIOImage(image, thumbnails, metadata), null);
    }

    /** A picture with edges and smooth areas, so that coding differences show. */
    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** The largest difference of any R, G or B value between two images of one size. */
    static int maxDifference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return Integer.MAX_VALUE;
        }
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s < 24; s += 8) {
                    max = Math.max(max, Math.abs((p >> s & 0xFF) - (q >> s & 0xFF)));
                }
            }
        }
        return max;
    }
}
