package dev.tessera.bench;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * The busy-server case of the reader's threads default: {@code callers} threads each calling
 * {@code ImageIO.read(File)} through Tessera's reader without pause, in phases that alternate the system
 * property {@code dev.tessera.imageio.decodeThreads} between {@code 1} (every decode on its calling thread) and
 * {@code auto} (the default: a second thread while the load average leaves a core idle), and the same for a
 * fixed {@code 2}. Prints the decodes per second of each phase and the one-minute load average at its end.
 * With callers at least the processor count, {@code auto} should match {@code 1}; a fixed {@code 2} shows
 * what a pipeline costs on saturated cores. The first phases warm up the JIT and the load average, which takes
 * about a minute to follow the load. Not a JMH benchmark.
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp codec-bench/target/benchmarks.jar \
 *     dev.tessera.bench.ImageIoConcurrentRead photo 420 [callers] [seconds a phase] [rounds]
 * </pre>
 */
public final class ImageIoConcurrentRead {
    private static final String PROPERTY = "dev.tessera.imageio.decodeThreads";

    private ImageIoConcurrentRead() {
    }

    public static void main(String[] args) throws Exception {
        String image = args[0];
        String kind = args[1];
        int callers = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String[] settings = {"1", "auto", "2"};
        try (ImageIoInput input = ImageIoInput.load(image, kind);
             ImageIoPlugins.Preference first =
                 ImageIoPlugins.Preference.reader(ImageIoPlugins.readerClass(ImageIoPlugins.TESSERA))) {
            input.checkDecoders();
            System.out.printf("%s, %d callers, %d processors, %d s a phase%n", input, callers,
                Runtime.getRuntime().availableProcessors(), seconds);
            for (int round = 0; round < rounds; round++) {
                for (String setting : settings) {
                    System.setProperty(PROPERTY, setting);
                    double rate = run(input, callers, seconds);
                    System.out.printf("  round %d decodeThreads=%-4s %7.2f decodes/s (%6.1f MP/s), load average %.2f%n",
                        round, setting, rate, rate * input.megapixels(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
            }
        } finally {
            System.clearProperty(PROPERTY);
        }
    }

    private static double run(ImageIoInput input, int callers, int seconds) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        BufferedImage decoded = ImageIO.read(input.file.toFile());
                        if (decoded == null || decoded.getWidth() != input.width) {
                            throw new IllegalStateException("did not decode " + input);
                        }
                        count.incrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "caller-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return count.get() * 1e9 / (System.nanoTime() - start);
    }
}
