package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.error.JpegException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a decode in two overlapping stages of iMCU rows: the calling thread produces rows into a window of
 * {@code depth} rows while one worker thread runs the output stage on the rows already produced, in order.
 * For a single-scan file the caller entropy-decodes and the output stage is dequantization, inverse DCT,
 * upsampling and colour conversion: this works for any file, with or without restart markers, since only the
 * entropy decoding is sequential. For the final pass of a progressive or multi-scan file the caller runs the
 * inverse DCT and the output stage upsamples and converts.
 *
 * <p>The output stage is run for each row exactly once and in row order, under a lock, by whichever thread
 * gets there: the worker normally, and the caller when the window is full or the scan is read, so that a
 * worker that gets no processor (a busy server) delays the decode by at most the row it holds, plus the time
 * the system takes to run it again. A failure of the output stage, on either thread, ends the decode with that
 * exception and no row runs after it; if the worker thread cannot be started the caller runs every stage. Warnings come
 * from the entropy decoder, on the calling thread, in file order; the pixels are those of the one-thread
 * decode. The caller's window must let the producer run {@code depth - 1} rows further ahead of the output
 * stage than a one-thread decode does.
 */
final class RowPipeline {
    /** The producing stage: calls {@code published} after each iMCU row, in order. */
    interface Producer {
        int decode(ScanDecoder.RowListener published) throws JpegException;
    }

    private static final long WAIT_NANOS = 50_000;

    private final ScanDecoder.RowListener outputStage;
    private final int rows;
    private final int depth;
    private final ReentrantLock outputLock = new ReentrantLock();
    private final Thread caller = Thread.currentThread();
    /** Rows produced (published by the caller), rows through the output stage. */
    private volatile int decoded;
    private volatile int output;
    /** The caller stopped (done or failed): the worker leaves what is left to it. */
    private volatile boolean callerDone;
    /** The output stage's failure, on either thread; set under the lock, so that no row runs after it. */
    private volatile Throwable failure;
    /** Set by a thread before it parks, after which the other unparks it (and only then: unpark is a system call). */
    private volatile boolean workerParked;
    private volatile boolean callerParked;
    private Thread worker;
    /** For a worker started only once a core is idle: asked every few rows until it says yes; else null. */
    private BooleanSupplier coreIdle;

    /**
     * @param outputStage the output stage of one iMCU row, after which its window slot may be reused
     * @param rows        iMCU rows in the scan
     * @param depth       iMCU rows the window holds (at least 2)
     */
    RowPipeline(ScanDecoder.RowListener outputStage, int rows, int depth) {
        this(outputStage, rows, depth, null);
    }

    /**
     * @param coreIdle null to start the worker at once; else asked before the first row and after every row
     *                 until it answers true, when the worker starts (until then the calling thread runs both
     *                 stages)
     */
    RowPipeline(ScanDecoder.RowListener outputStage, int rows, int depth, BooleanSupplier coreIdle) {
        if (depth < 2) {
            throw new IllegalArgumentException("a pipeline needs a window of at least 2 rows, found " + depth);
        }
        this.outputStage = outputStage;
        this.rows = rows;
        this.depth = depth;
        this.coreIdle = coreIdle;
    }


    /** Runs {@code producer} on this thread and the output stage beside it; returns what the producer returns. */
    int run(Producer producer) throws JpegException {
        if (coreIdle == null || (depth < rows && coreIdle.getAsBoolean())) {
            startWorker();
        }
        try {
            int result = producer.decode(this::published);
            while (output < decoded) {
                helpOrWait();
            }
            return result;
        } catch (JpegException | RuntimeException | Error e) {
            Throwable other = failure;
            if (other != null && other != e) {
                e.addSuppressed(other);
            }
            throw e;
        } finally {
            callerDone = true;
            Thread thread = worker;
            if (thread != null) {
                LockSupport.unpark(thread);
                joinUninterruptibly(thread);
            }
        }
    }

    /** Starts the worker; without a thread to be had (a process or container limit) the caller does it all. */
    private void startWorker() {
        coreIdle = null;
        worker = startDaemon(this::work, "tessera-decode-output");
    }

    /**
     * Starts a daemon thread for one decode's worker; null when no thread can be had (a process or container
     * limit), and the calling thread then does the work itself.
     */
    static Thread startDaemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (OutOfMemoryError | SecurityException e) {
            return null;
        }
        return thread;
    }

    /** Row {@code row} is produced into its slot: hand it on, then wait until the next row's slot is free. */
    private void published(int row) throws JpegException {
        decoded = row + 1;
        if (worker == null) {
            if (coreIdle != null && row + depth < rows && coreIdle.getAsBoolean()) {
                startWorker();
            }
        } else if (workerParked) {
            LockSupport.unpark(worker);
        }
        // Row + 1 goes into the slot of row + 1 - depth, which must have been through the output stage.
        while (row + 1 < rows && output <= row + 1 - depth) {
            helpOrWait();
        }
    }

    /** Caller: runs the next row's output stage unless the worker is running one, in which case waits a little. */
    private void helpOrWait() throws JpegException {
        rethrowFailure();
        if (outputLock.tryLock()) {
            try {
                outputNext();
            } finally {
                outputLock.unlock();
            }
        } else {
            callerParked = true;
            if (outputLock.isLocked()) {
                LockSupport.parkNanos(this, WAIT_NANOS);
            }
            callerParked = false;
        }
    }

    /**
     * Under the lock: the output stage of the next produced row, if there is one and nothing has failed; a
     * failure is recorded before the lock is released and thrown again.
     */
    private void outputNext() throws JpegException {
        rethrowFailure();
        int next = output;
        if (next < decoded) {
            try {
                outputStage.rowDecoded(next);
            } catch (JpegException | RuntimeException | Error e) {
                failure = e;
                throw e;
            }
            output = next + 1;
        }
    }

    private void work() {
        try {
            while (!callerDone && failure == null) {
                int next = output;
                if (next >= rows) {
                    return;
                }
                if (next < decoded) {
                    outputLock.lock();
                    try {
                        if (!callerDone) {
                            outputNext();
                        }
                    } finally {
                        outputLock.unlock();
                        if (callerParked) {
                            LockSupport.unpark(caller);
                        }
                    }
                } else {
                    workerParked = true;
                    if (output >= decoded && !callerDone) {
                        LockSupport.park(this);
                    }
                    workerParked = false;
                }
            }
        } catch (Throwable e) {
            // Recorded by outputNext (or here, for anything outside it); the caller throws it.
            if (failure == null) {
                failure = e;
            }
            LockSupport.unpark(caller);
        }
    }

    private void rethrowFailure() throws JpegException {
        Throwable f = failure;
        if (f == null) {
            return;
        }
        if (f instanceof JpegException e) {
            throw e;
        }
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("output stage failed", f);
    }

    /** Waits for {@code thread} to end, keeping an interrupt for the caller to see afterwards. */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
