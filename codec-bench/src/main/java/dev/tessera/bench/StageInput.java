package dev.tessera.bench;

import dev.tessera.jpeg.color.ColorConverter;
import dev.tessera.jpeg.dct.ForwardDct;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.quant.QualityScaling;
import dev.tessera.jpeg.quant.Quantizer;
import dev.tessera.jpeg.sample.Downsampler;
import java.awt.image.BufferedImage;

/**
 * The input of each encoder stage for one MCU row of a 4:2:0 encode: a strip of {@value #ROWS} pixel rows
 * taken from the middle of the benchmark image, cut to a multiple of 16 columns. Each stage benchmark does
 * one strip per operation, so stage costs add up to the strip's share of a whole encode
 * ({@code height / 16} strips an image).
 *
 * <p>Built with the codec's own stage classes, in the pipeline's order, so every stage sees the data it
 * would see in an encode at quality {@value EncodeBenchmark#QUALITY}.
 */
final class StageInput {
    /** One MCU row of 4:2:0. */
    static final int ROWS = 16;

    final String source;
    /** Strip width in pixels (a multiple of 16). */
    final int width;
    /** Interleaved R, G, B bytes, {@code ROWS} rows of {@code width} pixels. */
    final byte[] rgb;
    /** Full-resolution Y, Cb and Cr samples of the strip, row-major. */
    final int[] y;
    final int[] cb;
    final int[] cr;
    /** Cb and Cr after 2x2 averaging: {@code ROWS / 2} rows of {@code width / 2}. */
    final int[] cbHalf;
    final int[] crHalf;
    /** Blocks of the MCU row: Y blocks first, then Cb, then Cr. */
    final int blockCount;
    final int lumaBlockCount;
    /** Samples of each block, natural order, 64 per block. */
    final int[] samples;
    /** Quantized coefficients of each block, zig-zag order, 64 per block. */
    final short[] coefficients;
    final Quantizer lumaQuantizer;
    final Quantizer chromaQuantizer;

    StageInput(BenchImage bench) {
        BufferedImage image = bench.image();
        source = bench.toString();
        width = image.getWidth() / 16 * 16;
        if (width == 0 || image.getHeight() < ROWS) {
            throw new IllegalArgumentException("stage benchmarks need an image of at least 16x16: " + bench);
        }
        int top = (image.getHeight() / 2) / ROWS * ROWS;
        int pixels = width * ROWS;
        rgb = new byte[pixels * 3];
        int[] argb = image.getRGB(0, top, width, ROWS, null, 0, width);
        for (int i = 0; i < pixels; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        y = new int[pixels];
        cb = new int[pixels];
        cr = new int[pixels];
        ColorConverter.rgbToYCbCr(rgb, 0, pixels, y, cb, cr, 0);
        cbHalf = new int[pixels / 4];
        crHalf = new int[pixels / 4];
        Downsampler half = Downsampler.of(2, 2);
        half.downsample(cb, width, cbHalf, ROWS / 2);
        half.downsample(cr, width, crHalf, ROWS / 2);

        lumaBlockCount = pixels / 64;
        blockCount = lumaBlockCount + 2 * (pixels / 4 / 64);
        samples = new int[blockCount * 64];
        int b = gatherBlocks(y, width, ROWS, samples, 0);
        b = gatherBlocks(cbHalf, width / 2, ROWS / 2, samples, b);
        gatherBlocks(crHalf, width / 2, ROWS / 2, samples, b);

        lumaQuantizer = new Quantizer(quantTable(StandardTables.LUMINANCE_QUANT));
        chromaQuantizer = new Quantizer(quantTable(StandardTables.CHROMINANCE_QUANT));
        coefficients = new short[blockCount * 64];
        int[] block = new int[64];
        for (int i = 0; i < blockCount; i++) {
            System.arraycopy(samples, i * 64, block, 0, 64);
            ForwardDct.transform(block, 0);
            quantizer(i).quantize(block, 0, coefficients, i * 64);
        }
    }

    Quantizer quantizer(int block) {
        return block < lumaBlockCount ? lumaQuantizer : chromaQuantizer;
    }

    private static QuantTable quantTable(QuantTable base) {
        return QualityScaling.scale(base, EncodeBenchmark.QUALITY, true);
    }

    /** Copies the 8x8 blocks of a plane, in raster order of blocks, into {@code out}; returns the next block. */
    private static int gatherBlocks(int[] plane, int planeWidth, int rows, int[] out, int firstBlock) {
        int b = firstBlock;
        for (int by = 0; by < rows; by += 8) {
            for (int bx = 0; bx < planeWidth; bx += 8, b++) {
                for (int r = 0; r < 8; r++) {
                    System.arraycopy(plane, (by + r) * planeWidth + bx, out, b * 64 + r * 8, 8);
                }
            }
        }
        return b;
    }
}
