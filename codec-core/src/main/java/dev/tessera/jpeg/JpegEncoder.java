package dev.tessera.jpeg;

import dev.tessera.jpeg.encode.EncodePipeline;
import dev.tessera.jpeg.encode.StreamingEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.raster.PixelSources;
import dev.tessera.jpeg.raster.SampleLayout;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encodes images as JPEG/JFIF files (ITU-T T.81, T.871) that every decoder reads: progressive (SOF2) or
 * sequential (SOF0/SOF1, Huffman-coded) as the {@link EncoderOptions} say. The default options write the
 * smaller of a progressive and a sequential coding of the same perceptually quantized coefficients
 * ({@link Preset#DEFAULT}); {@link EncoderOptions#BASELINE_COMPATIBLE} writes what {@code cjpeg -optimize} writes.
 *
 * <p>An encoder holds only its immutable {@link EncoderOptions}; each call keeps its own state, so one
 * instance may serve many threads at once.
 *
 * <pre>{@code
 * JpegEncoder encoder = new JpegEncoder(EncoderOptions.DEFAULT.withQuality(85));
 * try (OutputStream out = Files.newOutputStream(path)) {
 *     encoder.encode(image, out);
 * }
 * }</pre>
 */
public final class JpegEncoder {
    /** T.81 B.2.2: X and Y are 16-bit fields. */
    public static final int MAX_DIMENSION = 65535;

    private final EncoderOptions options;

    /** An encoder with {@link EncoderOptions#DEFAULT}. */
    public JpegEncoder() {
        this(EncoderOptions.DEFAULT);
    }

    public JpegEncoder(EncoderOptions options) {
        this.options = requireArgument(options, "options");
    }

    public EncoderOptions options() {
        return options;
    }

    /**
     * Encodes an image of any type. Gray images (one band, gray colour space) become one-component files;
     * everything else is converted to sRGB and encoded as YCbCr. Transparent pixels are composited onto
     * {@link EncoderOptions#background()}. The stream is not closed.
     */
    public void encode(BufferedImage image, OutputStream out) throws IOException {
        encode(image, ImageMetadata.NONE, out);
    }

    /** Encodes an image with the given metadata segments. */
    public void encode(BufferedImage image, ImageMetadata metadata, OutputStream out) throws IOException {
        encode(image, metadata, out, EncodeListener.NONE);
    }

    /**
     * Encodes an image with the given metadata segments, reporting progress to a listener that may stop the
     * encode.
     *
     * @throws EncodeAbortedException when the listener asked to stop
     */
    public void encode(BufferedImage image, ImageMetadata metadata, OutputStream out, EncodeListener listener)
        throws IOException {
        requireArgument(image, "image");
        checkSize(image.getWidth(), image.getHeight());
        encode(PixelSources.of(image, options.background()), metadata, out, listener);
    }

    /**
     * Encodes a raster by its band count, as rasters carry no colour space: one band is gray, three are R, G, B
     * (encoded as YCbCr), four are C, M, Y, K (see {@link #encodeCmyk}). Samples are taken as 8-bit values.
     *
     * @throws IllegalArgumentException for another band count or a bad size
     * @throws EncodeAbortedException   when the listener asked to stop
     */
    public void encode(Raster raster, ImageMetadata metadata, OutputStream out, EncodeListener listener)
        throws IOException {
        requireArgument(raster, "raster");
        checkSize(raster.getWidth(), raster.getHeight());
        SampleLayout layout = switch (raster.getNumBands()) {
            case 1 -> SampleLayout.GRAY;
            case 3 -> SampleLayout.RGB;
            case 4 -> SampleLayout.CMYK;
            default -> throw new IllegalArgumentException("rasters of " + raster.getNumBands()
                + " bands are not supported: 1 (gray), 3 (RGB) or 4 (CMYK)");
        };
        encode(PixelSources.ofRaster(raster, layout), metadata, out, listener);
    }

    /**
     * The luma and chroma quantization tables (in that order) this encoder writes, whatever the image: custom
     * tables as given, otherwise the base tables scaled by quality. Gray images use the first only.
     */
    public List<QuantTable> quantTables() {
        return List.of(EncodePipeline.quantTables(options.settings()));
    }

    /**
     * Encodes a four-band raster as CMYK: bands 0..3 are C, M, Y, K, coded as four full-resolution components
     * without colour conversion, and marked with an Adobe APP14 segment (transform 0) instead of JFIF, as
     * libjpeg writes JCS_CMYK. Samples are stored as given; note that Adobe applications store inverted
     * CMYK (0 is full ink), so pass inverted samples to match them. The metadata's JFIF header is not
     * written; its EXIF, ICC profile (normally a CMYK profile) and comments are. {@link EncoderOptions#subsampling()}
     * does not apply; progressive, restart and Huffman options do.
     *
     * @throws IllegalArgumentException if the raster does not have four bands
     */
    public void encodeCmyk(Raster raster, ImageMetadata metadata, OutputStream out) throws IOException {
        requireArgument(raster, "raster");
        checkSize(raster.getWidth(), raster.getHeight());
        encode(PixelSources.ofRaster(raster, SampleLayout.CMYK), metadata, out, EncodeListener.NONE);
    }

    /** Encodes an image into a new byte array. */
    public byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(image, out);
        return out.toByteArray();
    }

    /**
     * Encodes raw interleaved 8-bit pixels, rows top to bottom with no padding.
     *
     * @param pixels at least {@code width * height * format.bytesPerPixel()} bytes
     */
    public void encode(byte[] pixels, int width, int height, PixelFormat format, ImageMetadata metadata,
                       OutputStream out) throws IOException {
        requireArgument(pixels, "pixels");
        requireArgument(format, "format");
        checkSize(width, height);
        encode(PixelSources.ofRaw(pixels, width, height, format), metadata, out, EncodeListener.NONE);
    }

    /**
     * Opens a writer that takes the image's rows in order, top to bottom, so an image need never be in memory
     * whole. Sequential encoding with standard Huffman tables ({@code optimizeHuffman} false, not progressive)
     * holds one MCU row, O(width x 16) samples, whatever the height, and writes the headers now. Optimized
     * Huffman tables and progressive files keep every quantized coefficient, 2 bytes each (3 bytes a pixel
     * at 4:2:0, 2 for gray), and write the whole file in {@link RowWriter#finish()}; this is checked before
     * anything is kept. With {@link EncoderOptions#threads()} above 1, worker threads quantize batches of rows
     * (the bytes are the same); close the writer to stop them. The stream is not closed.
     *
     * @throws IllegalArgumentException for a bad size, or if a mode that keeps every coefficient would need
     *                                  more than half of the maximum heap
     * @throws IOException              from the stream, while writing the headers
     */
    public RowWriter openRowWriter(OutputStream out, int width, int height, PixelFormat format,
                                   ImageMetadata metadata) throws IOException {
        requireArgument(out, "out");
        requireArgument(format, "format");
        requireArgument(metadata, "metadata");
        checkSize(width, height);
        SampleLayout layout = format == PixelFormat.GRAY8 ? SampleLayout.GRAY : SampleLayout.RGB;
        StreamingEncoder encoder = new StreamingEncoder(options.settings(), width, height, layout, metadata, out,
            Runtime.getRuntime().maxMemory() / 2);
        return new RowWriter(encoder, width, height, format);
    }

    /** {@link #openRowWriter(OutputStream, int, int, PixelFormat, ImageMetadata)} without metadata. */
    public RowWriter openRowWriter(OutputStream out, int width, int height, PixelFormat format) throws IOException {
        return openRowWriter(out, width, height, format, ImageMetadata.NONE);
    }

    private void encode(PixelSource source, ImageMetadata metadata, OutputStream out, EncodeListener listener)
        throws IOException {
        requireArgument(metadata, "metadata");
        requireArgument(out, "out");
        requireArgument(listener, "listener");
        PixelSource read = listener == EncodeListener.NONE ? source : new ListenedSource(source, listener);
        try {
            new EncodePipeline(options.settings()).encode(read, metadata, out);
        } catch (Aborted e) {
            throw new EncodeAbortedException();
        }
    }

    /** Thrown through the pipeline from a row read when the listener asks to stop. */
    private static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super(null, null, false, false);
        }
    }

    /**
     * Reports the share of rows read (counted, since worker threads read stripes in any order) and stops the
     * encode on request; safe for the encoder's worker threads.
     */
    private static final class ListenedSource implements PixelSource {
        private final PixelSource source;
        private final EncodeListener listener;
        private final int step;
        private final AtomicInteger rowsRead = new AtomicInteger();
        private int reported;

        ListenedSource(PixelSource source, EncodeListener listener) {
            this.source = source;
            this.listener = listener;
            this.step = Math.max(1, source.height() / 20);
        }

        @Override
        public int width() {
            return source.width();
        }

        @Override
        public int height() {
            return source.height();
        }

        @Override
        public boolean isGray() {
            return source.isGray();
        }

        @Override
        public SampleLayout sampleLayout() {
            return source.sampleLayout();
        }

        @Override
        public void readRow(int y, byte[] out) {
            if (listener.abortRequested()) {
                throw new Aborted();
            }
            source.readRow(y, out);
            rowRead();
        }

        @Override
        public void readRow(int y, int[] red, int[] green, int[] blue) {
            if (listener.abortRequested()) {
                throw new Aborted();
            }
            source.readRow(y, red, green, blue);
            rowRead();
        }

        @Override
        public void readRowGrouped(int y, int[] red, int[] green, int[] blue) {
            if (listener.abortRequested()) {
                throw new Aborted();
            }
            source.readRowGrouped(y, red, green, blue);
            rowRead();
        }

        @Override
        public void readRowYCbCr(int y, int[] red, int[] green, int[] blue, int[] luma, int[] cb, int[] cr,
                                 int outOffset) {
            if (listener.abortRequested()) {
                throw new Aborted();
            }
            source.readRowYCbCr(y, red, green, blue, luma, cb, cr, outOffset);
            rowRead();
        }

        private void rowRead() {
            int height = source.height();
            int read = rowsRead.incrementAndGet();
            // Only the first pass counts: an encode that reads the image twice has reported 1 by its end.
            if (read <= height && (read % step == 0 || read == height)) {
                synchronized (this) {
                    if (read > reported) {
                        reported = read;
                        listener.progress(read / (float) height);
                    }
                }
            }
        }
    }

    private static <T> T requireArgument(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("image size must be 1.." + MAX_DIMENSION + " in each direction, found "
                + width + "x" + height);
        }
    }
}
