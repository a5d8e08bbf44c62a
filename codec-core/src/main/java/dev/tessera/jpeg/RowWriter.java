package dev.tessera.jpeg;

import dev.tessera.jpeg.encode.StreamingEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import java.io.IOException;

/**
 * Writes one JPEG file from pixel rows given in order, top to bottom, like a scanline writer; made by
 * {@link JpegEncoder#openRowWriter}. Rows are interleaved 8-bit pixels in the writer's {@link PixelFormat}
 * ({@code width * bytesPerPixel} bytes each, no padding). The file is byte for byte the one
 * {@link JpegEncoder#encode(byte[], int, int, PixelFormat, ImageMetadata, java.io.OutputStream)} writes for
 * the same pixels.
 *
 * <p>Memory: sequential encoding with standard Huffman tables ({@code optimizeHuffman} false, not
 * progressive) streams, holding one MCU row (8 or 16 pixel rows) whatever the height. Optimized Huffman
 * tables and progressive files keep every quantized coefficient until {@link #finish}, 2 bytes each (3 bytes
 * a pixel at 4:2:0, 2 for gray, 6 for 4:4:4); see {@link JpegEncoder#openRowWriter}.
 *
 * <p>With {@link EncoderOptions#threads()} above 1, worker threads quantize batches of rows while the caller
 * writes the next ones; the bytes are the same. Not thread-safe: one writer belongs to one producer. It does
 * not close the output stream.
 */
public final class RowWriter implements AutoCloseable {
    private final StreamingEncoder encoder;
    private final int width;
    private final int height;
    private final PixelFormat format;
    private boolean finished;
    private boolean failed;

    RowWriter(StreamingEncoder encoder, int width, int height, PixelFormat format) {
        this.encoder = encoder;
        this.width = width;
        this.height = height;
        this.format = format;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public PixelFormat format() {
        return format;
    }

    /** Rows written so far, 0..{@link #height()}. */
    public int rowsWritten() {
        return encoder.rowsWritten();
    }

    /**
     * Writes the next {@code rowCount} rows, read from {@code pixels} starting at {@code offset}.
     *
     * @throws IllegalArgumentException if the array holds fewer than {@code rowCount} rows from {@code offset}
     * @throws IllegalStateException    if the rows would go past the image height, or after {@link #finish}
     * @throws IOException              from the output stream
     */
    public void writeRows(byte[] pixels, int offset, int rowCount) throws IOException {
        if (pixels == null) {
            throw new IllegalArgumentException("pixels must not be null");
        }
        long rowBytes = (long) width * format.bytesPerPixel();
        if (offset < 0 || rowCount < 0 || offset + rowBytes * rowCount > pixels.length) {
            throw new IllegalArgumentException("offset " + offset + " and " + rowCount + " rows of " + rowBytes
                + " bytes do not fit a " + pixels.length + "-byte array");
        }
        checkOpen();
        if ((long) rowsWritten() + rowCount > height) {
            throw new IllegalStateException("too many rows: " + rowsWritten() + " written and " + rowCount
                + " more given, the image has " + height);
        }
        run(() -> encoder.writeRows(pixels, offset, rowCount));
    }

    /**
     * Completes the file. After it the writer takes no more rows.
     *
     * @throws IllegalStateException if fewer than {@link #height()} rows were written, or called twice
     */
    public void finish() throws IOException {
        checkOpen();
        if (rowsWritten() != height) {
            throw new IllegalStateException("too few rows: " + rowsWritten() + " of " + height + " written");
        }
        run(encoder::finish);
        finished = true;
    }

    /**
     * Finishes the file if it is not finished yet ({@link #finish}'s exceptions included), unless an earlier
     * call failed, in which case the incomplete file is left as it is; stops the worker threads, if any.
     */
    @Override
    public void close() throws IOException {
        try {
            if (!finished && !failed) {
                finish();
            }
        } finally {
            encoder.close(); // stops the worker threads, if any
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the writer is finished");
        }
        if (failed) {
            throw new IllegalStateException("an earlier write failed; the file is incomplete");
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private void run(Step step) throws IOException {
        try {
            step.run();
        } catch (IOException | RuntimeException | Error e) {
            failed = true;
            throw e;
        }
    }
}
