package dev.tessera.rd;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Indicative single-thread encode speed, in megapixels per second, of each preset over a folder of PNGs at
 * one quality: a warm-up round, then timed rounds over all images (best round reported), as wall-clock and as
 * the encoding thread's CPU time (less disturbed when other processes share the cores). A plain timing loop,
 * not a JMH benchmark (that is codec-bench's job).
 *
 * <pre>
 * java -cp codec-core/target/classes:codec-core/target/test-classes dev.tessera.rd.EncodeSpeed \
 *     ../shared/corpus/kodak 75 [rounds] [option specs as in RdHarness --options ...]
 * </pre>
 */
public final class EncodeSpeed {
    private EncodeSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int quality = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> specs = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            specs.add(args[i]);
        }
        if (specs.isEmpty()) {
            specs = List.of("preset=baseline_compatible", "preset=fast", "preset=default", "preset=smallest");
        }
        List<BufferedImage> images = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                images.add(ImageIO.read(p.toFile()));
            }
        }
        double megapixels = 0;
        for (BufferedImage im : images) {
            megapixels += im.getWidth() * (double) im.getHeight() / 1e6;
        }
        for (String spec : specs) {
            JpegEncoder encoder = new JpegEncoder(EncoderOptionSpec.parse(spec).withQuality(quality));
            for (BufferedImage im : images) {
                encoder.encode(im); // warm-up
            }
            double bestSeconds = Double.MAX_VALUE;
            double bestCpuSeconds = Double.MAX_VALUE;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                for (BufferedImage im : images) {
                    encoder.encode(im);
                }
                bestSeconds = Math.min(bestSeconds, (System.nanoTime() - t0) / 1e9);
                bestCpuSeconds = Math.min(bestCpuSeconds, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            System.out.printf(Locale.ROOT, "%-40s %7.1f MP/s wall, %7.1f MP/s of thread CPU time%n", spec,
                megapixels / bestSeconds, megapixels / bestCpuSeconds);
        }
    }
}
