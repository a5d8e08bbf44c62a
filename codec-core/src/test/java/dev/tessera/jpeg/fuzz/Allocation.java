package dev.tessera.jpeg.fuzz;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the Java heap by the current thread, from HotSpot's
 * {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}: the tool the robustness tests use to show
 * that limits are checked before allocating.
 */
public final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    /** Total bytes this thread has allocated so far; subtract two readings to measure a call. */
    public static long current() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
