package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.dct.IdctGroupKernel;
import dev.tessera.jpeg.dct.IdctKernel;
import dev.tessera.jpeg.dct.IdctPrecision;
import dev.tessera.jpeg.dct.InverseDct;
import dev.tessera.jpeg.entropy.ArithmeticDecoder;
import dev.tessera.jpeg.entropy.EntropyDecoder;
import dev.tessera.jpeg.entropy.HuffmanDecoder;
import dev.tessera.jpeg.entropy.HuffmanLookup;
import dev.tessera.jpeg.entropy.ProgressiveHuffmanDecoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.marker.MarkerReader;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.HuffmanDefinition;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.jpeg.simd.AutoThreads;
import dev.tessera.jpeg.spec.ZigZag;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Decodes the scans of one frame: sets up the coefficient buffers, picks the entropy decoder for each
 * scan, tracks the progression (T.81 G.1.1.1.1), and runs the inverse DCT into per-component sample windows,
 * handing each finished iMCU row to the {@link ImageAssembler}: as a single-scan sequential file is read,
 * or at the end for progressive and multi-scan files (with libjpeg-turbo's block smoothing for incomplete
 * progressive files).
 */
final class FrameDecoder implements FrameDecoding {
    private final DecodeLayout layout;
    private final boolean progressive;
    /** T.81 Annex D arithmetic coding (SOF9, SOF10) rather than Huffman coding. */
    private final boolean arithmetic;
    /** P = 8 or 12: the IDCT's intermediate scaling, range limit and multiplier width (T.81 A.3.1). */
    private final IdctPrecision precision;
    /** libjpeg's has_multiple_scans: progressive, or the first scan lacks some component. */
    final boolean multiScan;
    /** The coefficient buffers hold whole planes: multi-scan files, and coefficient-only decodes. */
    private final boolean wholePlanes;
    private final CoefficientBuffer[] coefficients;
    private final SamplePlane[] planes;
    private final ImageAssembler assembler;
    private final IdctKernel[] kernels;
    /**
     * Single-scan Huffman files with the Vector API: per component, the eight-block IDCT, or null. Its
     * coefficient window is interleaved by groups of eight blocks ({@link IdctGroupKernel}), rows padded to
     * whole groups; the entropy decoder writes that layout directly.
     */
    private final IdctGroupKernel[] groupKernels;
    /** Dequantization multipliers latched when a component's first scan starts (libjpeg latch_quant_tables). */
    private final int[][] multipliers;
    private final int[][] quantValues;
    /** Progression state per component and zig-zag index: the Al of the last scan, -1 before any. */
    private final int[][] coefBits;
    private final int[][] previousCoefBits;
    /**
     * Progressive Huffman files: per component and block, bit k set when zig-zag coefficient k is non-zero
     * (kept by {@link ProgressiveHuffmanDecoder}, so refinement scans need not test the coefficients).
     */
    private final long[][] nonZero;
    /**
     * Single-scan Huffman files: per component and block of the coefficient window, the mask of the
     * coefficients the entropy decoder wrote, handed to the IDCT (see {@code IdctKernel}).
     */
    private final long[][] written;
    private final BitReader bits;
    private final WarningSink warnings;
    private final boolean portableIdct;
    private final PixelOutput output;
    /** Threads one decode may use: a single-scan file is split at restart markers ({@link ParallelScanDecoder}) or pipelined. */
    private final int threads;
    /** {@code AUTO_THREADS}: the pipeline's worker starts only while a core is idle ({@link AutoThreads}). */
    private final boolean autoThreads;
    /**
     * iMCU rows the coefficient window of a single-scan file holds: 1, or {@link #PIPELINE_DEPTH} when
     * entropy decoding runs ahead of the output stage on another thread ({@link RowPipeline}).
     */
    private final int windowRows;
    /**
     * Multi-scan files on 2 threads: the final pass runs the inverse DCT (and block smoothing) of each iMCU row on
     * the calling thread and the upsampling and colour conversion on a worker ({@link RowPipeline}).
     */
    private final boolean pipelinedFinish;
    /** Rows of the pipeline's window: enough to ride out the two stages' row-to-row jitter. */
    static final int PIPELINE_DEPTH = 4;
    /** Bands of iMCU rows of a final pass on two threads ({@link #finishInBands}): small enough to even out. */
    private static final int FINAL_BANDS = 24;
    /** Bytes the memory limit leaves after this decoder's own buffers: the threaded path must fit in them. */
    private final long spareMemory;
    private int scanNumber;
    private int lastGoodRow;
    /**
     * Progressive Huffman images on 2 threads: the scans deferred until the frame's end, then decoded on both
     * ({@link ConcurrentScans}); else null.
     */
    private ConcurrentScans concurrentScans;
    /** Deferred scans: per component, whether its sample plane is whole, for an inverse DCT run early. */
    private final boolean[] wholePlane;
    /** Per component, whether its inverse DCT already ran beside the deferred scans. */
    private final boolean[] transformedEarly;
    /** Whether the memory for a final pass in bands on two threads was counted ({@link FinalBands}). */
    private final boolean bandsFit;
    /** The block where a split scan's worker took over ({@link SplitScanDecoder#meeting()}), or -1. */
    private int splitMeeting = -1;
    /** What became of a split scan's worker's blocks, or null when no scan was split. */
    private SplitScanDecoder.Outcome splitOutcome;
    /** For tests: a split scan's caller waits for its worker so that they meet ({@link SplitScanDecoder}). */
    boolean awaitSplitWorker;
    private boolean scanned;

    /**
     * Allocates the coefficient buffers and sample windows (after checking their size) and the output.
     *
     * @param output what to make of the samples: an image (8- or 16-bit), or only whole sample planes
     * @param maxMemory the most bytes the buffers and the output may take ({@code Limits.maxMemory})
     * @param threads   threads the decode may use, or {@link AutoThreads#AUTO}
     */
    FrameDecoder(FrameHeader frame, DecodeLayout layout, ScanHeader firstScan, BitReader bits,
                 WarningSink warnings, boolean portableIdct, PixelOutput output, long maxMemory, int threads,
                 boolean deferScans, long offset)
        throws JpegException {
        this.layout = layout;
        boolean large = (long) layout.outputWidth * layout.outputHeight >= AutoThreads.MIN_PIXELS;
        // AUTO: up to 2 for a large image, the second taken only once a core is idle (asked as rows are decoded).
        this.autoThreads = threads == AutoThreads.AUTO;
        this.threads = autoThreads ? (large ? 2 : 1) : threads;
        this.bits = bits;
        this.warnings = warnings;
        this.progressive = frame.process() == Marker.SOF2 || frame.process() == Marker.SOF10;
        this.arithmetic = frame.process() == Marker.SOF9 || frame.process() == Marker.SOF10;
        this.precision = IdctPrecision.of(frame.precision());
        this.portableIdct = portableIdct;
        this.output = output;
        int n = layout.components.length;
        this.multiScan = progressive || firstScan.components().size() < n;
        this.wholePlanes = multiScan || output.coefficientsOnly;
        boolean pipelined = this.threads > 1 && large && output.image() && layout.imcuRows > PIPELINE_DEPTH;
        coefficients = new CoefficientBuffer[n];
        planes = new SamplePlane[n];
        kernels = new IdctKernel[n];
        groupKernels = new IdctGroupKernel[n];
        multipliers = new int[n][];
        quantValues = new int[n][];
        coefBits = new int[n][64];
        previousCoefBits = new int[n][64];
        for (int[] row : coefBits) {
            Arrays.fill(row, -1);
        }
        // Every component or none, so that the entropy decoder has one layout.
        boolean groups = !wholePlanes && !arithmetic && !portableIdct && precision == IdctPrecision.EIGHT;
        for (DecodeLayout.Component c : layout.components) {
            groups &= c.scaledSize == 8 && output.needs(c.index);
        }
        if (groups) {
            for (DecodeLayout.Component c : layout.components) {
                groupKernels[c.index] = IdctGroupKernel.vector();
                if (groupKernels[c.index] == null) {
                    Arrays.fill(groupKernels, null);
                    break;
                }
            }
        }
        // The one-thread buffers decide whether the file decodes at all; the pipeline's larger windows are
        // used only when they fit too, so that the outcome does not depend on the thread count.
        long total = bufferBytes(1, false, offset);
        MemoryBudget.check(total, maxMemory, offset);
        long limit = Math.min(maxMemory, Runtime.getRuntime().maxMemory());
        if (pipelined) {
            long larger;
            try {
                larger = bufferBytes(wholePlanes ? 1 : PIPELINE_DEPTH, multiScan && !output.coefficientsOnly, offset);
            } catch (JpegLimitException e) {
                larger = Long.MAX_VALUE;
            }
            if (larger <= limit) {
                total = larger;
            } else {
                pipelined = false;
            }
        }
        this.windowRows = pipelined && !wholePlanes ? PIPELINE_DEPTH : 1;
        this.pipelinedFinish = pipelined && multiScan && !output.coefficientsOnly;
        boolean deferring = deferScans && progressive && !arithmetic && this.threads > 1 && large && output.image()
            && !warnings.strict();
        // Deferred scans: the components other than the largest keep whole sample planes, so that their inverse
        // DCT can run as soon as their scans are decoded, beside the largest one's (ConcurrentScans).
        transformedEarly = new boolean[n];
        wholePlane = new boolean[n];
        long early = 0;
        if (deferring) {
            DecodeLayout.Component largest = layout.components[0];
            for (DecodeLayout.Component c : layout.components) {
                if ((long) c.blocksWide * c.blocksHigh > (long) largest.blocksWide * largest.blocksHigh) {
                    largest = c;
                }
            }
            for (DecodeLayout.Component c : layout.components) {
                if (c != largest && output.needs(c.index)) {
                    early += 2L * c.planeWidth() * Math.max(0, c.planeHeight() - sampleRowsHeld(c, pipelinedFinish));
                    wholePlane[c.index] = true;
                }
            }
            // The final pass in bands: per thread, a window of the largest component's iMCU row and a row buffer
            // per component (FinalBands).
            early += 2 * 2L * (largest.planeWidth() * (long) largest.v * largest.scaledSize
                + (long) n * (layout.outputWidth + 1));
            if (early > limit - total) {
                Arrays.fill(wholePlane, false);
                early = 0;
            }
        }
        this.bandsFit = early > 0;
        this.spareMemory = limit - total - early;
        nonZero = new long[n][];
        written = new long[n][];
        for (DecodeLayout.Component c : layout.components) {
            if (!wholePlanes && !arithmetic) {
                written[c.index] = new long[bufferWidth(c) * c.v * windowRows];
            }
            coefficients[c.index] = new CoefficientBuffer(bufferWidth(c),
                wholePlanes ? c.paddedBlocksHigh : c.v * windowRows, groupKernels[c.index] != null);
            if (progressive && !arithmetic) {
                nonZero[c.index] = new long[c.paddedBlocksWide * c.paddedBlocksHigh];
            }
            if (output.coefficientsOnly) {
                continue;
            }
            int rows = sampleRowsHeld(c, pipelinedFinish);
            planes[c.index] = new SamplePlane(c.planeWidth(), wholePlane[c.index] ? Math.max(rows, c.planeHeight())
                : rows);
            kernels[c.index] = newKernel(c);
        }
        assembler = output.image() ? new ImageAssembler(layout, planes, output, offset) : null;
        if (deferring) {
            concurrentScans = new ConcurrentScans(layout, coefficients, nonZero, bits.data(), warnings, spareMemory);
        }
    }

    /**
     * Sample rows of component c's window: the assembler's, plus, when the final pass is pipelined, the
     * {@code PIPELINE_DEPTH - 1} iMCU rows the inverse DCT may run ahead of it ({@link RowPipeline} lets it
     * transform row r + 1 once the assembler is done with row r + 1 - depth, not with row r).
     */
    private int sampleRowsHeld(DecodeLayout.Component c, boolean finishPipelined) {
        int rows = output.rowsHeld(c);
        if (!finishPipelined) {
            return rows;
        }
        return Math.min(c.planeHeight(), rows + (PIPELINE_DEPTH - 1) * c.v * c.scaledSize);
    }

    /**
     * Bytes of the coefficient buffers, masks, sample windows and output with single-scan windows of
     * {@code window} iMCU rows and, if {@code finishPipelined}, the pipelined final pass's sample windows.
     */
    private long bufferBytes(int window, boolean finishPipelined, long offset) throws JpegLimitException {
        long total = 0;
        for (DecodeLayout.Component c : layout.components) {
            long coefs = (long) bufferWidth(c) * (wholePlanes ? c.paddedBlocksHigh : c.v * window) * 64;
            long samples = (long) c.planeWidth() * sampleRowsHeld(c, finishPipelined);
            if (coefs > Integer.MAX_VALUE - 64 || samples > Integer.MAX_VALUE - 64) {
                throw new JpegLimitException(offset, Marker.SOS, "component " + c.id + " is too large to buffer");
            }
            total += 2 * (coefs + samples);
            if (!arithmetic && (progressive || !wholePlanes)) {
                total += coefs / 8; // the non-zero masks, one long per 64 coefficients
            }
        }
        return total + (long) layout.outputWidth * layout.outputHeight * output.bytesPerPixel();
    }

    /** For {@code AUTO_THREADS}, the question the pipeline asks before it starts its worker; else null (at once). */
    private AutoThreads.IdleProbe coreIdle() {
        return autoThreads ? new AutoThreads.IdleProbe() : null;
    }

    /** Blocks a row of component c's coefficient buffer holds: whole groups of eight for the group kernel. */
    private int bufferWidth(DecodeLayout.Component c) {
        return groupKernels[c.index] == null ? c.paddedBlocksWide : (c.paddedBlocksWide + 7) & ~7;
    }

    /**
     * After {@link #finish()} of a coefficient-only decode: per frame component, its whole plane of quantized
     * coefficients (natural order, padded to whole MCUs as {@link DecodeLayout.Component} says) and the
     * quantization table it was latched with when its first scan began (T.81 B.2.4.1), or {@code null} for a
     * component no scan carried.
     */
    CoefficientPlane[] coefficientPlanes() {
        CoefficientPlane[] result = new CoefficientPlane[coefficients.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = new CoefficientPlane(coefficients[i].data, quantValues[i]);
        }
        return result;
    }

    /** One component's coefficients and latched quantization values (natural order), for the pipeline. */
    record CoefficientPlane(short[] coefficients, int[] quantValues) {
    }

    /** For tests: the block where the worker of a split scan took over, or -1 if no worker's part was used. */
    int splitMeeting() {
        return splitMeeting;
    }

    /** For tests: what became of the worker's blocks of a split scan, or null when no scan was split. */
    SplitScanDecoder.Outcome splitOutcome() {
        return splitOutcome;
    }

    @Override
    public BufferedImage image() {
        return assembler == null ? null : assembler.image();
    }

    @Override
    public SamplePlane[] planes() {
        return planes.clone();
    }

    /** Decodes one scan whose header was just read; the tables in {@code state} are those in force. */
    @Override
    public void decodeScan(MarkerReader.ScanSelection selection, StreamState state, long offset)
        throws JpegException {
        ScanHeader scan = selection.header();
        if (scanned && !multiScan) {
            // jdinput.c consume_markers: a second SOS in a single-scan file is JERR_EOI_EXPECTED.
            throw new MalformedJpegException(offset, Marker.SOS, "didn't expect more than one scan");
        }
        scanned = true;
        scanNumber++;
        int count = scan.components().size();
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = selection.frameIndices().get(i);
            latchQuant(indices[i], state, offset);
        }
        int blocksInMcu = 0;
        int[] membership;
        if (count == 1) {
            membership = new int[1];
        } else {
            for (int ci : indices) {
                blocksInMcu += layout.components[ci].h * layout.components[ci].v;
            }
            if (blocksInMcu > 10) {
                // T.81 B.2.3 limits an interleaved MCU to 10 blocks; libjpeg reports JERR_BAD_MCU_SIZE.
                throw new MalformedJpegException(offset, Marker.SOS, "MCU of " + blocksInMcu + " blocks exceeds 10");
            }
            membership = new int[blocksInMcu];
            int b = 0;
            for (int i = 0; i < count; i++) {
                DecodeLayout.Component c = layout.components[indices[i]];
                for (int k = 0; k < c.h * c.v; k++) {
                    membership[b++] = i;
                }
            }
        }
        bits.startScan();
        EntropyDecoder decoder;
        if (progressive) {
            checkProgression(scan, indices, offset);
            if (concurrentScans != null && state.restartInterval == 0) {
                long start = bits.source().offset();
                long end = concurrentScans.deferrableEnd(start);
                if (end >= 0) {
                    WarningSink strict = new WarningSink(null, true);
                    BitReader reader = new BitReader(bits.source().sibling(start, strict), strict);
                    reader.startScan();
                    // The scan's end is known without decoding it: decode it later, beside the others.
                    if (concurrentScans.defer(indices, scan.spectralStart(), scan.spectralEnd(),
                        scan.approxHigh() != 0, reader, start, end, masks -> progressiveDecoder(scan, state,
                            indices, membership, offset, reader, masks))) {
                        bits.endScanAt(end);
                        return;
                    }
                }
            }
            decodeDeferredScans();
            if (concurrentScans != null && scan.spectralStart() > 0) {
                concurrentScans.decodedAtOnce(indices[0], scan.spectralStart());
            }
            decoder = arithmetic ? arithmeticDecoder(scan, state, membership)
                : progressiveDecoder(scan, state, indices, membership, offset, bits,
                    scan.spectralStart() == 0 ? null : nonZero[indices[0]]);
        } else {
            checkSequential(scan, offset);
            decoder = arithmetic ? arithmeticDecoder(scan, state, membership)
                : sequentialDecoder(scan, state, indices, membership, offset);
        }
        if (threads > 1 && !multiScan && !arithmetic && precision == IdctPrecision.EIGHT && assembler != null
            && output.narrow != null && output.channels() <= 3 && state.restartInterval > 0
            && decoder instanceof HuffmanDecoder huffman
            && (!autoThreads || AutoThreads.resolve(AutoThreads.AUTO) > 1)
            && new ParallelScanDecoder(layout, indices, multipliers, portableIdct, state.restartInterval)
                .decode(huffman, bits, assembler, threads, spareMemory)) {
            // Only clean scans are split, so every iMCU row started with data left.
            lastGoodRow = layout.imcuRows - 1;
            return;
        }
        int restartInterval = state.restartInterval;
        int lastGood = lastGoodRow;
        if (threads > 1 && restartInterval == 0 && count == 1 && layout.components.length == 1
            && !multiScan && !arithmetic && precision == IdctPrecision.EIGHT && assembler != null
            && output.narrow != null && output.channels() <= 3 && layout.components[0].scaledSize == 8
            && decoder instanceof HuffmanDecoder huffman) {
            // A grey scan: entropy decoding is most of the work, so it is split in two (SplitScanDecoder).
            // AUTO: the split's worker starts once a core is idle, and only if one still is as it starts: part
            // of its work is redundant, which on a busy machine would cost the other threads.
            if (SplitScanDecoder.extraBytes(layout) <= spareMemory) {
                SplitScanDecoder split = null;
                try {
                    split = new SplitScanDecoder(layout, multipliers[indices[0]], portableIdct,
                        groupKernels[indices[0]] != null, autoThreads, awaitSplitWorker);
                } catch (OutOfMemoryError e) {
                    // The heap is smaller than the memory limit allows for: decode as without the split.
                }
                int last = split == null ? -1 : split.decode(huffman, bits, assembler, lastGood);
                if (last >= 0) {
                    lastGoodRow = last;
                    splitMeeting = split.meeting();
                    splitOutcome = split.outcome();
                    return;
                }
            }
        }
        if (windowRows > 1) {
            try (AutoThreads.IdleProbe idle = coreIdle()) {
                RowPipeline pipeline = new RowPipeline(this::transformRow, layout.imcuRows, windowRows, idle);
                lastGoodRow = pipeline.run(published -> ScanDecoder.decode(layout, indices, coefficients, decoder,
                    bits, restartInterval, lastGood, published));
            }
            return;
        }
        ScanDecoder.RowListener listener = wholePlanes ? row -> { } : this::transformRow;
        lastGoodRow = ScanDecoder.decode(layout, indices, coefficients, decoder, bits, restartInterval, lastGood,
            listener);
    }

    private void latchQuant(int ci, StreamState state, long offset) throws MalformedJpegException {
        if (multipliers[ci] != null) {
            return;
        }
        DecodeLayout.Component c = layout.components[ci];
        QuantTable q = c.quantSlot < 4 ? state.quant[c.quantSlot] : null;
        if (q == null) {
            throw new MalformedJpegException(offset, Marker.SOS, "quantization table " + c.quantSlot
                + " is not defined");
        }
        quantValues[ci] = q.toNaturalArray();
        multipliers[ci] = InverseDct.multipliers(quantValues[ci], precision);
    }

    private static HuffmanLookup lookup(HuffmanDefinition[] slots, boolean dc, int slot, long offset)
        throws MalformedJpegException {
        // jdhuff.c jpeg_make_d_derived_tbl: JERR_NO_HUFF_TABLE for a slot above 3 or an empty one.
        HuffmanDefinition def = slot < 4 ? slots[slot] : null;
        if (def == null) {
            throw new MalformedJpegException(offset, Marker.SOS, (dc ? "DC" : "AC") + " Huffman table " + slot
                + " is not defined");
        }
        if (def.spec() == null) {
            throw new MalformedJpegException(offset, Marker.DHT, def.problem());
        }
        try {
            return HuffmanLookup.of(def.spec(), dc);
        } catch (IllegalArgumentException e) {
            throw new MalformedJpegException(offset, Marker.DHT, e.getMessage());
        }
    }

    private void checkSequential(ScanHeader scan, long offset) throws JpegException {
        if (scan.spectralStart() != 0 || scan.spectralEnd() != 63 || scan.approxHigh() != 0
            || scan.approxLow() != 0) {
            // jdhuff.c and jdarith.c: a warning, because some baseline files have zeros in these bytes.
            warnings.warn(offset, JpegWarning.Kind.NOT_SEQUENTIAL,
                "invalid SOS parameters for sequential JPEG");
        }
    }

    /** T.81 Annex D: one decoder for every kind of scan, with the conditioning tables in force (DAC). */
    private EntropyDecoder arithmeticDecoder(ScanHeader scan, StreamState state, int[] membership) {
        int n = scan.components().size();
        int[] dc = new int[n];
        int[] ac = new int[n];
        for (int i = 0; i < n; i++) {
            dc[i] = scan.components().get(i).dcTableSlot();
            ac[i] = scan.components().get(i).acTableSlot();
        }
        ArithmeticDecoder.Kind kind;
        if (!progressive) {
            kind = ArithmeticDecoder.Kind.SEQUENTIAL;
        } else if (scan.spectralStart() == 0) {
            kind = scan.approxHigh() == 0 ? ArithmeticDecoder.Kind.DC_FIRST : ArithmeticDecoder.Kind.DC_REFINE;
        } else {
            kind = scan.approxHigh() == 0 ? ArithmeticDecoder.Kind.AC_FIRST : ArithmeticDecoder.Kind.AC_REFINE;
        }
        return new ArithmeticDecoder(bits, warnings, kind, membership, dc, ac, state.dcLower, state.dcUpper,
            state.acKx, scan.spectralStart(), scan.spectralEnd(), scan.approxLow());
    }

    private EntropyDecoder sequentialDecoder(ScanHeader scan, StreamState state, int[] indices, int[] membership,
                                             long offset)
        throws JpegException {
        int n = scan.components().size();
        HuffmanLookup[] dc = new HuffmanLookup[n];
        HuffmanLookup[] ac = new HuffmanLookup[n];
        for (int i = 0; i < n; i++) {
            ScanComponent sc = scan.components().get(i);
            dc[i] = lookup(state.dcTables, true, sc.dcTableSlot(), offset);
            ac[i] = lookup(state.acTables, false, sc.acTableSlot(), offset);
        }
        long[][] masks = null;
        if (!wholePlanes) {
            masks = new long[n][];
            for (int i = 0; i < n; i++) {
                masks[i] = written[indices[i]];
            }
        }
        return new HuffmanDecoder(bits, dc, ac, membership, masks, groupKernels[indices[0]] != null);
    }

    /**
     * Checks a progressive scan's parameters and tracks the progression, as libjpeg's
     * {@code start_pass_phuff_decoder} and {@code jdarith.c start_pass} do alike.
     */
    private void checkProgression(ScanHeader scan, int[] indices, long offset) throws JpegException {
        int ss = scan.spectralStart();
        int se = scan.spectralEnd();
        int ah = scan.approxHigh();
        int al = scan.approxLow();
        boolean dcBand = ss == 0;
        // T.81 G.1.1.1.1 and B.2.3, checked as jdphuff.c start_pass_phuff_decoder checks them.
        boolean bad = dcBand ? se != 0 : (ss > se || se > 63 || indices.length != 1);
        if (ah != 0 && al != ah - 1) {
            bad = true;
        }
        if (al > 13) {
            bad = true;
        }
        if (bad) {
            throw new MalformedJpegException(offset, Marker.SOS, "invalid progressive parameters Ss=" + ss
                + " Se=" + se + " Ah=" + ah + " Al=" + al);
        }
        for (int ci : indices) {
            int[] bitsNow = coefBits[ci];
            int[] before = previousCoefBits[ci];
            if (!dcBand && bitsNow[0] < 0) {
                warnings.warn(offset, JpegWarning.Kind.BOGUS_PROGRESSION,
                    "AC scan for component " + ci + " before its DC scan");
            }
            for (int k = Math.min(ss, 1); k <= Math.max(se, 9); k++) {
                before[k] = scanNumber > 1 ? bitsNow[k] : 0;
            }
            for (int k = ss; k <= se; k++) {
                int expected = Math.max(bitsNow[k], 0);
                if (ah != expected) {
                    warnings.warn(offset, JpegWarning.Kind.BOGUS_PROGRESSION,
                        "inconsistent progression sequence for component " + ci + " coefficient " + k);
                }
                bitsNow[k] = al;
            }
        }
    }

    private EntropyDecoder progressiveDecoder(ScanHeader scan, StreamState state, int[] indices, int[] membership,
                                              long offset, BitReader reader, long[] acMasks) throws JpegException {
        int ss = scan.spectralStart();
        int se = scan.spectralEnd();
        int ah = scan.approxHigh();
        int al = scan.approxLow();
        boolean dcBand = ss == 0;
        HuffmanLookup[] dc = null;
        HuffmanLookup ac = null;
        long[] masks = null;
        if (dcBand) {
            if (ah == 0) {
                dc = new HuffmanLookup[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    int slot = scan.components().get(i).dcTableSlot();
                    dc[i] = lookup(state.dcTables, true, slot, offset);
                }
            }
        } else {
            int slot = scan.components().get(0).acTableSlot();
            ac = lookup(state.acTables, false, slot, offset);
            masks = acMasks;
        }
        return new ProgressiveHuffmanDecoder(reader, dc, ac, masks, membership, ss, se, ah, al);
    }

    /**
     * Single-scan mode: the inverse DCT of the iMCU row just decoded, then the coefficient window is cleared
     * for reuse and the output rows it completes are assembled.
     */
    private void transformRow(int imcu) {
        for (DecodeLayout.Component c : layout.components) {
            if (output.needs(c.index)) {
                transformBlockRows(c, imcu * c.v, Math.min(c.blocksHigh, (imcu + 1) * c.v));
            }
            coefficients[c.index].clearRows(imcu * c.v, c.v);
        }
        if (assembler != null) {
            assembler.imcuRowDone(imcu);
        }
    }

    private void transformBlockRows(DecodeLayout.Component c, int fromRow, int toRow) {
        long[] masks = written[c.index];
        if (masks == null || multipliers[c.index] == null) {
            transformBlockRows(c, fromRow, toRow, coefficients[c.index], kernels[c.index], multipliers[c.index],
                planes[c.index]);
            return;
        }
        // Single-scan: the entropy decoder's mask of each block picks the IDCT's variant.
        CoefficientBuffer buf = coefficients[c.index];
        IdctKernel k = kernels[c.index];
        int[] q = multipliers[c.index];
        SamplePlane plane = planes[c.index];
        IdctGroupKernel group = groupKernels[c.index];
        if (group != null) {
            for (int row = fromRow; row < toRow; row++) {
                int base = plane.offset(row * 8);
                int first = buf.offset(row, 0);
                for (int col = 0; col < c.blocksWide; col += 8) {
                    group.transform(buf.data, first + col * 64, masks, (first >> 6) + col,
                        Math.min(8, c.blocksWide - col), q, plane.data(), base + col * 8, plane.stride());
                }
            }
            return;
        }
        int size = c.scaledSize;
        for (int row = fromRow; row < toRow; row++) {
            int base = plane.offset(row * size);
            int first = buf.offset(row, 0);
            for (int col = 0; col < c.blocksWide; col++) {
                int at = first + col * 64;
                k.transform(buf.data, at, masks[at >> 6], q, plane.data(), base + col * size, plane.stride());
            }
        }
    }

    /** The inverse DCT of block rows {@code fromRow .. toRow - 1} of one component into its sample plane. */
    static void transformBlockRows(DecodeLayout.Component c, int fromRow, int toRow, CoefficientBuffer buf,
                                   IdctKernel k, int[] q, SamplePlane plane) {
        if (q == null) {
            q = new int[64]; // a component no scan carried: zero blocks, mid-grey, as libjpeg leaves them
        }
        int size = c.scaledSize;
        for (int row = fromRow; row < toRow; row++) {
            int base = plane.offset(row * size);
            for (int col = 0; col < c.blocksWide; col++) {
                k.transform(buf.data, buf.offset(row, col), q, plane.data(), base + col * size, plane.stride());
            }
        }
    }

    /**
     * After the last scan of a multi-scan file: the inverse DCT of every block, through the block smoother
     * when libjpeg-turbo would use it (progressive, some of the first AC coefficients not fully known).
     */
    @Override
    public void finish() throws JpegException {
        if (!scanned) {
            return;
        }
        // libjpeg-turbo's smoothing decision (smoothing_ok) reads the progression state only, known once the last
        // scan's header is read: it may come before the deferred scans are decoded.
        boolean smoothing = progressive && multiScan && !output.coefficientsOnly
            && BlockSmoother.create(layout, coefBits, previousCoefBits, quantValues, scanNumber, lastGoodRow) != null;
        if (concurrentScans != null && concurrentScans.pending() && !output.coefficientsOnly && !smoothing) {
            // Without smoothing, a component's inverse DCT needs only its own scans: it may run beside the others'.
            for (DecodeLayout.Component c : layout.components) {
                if (wholePlane[c.index]) {
                    concurrentScans.transformAfter(c.index, (long) c.blocksWide * c.blocksHigh * 4, () -> {
                        transformRows(c, 0, c.blocksHigh, kernels[c.index], planes[c.index]);
                        transformedEarly[c.index] = true;
                    });
                }
            }
            // The largest component's final pass may follow its last scan row by row, on the thread the scans
            // leave idle.
            DecodeLayout.Component last = bandedComponent(wholePlane);
            if (last != null && concurrentScans.tail(last.index, new FinalBands(last, concurrentScans))) {
                decodeDeferredScans();
                assembler.allRowsDone();
                return;
            }
        }
        decodeDeferredScans();
        if (!multiScan || output.coefficientsOnly) {
            return;
        }
        // Built now that lastGoodRow is final (deferred scans, if any, were all clean and complete).
        BlockSmoother smoother = smoothing
            ? BlockSmoother.create(layout, coefBits, previousCoefBits, quantValues, scanNumber, lastGoodRow) : null;
        DecodeLayout.Component banded = smoother == null ? bandedComponent(transformedEarly) : null;
        if (banded != null) {
            finishInBands(banded);
            return;
        }
        if (pipelinedFinish && assembler != null) {
            try (AutoThreads.IdleProbe idle = coreIdle()) {
                new RowPipeline(assembler::imcuRowDone, layout.imcuRows, PIPELINE_DEPTH, idle).run(published -> {
                    for (int imcu = 0; imcu < layout.imcuRows; imcu++) {
                        transformFinalRow(imcu, smoother);
                        published.rowDecoded(imcu);
                    }
                    return 0;
                });
            }
            return;
        }
        for (int imcu = 0; imcu < layout.imcuRows; imcu++) {
            transformFinalRow(imcu, smoother);
            if (assembler != null) {
                assembler.imcuRowDone(imcu);
            }
        }
    }

    /**
     * Decodes the scans deferred so far ({@link ConcurrentScans}), before a scan decoded at once or the final pass.
     *
     * @throws ConcurrentScans.Replay if one was not clean: the decode runs again without deferring scans
     */
    private void decodeDeferredScans() {
        if (concurrentScans == null || !concurrentScans.pending()) {
            return;
        }
        try (AutoThreads.IdleProbe idle = coreIdle()) {
            lastGoodRow = Math.max(lastGoodRow, concurrentScans.run(threads, idle));
        }
    }

    /** Whether scans were deferred and not decoded yet: an exception now must be reported after theirs. */
    boolean scansDeferred() {
        return concurrentScans != null && concurrentScans.pending();
    }

    /** For tests: scans deferred and scans the worker decoded ({@link ConcurrentScans}), or null. */
    int[] concurrentScanCounts() {
        return concurrentScans == null ? null : concurrentScans.counts();
    }

    /**
     * The component whose inverse DCT the final pass still has to run, when the pass may run in bands of rows on
     * two threads: every other component the output needs is transformed beside the scans into a whole plane, and
     * this one needs no upsampling, so output rows need only its own iMCU row. Else null.
     */
    private DecodeLayout.Component bandedComponent(boolean[] whole) {
        if (assembler == null || !assembler.convertsInRows() || threads < 2 || !bandsFit) {
            return null;
        }
        DecodeLayout.Component left = null;
        for (DecodeLayout.Component c : layout.components) {
            if (!output.needs(c.index) || whole[c.index]) {
                continue;
            }
            if (left != null) {
                return null;
            }
            left = c;
        }
        return left != null && assembler.identity(left.index) ? left : null;
    }

    /**
     * The final pass in bands of iMCU rows, taken in turn by the calling thread and a worker (under AUTO_THREADS
     * started once a core is idle): each transforms component {@code c}'s rows of a band into a window of its own
     * and converts the band's output rows from it and the other components' whole planes.
     */
    private void finishInBands(DecodeLayout.Component c) throws JpegException {
        FinalBands pass = new FinalBands(c, null);
        BooleanSupplier mine = pass.newBander();
        Throwable[] workerFailure = new Throwable[1];
        Thread worker = null;
        try (AutoThreads.IdleProbe idle = coreIdle()) {
            boolean more = true;
            if (idle != null) {
                // AUTO_THREADS: band by band until a core is idle.
                while ((more = mine.getAsBoolean()) && !idle.getAsBoolean()) {
                    // The next band, still alone.
                }
            }
            if (more) {
                worker = startBandWorker(pass.newBander(), workerFailure);
            }
            while (mine.getAsBoolean()) {
                // Until no band is left.
            }
        } finally {
            if (worker != null) {
                RowPipeline.joinUninterruptibly(worker);
            }
        }
        if (workerFailure[0] instanceof RuntimeException e) {
            throw e;
        } else if (workerFailure[0] instanceof Error e) {
            throw e;
        }
        assembler.allRowsDone();
    }

    /**
     * The final pass of component {@code c} in bands of iMCU rows, each taken by one thread, which transforms the
     * band's rows of {@code c} into a window of its own and converts the band's output rows from it and the other
     * components' whole planes. With {@code scans}, the rows are those its last scan of {@code c} has decoded.
     */
    private final class FinalBands implements ConcurrentScans.FinalPass {
        private final DecodeLayout.Component c;
        private final ConcurrentScans scans;
        private final int rowsPerImcu;
        private final int bandRows;
        private final int bands;
        private final AtomicInteger nextBand = new AtomicInteger();

        FinalBands(DecodeLayout.Component c, ConcurrentScans scans) {
            this.c = c;
            this.scans = scans;
            this.rowsPerImcu = c.v * c.scaledSize;
            this.bandRows = Math.max(1, (layout.imcuRows + FINAL_BANDS - 1) / FINAL_BANDS);
            this.bands = (layout.imcuRows + bandRows - 1) / bandRows;
        }

        /** For one thread: each call converts the next band, false once none is left (or its scan failed). */
        @Override
        public BooleanSupplier newBander() throws JpegException {
            SamplePlane window = new SamplePlane(c.planeWidth(), rowsPerImcu);
            SamplePlane[] sources = planes.clone();
            sources[c.index] = window;
            ImageAssembler.Rows rows = assembler.new Rows(sources);
            IdctKernel kernel = newKernel(c);
            return () -> {
                int b = nextBand.getAndIncrement();
                if (b >= bands) {
                    return false;
                }
                for (int imcu = b * bandRows; imcu < Math.min(layout.imcuRows, (b + 1) * bandRows); imcu++) {
                    if (scans != null && !scans.awaitTailRows(imcu + 1)) {
                        return false;
                    }
                    transformRows(c, imcu * c.v, Math.min(c.blocksHigh, (imcu + 1) * c.v), kernel, window);
                    int end = Math.min(layout.outputHeight, (imcu + 1) * rowsPerImcu);
                    for (int y = imcu * rowsPerImcu; y < end; y++) {
                        rows.convert(y);
                    }
                }
                return true;
            };
        }
    }

    /** Starts a worker taking bands until none is left; null when no thread can be had. */
    private static Thread startBandWorker(BooleanSupplier band, Throwable[] failure) {
        return RowPipeline.startDaemon(() -> {
            try {
                while (band.getAsBoolean()) {
                    // Until no band is left.
                }
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "tessera-decode-bands");
    }

    /** A new inverse DCT for component {@code c} (kernels keep scratch space: one per thread). */
    private IdctKernel newKernel(DecodeLayout.Component c) {
        // libjpeg-turbo has no SIMD code for 12-bit samples: its C arithmetic, at that precision.
        return precision == IdctPrecision.EIGHT ? InverseDct.forSize(c.scaledSize, portableIdct)
            : InverseDct.forSize(c.scaledSize, precision);
    }

    /**
     * The final pass's inverse DCT without smoothing of block rows {@code fromRow .. toRow - 1} of component c,
     * with the given kernel into the given plane (or window).
     */
    private void transformRows(DecodeLayout.Component c, int fromRow, int toRow, IdctKernel kernel,
                               SamplePlane plane) {
        if (nonZero[c.index] != null && multipliers[c.index] != null) {
            transformProgressiveRows(c, fromRow, toRow, kernel, plane);
        } else if (plane == planes[c.index] && kernel == kernels[c.index]) {
            transformBlockRows(c, fromRow, toRow);
        } else {
            transformBlockRows(c, fromRow, toRow, coefficients[c.index], kernel, multipliers[c.index], plane);
        }
    }

    /** The final pass's inverse DCT of iMCU row {@code imcu}, every component the output needs. */
    private void transformFinalRow(int imcu, BlockSmoother smoother) {
        for (DecodeLayout.Component c : layout.components) {
            if (!output.needs(c.index) || transformedEarly[c.index]) {
                continue;
            }
            if (smoother != null) {
                smoother.transformRow(c, imcu, coefficients[c.index], kernels[c.index], multipliers[c.index],
                    planes[c.index]);
            } else {
                transformRows(c, imcu * c.v, Math.min(c.blocksHigh, (imcu + 1) * c.v), kernels[c.index],
                    planes[c.index]);
            }
        }
    }

    /**
     * Progressive Huffman files, without smoothing: the IDCT of block rows {@code fromRow .. toRow - 1}, each
     * block's variant picked from its non-zero mask (zig-zag bits kept by the entropy decoder, exact for the
     * AC coefficients; the DC bit is always given, which {@code IdctKernel} allows), so that no block is
     * scanned for zeros.
     */
    private void transformProgressiveRows(DecodeLayout.Component c, int fromRow, int toRow, IdctKernel k,
                                          SamplePlane plane) {
        CoefficientBuffer buf = coefficients[c.index];
        long[] masks = nonZero[c.index];
        int[] q = multipliers[c.index];
        short[] samples = plane.data();
        int stride = plane.stride();
        int size = c.scaledSize;
        for (int row = fromRow; row < toRow; row++) {
            int base = plane.offset(row * size);
            int first = buf.offset(row, 0);
            for (int col = 0; col < c.blocksWide; col++) {
                int at = first + col * 64;
                long mask = ZigZag.toNaturalMask(masks[at >> 6]) | 1L;
                k.transform(buf.data, at, mask, q, samples, base + col * size, stride);
            }
        }
    }
}
