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
 * ({@link FancyH2V2YccToBgr}), scalar against the Vector API variant, on a {@value #WIDTH} x {@value #ROWS} strip
 * of samples: {@code photo} (the Y, Cb and Cr of {@link BenchImage#DEFAULT}'s middle strip, tiled to the width,
 * as the encoder's stage benchmarks use them) or {@code random} (uniform 0..255: clamping everywhere, the
 * scalar code's worst case for branch prediction). Scores are ns per output pixel. {@link #yccToBgr} measures
 * the non-merged converter ({@link ColorDeconverter#yccToBgr()}, used for 4:4:4 and after other upsampling) on
 * the same Y and on Cb and Cr at full width. Both run in a JVM with {@code jdk.incubator.vector} (the
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

    /** {@code photo} or {@code random}. */
    @Param({"photo", "random"})
    public String samples;

    FancyH2V2YccToBgr merged;
    ColorDeconverter converter;
    short[][] fullRows;
    int[] fullStarts;
    byte[] out;

    @Setup
    public void setUp() {
        boolean vector = kernel.equals("vector");
        if (vector && !VectorSupport.enabled()) {
            throw new IllegalStateException("no vector kernels in this JVM: " + VectorSupport.status());
        }
        Random random = new Random(1);
        int cw = WIDTH / 2;
        SamplePlane y = new SamplePlane(WIDTH, ROWS);
        SamplePlane cb = new SamplePlane(cw, ROWS / 2);
        SamplePlane cr = new SamplePlane(cw, ROWS / 2);
        if (samples.equals("photo")) {
            StageInput in = new StageInput(BenchImage.load(BenchImage.DEFAULT));
            fill(y, in.y, in.width);
            fill(cb, in.cbHalf, in.width / 2);
            fill(cr, in.crHalf, in.width / 2);
        } else {
            for (SamplePlane p : new SamplePlane[] {y, cb, cr}) {
                short[] data = p.data();
                for (int i = 0; i < data.length; i++) {
                    data[i] = (short) random.nextInt(256);
                }
            }
        }
        Upsampler[] ups = {
            Upsampler.choose(y, ROWS, WIDTH, 2, 2, 2, 2, true),
            Upsampler.choose(cb, ROWS / 2, cw, 1, 1, 2, 2, true),
            Upsampler.choose(cr, ROWS / 2, cw, 1, 1, 2, 2, true)};
        if (FancyH2V2YccToBgr.choose(ups, ColorDeconverter.yccToBgr()) == null) {
            throw new IllegalStateException("fancy h2v2 does not apply");
        }
        merged = FancyH2V2YccToBgr.create(ups, vector);
        converter = ColorDeconverter.yccToBgr(vector);
        // Full-width chroma rows for yccToBgr: each chroma plane's rows, samples doubled (ROWS rows, one array).
        fullRows = new short[3][];
        fullRows[0] = y.data();
        fullStarts = new int[3];
        for (int c = 1; c < 3; c++) {
            short[] half = (c == 1 ? cb : cr).data();
            short[] full = new short[WIDTH * ROWS];
            for (int i = 0; i < full.length; i++) {
                full[i] = half[(i / WIDTH / 2) * cw + (i % WIDTH) / 2];
            }
            fullRows[c] = full;
        }
        out = new byte[3 * WIDTH * ROWS];
    }

    @Benchmark
    @OperationsPerInvocation(WIDTH * ROWS)
    public byte[] yccToBgr() {
        int[] starts = fullStarts;
        for (int row = 0; row < ROWS; row++) {
            int s = row * WIDTH;
            starts[0] = s;
            starts[1] = s;
            starts[2] = s;
            converter.convert(fullRows, starts, WIDTH, out, 3 * s);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(WIDTH * ROWS)
    public byte[] strip() {
        for (int row = 0; row < ROWS; row++) {
            merged.row(row, WIDTH, out, row * WIDTH * 3);
        }
        return out;
    }

    /** The plane's rows from {@code source} ({@code sourceWidth} samples a row), repeated across the width. */
    private static void fill(SamplePlane p, int[] source, int sourceWidth) {
        short[] data = p.data();
        for (int row = 0; row < p.rowsHeld(); row++) {
            for (int x = 0; x < p.stride(); x++) {
                data[row * p.stride() + x] = (short) source[row * sourceWidth + x % sourceWidth];
            }
        }
    }
}
