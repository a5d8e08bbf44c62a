package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.color.ColorConverter;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.marker.MarkerWriter;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.raster.PixelSources;
import dev.tessera.jpeg.raster.SampleLayout;
import dev.tessera.jpeg.simd.AutoThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
 * <p>With {@link EncodeSettings#threads()} n above 1, rows are gathered in batches of 2n stripes (as
 * {@link ParallelEncoder} cuts them), and worker threads quantize one batch while the caller fills the next;
 * the caller entropy-codes (or keeps) the quantized rows in order. Memory is then two batches of pixel rows
 * and one of coefficients more, still independent of the height.
 *
 * <p>The bytes are those {@link EncodePipeline} writes for the same pixels and options, for any thread count.
 * Call {@link #close} to stop the worker threads ({@link #finish} does).
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

    /** Threads above 1: the workers, or {@code null}. */
    private final ThreadPoolExecutor pool;
    private final int stripeRows;
    private final int batchMcuRows;
    /** The batch being filled with pixel rows, and the one the workers may be reading. */
    private byte[] filling;
    private byte[] spare;
    private int rowsInBatch;
    /** The first MCU row of the batch being filled. */
    private int batchFirstMcuRow;
    /** The quantized stripes of the batch submitted last, in order, not yet taken. */
    private List<Future<short[][][]>> pending = List.of();
    private final Queue<Worker> idleWorkers = new ConcurrentLinkedQueue<>();
    /** Streaming mode: coefficient rows already coded, for the workers to fill again (no garbage per row). */
    private final Queue<short[][]> freeRows = new ConcurrentLinkedQueue<>();

    /**
     * Starts a file; in streaming mode writes the headers at once.
     *
     * @param maxBufferedBytes the most coefficient memory the whole-image modes may keep, in bytes
     * @throws IllegalArgumentException if a whole-image mode would need more than {@code maxBufferedBytes}
     */
    public StreamingEncoder(EncodeSettings options, int width, int height, SampleLayout sampleLayout,
                            ImageMetadata metadata, OutputStream out, long maxBufferedBytes) throws IOException {
        this(options, width, height, sampleLayout, metadata, out, maxBufferedBytes,
            ParallelEncoder.DEFAULT_STRIPE_BLOCKS);
    }

    /** With {@code stripeBlocks}, the blocks a worker's stripe aims at (tests use small stripes). */
    StreamingEncoder(EncodeSettings options, int width, int height, SampleLayout sampleLayout,
                     ImageMetadata metadata, OutputStream out, long maxBufferedBytes, int stripeBlocks)
        throws IOException {
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
        int threads = AutoThreads.forImage(options.threads(), (long) width * height);
        if (threads > 1) {
            stripeRows = ParallelEncoder.stripeRows(plan, stripeBlocks);
            batchMcuRows = stripeRows * 2 * threads;
            filling = new byte[batchMcuRows * mcuHeight * rowBytes];
            spare = new byte[filling.length];
            // Idle workers end after a second, so a writer abandoned without close() leaves no threads behind.
            pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                ParallelEncoder.workerThreads());
            pool.allowCoreThreadTimeOut(true);
            strip = null;
            rowEncoder = null;
        } else {
            stripeRows = 0;
            batchMcuRows = 0;
            pool = null;
            strip = new byte[mcuHeight * rowBytes];
            rowEncoder = plan.rowEncoder(new StripSource(width, height, sampleLayout));
        }
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
    public static long bufferedBytes(EncodeSettings options, int width, int height, SampleLayout sampleLayout) {
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
        if (pool != null) {
            for (int r = 0; r < rowCount; r++) {
                System.arraycopy(pixels, offset + r * rowBytes, filling, rowsInBatch * rowBytes, rowBytes);
                rowsInBatch++;
                rowsWritten++;
                if (rowsInBatch == batchMcuRows * mcuHeight || rowsWritten == plan.layout.height()) {
                    completeBatch();
                }
            }
            return;
        }
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
        takePending();
        close();
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

    /** Stops the worker threads, if any, and waits for them. */
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Hands the full batch to the workers, a stripe each, after taking the previous batch's stripes (whose
     * pixel buffer this batch's successor will fill), and swaps the pixel buffers.
     */
    private void completeBatch() throws IOException {
        takePending();
        int mcuRows = (rowsInBatch + mcuHeight - 1) / mcuHeight;
        byte[] pixels = filling;
        int firstMcuRow = batchFirstMcuRow;
        List<Future<short[][][]>> stripes = new ArrayList<>();
        for (int s = 0; s < mcuRows; s += stripeRows) {
            int from = firstMcuRow + s;
            int count = Math.min(stripeRows, mcuRows - s);
            stripes.add(pool.submit(() -> quantize(pixels, firstMcuRow, from, count)));
        }
        pending = stripes;
        filling = spare;
        spare = pixels;
        batchFirstMcuRow += mcuRows;
        rowsInBatch = 0;
    }

    /** Takes the quantized stripes of the last batch in order: codes or keeps their rows. */
    private void takePending() throws IOException {
        for (Future<short[][][]> stripe : pending) {
            for (short[][] coefs : OrderedTasks.await(stripe)) {
                if (wholeImage) {
                    store[mcuRow] = coefs;
                } else {
                    coder.encode(coefs, bits, dc, ac);
                    freeRows.add(coefs);
                }
                mcuRow++;
            }
        }
        pending = List.of();
    }

    /** Quantizes MCU rows {@code from .. from + count - 1} from a batch of pixel rows (a worker task). */
    private short[][][] quantize(byte[] pixels, int batchFirstMcuRow, int from, int count) {
        Worker worker = idleWorkers.poll();
        if (worker == null) {
            worker = new Worker(plan);
        }
        worker.source.pixels = pixels;
        worker.source.firstRow = batchFirstMcuRow * mcuHeight;
        short[][][] rows = new short[count][][];
        for (int i = 0; i < count; i++) {
            short[][] row = freeRows.poll();
            rows[i] = row != null ? row : plan.newRow();
            worker.encoder.encodeRow(from + i, rows[i]);
        }
        idleWorkers.add(worker);
        return rows;
    }

    /** A colour-to-coefficients stage and the batch source it reads; one task uses it at a time. */
    private final class Worker {
        final BatchSource source = new BatchSource();
        final McuRowEncoder encoder;

        Worker(EncodePlan plan) {
            encoder = plan.rowEncoder(source);
        }
    }

    /** Pixel rows of one batch, as {@link McuRowEncoder} reads them (clamped to the image by it). */
    private final class BatchSource implements PixelSource {
        byte[] pixels;
        /** The image row held at the start of {@code pixels}. */
        int firstRow;

        @Override public int width() { return plan.layout.width(); }
        @Override public int height() { return plan.layout.height(); }
        @Override public boolean isGray() { return plan.sampleLayout == SampleLayout.GRAY; }
        @Override public SampleLayout sampleLayout() { return plan.sampleLayout; }

        @Override
        public void readRow(int y, byte[] out) {
            System.arraycopy(pixels, (y - firstRow) * rowBytes, out, 0, rowBytes);
        }

        @Override
        public void readRow(int y, int[] red, int[] green, int[] blue) {
            PixelSources.split(pixels, (y - firstRow) * rowBytes, width(), red, green, blue);
        }

        @Override
        public void readRowYCbCr(int y, int[] red, int[] green, int[] blue, int[] luma, int[] cb, int[] cr,
                                 int outOffset) {
            ColorConverter.rgbToYCbCr(pixels, (y - firstRow) * rowBytes, width(), luma, cb, cr, outOffset);
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

        @Override
        public void readRow(int y, int[] red, int[] green, int[] blue) {
            PixelSources.split(strip, (y - mcuRow * mcuHeight) * rowBytes, width, red, green, blue);
        }

        @Override
        public void readRowYCbCr(int y, int[] red, int[] green, int[] blue, int[] luma, int[] cb, int[] cr,
                                 int outOffset) {
            ColorConverter.rgbToYCbCr(strip, (y - mcuRow * mcuHeight) * rowBytes, width, luma, cb, cr, outOffset);
        }
    }
}
