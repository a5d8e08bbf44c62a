package dev.tessera.jpeg.simd;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Resolves the automatic thread count of a decode or encode ({@code DecoderOptions.AUTO_THREADS}): a second
 * thread only while the machine has a core to spare, so that many images at once on a busy server are coded as
 * they would be on one thread each, while a single image on a quiet machine gets a second core.
 *
 * <p>On Linux the signal is the number of threads runnable at this instant, system-wide (the fourth field of
 * /proc/loadavg, which counts the calling thread itself): a second thread when it is below the processor count,
 * that is when some core is idle now. It has no lag, and over many images it gives the second thread about as
 * often as a core is idle. Elsewhere the JVM's one-minute load average stands in for it (below the processor
 * count), and where there is neither, as on Windows, the answer is 1.
 */
public final class AutoThreads {
    /** The threads value meaning "decide per image". */
    public static final int AUTO = 0;
    /** Images of fewer pixels are coded on the calling thread: starting a thread would cost more than it saves. */
    public static final long MIN_PIXELS = 1 << 18;
    private static final String LINUX_LOAD = "/proc/loadavg";
    /** Whether this system has Linux's /proc/loadavg (checked once: it does not come and go). */
    private static final boolean HAS_PROC_LOADAVG = readable(LINUX_LOAD);

    private AutoThreads() {
    }

    /** Looks at the runnable count this many times, {@link #SAMPLE_GAP_NANOS} apart, before a one-off choice. */
    private static final int SAMPLES = 3;
    private static final long SAMPLE_GAP_NANOS = 50_000;

    /**
     * {@code requested} itself, or for {@link #AUTO} a one-off choice for a whole image: 2 if {@link #choose}
     * gives 2 at any of {@value #SAMPLES} looks some 50 microseconds apart (on Linux; one look elsewhere), so that
     * a thread runnable for an instant (a collector, the JIT) does not decide it; else 1.
     */
    public static int resolve(int requested) {
        if (requested != AUTO) {
            return requested;
        }
        int processors = Runtime.getRuntime().availableProcessors();
        for (int look = 1; ; look++) {
            if (choose(busyThreads(), processors) > 1) {
                return 2;
            }
            if (look == SAMPLES || processors < 2 || !HAS_PROC_LOADAVG) {
                return 1;
            }
            LockSupport.parkNanos(SAMPLE_GAP_NANOS);
        }
    }

    /** One look: whether a core is idle now ({@link #choose} gives 2), for a choice asked again and again. */
    public static boolean coreIdleNow() {
        return choose(busyThreads(), Runtime.getRuntime().availableProcessors()) > 1;
    }

    /**
     * One look from a second thread of a decode, while the first one runs: whether a core would be idle without
     * this thread ({@link #choose} gives 2 for the busy count less one, the asking thread).
     */
    public static boolean coreIdleBesideCaller() {
        double busy = busyThreads();
        return choose(busy < 0 ? busy : Math.max(0, busy - 1), Runtime.getRuntime().availableProcessors()) > 1;
    }

    /**
     * {@link #coreIdleNow()} for one decode that asks again and again (every iMCU row until it starts its
     * worker): on Linux it keeps /proc/loadavg open and rereads it from the start, about 2 microseconds a look
     * where opening it each time costs about 9. Not for use by two threads at once; close it when done.
     */
    public static final class IdleProbe implements BooleanSupplier, AutoCloseable {
        private final byte[] line = new byte[128];
        private final int processors = Runtime.getRuntime().availableProcessors();
        private RandomAccessFile loadavg;
        private boolean failed;

        @Override
        public boolean getAsBoolean() {
            if (!HAS_PROC_LOADAVG || failed) {
                return !failed && coreIdleNow();
            }
            try {
                if (loadavg == null) {
                    loadavg = new RandomAccessFile(LINUX_LOAD, "r");
                } else {
                    loadavg.seek(0);
                }
                int length = Math.max(0, loadavg.read(line));
                return choose(runnable(new String(line, 0, length, StandardCharsets.US_ASCII)), processors) > 1;
            } catch (IOException | SecurityException e) {
                failed = true; // unknown, so one thread
                return false;
            }
        }

        @Override
        public void close() {
            if (loadavg != null) {
                try {
                    loadavg.close();
                } catch (IOException e) {
                    // Nothing was written; nothing is lost.
                }
                loadavg = null;
            }
        }
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
     * 2 when there are at least 2 processors and fewer than that many threads are busy (runnable now, the caller
     * included, or the load average where that is what the system gives), so that some core is idle; 1
     * otherwise, and when the figure is unknown (negative).
     */
    public static int choose(double busy, int processors) {
        return processors >= 2 && busy >= 0 && busy < processors ? 2 : 1;
    }

    /**
     * How busy the machine is: on Linux the threads runnable now (from /proc/loadavg, a few microseconds),
     * elsewhere the one-minute load average from the platform MXBean (its first use loads the management classes,
     * some tens of milliseconds once per JVM); negative where there is neither.
     */
    static double busyThreads() {
        if (HAS_PROC_LOADAVG) {
            try (InputStream in = new FileInputStream(LINUX_LOAD)) {
                return runnable(new String(in.readNBytes(128), StandardCharsets.US_ASCII));
            } catch (IOException | SecurityException e) {
                return -1;
            }
        }
        try {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        } catch (RuntimeException | LinkageError e) {
            return -1; // no management classes in this runtime image: unknown, so one thread
        }
    }

    /**
     * The runnable threads of a /proc/loadavg line ({@code "0.52 0.58 0.59 3/467 12345"}: the number before the
     * slash of the fourth field), or -1 if the line does not have that form.
     */
    static int runnable(String loadavg) {
        String[] fields = loadavg.trim().split(" +");
        if (fields.length < 4) {
            return -1;
        }
        int slash = fields[3].indexOf('/');
        if (slash <= 0) {
            return -1;
        }
        try {
            return Integer.parseInt(fields[3].substring(0, slash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean readable(String path) {
        try {
            return new File(path).canRead();
        } catch (SecurityException e) {
            return false;
        }
    }
}
