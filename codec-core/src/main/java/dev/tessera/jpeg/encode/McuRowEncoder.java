package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.color.ColorConverter;
import dev.tessera.jpeg.dct.FdctKernel;
import dev.tessera.jpeg.dct.ForwardDct;
import dev.tessera.jpeg.entropy.HuffmanEncoder;
import dev.tessera.jpeg.quant.AdaptiveQuantization;
import dev.tessera.jpeg.quant.BlockQuantizer;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.raster.SampleLayout;
import dev.tessera.jpeg.sample.Downsampler;

/**
 * Turns pixel rows into the quantized coefficients of one MCU row at a time: colour conversion, edge
 * replication to whole MCUs (T.81 A.2.4), downsampling, forward DCT and quantization. Holds only
 * strip-sized buffers; one instance per encode call.
 *
 * <p>Output layout, per component c: {@code verticalSampling(c)} rows of {@code blocksPerLine(c)} blocks,
 * 64 coefficients each (zig-zag order, or natural order for {@link #encodeRowNatural}), row-major.
 */
final class McuRowEncoder {
    private final PixelSource source;
    private final EncodeLayout layout;
    private final Downsampler[] downsamplers;
    private final BlockQuantizer[] quantizers;
    /** Per-block lambda scales from masking, or {@code null} for none. */
    private final AdaptiveQuantization adaptive;
    private final byte[] pixelRow;
    private final SampleLayout sampleLayout;
    /** Full-resolution planes of one MCU row: mcuHeight rows of paddedWidth samples. */
    private final int[][] fullPlanes;
    /** Sampled planes of one MCU row, per component; {@code null} for a full-resolution component. */
    private final int[][] sampledPlanes;
    private final int[] block = new int[64];
    /** Forward DCT output, natural order. */
    private final int[] coefficients = new int[64];
    /** One block of quantized values in zig-zag order, for {@link #encodeRowNatural}. */
    private final short[] zigZagScratch = new short[64];
    private final FdctKernel fdct;
    private final ColorConverter.PlanarRgbToYcc rgbToYcc;
    /** Whether RGB rows go through the Vector API converter as planes, else converted as the source reads them. */
    private final boolean vectorColor;
    /** One RGB row as planes, for {@link SampleLayout#RGB} sources. */
    private final int[] red;
    private final int[] green;
    private final int[] blue;

    McuRowEncoder(PixelSource source, EncodeLayout layout, BlockQuantizer[] quantizers) {
        this(source, layout, quantizers, null, false);
    }

    /** With {@code vector}, the Vector API kernels (only when {@code simd.VectorSupport} enables them). */
    McuRowEncoder(PixelSource source, EncodeLayout layout, BlockQuantizer[] quantizers,
                  AdaptiveQuantization adaptive, boolean vector) {
        this.adaptive = adaptive;
        this.fdct = ForwardDct.kernel(vector);
        this.rgbToYcc = ColorConverter.planar(vector);
        this.vectorColor = vector;
        this.source = source;
        this.layout = layout;
        this.quantizers = quantizers;
        int n = layout.componentCount();
        boolean rgb = source.sampleLayout() == SampleLayout.RGB;
        pixelRow = rgb ? null : new byte[source.width() * source.sampleLayout().channels()];
        red = rgb ? new int[source.width()] : null;
        green = rgb ? new int[source.width()] : null;
        blue = rgb ? new int[source.width()] : null;
        sampleLayout = source.sampleLayout();
        fullPlanes = new int[n][layout.mcuHeight() * layout.paddedWidth()];
        sampledPlanes = new int[n][];
        downsamplers = new Downsampler[n];
        for (int c = 0; c < n; c++) {
            int hf = layout.maxHorizontal() / layout.horizontal(c);
            int vf = layout.maxVertical() / layout.vertical(c);
            downsamplers[c] = Downsampler.of(hf, vf);
            sampledPlanes[c] = hf == 1 && vf == 1 ? null : new int[layout.sampledWidth(c) * layout.sampledHeight(c)];
        }
    }

    /** A coefficient array sized for one MCU row of component {@code c}. */
    short[] newRowBuffer(int c) {
        return new short[layout.blocksPerLine(c) * layout.vertical(c) * 64];
    }

    /** A mask array sized for one MCU row of component {@code c} ({@link #encodeRowNatural}). */
    long[] newMaskBuffer(int c) {
        return new long[layout.blocksPerLine(c) * layout.vertical(c)];
    }

    /** Fills {@code out[c]} with the quantized blocks of MCU row {@code mcuRow}. */
    void encodeRow(int mcuRow, short[][] out) {
        quantizeRow(mcuRow, out, null, null);
    }

    /**
     * As {@link #encodeRow(int, short[][])} with each block's coefficients in natural order, as ints (no reorder to
     * zig-zag), for the first pass of optimized Huffman coding; also fills {@code masks[c][i]} with the nonzero AC
     * mask of block i, in zig-zag order ({@code HuffmanEncoder.nonzeroMask} of the zig-zag block), noted as the
     * block is quantized.
     */
    void encodeRowNatural(int mcuRow, int[][] out, long[][] masks) {
        quantizeRow(mcuRow, null, out, masks);
    }

    /** The blocks of MCU row {@code mcuRow} into {@code zigZagOut}, or into {@code naturalOut} with {@code masks}. */
    private void quantizeRow(int mcuRow, short[][] zigZagOut, int[][] naturalOut, long[][] masks) {
        readStrip(mcuRow);
        int n = layout.componentCount();
        for (int c = 0; c < n; c++) {
            int[] plane = sampledPlanes[c];
            if (plane == null) {
                plane = fullPlanes[c]; // full resolution: the strip is the sampled plane
            } else {
                downsamplers[c].downsample(fullPlanes[c], layout.paddedWidth(), plane, layout.sampledHeight(c));
            }
            int width = layout.sampledWidth(c);
            int blocksPerLine = layout.blocksPerLine(c);
            short[] zigZag = zigZagOut == null ? null : zigZagOut[c];
            int[] natural = naturalOut == null ? null : naturalOut[c];
            long[] targetMasks = masks == null ? null : masks[c];
            BlockQuantizer quantizer = quantizers[c];
            int h = layout.horizontal(c);
            int realWide = layout.realBlocksWide(c);
            int realHigh = layout.realBlocksHigh(c);
            for (int v = 0; v < layout.vertical(c); v++) {
                boolean dummyRow = mcuRow * layout.vertical(c) + v >= realHigh;
                for (int bx = 0; bx < blocksPerLine; bx++) {
                    int at = (v * blocksPerLine + bx) * 64;
                    if (dummyRow || bx >= realWide) {
                        // T.81 A.2.4: dummy blocks are not in the image; any content decodes correctly. A zero
                        // block repeating the DC of the block coded before it costs two short codes (libjpeg
                        // does the same). Block (0, 0) of an MCU is always real, so a predecessor exists.
                        int previous = bx % h > 0 ? at - 64 : ((v - 1) * blocksPerLine + bx + h - 1) * 64;
                        if (zigZag != null) {
                            java.util.Arrays.fill(zigZag, at, at + 64, (short) 0);
                            zigZag[at] = zigZag[previous];
                        } else {
                            java.util.Arrays.fill(natural, at, at + 64, 0);
                            natural[at] = natural[previous]; // DC: index 0 in either order
                            targetMasks[v * blocksPerLine + bx] = 0;
                        }
                        continue;
                    }
                    int origin = v * 8 * width + bx * 8;
                    if (adaptive == null) {
                        fdct.transform(plane, origin, width, coefficients);
                        if (zigZag != null) {
                            quantizer.quantize(coefficients, 0, zigZag, at);
                        } else {
                            targetMasks[v * blocksPerLine + bx] =
                                quantizer.quantizeNatural(coefficients, 0, natural, at, zigZagScratch);
                        }
                    } else {
                        for (int row = 0; row < 8; row++) {
                            System.arraycopy(plane, origin + row * width, block, row * 8, 8);
                        }
                        double scale = adaptive.lambdaScale(block, 0);
                        fdct.transform(block, 0, 8, coefficients);
                        if (zigZag != null) {
                            quantizer.quantize(coefficients, 0, zigZag, at, scale);
                        } else {
                            quantizer.quantize(coefficients, 0, zigZagScratch, 0, scale);
                            targetMasks[v * blocksPerLine + bx] = HuffmanEncoder.nonzeroMask(zigZagScratch, 0);
                            BlockQuantizer.toNatural(zigZagScratch, 0, natural, at);
                        }
                    }
                }
            }
        }
    }

    /** Splits {@code count} interleaved pixels of one byte per component into the component planes. */
    private void deinterleave(byte[] row, int count, int outOffset) {
        int n = fullPlanes.length;
        for (int c = 0; c < n; c++) {
            int[] plane = fullPlanes[c];
            for (int i = 0, p = c; i < count; i++, p += n) {
                plane[outOffset + i] = row[p] & 0xFF;
            }
        }
    }

    /** Reads and colour-converts the pixel rows of one MCU row, replicating the last row and column. */
    private void readStrip(int mcuRow) {
        int width = source.width();
        int paddedWidth = layout.paddedWidth();
        int firstRow = mcuRow * layout.mcuHeight();
        int lastImageRow = source.height() - 1;
        int loadedRow = -1;
        for (int r = 0; r < layout.mcuHeight(); r++) {
            int y = Math.min(firstRow + r, lastImageRow);
            int at = r * paddedWidth;
            if (sampleLayout == SampleLayout.RGB && !vectorColor) {
                source.readRowYCbCr(y, red, green, blue, fullPlanes[0], fullPlanes[1], fullPlanes[2], at);
            } else if (y != loadedRow) {
                if (sampleLayout == SampleLayout.RGB) {
                    source.readRow(y, red, green, blue);
                } else {
                    source.readRow(y, pixelRow);
                }
                loadedRow = y;
            }
            switch (sampleLayout) {
                case GRAY -> ColorConverter.grayToY(pixelRow, 0, width, fullPlanes[0], at);
                case RGB -> {
                    if (vectorColor) {
                        rgbToYcc.convert(red, green, blue, width, fullPlanes[0], fullPlanes[1], fullPlanes[2], at);
                    }
                }
                // Adobe transform 0: the components are the samples as given.
                case CMYK -> deinterleave(pixelRow, width, at);
            }
            for (int[] plane : fullPlanes) {
                int last = plane[at + width - 1];
                for (int x = width; x < paddedWidth; x++) {
                    plane[at + x] = last;
                }
            }
        }
    }
}
