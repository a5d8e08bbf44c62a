package dev.tessera.jpeg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A warm-up runs its exercise {@value VectorWarmup#CALLS} times on a daemon thread and only then reports the
 * kernel ready; a failing exercise leaves it unready (the scalar code stays); the system property makes it ready
 * at once without running anything. Needs no vector module: the class names no vector type.
 */
class VectorWarmupTest {
    @Test
    void readyOnlyAfterEveryCallOnADaemonThread() throws InterruptedException {
        String before = System.clearProperty(VectorWarmup.PROPERTY);
        try {
            AtomicInteger calls = new AtomicInteger();
            AtomicReference<Thread> thread = new AtomicReference<>();
            VectorWarmup w = VectorWarmup.start("test", () -> {
                thread.set(Thread.currentThread());
                calls.incrementAndGet();
            });
            assertTrue(w.await(60_000), "warm-up did not finish");
            assertEquals(VectorWarmup.CALLS, calls.get());
            assertTrue(thread.get().isDaemon());
            assertEquals("tessera-warmup-test", thread.get().getName());
            assertTrue(VectorWarmup.awaitAll(60_000));
        } finally {
            restore(before);
        }
    }

    @Test
    void aFailingExerciseNeverBecomesReady() throws InterruptedException {
        String before = System.clearProperty(VectorWarmup.PROPERTY);
        try {
            AtomicInteger calls = new AtomicInteger();
            VectorWarmup w = VectorWarmup.start("failing", () -> {
                if (calls.incrementAndGet() == 100) {
                    throw new IllegalStateException("exercise failed on purpose");
                }
            });
            assertFalse(w.await(60_000), "ready after its exercise threw");
            assertEquals(100, calls.get());
            assertTrue(VectorWarmup.awaitAll(60_000), "a failed warm-up counts as finished");
        } finally {
            restore(before);
        }
    }

    @Test
    void thePropertySkipsTheWarmUp() {
        String before = System.setProperty(VectorWarmup.PROPERTY, "false");
        try {
            AtomicInteger calls = new AtomicInteger();
            VectorWarmup w = VectorWarmup.start("skipped", calls::incrementAndGet);
            assertTrue(w.ready());
            assertEquals(0, calls.get());
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(VectorWarmup.PROPERTY);
        } else {
            System.setProperty(VectorWarmup.PROPERTY, value);
        }
    }
}
