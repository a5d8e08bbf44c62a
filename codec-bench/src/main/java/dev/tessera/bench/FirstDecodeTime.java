package dev.tessera.bench;

import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first decodes in a fresh JVM, as a command-line tool decoding one file sees them: for each of the first
 * few decodes of a file, the wall time, the decoding thread's CPU time and the whole process's CPU time (which
 * includes the JIT compilers and any background warm-up of the vector kernels). Compares the scalar path, the
 * vector kernels chosen at once and the default background warm-up:
 *
 * <pre>
 * J="java -cp codec-bench/target/benchmarks.jar"
 * $J -Ddev.tessera.simd=false dev.tessera.bench.FirstDecodeTime file.jpg 3
 * $J --add-modules jdk.incubator.vector -Ddev.tessera.simd.warmup=false dev.tessera.bench.FirstDecodeTime file.jpg 3
 * $J --add-modules jdk.incubator.vector dev.tessera.bench.FirstDecodeTime file.jpg 3
 * </pre>
 * Not a JMH benchmark (JMH measures after warm-up, which is the point here).
 */
public final class FirstDecodeTime {
    private FirstDecodeTime() {
    }

    public static void main(String[] args) throws Exception {
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        int decodes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        JpegDecoder decoder = new JpegDecoder();
        for (int i = 0; i < decodes; i++) {
            long wall = System.nanoTime();
            long thread = threads.getCurrentThreadCpuTime();
            long process = os.getProcessCpuTime();
            BufferedImage image = decoder.decode(data);
            System.out.printf("decode %d (%dx%d): wall %.0f ms, thread CPU %.0f ms, process CPU %.0f ms%n", i + 1,
                image.getWidth(), image.getHeight(), (System.nanoTime() - wall) / 1e6,
                (threads.getCurrentThreadCpuTime() - thread) / 1e6, (os.getProcessCpuTime() - process) / 1e6);
        }
    }
}
