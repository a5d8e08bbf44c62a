package dev.tessera.jpeg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link AutoThreads}: a second thread only while a core is idle now, and explicit counts kept as given. */
class AutoThreadsTest {
    @Test
    void autoTakesASecondCoreOnlyWhileTheLoadLeavesOneIdle() {
        assertEquals(2, AutoThreads.choose(1, 2), "only the caller runs");
        assertEquals(2, AutoThreads.choose(1.6, 2));
        assertEquals(1, AutoThreads.choose(2, 2), "two busy cores of two");
        assertEquals(1, AutoThreads.choose(7.5, 4));
        assertEquals(2, AutoThreads.choose(3, 4));
        assertEquals(1, AutoThreads.choose(0.0, 1), "one processor");
        assertEquals(1, AutoThreads.choose(-1.0, 8), "no load average on this system");
    }

    @Test
    void explicitCountsAreKept() {
        assertEquals(1, AutoThreads.resolve(1));
        assertEquals(3, AutoThreads.resolve(3));
        int auto = AutoThreads.resolve(AutoThreads.AUTO);
        assertTrue(auto == 1 || auto == 2, "auto gives 1 or 2, found " + auto);
    }

    @Test
    void theRunnableCountIsReadFromProcLoadavg() {
        assertEquals(3, AutoThreads.runnable("0.52 0.58 0.59 3/467 12345\n"));
        assertEquals(12, AutoThreads.runnable("10.00 9.50 8.25 12/1024 99"));
        assertEquals(-1, AutoThreads.runnable("0.52 0.58 0.59"));
        assertEquals(-1, AutoThreads.runnable("0.52 0.58 0.59 x/467 1"));
        assertEquals(-1, AutoThreads.runnable(""));
    }

    @Test
    void onLinuxTheCallerItselfCountsAsBusy() throws Exception {
        Path proc = Path.of("/proc/loadavg");
        if (!Files.isReadable(proc)) {
            return; // elsewhere the figure is the MXBean's load average
        }
        // This thread is running while it reads, so at least 1 thread is runnable.
        assertTrue(AutoThreads.busyThreads() >= 1, "busy " + AutoThreads.busyThreads());
    }
}
