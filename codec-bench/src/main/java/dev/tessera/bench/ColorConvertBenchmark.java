package dev.tessera.bench;

import dev.tessera.jpeg.color.ColorConverter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** RGB to YCbCr (T.871 clause 7) of one 16-row strip, row by row as the encoder calls it. One op = one strip. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ColorConvertBenchmark {
    @Param({BenchImage.DEFAULT})
    public String image;

    StageInput in;
    int[] y;
    int[] cb;
    int[] cr;

    @Setup
    public void setUp() {
        in = new StageInput(BenchImage.load(image));
        y = new int[in.y.length];
        cb = new int[in.cb.length];
        cr = new int[in.cr.length];
    }

    @Benchmark
    public void rgbToYCbCr() {
        int width = in.width;
        for (int row = 0; row < StageInput.ROWS; row++) {
            ColorConverter.rgbToYCbCr(in.rgb, row * width * 3, width, y, cb, cr, row * width);
        }
    }
}
