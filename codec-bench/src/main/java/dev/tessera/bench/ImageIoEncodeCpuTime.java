package dev.tessera.bench;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Thread CPU time of JPEG encoding through Tessera's ImageIO writer, through the JDK's, and through the direct
 * {@code JpegEncoder}, in one JVM, the three taking turns call by call so that a loaded machine slows them
 * alike (the encode side of {@link ImageIoCpuTime}). Two calls, as {@link ImageIoEncodeBenchmark} makes them:
 * {@code explicit}, a writer with a {@code JPEGImageWriteParam} of quality 0.9 into a
 * {@code MemoryCacheImageOutputStream} (direct: {@code BASELINE_COMPATIBLE.withQuality(90)}), and
 * {@code write}, {@code ImageIO.write(image, "jpeg", out)} with the plugin ordered first (quality 0.75; direct:
 * {@code BASELINE_COMPATIBLE}). A third call, {@code annexk}, is {@code explicit} with
 * {@code setOptimizeHuffmanTables(false)} on both params: the work the JDK's writer does by default (Annex K
 * Huffman tables, one pass over the coefficients), where Tessera's default param optimizes the tables (two
 * passes, smaller files). Prints per image type the median and minimum milliseconds and the speed ratios
 * Tessera / JDK and Tessera / direct (from the medians). With the vector module, the timed rounds start once
 * {@code simd.VectorWarmup} has finished, so that they measure the kernels a long-running JVM ends up with; run
 * it without {@code -Ddev.tessera.simd.warmup=false}, which makes C2 compile the kernels inlined into the much
 * larger row encoder, where JDK 17 leaves vector operations uncompiled (see docs/performance.md).
 *
 * <p>With a sixth argument {@code wall} the clock is the wall clock instead of the calling thread's CPU time:
 * the one to use when Tessera's writer takes a second thread (its default, {@code EncoderOptions.AUTO_THREADS},
 * quantizes stripes on a worker for a large image while a core is idle); run it on an otherwise idle machine.
 * {@code -Ddev.tessera.imageio.encodeThreads=1} keeps the writer on the calling thread.
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp codec-bench/target/benchmarks.jar dev.tessera.bench.ImageIoEncodeCpuTime \
 *     photo [3byte-bgr,int-rgb,byte-gray] [explicit,write,annexk] [warm-up rounds] [timed rounds] [cpu|wall]
 * </pre>
 */
public final class ImageIoEncodeCpuTime {
    private static final List<String> PLUGINS = List.of(ImageIoPlugins.TESSERA, ImageIoPlugins.JDK,
        ImageIoPlugins.DIRECT);

    /** Wall clock rather than the calling thread's CPU time. */
    private static boolean wall;

    private ImageIoEncodeCpuTime() {
    }

    private static long now(ThreadMXBean threads) {
        return wall ? System.nanoTime() : threads.getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws Exception {
        String image = args[0];
        List<String> types = List.of((args.length > 1 ? args[1] : "3byte-bgr,int-rgb,byte-gray").split(","));
        List<String> calls = List.of((args.length > 2 ? args[2] : "explicit,write").split(","));
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int timed = args.length > 4 ? Integer.parseInt(args[4]) : 11;
        wall = args.length > 5 && args[5].equals("wall");
        BufferedImage picture = DecodeInputs.picture(image);
        for (String type : types) {
            BufferedImage pixels = ImageIoEncodeBenchmark.convert(picture, type);
            for (String call : calls) {
                run(image, pixels, type, call, warmUp, timed);
            }
        }
    }

    private static void run(String image, BufferedImage pixels, String type, String call, int warmUp, int timed)
        throws Exception {
        if (!call.equals("explicit") && !call.equals("write") && !call.equals("annexk")) {
            throw new IllegalArgumentException("calls are explicit, write and annexk, not " + call);
        }
        boolean annexK = call.equals("annexk");
        boolean explicit = annexK || call.equals("explicit");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ImageWriter[] writers = new ImageWriter[PLUGINS.size()];
        ImageWriteParam[] params = new ImageWriteParam[PLUGINS.size()];
        for (int p = 0; p < PLUGINS.size(); p++) {
            if (!PLUGINS.get(p).equals(ImageIoPlugins.DIRECT)) {
                writers[p] = ImageIoPlugins.writer(ImageIoPlugins.writerClass(PLUGINS.get(p)));
                params[p] = ImageIoEncodeBenchmark.explicitParam(writers[p]);
                if (annexK) {
                    ((JPEGImageWriteParam) params[p]).setOptimizeHuffmanTables(false);
                }
            }
        }
        EncoderOptions options = explicit
            ? EncoderOptions.BASELINE_COMPATIBLE.withQuality(
                ImageIoEncodeBenchmark.ijgQuality(ImageIoEncodeBenchmark.EXPLICIT_QUALITY))
            : EncoderOptions.BASELINE_COMPATIBLE;
        JpegEncoder direct = new JpegEncoder(annexK ? options.withOptimizeHuffman(false) : options);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 22);
        double[][] ms = new double[PLUGINS.size()][timed];
        int[] sizes = new int[PLUGINS.size()];
        byte[] tesseraBytes = null;
        for (int round = 0; round < warmUp + timed; round++) {
            if (round == warmUp) {
                // The kernels a long-running JVM ends up with (the warm-up has started by the first encode).
                DecodeStageBenchmark.awaitVectorWarmup();
            }
            for (int p = 0; p < PLUGINS.size(); p++) {
                String plugin = PLUGINS.get(p);
                out.reset();
                long start;
                long end;
                if (plugin.equals(ImageIoPlugins.DIRECT)) {
                    start = now(threads);
                    direct.encode(pixels, out);
                    end = now(threads);
                } else if (explicit) {
                    start = now(threads);
                    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                        writers[p].setOutput(stream);
                        writers[p].write(null, new IIOImage(pixels, null, null), params[p]);
                    }
                    end = now(threads);
                } else {
                    try (ImageIoPlugins.Preference first =
                             ImageIoPlugins.Preference.writer(ImageIoPlugins.writerClass(plugin))) {
                        start = now(threads);
                        boolean written = ImageIO.write(pixels, "jpeg", out);
                        end = now(threads);
                        if (!written) {
                            throw new IllegalStateException("ImageIO found no JPEG writer");
                        }
                    }
                }
                sizes[p] = out.size();
                if (plugin.equals(ImageIoPlugins.TESSERA)) {
                    tesseraBytes = out.toByteArray();
                } else if (plugin.equals(ImageIoPlugins.DIRECT) && !Arrays.equals(tesseraBytes, out.toByteArray())) {
                    throw new IllegalStateException(type + " " + call
                        + ": Tessera's ImageIO writer and the direct API wrote different files");
                }
                if (round >= warmUp) {
                    ms[p][round - warmUp] = (end - start) / 1e6;
                }
            }
        }
        for (ImageWriter writer : writers) {
            if (writer != null) {
                writer.dispose();
            }
        }
        double megapixels = pixels.getWidth() * (double) pixels.getHeight() / 1e6;
        double[] median = new double[PLUGINS.size()];
        StringBuilder line = new StringBuilder(String.format("%s %s %s (%dx%d)%s", image, type,
            annexK ? "writer + param q0.9, Annex K tables" : explicit ? "writer + param q0.9" : "ImageIO.write (q0.75)",
            pixels.getWidth(), pixels.getHeight(), wall ? ", wall clock" : ""));
        for (int p = 0; p < PLUGINS.size(); p++) {
            Arrays.sort(ms[p]);
            median[p] = ms[p][timed / 2];
            line.append(String.format("%n  %-8s median %7.2f ms (%6.1f MP/s), min %7.2f ms, %d bytes",
                PLUGINS.get(p), median[p], megapixels * 1000 / median[p], ms[p][0], sizes[p]));
        }
        line.append(String.format("%n  tessera / jdk %.2f, tessera / direct %.2f (speed, medians)",
            median[1] / median[0], median[2] / median[0]));
        System.out.println(line);
    }
}
