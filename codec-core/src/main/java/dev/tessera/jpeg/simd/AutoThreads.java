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
        try (InputStream in = new FileInputStream(LINUX_LOAD)) {
            String text = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
            int end = text.indexOf(' ');
            return Double.parseDouble(end < 0 ? text : text.substring(0, end));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }
}
