package dev.tessera.bench;

import dev.tessera.jpeg.color.ColorDeconverter;
import dev.tessera.jpeg.color.FancyH2V2YccToBgr;
import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.sample.Upsampler;
import dev.tessera.jpeg.simd.VectorSupport;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The 4:2:0 decode kernel alone: fancy (triangular) chroma upsampling merged with YCbCr to BGR
 * ({@link FancyH2V2YccToBgr}), scalar against the Vector API variant, on random samples of a {@value #WIDTH} x
 * {@value #ROWS} strip. Scores are ns per output pixel. Both run in a JVM with {@code jdk.incubator.vector} (the
 * {@code kernel} parameter picks the variant), so they differ only in the kernel; {@code -prof gc} shows that
 * neither allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FancyUpsampleBenchmark {
    static final int WIDTH = 1920;
    static final int ROWS = 16;

    /** {@code scalar} or {@code vector}. */
    @Param({"scalar", "vector"})
    public String kernel;

    FancyH2V2YccToBgr merged;
    byte[] out;

    @Setup
    public void setUp() {
        boolean vector = kernel.equals("vector");
        if (vector && !VectorSupport.enabled()) {
            throw new IllegalStateException("no vector kernels in this JVM: " + VectorSupport.status());
        }
        Random random = new Random(1);
        int cw = WIDTH / 2;
        SamplePlane y = plane(random, WIDTH, ROWS);
        SamplePlane cb = plane(random, cw, ROWS / 2);
        SamplePlane cr = plane(random, cw, ROWS / 2);
        Upsampler[] ups = {
            Upsampler.choose(y, ROWS, WIDTH, 2, 2, 2, 2, true),
            Upsampler.choose(cb, ROWS / 2, cw, 1, 1, 2, 2, true),
            Upsampler.choose(cr, ROWS / 2, cw, 1, 1, 2, 2, true)};
        if (FancyH2V2YccToBgr.choose(ups, ColorDeconverter.yccToBgr()) == null) {
            throw new IllegalStateException("fancy h2v2 does not apply");
        }
        merged = FancyH2V2YccToBgr.create(ups, vector);
        out = new byte[3 * WIDTH * ROWS];
    }

    @Benchmark
    @OperationsPerInvocation(WIDTH * ROWS)
    public byte[] strip() {
        for (int row = 0; row < ROWS; row++) {
            merged.row(row, WIDTH, out, row * WIDTH * 3);
        }
        return out;
    }

    private static SamplePlane plane(Random random, int stride, int rows) {
        SamplePlane p = new SamplePlane(stride, rows);
        short[] data = p.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (short) random.nextInt(256);
        }
        return p;
    }
}
