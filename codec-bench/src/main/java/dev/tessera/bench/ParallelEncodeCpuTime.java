package dev.tessera.bench;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where the CPU time of a parallel encode goes, which a loaded machine does not hide as it hides wall-clock
 * speed-ups: for each {@link ParallelEncodeBenchmark} option set and 1 or 2 threads, the process CPU time
 * per encode of the {@code photo} mosaic, and the part spent on the calling thread (ordering, and entropy
 * coding unless restart intervals are whole MCU rows), which cannot run in parallel. On an idle machine with
 * 2 cores, an encode takes at least max(calling-thread CPU, process CPU / 2); the one-thread CPU time over
 * that bound is printed as the speed-up the split allows ("allows"), and the process CPU over the one-thread
 * CPU as the cost of splitting ("CPU x"). Process CPU includes the JIT and GC threads, so both carry a few
 * per cent of noise. Not a JMH benchmark: run it for the accounting, and ParallelEncodeBenchmark for speed.
 *
 * <pre>
 * java -cp codec-bench/target/benchmarks.jar dev.tessera.bench.ParallelEncodeCpuTime [encodes]
 * </pre>
 */
public final class ParallelEncodeCpuTime {
    private ParallelEncodeCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int encodes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        BufferedImage photo = DecodeInputs.photo();
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 21);
        System.out.printf("%-12s %7s %9s %16s %10s %7s %7s%n", "options", "threads", "wall ms",
            "process CPU ms", "caller ms", "CPU x", "allows");
        for (String name : new String[] {"default", "default-rst", "baseline"}) {
            double oneThreadCpu = 0;
            for (int n : new int[] {1, 2}) {
                JpegEncoder encoder = new JpegEncoder(ParallelEncodeBenchmark.options(name).withThreads(n));
                for (int i = 0; i < 3; i++) {
                    out.reset();
                    encoder.encode(photo, out);
                }
                long wall = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                long caller = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < encodes; i++) {
                    out.reset();
                    encoder.encode(photo, out);
                }
                double wallMs = (System.nanoTime() - wall) / 1e6 / encodes;
                double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / encodes;
                double callerMs = (threads.getCurrentThreadCpuTime() - caller) / 1e6 / encodes;
                if (n == 1) {
                    oneThreadCpu = cpuMs;
                }
                double bound = n == 1 ? cpuMs : Math.max(callerMs, cpuMs / 2);
                System.out.printf("%-12s %7d %9.0f %16.0f %10.0f %7.2f %6.2fx%n", name, n, wallMs, cpuMs,
                    callerMs, cpuMs / oneThreadCpu, oneThreadCpu / bound);
            }
        }
    }
}
