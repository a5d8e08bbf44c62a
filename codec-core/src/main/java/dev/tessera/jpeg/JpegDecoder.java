package dev.tessera.jpeg;

import dev.tessera.jpeg.decode.DecodePipeline;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.WarningListener;
import dev.tessera.jpeg.io.BoundedInput;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.Orientation;
import dev.tessera.jpeg.raster.CmykColorSpace;
import dev.tessera.jpeg.raster.ImageTransforms;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Decodes JPEG files into {@link BufferedImage}s whose pixels match libjpeg-turbo's {@code djpeg} defaults byte
 * for byte: every ITU-T T.81 process but the hierarchical ones and arithmetic-coded lossless, that is baseline,
 * extended sequential and progressive DCT with Huffman or arithmetic coding (8- and 12-bit samples), and
 * lossless Huffman coding (SOF3, 2 to 16 bits), in JFIF, Adobe and bare streams.
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
 * <p>Results: 8-bit colour images are {@code TYPE_3BYTE_BGR}, grey ones {@code TYPE_BYTE_GRAY} (16-bit
 * samples for precisions above 8), CMYK and YCCK files 4-band images in {@link #cmykColorSpace()} (or RGB with {@link DecoderOptions#cmykToRgb()}). Damaged data decodes as far
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

    /**
     * The colour space of the 4-band images this decoder returns for CMYK and YCCK files (unless
     * {@link DecoderOptions#cmykToRgb()}): device CMYK, with no profile, as libjpeg returns it.
     */
    public static ColorSpace cmykColorSpace() {
        return CmykColorSpace.INSTANCE;
    }

    /**
     * Reads a stream to its end, as {@link #decode(InputStream)} does, for callers that decode and read the
     * headers of the same bytes. The stream is not closed.
     *
     * @throws JpegLimitException when the stream is longer than {@link Limits#maxInputBytes()}, after reading
     *                            one byte more than that
     */
    public byte[] readInput(InputStream in) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("input stream must not be null");
        }
        return readInput(in, -1);
    }

    /**
     * {@link #readInput(InputStream)} for a caller that knows how many bytes the stream holds (a file's size, an
     * HTTP Content-Length): the array is allocated once at {@code expectedLength} instead of growing as it fills.
     * A count that is too small costs only speed, one that is too large the memory it names; a count over
     * {@link Limits#maxInputBytes()} is ignored, and negative means unknown. The bytes are the stream's either way.
     *
     * @throws JpegLimitException when the stream is longer than {@link Limits#maxInputBytes()}
     */
    public byte[] readInput(InputStream in, long expectedLength) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("input stream must not be null");
        }
        return BoundedInput.read(in::read, options.limits().maxInputBytes(), expectedLength);
    }

    /** Decodes a whole JPEG stream held in memory. */
    public BufferedImage decode(byte[] data) throws JpegException {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        BufferedImage image = new DecodePipeline(data, options.settings()).decode();
        if (!options.autoOrient()) {
            return image;
        }
        // The headers again, quietly: their warnings were reported by the decode.
        DecoderOptions quiet = options.toBuilder().listener(WarningListener.IGNORE).strict(false).build();
        byte[] exif = new DecodePipeline(data, quiet.settings()).readHeader().metadata().exif();
        return Orientation.fromExif(exif).map(o -> ImageTransforms.apply(image, o.toUpright())).orElse(image);
    }

    /**
     * {@code image} turned upright for the given EXIF orientation: a new image of the same colour model
     * (width and height swapped for orientations 5 to 8), or {@code image} itself for {@link Orientation#TOP_LEFT}.
     * For callers that decode part of an image (a region, a subsampled read) and turn the part upright.
     */
    public static BufferedImage turnUpright(BufferedImage image, Orientation orientation) {
        if (image == null || orientation == null) {
            throw new IllegalArgumentException("image and orientation must not be null");
        }
        return ImageTransforms.apply(image, orientation.toUpright());
    }

    /**
     * Reads the stream to its end and decodes it; the stream is not closed. Refuses a stream longer than
     * {@link Limits#maxInputBytes()} with a {@link JpegLimitException} before holding more than that.
     */
    public BufferedImage decode(InputStream in) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("input stream must not be null");
        }
        return decode(readInput(in));
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
        return new DecodePipeline(data, options.settings()).readInfo();
    }

    /**
     * The markers up to and including the first scan header, without reading any entropy-coded data: the frame
     * (size, process, components), colour space, the tables and metadata defined before the first scan, that
     * scan's header, and the quality estimate. Unlike {@link #readInfo(byte[])}, {@link ImageInfo#scans()} holds
     * the first scan only and {@link ImageInfo#segments()} end at it, and nothing after it is checked, so the cost
     * does not grow with the image: for callers that need the size and colour space before they decode.
     */
    public ImageInfo readHeader(byte[] data) throws JpegException {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        return new DecodePipeline(data, options.settings()).readHeader();
    }

    public ImageInfo readInfo(InputStream in) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("input stream must not be null");
        }
        return readInfo(readInput(in));
    }

    public ImageInfo readInfo(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        return readInfo(BoundedInput.read(path, options.limits().maxInputBytes()));
    }
}
