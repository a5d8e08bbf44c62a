package dev.tessera.bench;

import dev.tessera.jpeg.entropy.HuffmanEncoder;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.model.StandardTables;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
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
 * Huffman coding (T.81 F.1.2) of the quantized blocks of one 4:2:0 MCU row with the Annex K tables, through
 * the codec's bit writer and byte sink into a discarding stream; and the symbol counting pass that optimised
 * tables (K.2) add. One op = one MCU row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HuffmanBenchmark {
    @Param({BenchImage.DEFAULT})
    public String image;

    StageInput in;
    HuffmanTable lumaDc;
    HuffmanTable lumaAc;
    HuffmanTable chromaDc;
    HuffmanTable chromaAc;
    BitWriter bits;
    final long[] dcCounts = new long[256];
    final long[] acCounts = new long[256];

    @Setup
    public void setUp() {
        in = new StageInput(BenchImage.load(image));
        lumaDc = new HuffmanTable(StandardTables.LUMINANCE_DC);
        lumaAc = new HuffmanTable(StandardTables.LUMINANCE_AC);
        chromaDc = new HuffmanTable(StandardTables.CHROMINANCE_DC);
        chromaAc = new HuffmanTable(StandardTables.CHROMINANCE_AC);
        // The sink's buffer drains to a stream that drops the bytes; the writer lives across operations.
        bits = new BitWriter(new ByteSink(OutputStream.nullOutputStream()));
    }

    @Benchmark
    public void encode() throws IOException {
        short[] coefficients = in.coefficients;
        int luma = in.lumaBlockCount;
        int chroma = (in.blockCount - luma) / 2;
        int previous = 0;
        for (int b = 0; b < luma; b++) {
            HuffmanEncoder.encodeBlock(bits, coefficients, b * 64, previous, lumaDc, lumaAc);
            previous = coefficients[b * 64];
        }
        for (int c = 0; c < 2; c++) {
            previous = 0;
            for (int b = luma + c * chroma; b < luma + (c + 1) * chroma; b++) {
                HuffmanEncoder.encodeBlock(bits, coefficients, b * 64, previous, chromaDc, chromaAc);
                previous = coefficients[b * 64];
            }
        }
    }

    @Benchmark
    public long count() {
        Arrays.fill(dcCounts, 0);
        Arrays.fill(acCounts, 0);
        short[] coefficients = in.coefficients;
        int previous = 0;
        for (int b = 0; b < in.blockCount; b++) {
            HuffmanEncoder.countBlock(coefficients, b * 64, previous, dcCounts, acCounts);
            previous = coefficients[b * 64];
        }
        return acCounts[0];
    }
}
