package dev.tessera.bench;

import dev.tessera.jpeg.sample.Downsampler;
import dev.tessera.jpeg.simd.BlockGroups;
import dev.tessera.jpeg.simd.VectorSupport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Box downsampling of the Cb and Cr planes of one 16-row strip, for each subsampling the encoder offers: 2x2
 * (4:2:0), 2x1 (4:2:2), 1x2 (4:4:0), 4x1 (4:1:1). {@code plain}: rows in plain order, the encoder's path without
 * the Vector API; {@code grouped}: the group layout's scalar kernel; {@code vector}: what the encoder takes with
 * the module ({@code Downsampler.of(hf, vf, true)}: the Vector API kernel for 2x2 and 2x1, the grouped scalar
 * kernel otherwise). The rows are padded to whole groups by repeating the last sample. One op = one strip.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class DownsampleBenchmark {
    @Param({BenchImage.DEFAULT})
    public String image;

    /** Horizontal x vertical factor. */
    @Param({"2x2", "2x1", "1x2", "4x1"})
    public String ratio;

    /** {@code plain}, {@code grouped} or {@code vector}. */
    @Param({"plain", "grouped", "vector"})
    public String kernel;

    Downsampler downsampler;
    boolean grouped;
    int width;
    int outHeight;
    int[] cb;
    int[] cr;
    int[] cbOut;
    int[] crOut;

    @Setup
    public void setUp() throws InterruptedException {
        StageInput in = new StageInput(BenchImage.load(image));
        int hf = ratio.charAt(0) - '0';
        int vf = ratio.charAt(2) - '0';
        boolean vector = kernel.equals("vector");
        if (vector && !VectorSupport.enabled()) {
            throw new IllegalStateException("no vector kernels in this JVM: " + VectorSupport.status());
        }
        grouped = !kernel.equals("plain");
        while (vector && !Downsampler.vectorReady()) {
            Thread.sleep(10); // the kernels' background warm-up
        }
        downsampler = Downsampler.of(hf, vf, vector);
        width = BlockGroups.roundUpToGroups(in.width / hf) * hf;
        int rows = StageInput.ROWS;
        outHeight = rows / vf;
        cb = padded(in.cb, in.width, rows);
        cr = padded(in.cr, in.width, rows);
        cbOut = new int[width / hf * outHeight];
        crOut = new int[cbOut.length];
    }

    private int[] padded(int[] plane, int planeWidth, int rows) {
        int[] out = new int[width * rows];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = plane[y * planeWidth + Math.min(x, planeWidth - 1)];
            }
            if (grouped) {
                BlockGroups.regroupInPlace(out, y * width, width);
            }
        }
        return out;
    }

    @Benchmark
    public int[] strip() {
        if (grouped) {
            downsampler.downsampleGrouped(cb, width, cbOut, outHeight);
            downsampler.downsampleGrouped(cr, width, crOut, outHeight);
        } else {
            downsampler.downsample(cb, width, cbOut, outHeight);
            downsampler.downsample(cr, width, crOut, outHeight);
        }
        return crOut;
    }
}
