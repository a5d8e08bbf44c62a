package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.marker.MarkerWriter;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.raster.PixelSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Encodes one image on several threads and writes the same bytes as the single-threaded
 * {@link EncodePipeline}. The frame is cut into stripes of whole MCU rows. Colour conversion, downsampling,
 * DCT and quantization of a block depend on nothing outside it, so worker threads quantize stripes, a bounded
 * window of them at a time, and the calling thread takes them in order:
 *
 * <ul>
 *   <li>Entropy coding runs in order on the calling thread, except when every restart interval is a whole
 *       number of MCU rows: stripes then start at interval boundaries, where the DC predictions restart at 0
 *       (T.81 F.1.1.5.1) and the bit stream is byte-aligned before RSTn (F.1.2.3), so each worker codes its
 *       stripe into its own bytes, beginning with the RSTn numbered as the whole scan would number it, and
 *       the stripes are concatenated.</li>
 *   <li>Optimized Huffman tables (K.2): workers count the symbols of their stripe; the counts are summed.
 *       The only symbol that depends on the stripe before is the DC difference of the first block of each
 *       component when the stripe does not start a restart interval; it is counted against prediction 0
 *       and corrected once the previous stripe's last DC is known.</li>
 *   <li>Progressive: the whole frame is quantized in parallel, then the candidate scan scripts are coded in
 *       parallel.</li>
 * </ul>
 *
 * <p>The threads belong to one encode call: a fixed pool created here, shut down and waited for before
 * returning.
 */
final class ParallelEncoder {
    /** The blocks a stripe aims at: about 512 KiB of coefficients, small enough to balance the threads. */
    static final int DEFAULT_STRIPE_BLOCKS = 4096;

    private final EncodePlan plan;
    private final PixelSource source;
    private final int threads;
    private final long maxBufferedCoefficients;
    private final EncodeLayout layout;
    /** MCU rows per stripe; a whole number of restart intervals when those are whole MCU rows. */
    private final int stripeRows;
    private final int stripeCount;
    /** Colour-to-coefficient stages, one per thread at a time (the trellis holds scratch arrays). */
    private final Queue<McuRowEncoder> idleRowEncoders = new ConcurrentLinkedQueue<>();

    ParallelEncoder(EncodePlan plan, PixelSource source, int threads, long maxBufferedCoefficients,
                    int stripeBlocks) {
        this.plan = plan;
        this.source = source;
        this.threads = threads;
        this.maxBufferedCoefficients = maxBufferedCoefficients;
        this.layout = plan.layout;
        stripeRows = stripeRows(plan, stripeBlocks);
        stripeCount = (layout.mcuRows() + stripeRows - 1) / stripeRows;
    }

    /**
     * MCU rows per stripe: enough for {@code stripeBlocks} blocks, rounded up to whole restart intervals when
     * those are whole MCU rows, at most the frame.
     */
    static int stripeRows(EncodePlan plan, int stripeBlocks) {
        int rows = (int) Math.max(1, (stripeBlocks + plan.blocksPerMcuRow() - 1) / plan.blocksPerMcuRow());
        if (plan.restartsAtRowStarts()) {
            int intervalRows = plan.restartMcus / plan.layout.mcusPerRow();
            rows = (rows + intervalRows - 1) / intervalRows * intervalRows;
        }
        return Math.min(rows, plan.layout.mcuRows());
    }

    void encode(ByteSink sink) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
        try {
            if (plan.options.progressive()) {
                plan.checkWholeImageFits("progressive");
                short[][][] store = new short[layout.mcuRows()][][];
                OrderedTasks<short[][][]> stripes = tasks(pool, this::quantize);
                for (int s = 0; s < stripeCount; s++) {
                    System.arraycopy(stripes.next(), 0, store, s * stripeRows, rowsIn(s));
                }
                EncodePipeline.writeProgressive(plan, store, sink, pool);
            } else if (plan.options.optimizeHuffman()) {
                encodeOptimized(pool, sink);
            } else {
                MarkerWriter markers = new MarkerWriter(sink);
                plan.writeHeaders(markers, EncodePlan.standardDc(), EncodePlan.standardAc());
                markers.writeScanHeader(plan.sequentialScan);
                writeScan(pool, sink, EncodePlan.standardDc(), EncodePlan.standardAc(), null);
            }
        } finally {
            // No worker outlives the call (one may still be finishing a stripe after a failure elsewhere):
            // the tasks are bounded CPU work, so waiting for them is short.
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** T.81 K.2 in two passes: counts per stripe summed in order, then the scan with the tables built. */
    private void encodeOptimized(ExecutorService pool, ByteSink sink) throws IOException {
        boolean keep = plan.coefficientCount() <= maxBufferedCoefficients;
        if (keep && !plan.restartsAtRowStarts()) {
            encodeOptimizedPacked(pool, sink);
            return;
        }
        short[][][] stored = keep ? new short[layout.mcuRows()][][] : null;
        long[][] dcCounts = new long[2][256];
        long[][] acCounts = new long[2][256];
        int[] lastDc = new int[plan.componentCount];
        OrderedTasks<StripeCounts> stripes = tasks(pool, s -> count(s, quantize(s)));
        for (int s = 0; s < stripeCount; s++) {
            StripeCounts counts = stripes.next();
            add(counts.dc, dcCounts);
            add(counts.ac, acCounts);
            int[] firstDc = new int[plan.componentCount];
            for (int c = 0; c < firstDc.length; c++) {
                firstDc[c] = counts.rows[0][c][0];
            }
            correctFirstDc(s, firstDc, lastDc, dcCounts);
            System.arraycopy(counts.lastDc, 0, lastDc, 0, lastDc.length);
            if (keep) {
                System.arraycopy(counts.rows, 0, stored, s * stripeRows, rowsIn(s));
            }
        }
        HuffmanSpec[][] specs = EncodePipeline.optimizedSpecs(plan, dcCounts, acCounts);
        MarkerWriter markers = new MarkerWriter(sink);
        plan.writeHeaders(markers, specs[0], specs[1]);
        markers.writeScanHeader(plan.sequentialScan);
        writeScan(pool, sink, specs[0], specs[1], stored);
    }

    /**
     * T.81 K.2 as the one-thread {@link EncodePipeline} does it when the coefficients fit in memory: workers
     * quantize, count and pack stripes ({@link PackedBlocks}: their Huffman symbols); the calling thread sums
     * the counts, correcting the first DC difference of each stripe, joins the packs in order and codes them, as
     * the one-thread pass does.
     */
    private void encodeOptimizedPacked(ExecutorService pool, ByteSink sink) throws IOException {
        long[][] dcCounts = new long[2][256];
        long[][] acCounts = new long[2][256];
        int[] lastDc = new int[plan.componentCount];
        PackedBlocks all = new PackedBlocks();
        // Without restart markers each stripe can also be coded apart, from the DC values it starts after.
        boolean codeApart = plan.restartMcus == 0 && stripeCount > 1;
        PackedStripe[] kept = codeApart ? new PackedStripe[stripeCount] : null;
        int[][] dcBefore = codeApart ? new int[stripeCount][] : null;
        OrderedTasks<PackedStripe> stripes = tasks(pool, this::pack);
        for (int s = 0; s < stripeCount; s++) {
            PackedStripe stripe = stripes.next();
            if (codeApart) {
                kept[s] = stripe;
                dcBefore[s] = lastDc.clone();
            }
            add(stripe.dc, dcCounts);
            add(stripe.ac, acCounts);
            correctFirstDc(s, stripe.firstDc, lastDc, dcCounts);
            System.arraycopy(stripe.lastDc, 0, lastDc, 0, lastDc.length);
            if (!codeApart) {
                all.append(stripe.packed);
            }
        }
        HuffmanSpec[][] specs = EncodePipeline.optimizedSpecs(plan, dcCounts, acCounts);
        MarkerWriter markers = new MarkerWriter(sink);
        plan.writeHeaders(markers, specs[0], specs[1]);
        markers.writeScanHeader(plan.sequentialScan);
        if (!codeApart) {
            EncodePipeline.writePackedScan(plan, specs[0], specs[1], sink, all);
            return;
        }
        HuffmanTable[] dc = plan.perComponent(specs[0]);
        HuffmanTable[] ac = plan.perComponent(specs[1]);
        OrderedTasks<RawSegment> coded = tasks(pool, s -> {
            RawSegment segment = codeRaw(s, kept[s].packed, dcBefore[s], dc, ac);
            kept[s] = null; // let the packed blocks go
            return segment;
        });
        BitWriter bits = new BitWriter(sink);
        for (int s = 0; s < stripeCount; s++) {
            RawSegment segment = coded.next();
            bits.appendRaw(segment.bytes, segment.words, segment.tail, segment.tailFree);
        }
        bits.flushToByteBoundary();
        new MarkerWriter(sink).writeEndOfImage();
        sink.flush();
    }

    /**
     * Huffman-codes one packed stripe of a scan without restart markers into raw (unstuffed) bits, starting from
     * the DC predictions the stripes before leave (a worker task); {@link BitWriter#appendRaw} puts it in place.
     */
    private RawSegment codeRaw(int stripe, PackedBlocks packed, int[] dcBefore, HuffmanTable[] dc,
                               HuffmanTable[] ac) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteSink raw = new ByteSink(buffer);
        BitWriter bits = BitWriter.raw(raw);
        ScanCoder coder = new ScanCoder(layout, plan.restartMcus);
        coder.startAt((long) stripe * stripeRows * layout.mcusPerRow());
        coder.predictFrom(dcBefore);
        PackedBlocks.Reader reader = packed.reader();
        for (int i = 0; i < rowsIn(stripe); i++) {
            coder.encodePacked(reader, bits, dc, ac);
        }
        raw.flush();
        byte[] bytes = buffer.toByteArray();
        return new RawSegment(bytes, bytes.length / 8, bits.pendingBits(), bits.freeBits());
    }

    /** A stripe's entropy-coded bits: whole 64-bit words, then the low {@code 64 - tailFree} bits of tail. */
    private record RawSegment(byte[] bytes, int words, long tail, int tailFree) {
    }

    /** Quantizes, counts and packs one stripe (a worker task), DC predictions starting at 0. */
    private PackedStripe pack(int stripe) {
        McuRowEncoder encoder = idleRowEncoders.poll();
        if (encoder == null) {
            encoder = plan.rowEncoder(source);
        }
        int[][] row = plan.newNaturalRow();
        long[][] masks = new long[plan.componentCount][];
        for (int c = 0; c < masks.length; c++) {
            masks[c] = encoder.newMaskBuffer(c);
        }
        ScanCoder counter = new ScanCoder(layout, plan.restartMcus);
        counter.startAt((long) stripe * stripeRows * layout.mcusPerRow());
        long[][] dc = new long[2][256];
        long[][] ac = new long[2][256];
        PackedBlocks packed = new PackedBlocks();
        int[] firstDc = new int[plan.componentCount];
        for (int i = 0; i < rowsIn(stripe); i++) {
            encoder.encodeRowNatural(stripe * stripeRows + i, row, masks);
            if (i == 0) {
                for (int c = 0; c < firstDc.length; c++) {
                    firstDc[c] = row[c][0]; // the component's first block in scan order
                }
            }
            counter.countAndPack(row, masks, plan.slots, dc, ac, packed);
        }
        idleRowEncoders.add(encoder);
        int[] lastDc = new int[plan.componentCount];
        for (int c = 0; c < lastDc.length; c++) {
            lastDc[c] = counter.previousDc(c);
        }
        return new PackedStripe(packed, dc, ac, firstDc, lastDc);
    }

    /** A stripe's packed blocks and symbol counts, and the DC values it starts and ends with per component. */
    private record PackedStripe(PackedBlocks packed, long[][] dc, long[][] ac, int[] firstDc, int[] lastDc) {
    }

    /**
     * Codes the scan and writes EOI. Rows come from {@code stored} (released as they are taken) or are
     * quantized again by the workers.
     */
    private void writeScan(ExecutorService pool, ByteSink sink, HuffmanSpec[] dcSpecs, HuffmanSpec[] acSpecs,
                           short[][][] stored) throws IOException {
        HuffmanTable[] dc = plan.perComponent(dcSpecs);
        HuffmanTable[] ac = plan.perComponent(acSpecs);
        if (plan.restartsAtRowStarts()) {
            OrderedTasks<byte[]> stripes = tasks(pool, s -> code(s, stored != null ? take(stored, s) : quantize(s),
                dc, ac));
            for (int s = 0; s < stripeCount; s++) {
                byte[] coded = stripes.next();
                sink.write(coded, 0, coded.length);
            }
        } else {
            ScanCoder coder = new ScanCoder(layout, plan.restartMcus);
            BitWriter bits = new BitWriter(sink);
            OrderedTasks<short[][][]> stripes = tasks(pool, s -> stored != null ? take(stored, s) : quantize(s));
            for (int s = 0; s < stripeCount; s++) {
                for (short[][] row : stripes.next()) {
                    coder.encode(row, bits, dc, ac);
                }
            }
            bits.flushToByteBoundary();
        }
        new MarkerWriter(sink).writeEndOfImage();
        sink.flush();
    }

    private <R> OrderedTasks<R> tasks(ExecutorService pool, OrderedTasks.Task<R> task) {
        // Two stripes per thread in flight: one being worked on, one waiting to be taken.
        return new OrderedTasks<>(pool, stripeCount, 2 * threads, task);
    }

    private int rowsIn(int stripe) {
        return Math.min(stripeRows, layout.mcuRows() - stripe * stripeRows);
    }

    /** Quantizes the MCU rows of one stripe (a worker task). */
    private short[][][] quantize(int stripe) {
        McuRowEncoder encoder = idleRowEncoders.poll();
        if (encoder == null) {
            encoder = plan.rowEncoder(source);
        }
        short[][][] rows = new short[rowsIn(stripe)][][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = plan.newRow();
            encoder.encodeRow(stripe * stripeRows + i, rows[i]);
        }
        idleRowEncoders.add(encoder);
        return rows;
    }

    /** The stored rows of one stripe, released from the store (coded rows go, as in the sequential path). */
    private short[][][] take(short[][][] stored, int stripe) {
        short[][][] rows = new short[rowsIn(stripe)][][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = stored[stripe * stripeRows + i];
            stored[stripe * stripeRows + i] = null;
        }
        return rows;
    }

    /** Symbol counts of one stripe, with DC predictions starting at 0 (a worker task). */
    private StripeCounts count(int stripe, short[][][] rows) {
        ScanCoder counter = new ScanCoder(layout, plan.restartMcus);
        counter.startAt((long) stripe * stripeRows * layout.mcusPerRow());
        long[][] dc = new long[2][256];
        long[][] ac = new long[2][256];
        for (short[][] row : rows) {
            counter.count(row, plan.slots, dc, ac);
        }
        int[] lastDc = new int[plan.componentCount];
        for (int c = 0; c < lastDc.length; c++) {
            lastDc[c] = counter.previousDc(c);
        }
        return new StripeCounts(rows, dc, ac, lastDc);
    }

    /**
     * Entropy-codes one stripe that starts a restart interval into its own bytes (a worker task): RSTn first
     * unless it is the first stripe, then the stripe's intervals, padded to a byte (T.81 F.1.2.3).
     */
    private byte[] code(int stripe, short[][][] rows, HuffmanTable[] dc, HuffmanTable[] ac) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteSink stripeSink = new ByteSink(buffer);
        BitWriter bits = new BitWriter(stripeSink);
        ScanCoder coder = new ScanCoder(layout, plan.restartMcus);
        coder.startAt((long) stripe * stripeRows * layout.mcusPerRow());
        for (short[][] row : rows) {
            coder.encode(row, bits, dc, ac);
        }
        bits.flushToByteBoundary();
        stripeSink.flush();
        return buffer.toByteArray();
    }

    /**
     * Stripe {@code s} counted the first DC difference of each component against prediction 0; unless a restart
     * interval starts there, its real prediction is the previous stripe's last DC (T.81 F.1.2.1.1: DIFF = DC -
     * PRED), so that one count moves.
     */
    private void correctFirstDc(int s, int[] firstDc, int[] lastDc, long[][] dcCounts) {
        long firstMcu = (long) s * stripeRows * layout.mcusPerRow();
        if (s == 0 || plan.restartMcus > 0 && firstMcu % plan.restartMcus == 0) {
            return;
        }
        for (int c = 0; c < plan.componentCount; c++) {
            long[] table = dcCounts[plan.slots[c]];
            table[category(firstDc[c])]--;
            table[category(firstDc[c] - lastDc[c])]++;
        }
    }

    /** T.81 F.1.2.1.1: the DC category SSSS of a difference, the bits of its magnitude. */
    private static int category(int diff) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
    }

    private static void add(long[][] from, long[][] to) {
        for (int t = 0; t < from.length; t++) {
            for (int i = 0; i < from[t].length; i++) {
                to[t][i] += from[t][i];
            }
        }
    }

    /** Daemon threads named {@code tessera-encode-...}. */
    static ThreadFactory workerThreads() {
        ThreadFactory base = Executors.defaultThreadFactory();
        return r -> {
            Thread t = base.newThread(r);
            t.setName("tessera-encode-" + t.getName());
            t.setDaemon(true);
            return t;
        };
    }

    /** A stripe's quantized rows and symbol counts, and the DC predictions it ends with. */
    private record StripeCounts(short[][][] rows, long[][] dc, long[][] ac, int[] lastDc) {
    }
}
