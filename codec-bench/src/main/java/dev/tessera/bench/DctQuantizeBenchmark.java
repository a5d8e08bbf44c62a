package dev.tessera.bench;

import dev.tessera.jpeg.dct.ForwardDct;
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
 * Forward DCT, alone and followed by quantization, of the blocks of one 4:2:0 MCU row (Y, Cb, Cr; 6 blocks
 * per 16x16 pixels). The transform works in place, so each block is first copied to a scratch block, as the
 * encoder does. One op = one MCU row; quantization costs the difference of the two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DctQuantizeBenchmark {
    @Param({BenchImage.DEFAULT})
    public String image;

    StageInput in;
    final int[] block = new int[64];
    short[] out;

    @Setup
    public void setUp() {
        in = new StageInput(BenchImage.load(image));
        out = new short[in.coefficients.length];
    }

    @Benchmark
    public int fdct() {
        int sum = 0;
        for (int b = 0; b < in.blockCount; b++) {
            System.arraycopy(in.samples, b * 64, block, 0, 64);
            ForwardDct.transform(block, 0);
            sum += block[0];
        }
        return sum;
    }

    @Benchmark
    public void fdctQuantize() {
        int luma = in.lumaBlockCount;
        for (int b = 0; b < luma; b++) {
            System.arraycopy(in.samples, b * 64, block, 0, 64);
            ForwardDct.transform(block, 0);
            in.lumaQuantizer.quantize(block, 0, out, b * 64);
        }
        for (int b = luma; b < in.blockCount; b++) {
            System.arraycopy(in.samples, b * 64, block, 0, 64);
            ForwardDct.transform(block, 0);
            in.chromaQuantizer.quantize(block, 0, out, b * 64);
        }
    }
}
