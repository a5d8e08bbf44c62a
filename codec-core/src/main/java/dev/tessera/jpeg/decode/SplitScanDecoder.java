package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.dct.IdctGroupKernel;
import dev.tessera.jpeg.dct.IdctKernel;
import dev.tessera.jpeg.dct.InverseDct;
import dev.tessera.jpeg.entropy.HuffmanDecoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.simd.AutoThreads;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Decodes the one scan of a single-component sequential Huffman frame without restart markers on two threads,
 * by splitting its entropy-coded data in two. Only entropy decoding is serial in such a scan, and in a grey
 * image it is most of the work, which a pipeline ({@link RowPipeline}) cannot share out.
 *
 * <p>A worker starts decoding at a data byte part-way through the data as if an MCU started there. Its first
 * blocks are garbage, but Huffman codes resynchronise: once one of its MCUs starts at the same bit as a true
 * one, it decodes the same blocks from there on, since from the same bit and in the same state a decoder reads
 * the same codes. The calling thread decodes from the start, running the inverse DCT and output of each block
 * row as it completes, as on one thread. Past the worker's first byte it compares the bit where each of its
 * MCUs starts ({@link BitReader#bitPosition()}) with those of the worker's MCUs; at the first that are equal
 * it stops, and the worker's blocks from there on are the scan's. Only their DC values differ, by a constant:
 * the difference between the two decoders' predictions there (T.81 F.2.2.1), added as each row is output. Both
 * threads then output the rest, the caller from the top as the worker's blocks become ready, the worker from
 * the bottom once it has decoded them all.
 *
 * <p>The worker's blocks are used only while it meets no damage (its reader is strict), and its last MCU must
 * be followed by a marker with no extraneous bytes, as the one-thread decode would find the end. Otherwise, or
 * when the two decodes do not meet soon after the worker's start, the calling thread decodes the rest itself,
 * with the one-thread decode's warnings. The blocks the worker decoded before any damage are those of the
 * one-thread decode too. So the pixels and warnings are always those of the one-thread decode.
 */
final class SplitScanDecoder {
    /** Smaller scans are not split: the worker's start would cost more than it saves. */
    static final int MIN_BLOCKS = 512;
    /** Neither part may have fewer data bytes than this. */
    private static final int MIN_PART_BYTES = 1024;
    /** The worker's blocks are held in chunks of this many (2048: 256 KB of coefficients, no huge object). */
    private static final int CHUNK_SHIFT = 11;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final long WAIT_NANOS = 20_000;
    /** Spins before parking in {@link #pause}: some 100 to 300 microseconds. */
    private static final int SPINS = 10_000;

    private static final int RUNNING = 0;
    /** The caller met the worker and stopped decoding: the worker is to end at the scan's last MCU. */
    private static final int SYNCED = 1;
    /** The worker decoded the scan's last MCU without damage, and the data ends cleanly after it. */
    private static final int DONE = 2;
    /** The worker's blocks past {@link #ready} are not used: it met damage, or the caller gave up meeting it. */
    private static final int FAILED = 3;

    private static final VarHandle STATE;
    private static final VarHandle PUBLISHED;
    private static final VarHandle READY;
    private static final VarHandle CALLER_AT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(SplitScanDecoder.class, "state", int.class);
            PUBLISHED = lookup.findVarHandle(SplitScanDecoder.class, "published", int.class);
            READY = lookup.findVarHandle(SplitScanDecoder.class, "ready", int.class);
            CALLER_AT = lookup.findVarHandle(SplitScanDecoder.class, "callerAt", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DecodeLayout layout;
    private final DecodeLayout.Component component;
    private final int[] multipliers;
    private final boolean portableIdct;
    /** Coefficients interleaved by groups of eight blocks, for the Vector API's group kernel. */
    private final boolean groups;
    private final int blocksWide;
    private final int blockRows;
    private final int total;
    /**
     * Where in the data the worker starts, as a fraction: about where the caller, which also runs the output
     * stage, arrives when the worker has decoded the rest (the output stage costs about half the entropy
     * decoding with the group kernel, about twice without).
     */
    private final double workerStartFraction;

    private volatile int state;
    /** The worker's MCUs whose starts it has published in {@link #starts} and {@link #predictions}. */
    private volatile int published;
    /** The worker's MCUs decoded (their DC values still to be corrected by {@link #dcShift}). */
    private volatile int ready;
    /** Roughly where the caller is reading: the offset it had at the start of its latest block row. */
    private long callerAt;
    /** The worker's first byte, or -1 until it has chosen it. */
    private volatile long workerStart = -1;
    /**
     * Per worker MCU, the reader's {@link BitReader#rawPosition()} and the DC prediction before it; made by the
     * worker before it sets {@link #workerStart}, after which the caller reads them.
     */
    private long[] starts;
    private int[] predictions;
    /** The worker's blocks, {@link #CHUNK} per chunk, each chunk laid out as the caller's row buffer. */
    private final short[][] chunks;
    private final long[][] chunkMasks;
    /** Set by the caller before {@link #SYNCED}: the meeting MCU as the caller's and as the worker's index. */
    private int syncCaller;
    private int syncWorker;
    private int dcShift;
    /** Once {@link #DONE}: the offset of the marker that ends the scan. */
    private long endOffset;
    /** Output claims after the meeting: block rows [top, bottom) are not yet claimed. */
    private int top;
    private int bottom;
    private volatile Throwable workerFailure;
    /** The worker has stopped decoding (and publishes no more MCU starts). */
    private volatile boolean speculationEnded;
    /**
     * For tests: the caller waits for the worker to choose its start, and for it to get past the caller's
     * position, so that the two meet whenever their decodes can meet, however the threads are scheduled.
     */
    private final boolean awaitWorker;
    private final boolean onlyIfIdle;
    private volatile boolean callerDone;
    private final Thread caller = Thread.currentThread();
    private Thread worker;
    /** After {@link #decode}: the first block the worker's part gave, or -1 if it was not used. */
    private int meeting = -1;
    private Outcome outcome = Outcome.NOT_MET;

    /** What became of the worker's blocks, for tests. */
    enum Outcome {
        /** The caller decoded the whole scan: the worker's blocks were not met, or not started. */
        NOT_MET,
        /** They met, then the worker failed (damage, or no clean end): the caller decoded the rest. */
        MET_THEN_FAILED,
        /** The worker's blocks were used from the meeting point to the end. */
        USED
    }

    /** After {@link #decode}: what became of the worker's blocks. */
    Outcome outcome() {
        return outcome;
    }

    /**
     * @param multipliers the component's dequantization multipliers ({@code InverseDct.multipliers})
     * @param groups      whether to use the Vector API's group kernel ({@link IdctGroupKernel#vector()})
     */
    SplitScanDecoder(DecodeLayout layout, int[] multipliers, boolean portableIdct, boolean groups) {
        this(layout, multipliers, portableIdct, groups, false, false);
    }

    /**
     * @param onlyIfIdle  for {@code AUTO_THREADS}: the worker is started once a core is idle (asked before each
     *                    block row), and gives up at once unless a core is still idle beside the caller
     * @param awaitWorker for tests, see {@link #awaitWorker}
     */
    SplitScanDecoder(DecodeLayout layout, int[] multipliers, boolean portableIdct, boolean groups,
                     boolean onlyIfIdle, boolean awaitWorker) {
        this.onlyIfIdle = onlyIfIdle;
        this.awaitWorker = awaitWorker;
        this.layout = layout;
        this.component = layout.components[0];
        this.multipliers = multipliers;
        this.portableIdct = portableIdct;
        this.groups = groups;
        this.blocksWide = component.blocksWide;
        this.blockRows = component.blocksHigh;
        this.total = blocksWide * blockRows;
        this.workerStartFraction = groups ? 0.4 : 0.3;
        this.chunks = new short[(total >> CHUNK_SHIFT) + 1][];
        this.chunkMasks = new long[chunks.length][];
    }

    /** Bytes of the buffers a split decode of a frame of this layout adds, at most. */
    static long extraBytes(DecodeLayout layout) {
        DecodeLayout.Component c = layout.components[0];
        long blocks = (long) c.blocksWide * c.blocksHigh;
        // The worker's blocks with masks, its MCU starts, the caller's row buffer, two 8-row sample windows.
        return (blocks + CHUNK) * (64 * 2 + 8 + 12) + (c.blocksWide + 8L) * (64 * 2 + 8) + 2L * 2 * 8 * c.planeWidth();
    }

    /** After {@link #decode}: the first block (in decode order) the worker decoded, or -1 if none was used. */
    int meeting() {
        return meeting;
    }

    /**
     * Decodes the scan whose entropy-coded data {@code bits} is about to read into {@code assembler}'s image,
     * leaving {@code bits} where a one-thread decode would, and returns libjpeg's last_good_iMCU_row after it;
     * or returns -1 having read nothing, when the scan is too small or no thread can be started.
     *
     * @param decoder a fresh decoder of the scan (its predictions are taken as zero)
     */
    int decode(HuffmanDecoder decoder, BitReader bits, ImageAssembler assembler, int lastGoodRow)
        throws JpegException {
        if (total < MIN_BLOCKS) {
            return -1;
        }
        ByteSource source = bits.source();
        byte[] data = bits.data();
        long scanStart = source.offset();
        Runnable task = () -> work(decoder, source, data, scanStart, assembler);
        if (!onlyIfIdle && !startWorker(task)) {
            return -1;
        }
        try (AutoThreads.IdleProbe idle = onlyIfIdle ? new AutoThreads.IdleProbe() : null) {
            int lastGood = decodeScan(decoder, bits, assembler, lastGoodRow, idle, task);
            callerDone = true;
            joinWorker();
            Throwable f = workerFailure;
            if (f instanceof RuntimeException e) {
                throw e;
            }
            if (f instanceof Error e) {
                throw e;
            }
            if (f instanceof JpegException e) {
                throw e;
            }
            assembler.allRowsDone();
            return lastGood;
        } finally {
            callerDone = true;
            STATE.compareAndSet(this, RUNNING, FAILED);
            joinWorker();
        }
    }

    /** Starts the worker; false when no thread can be had (a process or container limit). */
    private boolean startWorker(Runnable task) {
        worker = RowPipeline.startDaemon(task, "tessera-decode-split");
        return worker != null;
    }

    private void joinWorker() {
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
            RowPipeline.joinUninterruptibly(thread);
        }
    }

    /** The caller's part: decodes and outputs until it meets the worker, then outputs the rest with it. */
    private int decodeScan(HuffmanDecoder decoder, BitReader bits, ImageAssembler assembler, int lastGoodRow,
                           AutoThreads.IdleProbe idle, Runnable task) throws JpegException {
        byte[] data = bits.data();
        Output output = new Output(assembler);
        short[] row = new short[((blocksWide + 7) & ~7) * 64];
        long[] rowMasks = new long[(blocksWide + 7) & ~7];
        HuffmanDecoder mine = decoder.withReader(bits, new long[][] {rowMasks}, groups);
        short[][] blocks = {row};
        int[] offsets = new int[1];
        int lastGood = lastGoodRow;
        int v = component.v;
        // Under AUTO_THREADS the worker starts once a core is idle, asked before each block row (it then starts
        // part-way through what is left), and not in the last rows, where it would not pay for itself.
        int lastStartRow = blockRows - Math.max(8, blockRows / 8);
        if (idle != null && idle.getAsBoolean()) {
            startWorker(task);
        }
        boolean searching = worker != null;
        long from = Long.MAX_VALUE;
        long giveUp = Long.MAX_VALUE;
        int next = 0; // the first worker MCU whose start the caller has not passed
        int met = -1;
        // Output of rows from `firstOpen` on is left to the claims once the caller has met the worker.
        int firstOpen = blockRows;
        for (int r = 0, i = 0; r < blockRows; r++) {
            for (int col = 0; col < blocksWide; col++, i++) {
                if (searching) {
                    if (awaitWorker && i == 0) {
                        // Tests: let the worker choose its start before this thread moves.
                        for (int spins = 0; workerStart < 0 && state == RUNNING; spins++) {
                            pause(spins);
                        }
                    }
                    if (from == Long.MAX_VALUE) {
                        long s = workerStart;
                        if (s >= 0) {
                            from = s;
                            giveUp = s + Math.max(64 << 10, (data.length - s) / 4);
                        }
                    }
                    long at = bits.offset();
                    if (at >= from) {
                        if (state != RUNNING || at > giveUp) {
                            searching = false;
                            STATE.compareAndSet(this, RUNNING, FAILED);
                            dropChunks();
                        } else if (!bits.insufficientData()) {
                            long here = bits.bitPosition();
                            int count = (int) PUBLISHED.getAcquire(this);
                            long theirs = -1;
                            while (next < count && (theirs = BitReader.bitPosition(data, starts[next])) < here) {
                                next++;
                            }
                            for (int spins = 0; awaitWorker && next == count && here >= 0 && !speculationEnded
                                && state == RUNNING; spins++) {
                                // Tests: wait for the worker to get past this thread, so that they meet.
                                pause(spins);
                                count = (int) PUBLISHED.getAcquire(this);
                                while (next < count
                                    && (theirs = BitReader.bitPosition(data, starts[next])) < here) {
                                    next++;
                                }
                            }
                            if (here >= 0 && next < count && theirs == here) {
                                syncCaller = i;
                                syncWorker = next;
                                dcShift = mine.prediction(0) - predictions[next];
                                searching = false;
                                synchronized (this) {
                                    top = r + 1; // row r, begun here, is this thread's to output
                                    bottom = blockRows;
                                }
                                if (STATE.compareAndSet(this, RUNNING, SYNCED)) {
                                    LockSupport.unpark(worker);
                                    met = i;
                                    outcome = Outcome.MET_THEN_FAILED;
                                    firstOpen = r;
                                    int done = outputWithWorker(output, row, rowMasks, r, i);
                                    if (state == DONE) {
                                        bits.endScanAt(endOffset);
                                        meeting = met;
                                        outcome = Outcome.USED;
                                        return layout.imcuRows - 1;
                                    }
                                    // The worker met damage: decode the rest here; rows before `done` are out.
                                    firstOpen = done;
                                    dropChunks();
                                } else {
                                    dropChunks(); // the worker failed first
                                }
                            }
                        }
                    }
                }
                if (!bits.insufficientData()) {
                    lastGood = r / v;
                    offsets[0] = address(col);
                    mine.decodeMcu(blocks, offsets);
                }
            }
            if (r >= firstOpen || met < 0) {
                output.row(r, row, rowMasks, r * blocksWide, blocksWide);
            }
            Arrays.fill(row, (short) 0);
            CALLER_AT.setOpaque(this, bits.offset());
            if (worker == null && idle != null && r < lastStartRow && met < 0 && idle.getAsBoolean()
                && startWorker(task)) {
                searching = true;
            }
        }
        if (met < 0) {
            STATE.compareAndSet(this, RUNNING, FAILED); // not met: the worker's blocks are not needed
        }
        return lastGood;
    }

    /**
     * After meeting the worker at MCU {@code met} in block row {@code metRow}: outputs that row (which starts
     * with this thread's blocks, in {@code row}), then rows claimed from the top, as the worker's blocks become
     * ready, until every row is out and the worker is {@link #DONE}, or it has {@link #FAILED}. Returns the
     * first row not output (then the caller decodes the rest itself and outputs the rows from there).
     */
    private int outputWithWorker(Output output, short[] row, long[] rowMasks, int metRow, int met)
        throws JpegException {
        for (int r = metRow; r >= 0; r = claimTop()) {
            int needed = (r + 1) * blocksWide + syncWorker - syncCaller;
            for (int spins = 0; (int) READY.getAcquire(this) < needed; spins++) {
                int s = (int) STATE.getAcquire(this);
                if (s == FAILED) {
                    return r; // the worker claims no row once failed
                }
                if (s == DONE) {
                    break;
                }
                pause(spins);
            }
            if (r == metRow) {
                output.row(r, row, rowMasks, r * blocksWide, met - r * blocksWide);
            }
            output.workerBlocks(r, Math.max(r * blocksWide, met), (r + 1) * blocksWide);
            output.convert(r);
        }
        // Every row is claimed: wait for the worker's rows and its verdict on the scan's end.
        int s;
        for (int spins = 0; (s = (int) STATE.getAcquire(this)) != DONE && s != FAILED; spins++) {
            pause(spins);
        }
        // Failed once every row was out (the worker outputs none unless done): its blocks were all right, but the
        // scan does not end cleanly after them, so the caller decodes them again for the reader's state.
        return blockRows;
    }

    /** The next row from the top that no thread has claimed, or -1. */
    private synchronized int claimTop() {
        return top < bottom ? top++ : -1;
    }

    /** Where block {@code i} of a row buffer or chunk starts: i * 64, or interleaved: its group's start plus its lane. */
    private int address(int i) {
        return groups ? (i & ~7) << 6 | (i & 7) : i << 6;
    }

    /** The worker: decodes from part-way through, then, if its blocks are used, outputs rows from the bottom. */
    private void work(HuffmanDecoder template, ByteSource source, byte[] data, long scanStart,
                      ImageAssembler assembler) {
        try {
            Output output;
            try {
                output = new Output(assembler);
                if (!speculate(template, source, data, scanStart)) {
                    return;
                }
            } catch (Throwable e) {
                fail(); // even out of memory: the caller decodes the rest itself
                return;
            }
            {
                while (!callerDone) {
                    int r;
                    synchronized (this) {
                        if (top >= bottom) {
                            break;
                        }
                        r = --bottom;
                    }
                    output.workerBlocks(r, Math.max(r * blocksWide, syncCaller), (r + 1) * blocksWide);
                    output.convert(r);
                }
            }
        } catch (Throwable e) {
            workerFailure = e; // a row the worker claimed is not out: the caller throws this
        } finally {
            LockSupport.unpark(caller);
        }
    }

    /**
     * Decodes from a data byte part-way through the scan, publishing where each MCU starts, until the caller
     * has met it and the scan's last MCU is decoded (or the data ends or is damaged); returns true with
     * {@link #DONE} set when the caller met it and its blocks reach the scan's end cleanly, else false with
     * {@link #FAILED} set.
     */
    private boolean speculate(HuffmanDecoder template, ByteSource source, byte[] data, long scanStart) {
        if (onlyIfIdle && !AutoThreads.coreIdleBesideCaller()) {
            STATE.compareAndSet(this, RUNNING, FAILED);
            return false;
        }
        // Where the scan's data ends: mostly at the EOI that ends the file, found without reading the data.
        int end = data.length >= 2 && data[data.length - 2] == (byte) 0xFF && data[data.length - 1] == (byte) 0xD9
            ? data.length - 2 : BitReader.nextMarker(data, (int) scanStart);
        // The same fraction of what the caller has left, if it is already past that point (a worker started late).
        long from = Math.max(scanStart, (long) CALLER_AT.getOpaque(this));
        int start = BitReader.dataByteStart(data, (int) Math.max(scanStart + (end - scanStart) * workerStartFraction,
            from + (end - from) * workerStartFraction));
        if (start - from < MIN_PART_BYTES || end - start < MIN_PART_BYTES) {
            STATE.compareAndSet(this, RUNNING, FAILED);
            return false;
        }
        starts = new long[total + 1];
        predictions = new int[total + 1];
        WarningSink strict = new WarningSink(null, true);
        BitReader reader = new BitReader(source.sibling(start, strict), strict);
        reader.startScan();
        HuffmanDecoder decoder = null;
        short[][] blocks = new short[1][];
        int[] offsets = new int[1];
        workerStart = start;
        int j = 0;
        int stop = total;
        try {
            while (true) {
                starts[j] = reader.rawPosition();
                predictions[j] = decoder == null ? 0 : decoder.prediction(0);
                PUBLISHED.setRelease(this, j + 1);
                int s = (int) STATE.getAcquire(this);
                if (s == FAILED || callerDone) {
                    return false;
                }
                if (s == SYNCED) {
                    stop = Math.min(stop, syncWorker + total - syncCaller);
                }
                if (j >= stop) {
                    break;
                }
                if ((j & (CHUNK - 1)) == 0) {
                    int c = j >> CHUNK_SHIFT;
                    chunks[c] = new short[CHUNK * 64];
                    chunkMasks[c] = new long[CHUNK];
                    HuffmanDecoder previous = decoder;
                    decoder = template.withReader(reader, new long[][] {chunkMasks[c]}, groups);
                    decoder.shiftPrediction(0, previous != null ? previous.prediction(0) : 0);
                    blocks[0] = chunks[c];
                }
                offsets[0] = address(j & (CHUNK - 1));
                decoder.decodeMcu(blocks, offsets);
                j++;
                READY.setRelease(this, j);
            }
        } catch (JpegException | RuntimeException e) {
            // The data ended here, or is damaged: MCUs 0 .. j - 1 stand, and MCU j started at starts[j].
        }
        speculationEnded = true;
        int s;
        for (int spins = 0; (s = (int) STATE.getAcquire(this)) == RUNNING && !callerDone; spins++) {
            pause(spins);
        }
        if (s != SYNCED) {
            return false;
        }
        int last = syncWorker + total - syncCaller;
        long marker = last <= j ? BitReader.cleanEnd(data, BitReader.bitPosition(data, starts[last])) : -1;
        if (marker < 0) {
            fail();
            return false;
        }
        endOffset = marker;
        STATE.setRelease(this, DONE);
        return true;
    }

    /**
     * Waits a little for the other thread, which is normally running on another core and about to get there
     * (a row of blocks takes some 50 microseconds): spins at first, since a park lasts at least the system's
     * timer slack (50 microseconds on Linux), then parks, in case the other thread has no processor.
     */
    private void pause(int spins) {
        if (spins < SPINS) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(this, WAIT_NANOS);
        }
    }

    /**
     * Caller, once the worker has failed or is given up: its blocks are not needed, and the caller may need the
     * memory to decode the rest (a chunk the worker allocates after this is let go when the decode ends).
     */
    private void dropChunks() {
        Arrays.fill(chunks, null);
        Arrays.fill(chunkMasks, null);
    }

    /** Sets {@link #FAILED} unless the worker is done. */
    private void fail() {
        int s;
        while ((s = state) == RUNNING || s == SYNCED) {
            if (STATE.compareAndSet(this, s, FAILED)) {
                return;
            }
        }
    }

    /** One thread's inverse DCT and output of block rows, through its own window of 8 sample rows. */
    private final class Output {
        private final ImageAssembler assembler;
        private final IdctKernel kernel;
        private final IdctGroupKernel group;
        private final SamplePlane window;
        private final SamplePlane[] planes;
        private final short[] scratch = new short[8 * 64];
        /** The samples go straight from the window to the image ({@link ImageAssembler#convertSingleRows}). */
        private final boolean direct;

        Output(ImageAssembler assembler) {
            this.assembler = assembler;
            this.kernel = InverseDct.forSize(8, portableIdct);
            // Chosen by the frame decoder, so ready: the kernel's warm-up is done once and for all.
            this.group = groups ? Objects.requireNonNull(IdctGroupKernel.vector()) : null;
            this.window = new SamplePlane(component.planeWidth(), 8);
            this.planes = new SamplePlane[] {window};
            this.direct = assembler.convertsSingleDirectly();
        }

        /** Block row {@code r}: its first {@code count} blocks from a row buffer, then the output if whole. */
        void row(int r, short[] in, long[] masks, int rowStart, int count) throws JpegException {
            short[] out = window.data();
            int stride = window.stride();
            if (group != null) {
                for (int col = 0; col < count; col += 8) {
                    group.transform(in, col << 6, masks, col, Math.min(8, count - col), multipliers, out, col * 8,
                        stride);
                }
            } else {
                for (int col = 0; col < count; col++) {
                    kernel.transform(in, col << 6, masks[col], multipliers, out, col * 8, stride);
                }
            }
            if (count == blocksWide) {
                convert(r);
            }
        }

        /** Blocks {@code from .. to - 1} (scan order) of block row {@code r} from the worker's chunks. */
        void workerBlocks(int r, int from, int to) {
            short[] out = window.data();
            int stride = window.stride();
            int rowStart = r * blocksWide;
            int shift = syncWorker - syncCaller;
            // T.81 F.2.2.1: a DC value is the prediction plus the difference, and the worker's predictions
            // started from another value. Each block is corrected once, by the thread that outputs its row.
            short dc = (short) dcShift;
            for (int t = from; t < to; t++) {
                int o = t + shift;
                chunks[o >> CHUNK_SHIFT][address(o & (CHUNK - 1))] += dc;
            }
            for (int t = from; t < to; ) {
                int o = t + shift;
                short[] in = chunks[o >> CHUNK_SHIFT];
                long[] masks = chunkMasks[o >> CHUNK_SHIFT];
                int local = o & (CHUNK - 1);
                int column = t - rowStart;
                if (group == null) {
                    kernel.transform(in, local << 6, masks[local], multipliers, out, column * 8, stride);
                    t++;
                    continue;
                }
                // Groups of eight in the chunk need not start a row: a group that started in the row before is
                // transformed aside and this row's lanes copied.
                int lane = local & 7;
                int lanes = Math.min(8, lane + to - t);
                int g = local & ~7;
                if (lane == 0) {
                    group.transform(in, g << 6, masks, g, lanes, multipliers, out, column * 8, stride);
                } else {
                    group.transform(in, g << 6, masks, g, lanes, multipliers, scratch, 0, 64);
                    for (int y = 0; y < 8; y++) {
                        System.arraycopy(scratch, y * 64 + lane * 8, out, y * stride + column * 8, (lanes - lane) * 8);
                    }
                }
                t += lanes - lane;
            }
        }

        /** The output rows of block row {@code r}, from the window. */
        void convert(int r) throws JpegException {
            if (direct) {
                assembler.convertSingleRows(r * 8, Math.min(r * 8 + 8, layout.outputHeight), window);
            } else {
                assembler.convertRows(r * 8, Math.min(r * 8 + 8, layout.outputHeight), planes);
            }
        }
    }
}
