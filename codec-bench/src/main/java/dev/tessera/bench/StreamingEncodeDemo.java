package dev.tessera.bench;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.RowWriter;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a synthetic image, made row by row and never held whole, through {@link RowWriter} with baseline
 * settings and the Annex K Huffman tables, and reports time, heap peak and file size; then checks that the
 * file decodes, with {@code djpeg -scale 1/8} (libjpeg-turbo) at the full height and width / 8.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xmx256m -cp codec-bench/target/benchmarks.jar dev.tessera.bench.StreamingEncodeDemo 20000 10000 /tmp/streamed.jpg
 * </pre>
 *
 * <p>A fourth argument sets {@link EncoderOptions#withThreads} (default 1); the file is the same.
 *
 * <p>The pixels: smooth diagonal gradients in R, G and B plus a deterministic +-8 noise per sample, so the
 * file is photo-sized rather than trivially small. Peak heap is the largest used heap seen by a sampler every
 * 5 ms and, separately, the sum of the heap pools' peaks (an upper bound).
 */
public final class StreamingEncodeDemo {
    private StreamingEncodeDemo() {
    }

    public static void main(String[] args) throws Exception {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        Path output = Path.of(args.length > 2 ? args[2] : "streamed.jpg");
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withOptimizeHuffman(false).withThreads(threads);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        HeapSampler sampler = new HeapSampler(memory);
        sampler.start();

        int rowsPerCall = 16;
        byte[] rows = new byte[width * 3 * rowsPerCall];
        long start = System.nanoTime();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
             RowWriter writer = new JpegEncoder(options).openRowWriter(file, width, height, PixelFormat.RGB8,
                 ImageMetadata.NONE)) {
            for (int y = 0; y < height; y += rowsPerCall) {
                int count = Math.min(rowsPerCall, height - y);
                for (int r = 0; r < count; r++) {
                    fillRow(rows, r * width * 3, width, height, y + r);
                }
                writer.writeRows(rows, 0, count);
            }
        }
        long nanos = System.nanoTime() - start;
        sampler.stopSampling();

        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        double megapixels = (double) width * height / 1e6;
        double seconds = nanos / 1e9;
        System.out.printf("image      %dx%d RGB8, %.1f MP, baseline 4:2:0 q75, Annex K Huffman tables, %d thread%s%n",
            width, height, megapixels, threads, threads == 1 ? "" : "s");
        System.out.printf("max heap   %d MiB (-Xmx)%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("time       %.1f s (%.1f MP/s)%n", seconds, megapixels / seconds);
        System.out.printf("heap peak  %.1f MiB used (sampled), %.1f MiB (sum of heap pool peaks)%n",
            sampler.peak / 1048576.0, poolPeaks / 1048576.0);
        System.out.printf("file       %s, %d bytes (%.2f bits a pixel)%n", output, Files.size(output),
            8.0 * Files.size(output) / ((double) width * height));
        verify(output, width, height);
    }

    /** One row of the synthetic picture as RGB bytes. */
    static void fillRow(byte[] out, int at, int width, int height, int y) {
        long seed = 0x9E3779B97F4A7C15L * (y + 1);
        for (int x = 0; x < width; x++) {
            seed ^= seed << 13;
            seed ^= seed >>> 7;
            seed ^= seed << 17;
            int noise = (int) (seed & 15) - 8;
            int r = 255 * x / width;
            int g = 255 * y / height;
            int b = 255 * ((x + y) % 4096) / 4096;
            out[at++] = (byte) clamp(r + noise);
            out[at++] = (byte) clamp(g + noise);
            out[at++] = (byte) clamp(b - noise);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Decodes with {@code djpeg -scale 1/8}; checks the size of the PPM it writes and that it warned of nothing. */
    private static void verify(Path file, int width, int height) throws IOException, InterruptedException {
        Process djpeg;
        try {
            djpeg = new ProcessBuilder("djpeg", "-scale", "1/8", "-ppm", file.toString()).start();
        } catch (IOException e) {
            System.out.println("decode     djpeg not found; not checked");
            return;
        }
        byte[] header = new byte[64];
        int n;
        long total = 0;
        try (InputStream in = djpeg.getInputStream()) {
            n = in.readNBytes(header, 0, header.length);
            total = n + in.transferTo(OutputStream.nullOutputStream());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        djpeg.getErrorStream().transferTo(errors);
        int exit = djpeg.waitFor();
        String[] fields = new String(header, 0, n, StandardCharsets.US_ASCII).split("\\s+");
        int w = Integer.parseInt(fields[1]);
        int h = Integer.parseInt(fields[2]);
        boolean ok = exit == 0 && errors.size() == 0 && w == (width + 7) / 8 && h == (height + 7) / 8;
        System.out.printf("decode     djpeg -scale 1/8: exit %d, %dx%d, %d bytes of PPM, warnings: %s -> %s%n", exit, w,
            h, total, errors.size() == 0 ? "none" : errors.toString(StandardCharsets.UTF_8).trim(),
            ok ? "OK" : "FAILED");
        if (!ok) {
            System.exit(1);
        }
    }

    /** Polls the used heap every 5 ms and keeps the largest value seen. */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory;
        private volatile boolean running = true;
        volatile long peak;

        HeapSampler(MemoryMXBean memory) {
            super("heap-sampler");
            this.memory = memory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() throws InterruptedException {
            running = false;
            join();
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }
}
