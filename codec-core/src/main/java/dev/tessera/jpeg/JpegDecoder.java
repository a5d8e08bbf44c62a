package dev.tessera.jpeg;

import dev.tessera.jpeg.io.BoundedInput;
import dev.tessera.jpeg.pipeline.DecodePipeline;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Decodes JPEG files (ITU-T T.81 baseline, extended sequential and progressive Huffman processes, 8-bit)
 * into {@link BufferedImage}s whose pixels match libjpeg-turbo 2.1's {@code djpeg} defaults byte for byte.
 *
 * <p>A decoder holds only its immutable {@link DecoderOptions}; each call keeps its own state, so one
 * instance may serve many threads at once.
 *
 * <pre>{@code
 * JpegDecoder decoder = new JpegDecoder(DecoderOptions.DEFAULT.withListener(w -> log.warn(w.toString())));
 * BufferedImage image = decoder.decode(Path.of("photo.jpg"));
 * ImageInfo info = decoder.readInfo(Path.of("photo.jpg"));
 * }</pre>
 *
 * <p>Results: colour images are {@code TYPE_3BYTE_BGR}, grey ones {@code TYPE_BYTE_GRAY}, CMYK and YCCK
 * files 4-band CMYK rasters (or RGB with {@link DecoderOptions#cmykToRgb()}). Damaged data decodes as far
 * as it goes, the rest grey, with {@link JpegWarning}s; undecodable input throws a {@link JpegException}
 * naming the byte offset.
 */
public final class JpegDecoder {
    private final DecoderOptions options;

    /** A decoder with {@link DecoderOptions#DEFAULT}. */
    public JpegDecoder() {
        this(DecoderOptions.DEFAULT);
    }

    public JpegDecoder(DecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public DecoderOptions options() {
        return options;
    }

    /** Decodes a whole JPEG stream held in memory. */
    public BufferedImage decode(byte[] data) throws JpegException {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        return new DecodePipeline(data, options).decode();
    }

    /**
     * Reads the stream to its end and decodes it; the stream is not closed. Refuses a stream longer than
     * {@link Limits#maxInputBytes()} with a {@link JpegLimitException} before holding more than that.
     */
    public BufferedImage decode(InputStream in) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("input stream must not be null");
        }
        return decode(BoundedInput.read(in, options.limits().maxInputBytes()));
    }

    public BufferedImage decode(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        return decode(BoundedInput.read(path, options.limits().maxInputBytes()));
    }

    /** The stream's markers, tables, scans and metadata, without decoding the entropy-coded data. */
    public ImageInfo readInfo(byte[] data) throws JpegException {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        return new DecodePipeline(data, options).readInfo();
    }

    public ImageInfo readInfo(InputStream in) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("input stream must not be null");
        }
        return readInfo(BoundedInput.read(in, options.limits().maxInputBytes()));
    }

    public ImageInfo readInfo(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        return readInfo(BoundedInput.read(path, options.limits().maxInputBytes()));
    }
}
