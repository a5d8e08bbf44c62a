package dev.tessera.bench;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.RestartInterval;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encodes the 4.06 MP {@code photo} mosaic of {@link DecodeInputs} with {@code threads} threads
 * ({@link EncoderOptions#withThreads}); the file is the same for every thread count. {@code options}:
 *
 * <ul>
 *   <li>{@code default}: the sequential form of {@link EncoderOptions#DEFAULT} (perceptual tables, trellis,
 *       optimized Huffman, no restarts; DEFAULT itself is progressive since 2026-11-23): quantization in
 *       parallel, entropy coding on one thread;</li>
 *   <li>{@code default-rst}: the same with a restart marker every MCU row, so entropy coding is parallel too;</li>
 *   <li>{@code baseline}: {@link EncoderOptions#BASELINE_COMPATIBLE} (plain rounding, optimized Huffman, no
 *       restarts), where entropy coding is a larger share of the time;</li>
 *   <li>{@code progressive}: {@link EncoderOptions#DEFAULT} as it is, progressive with one scan script:
 *       quantization in parallel, then the scans counted and coded one task a scan.</li>
 * </ul>
 *
 * One operation is one whole image written into a reused in-memory stream; MP/s = ops/s x 4.06.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParallelEncodeBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"default", "default-rst", "baseline", "progressive"})
    public String options;

    BufferedImage pixels;
    JpegEncoder encoder;
    final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 21);

    @Setup
    public void setUp() {
        pixels = DecodeInputs.photo();
        encoder = new JpegEncoder(options(options).withThreads(threads));
        System.err.println("[tessera-bench] photo " + pixels.getWidth() + "x" + pixels.getHeight() + ", "
            + options + ", " + threads + " threads, " + Runtime.getRuntime().availableProcessors() + " cpus");
    }

    static EncoderOptions options(String name) {
        return switch (name) {
            case "default" -> EncoderOptions.DEFAULT.withProgressive(false);
            case "default-rst" -> EncoderOptions.DEFAULT.withProgressive(false)
                .withRestartInterval(RestartInterval.mcuRows(1));
            case "baseline" -> EncoderOptions.BASELINE_COMPATIBLE;
            case "progressive" -> EncoderOptions.DEFAULT;
            default -> throw new IllegalArgumentException(
                "options must be default, default-rst, baseline or progressive: " + name);
        };
    }

    /** Returns the file size. */
    @Benchmark
    public int encode() throws IOException {
        out.reset();
        encoder.encode(pixels, out);
        return out.size();
    }

    byte[] lastOutput() {
        return out.toByteArray();
    }
}
