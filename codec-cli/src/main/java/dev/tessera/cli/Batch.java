package dev.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one job per file on a pool of threads, reports progress (on standard error), and isolates failures: a
 * job that throws (including {@link OutOfMemoryError}) is reported as one line on standard error and counted,
 * and the other jobs go on. Results come back in job order, whatever order the jobs finish in.
 */
final class Batch {
    /** The work for one file. */
    @FunctionalInterface
    interface Work<R> {
        Done<R> run() throws Exception;
    }

    /** A job: the file it is about (for messages) and its work. */
    record Job<R>(Path file, Work<R> work) {
    }

    /**
     * A finished job.
     *
     * @param value    what the command keeps (may be {@code null})
     * @param bytesIn  the size of the file read
     * @param bytesOut the size of the file written, 0 if none
     * @param note     what to print after the file's name in progress lines (e.g. "-> a.jpg (1234 bytes)")
     */
    record Done<R>(R value, long bytesIn, long bytesOut, String note) {
    }

    /** What a run did. {@code values} holds the successful jobs' values in job order. */
    record Summary<R>(List<R> values, int files, int failures, long bytesIn, long bytesOut, long nanos) {
        /** One line: files, failures, bytes in and out, ratio, time. */
        String describe() {
            StringBuilder text = new StringBuilder();
            text.append(files).append(files == 1 ? " file" : " files").append(": ")
                .append(files - failures).append(" done, ").append(failures).append(" failed; ")
                .append(Units.bytes(bytesIn)).append(" in");
            if (bytesOut > 0) {
                text.append(", ").append(Units.bytes(bytesOut)).append(" out (ratio ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", (double) bytesIn / bytesOut)).append(":1)");
            }
            text.append("; ").append(String.format(java.util.Locale.ROOT, "%.2f s", nanos / 1e9));
            return text.toString();
        }
    }

    private final int threads;
    private final Progress progress;
    private final PrintWriter err;
    private final boolean verbose;

    /**
     * @param threads  worker threads, at least 1
     * @param progress receives one step per finished job
     * @param err      where failures are printed
     * @param verbose  print stack traces of failures
     */
    Batch(int threads, Progress progress, PrintWriter err, boolean verbose) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        this.threads = threads;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.err = Objects.requireNonNull(err, "err");
        this.verbose = verbose;
    }

    <R> Summary<R> run(List<Job<R>> jobs) {
        long start = System.nanoTime();
        List<Done<R>> results = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        progress.start(jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, jobs.size())), runnable -> {
            Thread thread = new Thread(runnable, "tessera-batch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Done<R>>> futures = new ArrayList<>();
            for (Job<R> job : jobs) {
                futures.add(pool.submit(() -> runOne(job, failures)));
            }
            for (Future<Done<R>> future : futures) {
                results.add(join(future));
            }
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        List<R> values = new ArrayList<>();
        long bytesIn = 0;
        long bytesOut = 0;
        for (Done<R> done : results) {
            if (done != null) {
                if (done.value() != null) {
                    values.add(done.value());
                }
                bytesIn += done.bytesIn();
                bytesOut += done.bytesOut();
            }
        }
        return new Summary<>(values, jobs.size(), failures.get(), bytesIn, bytesOut, System.nanoTime() - start);
    }

    private <R> Done<R> runOne(Job<R> job, AtomicInteger failures) {
        try {
            Done<R> done = job.work().run();
            progress.step(job.file(), done.note());
            return done;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            failures.incrementAndGet();
            synchronized (err) {
                String name = Inputs.isStdin(job.file()) ? Inputs.STDIN_NAME : String.valueOf(job.file());
                err.println("tessera: " + name + ": " + Failures.describe(e, name));
                if (verbose) {
                    e.printStackTrace(err);
                }
                err.flush();
            }
            progress.step(job.file(), "FAILED");
            return null;
        }
    }

    private static <R> Done<R> join(Future<Done<R>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // runOne catches everything a job throws; anything else here is a bug.
            throw new IllegalStateException(e.getCause());
        }
    }
}
