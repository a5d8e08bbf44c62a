package dev.tessera.jpeg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link AutoThreads}: a second thread only while a core is idle, and explicit counts kept as given. */
class AutoThreadsTest {
    @Test
    void autoTakesASecondCoreOnlyWhileTheLoadLeavesOneIdle() {
        assertEquals(2, AutoThreads.choose(0.0, 2));
        assertEquals(2, AutoThreads.choose(1.6, 2));
        assertEquals(1, AutoThreads.choose(2.0, 2), "two busy cores of two");
        assertEquals(1, AutoThreads.choose(7.5, 4));
        assertEquals(2, AutoThreads.choose(3.9, 4));
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
    void theLoadAverageIsLinuxsFirstFigure() throws Exception {
        Path proc = Path.of("/proc/loadavg");
        if (!Files.isReadable(proc)) {
            return; // elsewhere it comes from the MXBean, which the JDK tests
        }
        double before = Double.parseDouble(Files.readString(proc).split(" ")[0]);
        double load = AutoThreads.loadAverage();
        double after = Double.parseDouble(Files.readString(proc).split(" ")[0]);
        // The kernel updates it every 5 s: it is one of the two readings around ours, or between them.
        assertTrue(load >= Math.min(before, after) - 1e-9 && load <= Math.max(before, after) + 1e-9,
            load + " not within " + before + ".." + after);
    }
}
