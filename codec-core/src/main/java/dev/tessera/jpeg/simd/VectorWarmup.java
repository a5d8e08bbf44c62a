package dev.tessera.jpeg.simd;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Brings one vector kernel to C2-compiled code on a background thread, so that decoders choose it only once it
 * is fast. Until C2 has compiled it, Vector API code runs interpreted or in C1 code that allocates every vector:
 * 100 to 800 microseconds for an 8x8 IDCT that takes 0.1 compiled, and C2 needs some 10,000 calls and a second
 * or more of compile time for each kernel. Chosen at once, the vector kernels made the first decode of a
 * 33-megapixel file in a fresh JVM about four times slower than the scalar code (8 s against 2 s); a CLI
 * decoding one file would only ever see that. So each kernel class owns one {@code VectorWarmup}: the first
 * decoder that asks starts a daemon thread running the kernel {@value #CALLS} times on made-up data, and until
 * then {@link #ready()} is {@code false} and the scalar variant is chosen (the same bytes). The flag only changes
 * which of two equal kernels runs, never a result.
 *
 * <p>The system property {@value #PROPERTY}{@code =false} skips the warm-up: {@link #ready()} is then
 * {@code true} at once, and the vector kernels run from the first call (the build's vector tests use it, so
 * that every decode they check goes through the vector code).
 */
public final class VectorWarmup {
    /** The system property that, when {@code false}, makes every kernel ready at once. */
    public static final String PROPERTY = "dev.tessera.simd.warmup";
    /** Calls of a kernel's exercise on the warm-up thread: past C2's invocation thresholds with margin. */
    public static final int CALLS = 20_000;

    /** Every warm-up started in this JVM, for {@link #awaitAll}. */
    private static final List<VectorWarmup> STARTED = new CopyOnWriteArrayList<>();

    private final Runnable exercise;
    private volatile boolean ready;
    /** Ready, or the exercise threw: nothing more will happen. */
    private volatile boolean finished;

    private VectorWarmup(Runnable exercise, boolean ready) {
        this.exercise = exercise;
        this.ready = ready;
        this.finished = ready;
    }

    /**
     * Starts warming a kernel: {@code exercise} (one call of the kernel on its own data, safe on any thread) runs
     * {@value #CALLS} times on a daemon thread named {@code tessera-warmup-<name>}, then the kernel is ready.
     * Call only when {@link VectorSupport#enabled()}.
     */
    public static VectorWarmup start(String name, Runnable exercise) {
        String property;
        try {
            property = System.getProperty(PROPERTY);
        } catch (SecurityException e) {
            property = null;
        }
        if ("false".equalsIgnoreCase(property)) {
            return new VectorWarmup(exercise, true);
        }
        VectorWarmup w = new VectorWarmup(exercise, false);
        STARTED.add(w);
        Thread t = new Thread(w::run, "tessera-warmup-" + name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return w;
    }

    private void run() {
        try {
            for (int i = 0; i < CALLS; i++) {
                exercise.run();
            }
            ready = true; // not reached if the exercise throws: the scalar kernel stays in use
        } finally {
            finished = true;
        }
    }

    /** The kernel's exercise, for the test that runs every kernel's (the warm-up itself is off there). */
    Runnable exercise() {
        return exercise;
    }

    /** Whether the kernel has been warmed (or the warm-up is switched off): decoders choose it from then on. */
    public boolean ready() {
        return ready;
    }

    /** Waits until {@link #ready()}, at most {@code millis} ms; returns {@link #ready()}. For tests and benchmarks. */
    public boolean await(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (!finished && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return ready;
    }

    /**
     * Waits until every warm-up started so far has finished (ready, or failed and left to the scalar code), at
     * most {@code millis} ms in all; returns whether they all have. For benchmarks, which should measure the
     * kernels a long-running JVM ends up with.
     */
    public static boolean awaitAll(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        for (VectorWarmup w : STARTED) {
            w.await(Math.max(0, (end - System.nanoTime()) / 1_000_000L));
            if (!w.finished) {
                return false;
            }
        }
        return true;
    }
}
