package dev.tessera.jpeg.simd;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Resolves the automatic thread count of a decode or encode ({@code DecoderOptions.AUTO_THREADS}): a second
 * thread only while the machine has a core to spare, so that many images at once on a busy server are coded as
 * they would be on one thread each, while a single image on a quiet machine gets a second core.
 */
public final class AutoThreads {
    /** The threads value meaning "decide per image". */
    public static final int AUTO = 0;
    /** Images of fewer pixels are coded on the calling thread: starting a thread would cost more than it saves. */
    public static final long MIN_PIXELS = 1 << 18;
    private static final String LINUX_LOAD = "/proc/loadavg";

    private AutoThreads() {
    }

    /** {@code requested} itself, or for {@link #AUTO} the count {@link #choose} gives for this machine now. */
    public static int resolve(int requested) {
        if (requested != AUTO) {
            return requested;
        }
        return choose(loadAverage(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * The threads for an image of {@code pixels} pixels: {@code requested} itself, or for {@link #AUTO} 1 under
     * {@link #MIN_PIXELS} pixels and {@link #resolve} above.
     */
    public static int forImage(int requested, long pixels) {
        if (requested != AUTO) {
            return requested;
        }
        return pixels < MIN_PIXELS ? 1 : resolve(AUTO);
    }

    /**
     * 2 when there are at least 2 processors and the one-minute load average (runnable threads, averaged) is below
     * their number, so that some core is idle part of the time; 1 otherwise, and when the load is unknown
     * (negative).
     */
    public static int choose(double loadAverage, int processors) {
        return processors >= 2 && loadAverage >= 0 && loadAverage < processors ? 2 : 1;
    }

    /**
     * The system's one-minute load average: on Linux read from /proc/loadavg (a few microseconds), elsewhere from
     * the platform MXBean (its first use loads the management classes, some tens of milliseconds once per JVM);
     * negative where there is none (Windows).
     */
    static double loadAverage() {
        if (HAS_PROC_LOADAVG) {
            try (InputStream in = new FileInputStream(LINUX_LOAD)) {
                String text = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
                int end = text.indexOf(' ');
                return Double.parseDouble(end < 0 ? text : text.substring(0, end));
            } catch (IOException | NumberFormatException | SecurityException e) {
                return -1;
            }
        }
        try {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        } catch (RuntimeException | LinkageError e) {
            return -1; // no management classes in this runtime image: unknown, so one thread
        }
    }

    /** Whether this system has Linux's /proc/loadavg (checked once: it does not come and go). */
    private static final boolean HAS_PROC_LOADAVG = readable(LINUX_LOAD);

    private static boolean readable(String path) {
        try {
            return new java.io.File(path).canRead();
        } catch (SecurityException e) {
            return false;
        }
    }
}
