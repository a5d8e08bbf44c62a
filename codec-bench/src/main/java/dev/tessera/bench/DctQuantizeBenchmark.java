package dev.tessera.bench;

import dev.tessera.jpeg.dct.FdctGroupKernel;
import dev.tessera.jpeg.dct.FdctKernel;
import dev.tessera.jpeg.dct.ForwardDct;
import dev.tessera.jpeg.simd.VectorSupport;
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
 *
 * <p>{@code fdctBlocks} and {@code fdctGroups} are the encoder's two kernels on the same blocks: one block a
 * call read from a plane in plain order (the scalar code), and eight a call from the group layout of
 * {@code simd.BlockGroups} ({@code VectorGroupFdct} when the JVM has {@code jdk.incubator.vector}, after its
 * warm-up; else the scalar group kernel).
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

    /** The blocks side by side, 8 rows of {@code width} samples: plain order, and in the group layout. */
    int[] plain;
    int[] grouped;
    int width;
    final int[] coefficients = new int[512];
    FdctKernel blockKernel;
    FdctGroupKernel groupKernel;

    @Setup
    public void setUp() {
        in = new StageInput(BenchImage.load(image));
        out = new short[in.coefficients.length];
        int groups = in.blockCount / 8;
        width = groups * 64;
        plain = new int[8 * width];
        grouped = new int[8 * width];
        for (int b = 0; b < groups * 8; b++) {
            for (int i = 0; i < 64; i++) {
                int r = i >> 3;
                int c = i & 7;
                plain[r * width + b * 8 + c] = in.samples[b * 64 + i];
                grouped[r * width + (b / 8) * 64 + 8 * c + b % 8] = in.samples[b * 64 + i];
            }
        }
        if (VectorSupport.enabled()) {
            ForwardDct.vectorReady(); // starts the warm-up
            DecodeStageBenchmark.awaitVectorWarmup();
        }
        blockKernel = ForwardDct.kernel();
        groupKernel = ForwardDct.groupKernel(VectorSupport.enabled());
    }

    @Benchmark
    public int fdctBlocks() {
        int sum = 0;
        for (int x = 0; x < width; x += 8) {
            blockKernel.transform(plain, x, width, coefficients);
            sum += coefficients[1];
        }
        return sum;
    }

    @Benchmark
    public int fdctGroups() {
        int sum = 0;
        for (int x = 0; x < width; x += 64) {
            groupKernel.transform(grouped, x, width, coefficients);
            sum += coefficients[9];
        }
        return sum;
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
