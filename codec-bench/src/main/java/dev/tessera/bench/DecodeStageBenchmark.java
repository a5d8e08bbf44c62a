package dev.tessera.bench;

import dev.tessera.jpeg.color.ColorDeconverter;
import dev.tessera.jpeg.dct.IdctKernel;
import dev.tessera.jpeg.dct.InverseDct;
import dev.tessera.jpeg.entropy.HuffmanDecoder;
import dev.tessera.jpeg.entropy.HuffmanEncoder;
import dev.tessera.jpeg.entropy.HuffmanLookup;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.quant.QualityScaling;
import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.simd.VectorWarmup;
import dev.tessera.jpeg.sample.Upsampler;
import dev.tessera.jpeg.spec.ZigZag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The decoder's stages on one 4:2:0 MCU row (the {@link StageInput} strip: 16 rows of the benchmark image,
 * 288 blocks for kodim01), each through the codec's own classes as the decode pipeline calls them:
 *
 * <ul>
 *   <li>{@code huffman}: Huffman decoding (T.81 F.2.2) of the strip's blocks, coded with the Annex K tables,
 *       through {@link BitReader} into zeroed natural-order coefficient blocks (Y, then Cb, then Cr, each
 *       a run of single-component MCUs);</li>
 *   <li>{@code idct}: dequantization and 8x8 inverse DCT of the 288 blocks (the default, SIMD-exact kernel);</li>
 *   <li>{@code upsample}: fancy 2x2 upsampling of Cb and Cr to 16 full-width rows;</li>
 *   <li>{@code color}: YCbCr to BGR of the 16 rows.</li>
 * </ul>
 * One op = one strip; an image is {@code height / 16} strips.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeStageBenchmark {
    @Param({BenchImage.DEFAULT})
    public String image;

    StageInput in;
    byte[] entropy;
    HuffmanLookup[] dcLookups;
    HuffmanLookup[] acLookups;
    short[] coefficients;
    short[] decoded;
    int[] lumaMultipliers;
    int[] chromaMultipliers;
    IdctKernel idct;
    short[] samples;
    SamplePlane cbPlane;
    SamplePlane crPlane;
    Upsampler cbUp;
    Upsampler crUp;
    short[][] rows;
    ColorDeconverter color;
    byte[] pixels;

    @Setup
    public void setUp() {
        in = new StageInput(BenchImage.load(image));
        int blocks = in.blockCount;
        coefficients = new short[blocks * 64];
        int[] natural = ZigZag.zigZagToNatural();
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < 64; k++) {
                coefficients[b * 64 + natural[k]] = in.coefficients[b * 64 + k];
            }
        }
        entropy = encodeStrip();
        dcLookups = new HuffmanLookup[] {HuffmanLookup.of(StandardTables.LUMINANCE_DC, true),
            HuffmanLookup.of(StandardTables.CHROMINANCE_DC, true)};
        acLookups = new HuffmanLookup[] {HuffmanLookup.of(StandardTables.LUMINANCE_AC, false),
            HuffmanLookup.of(StandardTables.CHROMINANCE_AC, false)};
        decoded = new short[blocks * 64];

        lumaMultipliers = InverseDct.multipliers(QualityScaling.scale(StandardTables.LUMINANCE_QUANT, EncodeBenchmark.QUALITY, true).toNaturalArray());
        chromaMultipliers = InverseDct.multipliers(QualityScaling.scale(StandardTables.CHROMINANCE_QUANT, EncodeBenchmark.QUALITY, true)
            .toNaturalArray());
        // The kernels a long-running JVM ends up with: wait for the vector kernels' background warm-up, if any.
        InverseDct.forSize(8, false);
        ColorDeconverter.yccToBgr();
        awaitVectorWarmup();
        idct = InverseDct.forSize(8, false);
        samples = new short[blocks * 64];

        int half = in.width / 2;
        cbPlane = new SamplePlane(half, StageInput.ROWS / 2);
        crPlane = new SamplePlane(half, StageInput.ROWS / 2);
        for (int i = 0; i < half * StageInput.ROWS / 2; i++) {
            cbPlane.data()[i] = (short) in.cbHalf[i];
            crPlane.data()[i] = (short) in.crHalf[i];
        }
        cbUp = Upsampler.choose(cbPlane, StageInput.ROWS / 2, half, 1, 1, 2, 2, true);
        crUp = Upsampler.choose(crPlane, StageInput.ROWS / 2, half, 1, 1, 2, 2, true);
        rows = new short[3 * StageInput.ROWS][in.width + 1];
        for (int y = 0; y < StageInput.ROWS; y++) {
            for (int x = 0; x < in.width; x++) {
                rows[3 * y][x] = (short) in.y[y * in.width + x];
            }
            cbUp.row(y, rows[3 * y + 1], in.width);
            crUp.row(y, rows[3 * y + 2], in.width);
        }
        color = ColorDeconverter.yccToBgr();
        pixels = new byte[in.width * StageInput.ROWS * 3];
    }

    /** Waits for {@link VectorWarmup}: without it the first choices are the scalar kernels. */
    static void awaitVectorWarmup() {
        try {
            if (!VectorWarmup.awaitAll(300_000)) {
                throw new IllegalStateException("vector kernels not warmed up in 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The strip's blocks Huffman-coded as three single-component runs (Y, Cb, Cr), byte-aligned at the end. */
    private byte[] encodeStrip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ByteSink sink = new ByteSink(out);
            BitWriter bits = new BitWriter(sink);
            HuffmanTable[] dc = {new HuffmanTable(StandardTables.LUMINANCE_DC),
                new HuffmanTable(StandardTables.CHROMINANCE_DC)};
            HuffmanTable[] ac = {new HuffmanTable(StandardTables.LUMINANCE_AC),
                new HuffmanTable(StandardTables.CHROMINANCE_AC)};
            int previous = 0;
            for (int b = 0; b < in.blockCount; b++) {
                if (b == in.lumaBlockCount || b == in.lumaBlockCount + (in.blockCount - in.lumaBlockCount) / 2) {
                    previous = 0;
                }
                int t = b < in.lumaBlockCount ? 0 : 1;
                HuffmanEncoder.encodeBlock(bits, in.coefficients, b * 64, previous, dc[t], ac[t]);
                previous = in.coefficients[b * 64];
            }
            bits.flushToByteBoundary();
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Benchmark
    public short[] huffman() throws JpegException {
        Arrays.fill(decoded, (short) 0);
        BitReader bits = new BitReader(new ByteSource(entropy, new WarningSink(null, false)),
            new WarningSink(null, false));
        bits.startScan();
        int luma = in.lumaBlockCount;
        int chroma = (in.blockCount - luma) / 2;
        short[][] blocks = {decoded};
        int[] offsets = new int[1];
        int b = 0;
        for (int c = 0; c < 3; c++) {
            int t = c == 0 ? 0 : 1;
            HuffmanDecoder decoder = new HuffmanDecoder(bits, new HuffmanLookup[] {dcLookups[t]},
                new HuffmanLookup[] {acLookups[t]}, new int[1]);
            int end = c == 0 ? luma : luma + c * chroma;
            for (; b < end; b++) {
                offsets[0] = b * 64;
                decoder.decodeMcu(blocks, offsets);
            }
        }
        return decoded;
    }

    @Benchmark
    public short[] idct() {
        int luma = in.lumaBlockCount;
        for (int b = 0; b < in.blockCount; b++) {
            idct.transform(coefficients, b * 64, b < luma ? lumaMultipliers : chromaMultipliers, samples, b * 64, 8);
        }
        return samples;
    }

    @Benchmark
    public short[][] upsample() {
        for (int y = 0; y < StageInput.ROWS; y++) {
            cbUp.row(y, rows[3 * y + 1], in.width);
            crUp.row(y, rows[3 * y + 2], in.width);
        }
        return rows;
    }

    @Benchmark
    public byte[] color() {
        short[][] three = new short[3][];
        for (int y = 0; y < StageInput.ROWS; y++) {
            three[0] = rows[3 * y];
            three[1] = rows[3 * y + 1];
            three[2] = rows[3 * y + 2];
            color.convert(three, in.width, pixels, y * in.width * 3);
        }
        return pixels;
    }
}
