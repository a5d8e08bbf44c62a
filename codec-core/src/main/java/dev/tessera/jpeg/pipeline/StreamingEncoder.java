package dev.tessera.jpeg.pipeline;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.ImageMetadata;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.marker.MarkerWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes an image whose pixel rows arrive in order, top to bottom, without the whole image ever being in
 * memory. It collects the rows of one MCU row (8 or 16 lines), then turns them into quantized coefficients.
 *
 * <ul>
 *   <li>Sequential with the Annex K Huffman tables: the headers are written at once and each MCU row is
 *       entropy-coded as soon as it is complete, so memory is O(width x MCU height): about
 *       {@code width x 120} bytes for 4:2:0 colour, whatever the height.</li>
 *   <li>Optimized Huffman tables (two passes, T.81 K.2) and progressive (Annex G) need every coefficient
 *       before the first byte of the scan: the quantized coefficients are kept, 2 bytes each (1.5
 *       coefficients a pixel at 4:2:0, 1 for gray, 3 for 4:4:4), and coded in {@link #finish}. The total is
 *       checked against a limit before anything is kept.</li>
 * </ul>
 *
 * <p>The bytes are those {@link EncodePipeline} writes for the same pixels and options. Single-threaded:
 * {@link EncoderOptions#threads()} is not used.
 */
public final class StreamingEncoder {
    private final EncodePlan plan;
    private final ByteSink sink;
    private final int rowBytes;
    private final int mcuHeight;
    /** The pixel rows of the MCU row being collected. */
    private final byte[] strip;
    private final McuRowEncoder rowEncoder;
    private final boolean wholeImage;
    /** Whole-image modes: quantized MCU rows so far. */
    private final short[][][] store;
    /** Streaming mode: the scan coder and its tables. */
    private final ScanCoder coder;
    private final BitWriter bits;
    private final HuffmanTable[] dc;
    private final HuffmanTable[] ac;
    private final short[][] scratch;
    private int rowsInStrip;
    private int rowsWritten;
    private int mcuRow;

    /**
     * Starts a file; in streaming mode writes the headers at once.
     *
     * @param maxBufferedBytes the most coefficient memory the whole-image modes may keep, in bytes
     * @throws IllegalArgumentException if a whole-image mode would need more than {@code maxBufferedBytes}
     */
    public StreamingEncoder(EncoderOptions options, int width, int height, SampleLayout sampleLayout,
                            ImageMetadata metadata, OutputStream out, long maxBufferedBytes) throws IOException {
        plan = new EncodePlan(options, width, height, sampleLayout, metadata);
        wholeImage = options.progressive() || options.optimizeHuffman();
        if (wholeImage) {
            long bytes = 2 * plan.coefficientCount();
            if (bytes > maxBufferedBytes) {
                throw new IllegalArgumentException((options.progressive() ? "progressive" : "optimized Huffman")
                    + " encoding of " + width + "x" + height + " keeps every coefficient: " + (bytes >> 20)
                    + " MiB, over the limit of " + (maxBufferedBytes >> 20) + " MiB; use sequential encoding with"
                    + " standard Huffman tables to stream, or give the JVM more memory (-Xmx)");
            }
        }
        sink = new ByteSink(out);
        rowBytes = width * sampleLayout.channels();
        mcuHeight = plan.layout.mcuHeight();
        strip = new byte[mcuHeight * rowBytes];
        rowEncoder = plan.rowEncoder(new StripSource(width, height, sampleLayout));
        if (wholeImage) {
            store = new short[plan.layout.mcuRows()][][];
            coder = null;
            bits = null;
            dc = null;
            ac = null;
            scratch = null;
        } else {
            store = null;
            MarkerWriter markers = new MarkerWriter(sink);
            plan.writeHeaders(markers, EncodePlan.standardDc(), EncodePlan.standardAc());
            markers.writeScanHeader(plan.sequentialScan);
            coder = new ScanCoder(plan.layout, plan.restartMcus);
            bits = new BitWriter(sink);
            dc = plan.perComponent(EncodePlan.standardDc());
            ac = plan.perComponent(EncodePlan.standardAc());
            scratch = plan.newRow();
        }
    }

    /** Bytes of coefficient memory the whole-image modes keep for these options and size, 0 when streaming. */
    public static long bufferedBytes(EncoderOptions options, int width, int height, SampleLayout sampleLayout) {
        if (!options.progressive() && !options.optimizeHuffman()) {
            return 0;
        }
        return 2 * new EncodePlan(options, width, height, sampleLayout, ImageMetadata.NONE).coefficientCount();
    }

    /** Rows taken so far. */
    public int rowsWritten() {
        return rowsWritten;
    }

    /**
     * Takes {@code rowCount} rows of {@code width x channels} bytes from {@code pixels[offset]}. The caller
     * has checked the bounds and that the rows do not go past the image height.
     */
    public void writeRows(byte[] pixels, int offset, int rowCount) throws IOException {
        for (int r = 0; r < rowCount; r++) {
            System.arraycopy(pixels, offset + r * rowBytes, strip, rowsInStrip * rowBytes, rowBytes);
            rowsInStrip++;
            rowsWritten++;
            if (rowsInStrip == mcuHeight || rowsWritten == plan.layout.height()) {
                completeMcuRow();
            }
        }
    }

    /** Writes the rest of the file: in whole-image modes all of the scans, else the end of the scan; EOI. */
    public void finish() throws IOException {
        if (!wholeImage) {
            bits.flushToByteBoundary();
            new MarkerWriter(sink).writeEndOfImage();
            sink.flush();
        } else if (plan.options.progressive()) {
            EncodePipeline.writeProgressive(plan, store, sink, null);
        } else {
            EncodePipeline.writeOptimized(plan, store, sink);
        }
    }

    private void completeMcuRow() throws IOException {
        if (wholeImage) {
            short[][] coefs = plan.newRow();
            rowEncoder.encodeRow(mcuRow, coefs);
            store[mcuRow] = coefs;
        } else {
            rowEncoder.encodeRow(mcuRow, scratch);
            coder.encode(scratch, bits, dc, ac);
        }
        mcuRow++;
        rowsInStrip = 0;
    }

    /** The rows of the MCU row being completed, as {@link McuRowEncoder} reads them (clamped to the image). */
    private final class StripSource implements PixelSource {
        private final int width;
        private final int height;
        private final SampleLayout sampleLayout;

        StripSource(int width, int height, SampleLayout sampleLayout) {
            this.width = width;
            this.height = height;
            this.sampleLayout = sampleLayout;
        }

        @Override public int width() { return width; }
        @Override public int height() { return height; }
        @Override public boolean isGray() { return sampleLayout == SampleLayout.GRAY; }
        @Override public SampleLayout sampleLayout() { return sampleLayout; }

        @Override
        public void readRow(int y, byte[] out) {
            System.arraycopy(strip, (y - mcuRow * mcuHeight) * rowBytes, out, 0, rowBytes);
        }
    }
}
