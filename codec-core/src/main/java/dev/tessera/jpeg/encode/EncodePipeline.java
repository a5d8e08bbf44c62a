package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.entropy.HuffmanOptimizer;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.marker.MarkerWriter;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.simd.AutoThreads;
import dev.tessera.jpeg.raster.SampleLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Encodes one image: the buffer controller between the stage classes. Sequential encoding with the Annex K
 * Huffman tables streams, holding one MCU row of coefficients. With optimized tables it makes two passes,
 * statistics then coding, keeping the coefficients between them when they fit
 * {@link #DEFAULT_MAX_BUFFERED_COEFFICIENTS} (packed: {@link PackedBlocks}) and recomputing them from the pixels
 * otherwise. Progressive files
 * are handed to {@link ProgressiveEncoder} with the whole image quantized. With
 * {@link EncodeSettings#threads()} above 1 the work goes to {@link ParallelEncoder}, which writes the same bytes.
 */
public final class EncodePipeline {
    /**
     * Coefficients kept in memory between the two passes of optimized Huffman coding, at most (a 5-megapixel
     * 4:2:0 image). They are kept as their Huffman symbols ({@link PackedBlocks}), 4 bytes a symbol and at most
     * one symbol a coefficient besides a block's header, so at most about 32 MiB, and a photo at usual
     * qualities under half that. A larger image is read twice instead, so memory stays bounded by a few MCU
     * rows whatever the image size.
     */
    static final long DEFAULT_MAX_BUFFERED_COEFFICIENTS = 8L << 20;

    private final EncodeSettings options;
    private final long maxBufferedCoefficients;
    private final int stripeBlocks;

    public EncodePipeline(EncodeSettings options) {
        this(options, DEFAULT_MAX_BUFFERED_COEFFICIENTS);
    }

    EncodePipeline(EncodeSettings options, long maxBufferedCoefficients) {
        this(options, maxBufferedCoefficients, ParallelEncoder.DEFAULT_STRIPE_BLOCKS);
    }

    /** With {@code stripeBlocks}, the blocks a parallel stripe aims at (tests use small stripes). */
    EncodePipeline(EncodeSettings options, long maxBufferedCoefficients, int stripeBlocks) {
        this.options = options;
        this.maxBufferedCoefficients = maxBufferedCoefficients;
        this.stripeBlocks = stripeBlocks;
    }

    /** The luma and chroma quantization tables these options produce. */
    public static QuantTable[] quantTables(EncodeSettings options) {
        return EncodePlan.quantTables(options);
    }

    public void encode(PixelSource source, ImageMetadata metadata, OutputStream stream) throws IOException {
        EncodePlan plan = new EncodePlan(options, source.width(), source.height(), source.sampleLayout(), metadata);
        ByteSink sink = new ByteSink(stream);
        int threads = AutoThreads.forImage(options.threads(), (long) source.width() * source.height());
        if (threads > 1) {
            new ParallelEncoder(plan, source, threads, maxBufferedCoefficients, stripeBlocks).encode(sink);
            return;
        }
        McuRowEncoder rows = plan.rowEncoder(source);
        EncodeLayout layout = plan.layout;
        if (options.progressive()) {
            plan.checkWholeImageFits("progressive");
            short[][][] store = new short[layout.mcuRows()][][];
            for (int row = 0; row < layout.mcuRows(); row++) {
                store[row] = plan.newRow();
                rows.encodeRow(row, store[row]);
            }
            writeProgressive(plan, store, sink, null);
            return;
        }
        if (!options.optimizeHuffman()) {
            MarkerWriter markers = new MarkerWriter(sink);
            plan.writeHeaders(markers, EncodePlan.standardDc(), EncodePlan.standardAc());
            markers.writeScanHeader(plan.sequentialScan);
            short[][] scratch = plan.newRow();
            writeScan(plan, EncodePlan.standardDc(), EncodePlan.standardAc(), sink, row -> {
                rows.encodeRow(row, scratch);
                return scratch;
            });
            return;
        }
        // T.81 K.2: gather symbol statistics in a first pass, then build the tables.
        boolean keep = plan.coefficientCount() <= maxBufferedCoefficients;
        long[][] dcCounts = new long[2][256];
        long[][] acCounts = new long[2][256];
        ScanCoder counter = new ScanCoder(layout, plan.restartMcus);
        short[][] passScratch = keep ? null : plan.newRow();
        int[][] naturalScratch = keep ? plan.newNaturalRow() : null;
        // Kept blocks are packed as their Huffman symbols, in scan order, as they are counted.
        PackedBlocks packed = keep ? new PackedBlocks() : null;
        long[][] masks = null;
        if (keep) {
            // The nonzero AC masks, noted by the quantizer, which the packing walks.
            masks = new long[plan.componentCount][];
            for (int c = 0; c < plan.componentCount; c++) {
                masks[c] = rows.newMaskBuffer(c);
            }
        }
        for (int row = 0; row < layout.mcuRows(); row++) {
            if (keep) {
                rows.encodeRowNatural(row, naturalScratch, masks);
                counter.countAndPack(naturalScratch, masks, plan.slots, dcCounts, acCounts, packed);
            } else {
                rows.encodeRow(row, passScratch);
                counter.count(passScratch, plan.slots, dcCounts, acCounts);
            }
        }
        HuffmanSpec[][] specs = optimizedSpecs(plan, dcCounts, acCounts);
        MarkerWriter markers = new MarkerWriter(sink);
        plan.writeHeaders(markers, specs[0], specs[1]);
        markers.writeScanHeader(plan.sequentialScan);
        if (keep) {
            writePackedScan(plan, specs[0], specs[1], sink, packed);
            return;
        }
        writeScan(plan, specs[0], specs[1], sink, row -> {
            rows.encodeRow(row, passScratch);
            return passScratch;
        });
    }

    /** As {@link #writeScan}, from blocks packed in scan order by {@link ScanCoder#countAndPack}. */
    static void writePackedScan(EncodePlan plan, HuffmanSpec[] dcSpecs, HuffmanSpec[] acSpecs, ByteSink sink,
                                        PackedBlocks packed) throws IOException {
        HuffmanTable[] dc = plan.perComponent(dcSpecs);
        HuffmanTable[] ac = plan.perComponent(acSpecs);
        ScanCoder coder = new ScanCoder(plan.layout, plan.restartMcus);
        BitWriter bits = new BitWriter(sink);
        PackedBlocks.Reader reader = packed.reader();
        for (int row = 0; row < plan.layout.mcuRows(); row++) {
            coder.encodePacked(reader, bits, dc, ac);
        }
        bits.flushToByteBoundary();
        new MarkerWriter(sink).writeEndOfImage();
        sink.flush();
    }

    /** Quantized coefficients of one MCU row, on demand and in order. */
    interface RowSupplier {
        short[][] row(int mcuRow) throws IOException;
    }

    /** T.81 K.2: Huffman tables from the counts, {@code [0]} DC and {@code [1]} AC specs per slot. */
    static HuffmanSpec[][] optimizedSpecs(EncodePlan plan, long[][] dcCounts, long[][] acCounts) {
        HuffmanSpec[][] specs = new HuffmanSpec[2][plan.tableCount];
        for (int t = 0; t < plan.tableCount; t++) {
            specs[0][t] = HuffmanOptimizer.optimize(dcCounts[t]);
            specs[1][t] = HuffmanOptimizer.optimize(acCounts[t]);
        }
        return specs;
    }

    /** Codes the sequential scan of every MCU row in order, then EOI. The headers are already written. */
    static void writeScan(EncodePlan plan, HuffmanSpec[] dcSpecs, HuffmanSpec[] acSpecs, ByteSink sink,
                          RowSupplier rows) throws IOException {
        HuffmanTable[] dc = plan.perComponent(dcSpecs);
        HuffmanTable[] ac = plan.perComponent(acSpecs);
        ScanCoder coder = new ScanCoder(plan.layout, plan.restartMcus);
        BitWriter bits = new BitWriter(sink);
        for (int row = 0; row < plan.layout.mcuRows(); row++) {
            coder.encode(rows.row(row), bits, dc, ac);
        }
        bits.flushToByteBoundary();
        new MarkerWriter(sink).writeEndOfImage();
        sink.flush();
    }

    /**
     * Writes a whole sequential file with optimized Huffman tables from quantized coefficients already in
     * memory ({@code store[mcuRow]}): counting pass, tables, headers, scan, EOI. Rows are released as coded.
     */
    static void writeOptimized(EncodePlan plan, short[][][] store, ByteSink sink) throws IOException {
        long[][] dcCounts = new long[2][256];
        long[][] acCounts = new long[2][256];
        ScanCoder counter = new ScanCoder(plan.layout, plan.restartMcus);
        for (short[][] row : store) {
            counter.count(row, plan.slots, dcCounts, acCounts);
        }
        HuffmanSpec[][] specs = optimizedSpecs(plan, dcCounts, acCounts);
        MarkerWriter markers = new MarkerWriter(sink);
        plan.writeHeaders(markers, specs[0], specs[1]);
        markers.writeScanHeader(plan.sequentialScan);
        writeScan(plan, specs[0], specs[1], sink, row -> {
            short[][] coefs = store[row];
            store[row] = null;
            return coefs;
        });
    }

    /**
     * Writes a whole progressive file from the quantized frame: headers, then the scans of the fixed script,
     * or with {@link EncodeSettings#scanSearch()} of the smallest candidate script (the first smallest in
     * candidate order), then EOI. With {@link EncodeSettings#sequentialIfSmaller()} the sequential file of the
     * same coefficients is written instead when it is smaller. With {@code pool} the scans are counted and coded
     * on it at once; the bytes do not depend on it.
     *
     * <p>The search is exact but avoids coding every script: each distinct scan is counted once (scripts share
     * scans), which gives its tables and a lower bound on its bytes ({@link ProgressiveEncoder.CountedScan});
     * scripts are then coded in order of their bounds until no uncoded script can be smaller.
     */
    static void writeProgressive(EncodePlan plan, short[][][] store, ByteSink sink, ExecutorService pool)
        throws IOException {
        List<List<ScanHeader>> scripts = plan.sampleLayout == SampleLayout.CMYK
            ? List.of(ScanScript.uniform(plan.componentCount))
            : plan.options.scanSearch() ? ScanScript.candidates(plan.componentCount)
            : List.of(ScanScript.fixed(plan.componentCount));
        ProgressiveEncoder progressive = new ProgressiveEncoder(plan.layout, store, plan.restartMcus);
        MarkerWriter markers = new MarkerWriter(sink);
        if (!plan.options.sequentialIfSmaller() && scripts.size() == 1 && pool == null) {
            // One script on one thread: count and code each scan straight into the file.
            plan.writeHeaders(markers, null, null);
            for (ScanHeader scan : scripts.get(0)) {
                progressive.code(progressive.count(scan), sink);
            }
            markers.writeEndOfImage();
            sink.flush();
            return;
        }
        if (!plan.options.sequentialIfSmaller()) {
            plan.writeHeaders(markers, null, null);
            writeScans(smallestScript(scripts, progressive, pool), sink);
            markers.writeEndOfImage();
            sink.flush();
            return;
        }
        // Both codings are counted (T.81 K.2); the one with the smaller lower bound is coded first, and the other
        // only when its bound is below the first's exact size, so that usually one is coded.
        SequentialCandidate sequential = new SequentialCandidate(plan, store);
        ByteArrayOutputStream headers = new ByteArrayOutputStream(1024);
        ByteSink headerSink = new ByteSink(headers, 1024);
        plan.writeHeaders(new MarkerWriter(headerSink), null, null);
        headerSink.flush();
        long progressiveBound = headers.size() + 2; // + EOI
        List<ProgressiveEncoder.CountedScan> counted = null;
        if (scripts.size() == 1) {
            counted = run(pool, scripts.get(0), progressive::count);
            for (ProgressiveEncoder.CountedScan scan : counted) {
                progressiveBound += scan.lowerBound();
            }
        }
        byte[] sequentialFile = null;
        if (sequential.lowerBound() < progressiveBound) {
            sequentialFile = sequential.code();
            if (sequentialFile.length < progressiveBound) {
                sink.write(sequentialFile, 0, sequentialFile.length);
                sink.flush();
                return;
            }
        }
        List<byte[]> scans;
        if (counted == null) {
            scans = smallestScript(scripts, progressive, pool);
        } else {
            Map<ScanHeader, ProgressiveEncoder.CountedScan> byScan = new HashMap<>();
            for (ProgressiveEncoder.CountedScan scan : counted) {
                byScan.put(scan.scan, scan);
            }
            scans = run(pool, scripts.get(0), scan -> progressive.code(byScan.get(scan)));
        }
        long progressiveSize = headers.size() + 2;
        for (byte[] scan : scans) {
            progressiveSize += scan.length;
        }
        if (sequentialFile == null && sequential.lowerBound() < progressiveSize) {
            sequentialFile = sequential.code();
        }
        if (sequentialFile != null && sequentialFile.length < progressiveSize) {
            sink.write(sequentialFile, 0, sequentialFile.length);
            sink.flush();
            return;
        }
        sink.write(headers.toByteArray());
        writeScans(scans, sink);
        markers.writeEndOfImage();
        sink.flush();
    }

    private static void writeScans(List<byte[]> scans, ByteSink sink) throws IOException {
        for (byte[] bytes : scans) {
            sink.write(bytes, 0, bytes.length);
        }
    }

    /**
     * The sequential file of the quantized frame with optimized tables (T.81 K.2): counted at once, giving a
     * lower bound on its size (stuffing, padding and restart markers only add), and coded on demand.
     */
    private static final class SequentialCandidate {
        private final EncodePlan plan;
        private final short[][][] store;
        private final HuffmanSpec[][] specs;
        private final byte[] headers;
        private final long lowerBound;

        SequentialCandidate(EncodePlan plan, short[][][] store) throws IOException {
            this.plan = plan;
            this.store = store;
            long[][] dcCounts = new long[2][256];
            long[][] acCounts = new long[2][256];
            ScanCoder counter = new ScanCoder(plan.layout, plan.restartMcus);
            for (short[][] row : store) {
                counter.count(row, plan.slots, dcCounts, acCounts);
            }
            specs = optimizedSpecs(plan, dcCounts, acCounts);
            long dataBits = 0;
            for (int t = 0; t < plan.tableCount; t++) {
                HuffmanTable dc = new HuffmanTable(specs[0][t]);
                HuffmanTable ac = new HuffmanTable(specs[1][t]);
                for (int symbol = 0; symbol < 256; symbol++) {
                    // T.81 F.1.2.1: a DC symbol is followed by that many bits, an AC symbol by its low four.
                    dataBits += dcCounts[t][symbol] * (dc.lengthOf(symbol) + symbol);
                    dataBits += acCounts[t][symbol] * (ac.lengthOf(symbol) + (symbol & 15));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            ByteSink sink = new ByteSink(out, 1024);
            MarkerWriter markers = new MarkerWriter(sink);
            plan.writeHeaders(markers, specs[0], specs[1]);
            markers.writeScanHeader(plan.sequentialScan);
            sink.flush();
            headers = out.toByteArray();
            lowerBound = headers.length + (dataBits + 7) / 8 + 2; // + EOI
        }

        long lowerBound() {
            return lowerBound;
        }

        /** The whole file: SOI to EOI. */
        byte[] code() throws IOException {
            ByteArrayOutputStream file = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64,
                lowerBound + lowerBound / 64 + 64));
            ByteSink sink = new ByteSink(file);
            sink.write(headers);
            writeScan(plan, specs[0], specs[1], sink, row -> store[row]);
            return file.toByteArray();
        }
    }

    /**
     * The coded scans (DHT, SOS, data) of the smallest of {@code scripts}, the first smallest in candidate
     * order. See {@link #writeProgressive} for how the search avoids coding every script.
     */
    static List<byte[]> smallestScript(List<List<ScanHeader>> scripts, ProgressiveEncoder progressive,
                                               ExecutorService pool) throws IOException {
        Map<ScanHeader, ProgressiveEncoder.CountedScan> counted = new HashMap<>();
        List<ScanHeader> distinct = new ArrayList<>();
        for (List<ScanHeader> script : scripts) {
            for (ScanHeader scan : script) {
                if (!distinct.contains(scan)) {
                    distinct.add(scan);
                }
            }
        }
        List<ProgressiveEncoder.CountedScan> countedList = run(pool, distinct, progressive::count);
        for (int i = 0; i < distinct.size(); i++) {
            counted.put(distinct.get(i), countedList.get(i));
        }
        long[] bound = new long[scripts.size()];
        Integer[] order = new Integer[scripts.size()];
        for (int i = 0; i < scripts.size(); i++) {
            for (ScanHeader scan : scripts.get(i)) {
                bound[i] += counted.get(scan).lowerBound();
            }
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> bound[x] != bound[y] ? Long.compare(bound[x], bound[y])
            : Integer.compare(x, y));

        Map<ScanHeader, byte[]> coded = new HashMap<>();
        int best = -1;
        long bestSize = Long.MAX_VALUE;
        for (int i : order) {
            // A script can still win only if its bound is below the best size, or equal and earlier in order.
            if (bound[i] > bestSize || (bound[i] == bestSize && i > best)) {
                continue;
            }
            List<ScanHeader> missing = new ArrayList<>();
            for (ScanHeader scan : scripts.get(i)) {
                if (!coded.containsKey(scan) && !missing.contains(scan)) {
                    missing.add(scan);
                }
            }
            List<byte[]> bytes = run(pool, missing, scan -> progressive.code(counted.get(scan)));
            for (int m = 0; m < missing.size(); m++) {
                coded.put(missing.get(m), bytes.get(m));
            }
            long size = 0;
            for (ScanHeader scan : scripts.get(i)) {
                size += coded.get(scan).length;
            }
            if (size < bestSize || (size == bestSize && i < best)) {
                bestSize = size;
                best = i;
            }
        }
        List<byte[]> result = new ArrayList<>();
        for (ScanHeader scan : scripts.get(best)) {
            result.add(coded.get(scan));
        }
        return result;
    }

    /** A step that may throw, for {@link #run}. */
    private interface ScanStep<T> {
        T apply(ScanHeader scan) throws IOException;
    }

    /** Applies {@code step} to each scan, on {@code pool} at once if given; results in input order. */
    private static <T> List<T> run(ExecutorService pool, List<ScanHeader> scans, ScanStep<T> step)
        throws IOException {
        List<T> results = new ArrayList<>(scans.size());
        if (pool == null || scans.size() < 2) {
            for (ScanHeader scan : scans) {
                results.add(step.apply(scan));
            }
            return results;
        }
        List<Future<T>> futures = new ArrayList<>(scans.size());
        for (ScanHeader scan : scans) {
            futures.add(pool.submit(() -> step.apply(scan)));
        }
        for (Future<T> f : futures) {
            results.add(OrderedTasks.await(f));
        }
        return results;
    }
}
