package dev.tessera.bench;

import dev.tessera.jpeg.sample.Downsampler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** 2x2 box downsampling (4:2:0) of the Cb and Cr planes of one 16-row strip. One op = one strip. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DownsampleBenchmark {
    @Param({BenchImage.DEFAULT})
    public String image;

    StageInput in;
    Downsampler half;
    int[] cbOut;
    int[] crOut;

    @Setup
    public void setUp() {
        in = new StageInput(BenchImage.load(image));
        half = Downsampler.of(2, 2);
        cbOut = new int[in.cbHalf.length];
        crOut = new int[in.crHalf.length];
    }

    @Benchmark
    public void half() {
        half.downsample(in.cb, in.width, cbOut, StageInput.ROWS / 2);
        half.downsample(in.cr, in.width, crOut, StageInput.ROWS / 2);
    }
}
