package dev.tessera.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * The one place where the CLI decodes JPEG files it made or was given, for metrics and reports.
 *
 * <p>Until {@code JpegDecoder} is on this branch, decoding goes through ImageIO (the JDK's reader, or the
 * TwelveMonkeys one when it is first on the class path); {@link #NAME} says which, and reports print it.
 */
final class Decoding {
    /** The decoder's name as reports print it. */
    static final String NAME = "ImageIO";

    private Decoding() {
    }

    /** Decodes a whole JPEG file to pixels. */
    static BufferedImage decode(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        if (image == null) {
            throw new IOException("not a JPEG file");
        }
        return image;
    }
}
