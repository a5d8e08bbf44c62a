package dev.tessera.cli;

import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;

/** The one place where the CLI decodes JPEG files it made or was given, for metrics and reports: Tessera's decoder. */
final class Decoding {
    /** The decoder's name as reports print it. */
    static final String NAME = "Tessera JpegDecoder";

    private static final JpegDecoder DECODER = new JpegDecoder();

    private Decoding() {
    }

    /** Decodes a whole JPEG file to pixels. */
    static BufferedImage decode(byte[] jpeg) throws IOException {
        return DECODER.decode(jpeg);
    }
}
