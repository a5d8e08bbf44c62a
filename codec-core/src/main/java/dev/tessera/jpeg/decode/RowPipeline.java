package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.error.JpegException;
import java.util.concurrent.locks.LockSupport;
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
 * worker that gets no processor (a busy server) costs a wait of at most one row, never a stall. Warnings come
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
    /** Rows entropy-decoded (published by the caller), rows through the output stage. */
    private volatile int decoded;
    private volatile int output;
    /** The caller stopped (done or failed): the worker leaves what is left to it. */
    private volatile boolean callerDone;
    private volatile Throwable workerFailure;
    /** Set by a thread before it parks, after which the other unparks it (and only then: unpark is a system call). */
    private volatile boolean workerParked;
    private volatile boolean callerParked;
    private Thread worker;

    /**
     * @param outputStage the output stage of one iMCU row, after which its window slot may be reused
     * @param rows        iMCU rows in the scan
     * @param depth       iMCU rows the coefficient window holds (at least 2)
     */
    RowPipeline(ScanDecoder.RowListener outputStage, int rows, int depth) {
        if (depth < 2) {
            throw new IllegalArgumentException("a pipeline needs a window of at least 2 rows, found " + depth);
        }
        this.outputStage = outputStage;
        this.rows = rows;
        this.depth = depth;
    }

    /** Runs {@code producer} on this thread and the output stage beside it; returns what the producer returns. */
    int run(Producer producer) throws JpegException {
        worker = new Thread(this::work, "tessera-decode-output");
        worker.setDaemon(true);
        worker.start();
        try {
            int result = producer.decode(this::published);
            while (output < decoded) {
                helpOrWait();
            }
            return result;
        } finally {
            callerDone = true;
            LockSupport.unpark(worker);
            joinUninterruptibly(worker);
        }
    }

    /** Row {@code row} is decoded into its slot: hand it on, then wait until the next row's slot is free. */
    private void published(int row) throws JpegException {
        decoded = row + 1;
        if (workerParked) {
            LockSupport.unpark(worker);
        }
        // Row + 1 goes into the slot of row + 1 - depth, which must have been through the output stage.
        while (row + 1 < rows && output <= row + 1 - depth) {
            helpOrWait();
        }
    }

    /** Caller: runs the next row's output stage unless the worker is running one, in which case waits a little. */
    private void helpOrWait() throws JpegException {
        rethrowWorkerFailure();
        if (outputLock.tryLock()) {
            try {
                rethrowWorkerFailure(); // set under the lock, so the failed row is never run twice
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

    /** Under the lock: the output stage of the next decoded row, if there is one. */
    private void outputNext() throws JpegException {
        int next = output;
        if (next < decoded) {
            outputStage.rowDecoded(next);
            output = next + 1;
        }
    }

    private void work() {
        try {
            while (!callerDone) {
                int next = output;
                if (next >= rows) {
                    return;
                }
                if (next < decoded) {
                    outputLock.lock();
                    try {
                        outputNext();
                    } catch (Throwable e) {
                        workerFailure = e;
                        return;
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
            workerFailure = e;
            LockSupport.unpark(caller);
        }
    }

    private void rethrowWorkerFailure() throws JpegException {
        Throwable failure = workerFailure;
        if (failure == null) {
            return;
        }
        if (failure instanceof JpegException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("output stage failed", failure);
    }

    private static void joinUninterruptibly(Thread thread) {
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
