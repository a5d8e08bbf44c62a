package dev.tessera.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The JDK's own JPEG reader (com.sun.imageio.plugins.jpeg), picked explicitly so no other plugin answers. */
public final class JdkJpeg {
    private JdkJpeg() {
    }

    /** A decoded image and the warnings the reader reported. */
    public record Decoded(BufferedImage image, List<String> warnings) {
    }

    public static ImageReader reader() {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReader")) {
                return r;
            }
        }
        throw new IllegalStateException("the JDK's JPEG reader is not registered");
    }

    public static Decoded decode(byte[] jpeg) throws IOException {
        ImageReader reader = reader();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return new Decoded(reader.read(0), warnings);
        } finally {
            reader.dispose();
        }
    }
}
