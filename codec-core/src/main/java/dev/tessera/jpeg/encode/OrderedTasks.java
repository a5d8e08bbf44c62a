package dev.tessera.jpeg.encode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs tasks 0..count-1 on an executor with at most {@code window} of them submitted and not yet taken, and
 * hands their results back in index order. The window bounds memory: results wait only until the caller,
 * which consumes them in order, takes them.
 *
 * @param <R> the result of one task
 */
final class OrderedTasks<R> {
    /** One task; may throw an IOException, which {@link #next} rethrows. */
    interface Task<R> {
        R run(int index) throws IOException;
    }

    private final ExecutorService pool;
    private final int count;
    private final int window;
    private final Task<R> task;
    private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    private int submitted;

    OrderedTasks(ExecutorService pool, int count, int window, Task<R> task) {
        this.pool = pool;
        this.count = count;
        this.window = Math.max(1, window);
        this.task = task;
    }

    /** The result of the next task in index order, waiting for it; keeps the window full. */
    R next() throws IOException {
        while (inFlight.size() < window && submitted < count) {
            int index = submitted++;
            inFlight.add(pool.submit(() -> task.run(index)));
        }
        Future<R> head = inFlight.poll();
        if (head == null) {
            throw new IllegalStateException("all " + count + " tasks already taken");
        }
        try {
            return await(head);
        } catch (IOException | RuntimeException | Error e) {
            cancel();
            throw e;
        }
    }

    /** Cancels the tasks not taken yet. */
    void cancel() {
        for (Future<R> f : inFlight) {
            f.cancel(true);
        }
        inFlight.clear();
    }

    /** Waits for a task and rethrows what it threw, unwrapped. */
    static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new InterruptedIOException("interrupted while encoding");
        } catch (CancellationException e) {
            throw new InterruptedIOException("encoding task cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }
}
