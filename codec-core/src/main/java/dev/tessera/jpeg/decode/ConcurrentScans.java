package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.entropy.EntropyDecoder;
import dev.tessera.jpeg.entropy.ProgressiveHuffmanDecoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.simd.AutoThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The scans of a progressive Huffman frame, decoded on two threads once the frame's last scan is known.
 *
 * <p>Without restart markers, where a scan's entropy-coded data ends does not depend on decoding it: it is the
 * first marker after its start (T.81 B.1.1.5, F.1.2.3), so the markers and tables that follow are read before
 * the scan is decoded. Each scan is kept as a task with its own reader; when the frame ends (or a scan must be
 * decoded at once) the tasks run on the calling thread and a worker, each task once every earlier task it
 * conflicts with is done. Two scans conflict when they share a component and
 * <ul>
 *   <li>both are DC scans (G.1.2.1: a refinement adds a bit to the first scan's values), or</li>
 *   <li>both are AC scans whose bands overlap (G.1.2.3), or that both keep the component's non-zero masks.</li>
 * </ul>
 * An AC first scan whose band is disjoint from an earlier AC scan's gets masks of its own, merged into the
 * component's before a later scan that reads them; so the first scans of one component's bands (Y 1-5 and
 * Y 6-63 in libjpeg's script) decode at the same time. Of the tasks ready, a thread takes the one at the head
 * of the longest chain of compressed bytes still to decode.
 *
 * <p>Every task's reader is strict and must end its scan cleanly (a marker straight after the last MCU, see
 * {@link BitReader#cleanEnd}). The warnings the calling thread meets meanwhile are held. If a task is not
 * clean, {@link #run} throws {@link Replay} and the decode starts again on one thread, so that the pixels,
 * warnings and exceptions are always those of the one-thread decode.
 */
final class ConcurrentScans {
    /** A deferred scan was not clean: decode the stream again, from its start, without deferring scans. */
    static final class Replay extends RuntimeException {
        Replay() {
            super("a deferred scan was not clean", null, false, false);
        }
    }

    /** The final pass of one component, in bands a thread takes one at a time ({@link #tail}). */
    interface FinalPass {
        /** For one thread: each call converts the next band, false once none is left or its scan failed. */
        BooleanSupplier newBander() throws JpegException;
    }

    /** Makes a scan's entropy decoder for the given non-zero masks (null for DC scans). */
    interface DecoderFactory {
        EntropyDecoder make(long[] masks) throws JpegException;
    }

    private static final int PENDING = 0;
    private static final int DONE = 1;
    private static final int FAILED = 2;

    private static final class Task {
        final int[] components;
        final boolean dc;
        final int spectralStart;
        final int spectralEnd;
        /** AC scans: whether the component's own masks are used (else {@link #masks} are the task's). */
        final boolean sharedMasks;
        final long[] masks;
        final EntropyDecoder decoder;
        final BitReader reader;
        /** Instead of a scan: a component's inverse DCT, once its last scan is decoded. */
        final Runnable transform;
        final long end;
        final long bytes;
        final List<Task> dependencies = new ArrayList<>();
        /** Later tasks that wait for this one, and how many of this one's dependencies are not done yet. */
        final List<Task> dependents = new ArrayList<>();
        int waitingOn;
        /** Tasks with masks of their own to merge into the component's before this one starts. */
        final List<Task> mergeFirst = new ArrayList<>();
        long chain;
        /** Masks of its own: whether a later task merges them (else {@link #run} does at the end). */
        boolean merged;
        boolean taken;
        int state = PENDING;
        int lastGood = -1;

        Task(int[] components, boolean dc, int ss, int se, boolean sharedMasks, long[] masks,
             EntropyDecoder decoder, BitReader reader, long start, long end) {
            this.components = components;
            this.dc = dc;
            this.spectralStart = ss;
            this.spectralEnd = se;
            this.sharedMasks = sharedMasks;
            this.masks = masks;
            this.decoder = decoder;
            this.reader = reader;
            this.transform = null;
            this.end = end;
            this.bytes = end - start;
        }

        Task(int component, long cost, Runnable transform) {
            this.components = new int[] {component};
            this.dc = false;
            this.spectralStart = 0;
            this.spectralEnd = 63;
            this.sharedMasks = true;
            this.masks = null;
            this.decoder = null;
            this.reader = null;
            this.transform = transform;
            this.end = -1;
            this.bytes = cost;
        }

        boolean overlaps(Task o) {
            return spectralStart <= o.spectralEnd && o.spectralStart <= spectralEnd;
        }

        boolean conflictsWith(Task o) {
            boolean shared = false;
            for (int a : components) {
                for (int b : o.components) {
                    shared |= a == b;
                }
            }
            if (!shared || dc != o.dc) {
                return false;
            }
            return dc || overlaps(o) || (sharedMasks && o.sharedMasks);
        }
    }

    private final DecodeLayout layout;
    private final CoefficientBuffer[] coefficients;
    private final long[][] nonZero;
    private final byte[] data;
    private final WarningSink warnings;
    private final List<Task> tasks = new ArrayList<>();
    /** Bytes the memory limit still leaves for deferred tasks ({@link #TASK_BYTES} each) and masks of their own. */
    private long spareMemory;
    /** Bytes held by the tasks deferred now: given back once they are decoded. */
    private long heldMemory;
    /**
     * Per component, the zig-zag AC coefficients some scan of this frame may have written (bit k): a deferred
     * scan's band, or from Ss to 63 for a scan decoded at once (whose writes past its band are not caught).
     */
    private final long[] touched;
    /** A scan was not clean: the threads stop taking tasks, and {@link #run} throws {@link Replay}. */
    private volatile boolean failed;
    private int remaining;
    /** Something the worker threw outside a scan's decoding (a bug): rethrown by the calling thread. */
    private volatile Throwable workerFailure;
    /** The calling thread was interrupted while it waited: the interrupt is kept for after {@link #run}. */
    private boolean interrupted;
    /**
     * What a deferred task holds besides its masks, counted against the memory limit: its reader, its decoder
     * and the decoder's look-up tables (about 10.5 KB a Huffman table, up to four in a DC scan; 4 KB more for a
     * refinement scan).
     */
    static final long TASK_BYTES = 48 << 10;
    /** How long a thread ahead of the last scan waits between looks (a row of it takes some 100 microseconds). */
    private static final long TAIL_WAIT_NANOS = 20_000;
    /** The last scan of the final pass's component, and the pass ({@link #tail}); else null. */
    private Task tailTask;
    private FinalPass tail;
    /** iMCU rows of {@link #tailTask}'s component that are final (its scan decoded them, or all once it is done). */
    private volatile int tailRows;
    /** What {@link #take} returns to a thread that should go on to the final pass while the last scan runs. */
    private static final Task TO_TAIL = new Task(0, 0, null);
    /** For tests: tasks the worker decoded, over every {@link #run}. */
    private int workerTasks;
    private int deferredTasks;

    ConcurrentScans(DecodeLayout layout, CoefficientBuffer[] coefficients, long[][] nonZero, byte[] data,
                    WarningSink warnings, long spareMemory) {
        this.layout = layout;
        this.coefficients = coefficients;
        this.nonZero = nonZero;
        this.data = data;
        this.warnings = warnings;
        this.spareMemory = spareMemory;
        this.touched = new long[nonZero.length];
    }

    /** Coefficients {@code ss .. se} (zig-zag) as bits. */
    private static long band(int ss, int se) {
        return (-1L >>> (63 - se)) & (-1L << ss);
    }

    /** Records an AC scan of {@code component} from {@code ss} on, decoded at once rather than deferred. */
    void decodedAtOnce(int component, int ss) {
        touched[component] |= band(ss, 63);
    }

    /**
     * Where the scan whose data starts at {@code start} ends if it may be deferred: the offset of the first marker
     * after its data, when it is neither a restart marker nor preceded by fill bytes; else -1.
     */
    long deferrableEnd(long start) {
        int m = BitReader.nextMarker(data, (int) start);
        if (m + 1 >= data.length) {
            return -1;
        }
        int code = data[m + 1] & 0xFF;
        return code == 0xFF || (code >= 0xD0 && code <= 0xD7) ? -1 : m;
    }

    /** Whether scans are deferred and not yet decoded. */
    boolean pending() {
        return !tasks.isEmpty();
    }

    /**
     * Defers a scan whose data lies from {@code reader}'s position to {@code end}, if the memory limit leaves room
     * for it; false (nothing changed) if not, and the scan must then be decoded at once.
     *
     * @param reader a strict reader of the scan's data, at its start
     */
    boolean defer(int[] components, int ss, int se, boolean refinement, BitReader reader, long start, long end,
                  DecoderFactory factory) throws JpegException {
        if (TASK_BYTES > spareMemory) {
            return false;
        }
        boolean dc = ss == 0;
        long[] masks = null;
        boolean shared = false;
        long bytes = TASK_BYTES;
        if (!dc) {
            int c = components[0];
            masks = nonZero[c];
            shared = true;
            if (!refinement) {
                // A first scan keeps masks of its own when its band is disjoint from a deferred scan's that keeps
                // the component's, so that the two decode at once, and no scan of the frame touched its band
                // before: its bits start at zero, as its merge (an OR) assumes.
                boolean disjointShared = false;
                for (Task t : tasks) {
                    if (!t.dc && t.transform == null && t.components[0] == c && t.sharedMasks) {
                        disjointShared |= t.spectralEnd < ss || se < t.spectralStart;
                    }
                }
                long own = (long) nonZero[c].length * Long.BYTES;
                if (disjointShared && (touched[c] & band(ss, se)) == 0 && bytes + own <= spareMemory) {
                    masks = new long[nonZero[c].length];
                    shared = false;
                    bytes += own;
                }
            }
        }
        EntropyDecoder decoder = factory.make(masks);
        Task task = new Task(components.clone(), dc, ss, se, shared, masks, decoder, reader, start, end);
        if (!dc) {
            touched[components[0]] |= band(ss, se);
        }
        for (Task t : tasks) {
            if (task.conflictsWith(t)) {
                task.dependencies.add(t);
                t.dependents.add(task);
                if (!t.dc && !t.sharedMasks && task.sharedMasks && !t.merged) {
                    task.mergeFirst.add(t);
                    t.merged = true;
                }
            }
        }
        spareMemory -= bytes;
        heldMemory += bytes;
        tasks.add(task);
        deferredTasks++;
        warnings.hold();
        return true;
    }

    /**
     * Adds a component's inverse DCT, to run once every deferred scan of it is decoded, after its masks are
     * merged: on the thread that would otherwise wait for the other's scans.
     *
     * @param cost its work, counted as compressed bytes, for the choice of what to take first
     */
    void transformAfter(int component, long cost, Runnable transform) {
        Task task = new Task(component, cost, transform);
        for (Task t : tasks) {
            boolean mine = false;
            for (int c : t.components) {
                mine |= c == component;
            }
            if (mine) {
                task.dependencies.add(t);
                t.dependents.add(task);
                if (!t.dc && !t.sharedMasks && !t.merged) {
                    task.mergeFirst.add(t);
                    t.merged = true;
                }
            }
        }
        tasks.add(task);
    }

    /**
     * Lets the final pass of {@code component} follow its last deferred scan row by row: a thread with nothing
     * else left to take converts the rows that scan has decoded, and both threads take the rest once it is done.
     * Only when that scan keeps the component's masks and every mask of the component's own is merged first.
     *
     * @return whether {@link #run} will run the pass (and it must then not be run again)
     */
    boolean tail(int component, FinalPass pass) {
        Task last = null;
        for (Task t : tasks) {
            for (int c : t.components) {
                if (c == component && t.transform == null) {
                    last = t;
                }
            }
        }
        if (last == null || !(last.dc || last.sharedMasks)) {
            return false;
        }
        for (Task t : tasks) {
            if (!t.dc && !t.sharedMasks && t.components[0] == component && !t.merged) {
                return false;
            }
        }
        tailTask = last;
        tail = pass;
        tailRows = 0;
        return true;
    }

    /**
     * Waits until the final pass's component has {@code rows} final iMCU rows; false if a scan failed (the
     * pass then stops, and {@link #run} throws {@link Replay}).
     */
    boolean awaitTailRows(int rows) {
        // An interrupt would end every park at once: keep it aside while waiting.
        boolean wasInterrupted = Thread.interrupted();
        try {
            while (tailRows < rows) {
                if (failed) {
                    return false;
                }
                LockSupport.parkNanos(this, TAIL_WAIT_NANOS);
                wasInterrupted |= Thread.interrupted();
            }
            return true;
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Decodes the deferred scans, on the calling thread and (if {@code threads} > 1, and under AUTO_THREADS once a
     * core is idle) a worker; then releases the held warnings.
     *
     * @return the last iMCU row in which an MCU started with data left, over the scans (libjpeg's
     *         last_good_iMCU_row: the last row, since every scan ended cleanly)
     * @throws Replay if a scan was not clean (nothing is then released)
     */
    int run(int threads, AutoThreads.IdleProbe idle) {
        if (tasks.isEmpty()) {
            return -1;
        }
        for (int i = tasks.size() - 1; i >= 0; i--) {
            Task t = tasks.get(i);
            t.chain += t.bytes;
            for (Task d : t.dependencies) {
                d.chain = Math.max(d.chain, t.chain);
            }
        }
        remaining = tasks.size();
        failed = false;
        interrupted = false;
        for (Task t : tasks) {
            t.waitingOn = t.dependencies.size();
        }
        Thread worker = null;
        try {
            boolean wantWorker = threads > 1 && (tasks.size() > 1 || tail != null);
            if (wantWorker && (idle == null || idle.getAsBoolean())) {
                worker = startWorker();
                wantWorker = false;
            }
            Task t;
            while ((t = take()) != null && t != TO_TAIL) {
                decode(t);
                if (wantWorker && idle.getAsBoolean()) {
                    worker = startWorker();
                    wantWorker = false;
                }
            }
            if (tail != null && !failed) {
                BooleanSupplier bands = bander();
                while (bands.getAsBoolean()) {
                    if (wantWorker && idle.getAsBoolean()) {
                        worker = startWorker();
                        wantWorker = false;
                    }
                }
            }
        } finally {
            if (worker != null) {
                RowPipeline.joinUninterruptibly(worker);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable bug = workerFailure;
        if (bug != null) {
            // Not damage: thrown as it is, as a one-thread decode would throw it, not decoded again.
            tasks.clear();
            warnings.release();
            if (bug instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) bug;
        }
        if (failed) {
            throw new Replay();
        }
        int lastGood = -1;
        for (Task t : tasks) {
            lastGood = Math.max(lastGood, t.lastGood);
            if (!t.dc && !t.sharedMasks && !t.merged) {
                or(nonZero[t.components[0]], t.masks);
            }
        }
        tasks.clear();
        spareMemory += heldMemory;
        heldMemory = 0;
        tail = null;
        tailTask = null;
        warnings.release();
        return lastGood;
    }

    private Thread startWorker() {
        return RowPipeline.startDaemon(this::work, "tessera-decode-scans");
    }

    private void work() {
        try {
            Task t;
            while ((t = take()) != null && t != TO_TAIL) {
                if (decode(t)) {
                    synchronized (this) {
                        workerTasks++;
                    }
                }
            }
            if (tail != null && !failed) {
                BooleanSupplier bands = bander();
                while (bands.getAsBoolean()) {
                    // Until no band is left.
                }
            }
        } catch (RuntimeException | Error e) {
            // Not a scan's damage (decode catches that): a bug, or an Error such as OutOfMemoryError.
            workerFailure = e;
        }
    }

    private BooleanSupplier bander() {
        try {
            return tail.newBander();
        } catch (JpegException e) {
            throw new IllegalStateException(e); // the output was checked when the frame began
        }
    }

    /** The ready task with the longest chain, or null once none is left (or one failed). */
    private synchronized Task take() {
        while (true) {
            if (failed || remaining == 0) {
                return null;
            }
            Task best = null;
            for (Task t : tasks) {
                if (t.taken || (best != null && t.chain <= best.chain)) {
                    continue;
                }
                if (t.waitingOn == 0) {
                    best = t;
                }
            }
            if (best != null) {
                best.taken = true;
                return best;
            }
            if (tail != null && remaining == 1 && tailTask.taken && tailTask.state == PENDING) {
                return TO_TAIL;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                // The decode cannot stop half-way: wait on, and keep the interrupt for after it (run).
                interrupted = true;
            }
        }
    }

    private synchronized void finished(Task t, boolean ok) {
        if (t == tailTask && ok) {
            tailRows = Integer.MAX_VALUE;
        }
        t.state = ok ? DONE : FAILED;
        failed |= !ok;
        if (ok) {
            for (Task d : t.dependents) {
                d.waitingOn--;
            }
        }
        remaining--;
        notifyAll();
    }

    /** Decodes one task: true if its scan was clean. */
    private boolean decode(Task t) {
        boolean ok = false;
        try {
            for (Task m : t.mergeFirst) {
                or(nonZero[t.components[0]], m.masks);
            }
            if (t.transform != null) {
                t.transform.run();
                ok = true;
                return true;
            }
            t.lastGood = ScanDecoder.decode(layout, t.components, coefficients, t.decoder, t.reader, 0, -1,
                t == tailTask ? row -> tailRows = row + 1 : row -> { });
            // A scan writing past its band (corrupt run lengths) may have touched another task's coefficients.
            ok = BitReader.cleanEnd(data, t.reader.bitPosition()) == t.end
                && !(t.decoder instanceof ProgressiveHuffmanDecoder p && p.wroteOutsideBand());
        } catch (JpegException | RuntimeException e) {
            // Damaged, or not ending cleanly: the one-thread decode decides what happens.
        } finally {
            finished(t, ok);
        }
        return ok;
    }

    private static void or(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] |= from[i];
        }
    }

    /** For tests: scans deferred and tasks the worker decoded, over the decode. */
    int[] counts() {
        return new int[] {deferredTasks, workerTasks};
    }
}
