package dev.tessera.bench;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Thread CPU time of one-thread decodes of a file, steadier than wall-clock speed on a loaded machine: after
 * the warm-up decodes, the minimum and median CPU time of the timed ones, and the start of the SHA-256 of the
 * last image's pixels (so that two builds can be checked to give the same pixels). For A/B comparisons, run
 * the jars of both builds alternately, several rounds. Not a JMH benchmark.
 *
 * <pre>
 * java -cp codec-bench/target/benchmarks.jar dev.tessera.bench.DecodeCpuTime file.jpg [warm-up] [timed]
 * </pre>
 * (the files of {@link DecodeBenchmark} are written by {@link DecodeInputs}).
 */
public final class DecodeCpuTime {
    private DecodeCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        byte[] file = Files.readAllBytes(Path.of(args[0]));
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        JpegDecoder decoder = new JpegDecoder(DecoderOptions.DEFAULT);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BufferedImage image = null;
        for (int i = 0; i < warmUp; i++) {
            image = decoder.decode(file);
        }
        double[] ms = new double[timed];
        for (int i = 0; i < timed; i++) {
            long start = threads.getCurrentThreadCpuTime();
            image = decoder.decode(file);
            ms[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(pixels);
        System.out.printf("%s min %.2f med %.2f ms pixels %02x%02x%02x%02x%n", Path.of(args[0]).getFileName(),
            ms[0], ms[timed / 2], hash[0], hash[1], hash[2], hash[3]);
    }
}
