package dev.tessera.bench;

import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Thread CPU time of {@code ImageIO.read(File)} through Tessera's plugin and through the JDK's, and of the
 * direct {@code JpegDecoder.decode(Path)}, in one JVM, the three taking turns call by call so that a loaded
 * machine slows them alike; prints the median and minimum milliseconds and the speed ratios Tessera / JDK and
 * Tessera / direct (from the medians). Steadier than JMH's wall-clock throughput when other processes share the
 * CPUs; not a JMH benchmark. The inputs are those of {@link ImageIoDecodeBenchmark} (image and kind, see
 * {@link ImageIoInput}).
 *
 * <p>Thread CPU time counts the calling thread only: with a fifth argument {@code wall} the clock is the wall
 * clock instead, which is the one to use when Tessera's reader takes a second thread (its default,
 * {@code DecoderOptions.AUTO_THREADS}, pipelines large single-scan files while a core is idle); run it on an
 * otherwise idle machine. {@code -Ddev.tessera.imageio.decodeThreads=1} keeps the reader on the calling thread.
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp codec-bench/target/benchmarks.jar dev.tessera.bench.ImageIoCpuTime \
 *     photo 420 [warm-up rounds] [timed rounds] [cpu|wall]
 * </pre>
 */
public final class ImageIoCpuTime {
    private static final List<String> PLUGINS = List.of(ImageIoPlugins.TESSERA, ImageIoPlugins.JDK,
        ImageIoPlugins.DIRECT);

    private ImageIoCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        String image = args[0];
        String kind = args[1];
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int timed = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        boolean wall = args.length > 4 && args[4].equals("wall");
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        java.util.function.LongSupplier clock = wall ? System::nanoTime : threadBean::getCurrentThreadCpuTime;
        try (ImageIoInput input = ImageIoInput.load(image, kind)) {
            input.checkDecoders();
            double[][] ms = new double[PLUGINS.size()][timed];
            for (int round = 0; round < warmUp + timed; round++) {
                for (int p = 0; p < PLUGINS.size(); p++) {
                    String plugin = PLUGINS.get(p);
                    BufferedImage decoded;
                    long start;
                    long end;
                    if (plugin.equals(ImageIoPlugins.DIRECT)) {
                        JpegDecoder decoder = new JpegDecoder();
                        start = clock.getAsLong();
                        decoded = decoder.decode(input.file);
                        end = clock.getAsLong();
                    } else {
                        try (ImageIoPlugins.Preference first =
                                 ImageIoPlugins.Preference.reader(ImageIoPlugins.readerClass(plugin))) {
                            start = clock.getAsLong();
                            decoded = ImageIO.read(input.file.toFile());
                            end = clock.getAsLong();
                        }
                    }
                    if (decoded == null || decoded.getWidth() != input.width) {
                        throw new IllegalStateException(plugin + " did not decode " + input);
                    }
                    if (round >= warmUp) {
                        ms[p][round - warmUp] = (end - start) / 1e6;
                    }
                }
            }
            double[] median = new double[PLUGINS.size()];
            StringBuilder line = new StringBuilder(input + (wall ? " (wall clock)" : " (thread CPU time)"));
            for (int p = 0; p < PLUGINS.size(); p++) {
                Arrays.sort(ms[p]);
                median[p] = ms[p][timed / 2];
                line.append(String.format("%n  %-8s median %7.2f ms (%6.1f MP/s), min %7.2f ms", PLUGINS.get(p),
                    median[p], input.megapixels() * 1000 / median[p], ms[p][0]));
            }
            line.append(String.format("%n  tessera / jdk %.2f, tessera / direct %.2f (speed, medians)",
                median[1] / median[0], median[2] / median[0]));
            System.out.println(line);
        }
    }
}
