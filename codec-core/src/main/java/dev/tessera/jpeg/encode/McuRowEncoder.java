package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.color.ColorConverter;
import dev.tessera.jpeg.dct.FdctGroupKernel;
import dev.tessera.jpeg.dct.FdctKernel;
import dev.tessera.jpeg.dct.ForwardDct;
import dev.tessera.jpeg.entropy.HuffmanEncoder;
import dev.tessera.jpeg.quant.AdaptiveQuantization;
import dev.tessera.jpeg.quant.BlockQuantizer;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.raster.SampleLayout;
import dev.tessera.jpeg.sample.Downsampler;
import dev.tessera.jpeg.simd.BlockGroups;

/**
 * Turns pixel rows into the quantized coefficients of one MCU row at a time: colour conversion, edge
 * replication to whole MCUs (T.81 A.2.4), downsampling, forward DCT and quantization. Holds only
 * strip-sized buffers; one instance per encode call.
 *
 * <p>Output layout, per component c: {@code verticalSampling(c)} rows of {@code blocksPerLine(c)} blocks. For
 * {@link #encodeRow}, 64 shorts a block in zig-zag order, row-major; for {@link #encodeRowNatural}, ints in
 * natural order in the group layout of {@code simd.BlockGroups} ({@code BlockGroups.blockBase}), each block row
 * a whole number of groups.
 *
 * <p>With the Vector API kernels the sample planes are in the group layout too, written so by the pixel reading
 * and the downsampling, so that the forward DCT ({@link FdctGroupKernel}) and the quantizer
 * ({@link BlockQuantizer#quantizeGroup}) take eight blocks at once, one per vector lane, with no transpose; the
 * planes' rows are then whole groups long (past the image width the full-resolution rows repeat their last
 * sample, and the downsampled rows hold what those give). The coefficients are the same either way.
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
    /** Full-resolution planes of one MCU row: mcuHeight rows of {@link #fullStride} samples. */
    private final int[][] fullPlanes;
    /** Sampled planes of one MCU row, per component; {@code null} for a full-resolution component. */
    private final int[][] sampledPlanes;
    private final int[] block = new int[64];
    /** Forward DCT output, natural order. */
    private final int[] coefficients = new int[64];
    /** One block of quantized values in zig-zag order, for {@link #encodeRowNatural}. */
    private final short[] zigZagScratch = new short[64];
    private final FdctKernel fdct;
    /** Whether the sample planes are in the group layout, for the eight-block kernels. */
    private final boolean grouped;
    /** Samples per row of a full-resolution plane: the padded width, or whole groups of every component. */
    private final int fullStride;
    private final FdctGroupKernel groupFdct;
    /** One group's forward DCT output ({@link FdctGroupKernel}) and the masks of its blocks. */
    private final int[] groupCoefficients;
    private final long[] groupMasks = new long[BlockGroups.BLOCKS];
    /** The MCU row {@link #prepareRow} read last. */
    private int currentRow;
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
        this.grouped = vector;
        this.fdct = ForwardDct.kernel();
        this.groupFdct = vector ? ForwardDct.groupKernel(true) : null;
        this.groupCoefficients = vector ? new int[BlockGroups.COEFFICIENTS] : null;
        this.rgbToYcc = ColorConverter.planar(vector);
        this.vectorColor = vector;
        this.source = source;
        this.layout = layout;
        this.quantizers = quantizers;
        int n = layout.componentCount();
        // Grouped, each sampled row must be whole groups: the full row a multiple of 64 times the largest factor.
        int groupedRow = BlockGroups.ROW_SAMPLES * layout.maxHorizontal();
        fullStride = grouped ? (layout.paddedWidth() + groupedRow - 1) / groupedRow * groupedRow
            : layout.paddedWidth();
        boolean rgb = source.sampleLayout() == SampleLayout.RGB;
        pixelRow = rgb ? null : new byte[source.width() * source.sampleLayout().channels()];
        int rgbLength = grouped ? fullStride : source.width();
        red = rgb ? new int[rgbLength] : null;
        green = rgb ? new int[rgbLength] : null;
        blue = rgb ? new int[rgbLength] : null;
        sampleLayout = source.sampleLayout();
        fullPlanes = new int[n][layout.mcuHeight() * fullStride];
        sampledPlanes = new int[n][];
        downsamplers = new Downsampler[n];
        for (int c = 0; c < n; c++) {
            int hf = layout.maxHorizontal() / layout.horizontal(c);
            int vf = layout.maxVertical() / layout.vertical(c);
            downsamplers[c] = Downsampler.of(hf, vf, vector);
            sampledPlanes[c] = hf == 1 && vf == 1 ? null : new int[sampledStride(c) * layout.sampledHeight(c)];
        }
    }

    /** Samples per row of component {@code c}'s sampled plane. */
    private int sampledStride(int c) {
        return fullStride / (layout.maxHorizontal() / layout.horizontal(c));
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
        prepareRow(mcuRow);
        quantizeRow(out, null, null);
    }

    /**
     * As {@link #encodeRow(int, short[][])} with each block's coefficients in natural order, as ints in the group
     * layout (no reorder to zig-zag), for the first pass of optimized Huffman coding; also fills
     * {@code masks[c][i]} with the nonzero AC mask of block i (row-major), in zig-zag order
     * ({@code HuffmanEncoder.nonzeroMask} of the zig-zag block), noted as the block is quantized.
     */
    void encodeRowNatural(int mcuRow, int[][] out, long[][] masks) {
        prepareRow(mcuRow);
        quantizeRow(null, out, masks);
    }

    /** Reads MCU row {@code mcuRow}'s pixels and downsamples them into the sampled planes. */
    private void prepareRow(int mcuRow) {
        readStrip(mcuRow);
        currentRow = mcuRow;
        for (int c = 0; c < layout.componentCount(); c++) {
            int[] plane = sampledPlanes[c];
            if (plane == null) {
                continue; // full resolution: the strip is the sampled plane
            }
            if (grouped) {
                downsamplers[c].downsampleGrouped(fullPlanes[c], fullStride, plane, layout.sampledHeight(c));
            } else {
                downsamplers[c].downsample(fullPlanes[c], fullStride, plane, layout.sampledHeight(c));
            }
        }
    }

    /** The blocks of the prepared row into {@code zigZagOut}, or into {@code naturalOut} with {@code masks}. */
    private void quantizeRow(short[][] zigZagOut, int[][] naturalOut, long[][] masks) {
        int n = layout.componentCount();
        for (int c = 0; c < n; c++) {
            int[] plane = sampledPlanes[c] == null ? fullPlanes[c] : sampledPlanes[c];
            Blocks out = new Blocks(c, zigZagOut == null ? null : zigZagOut[c],
                naturalOut == null ? null : naturalOut[c], masks == null ? null : masks[c]);
            int realHigh = layout.realBlocksHigh(c);
            for (int v = 0; v < layout.vertical(c); v++) {
                if (currentRow * layout.vertical(c) + v >= realHigh) {
                    for (int bx = 0; bx < out.blocksPerLine; bx++) {
                        fillDummy(out, v, bx);
                    }
                } else if (grouped) {
                    quantizeGroupedBlockRow(plane, sampledStride(c), out, v);
                } else {
                    quantizeBlockRow(plane, sampledStride(c), out, v);
                }
            }
        }
    }

    /** Where one component's blocks of an MCU row go: exactly one of {@code zigZag} and {@code natural}. */
    private final class Blocks {
        final int blocksPerLine;
        final int groupsPerLine;
        final int realWide;
        final int h;
        final BlockQuantizer quantizer;
        final short[] zigZag;
        final int[] natural;
        final long[] masks;

        Blocks(int c, short[] zigZag, int[] natural, long[] masks) {
            this.blocksPerLine = layout.blocksPerLine(c);
            this.groupsPerLine = BlockGroups.groups(blocksPerLine);
            this.realWide = layout.realBlocksWide(c);
            this.h = layout.horizontal(c);
            this.quantizer = quantizers[c];
            this.zigZag = zigZag;
            this.natural = natural;
            this.masks = masks;
        }

        /** Where block {@code bx} of block row {@code v} starts: zig-zag shorts, or the group layout's base. */
        int at(int v, int bx) {
            return zigZag != null ? (v * blocksPerLine + bx) * 64 : BlockGroups.blockBase(v, groupsPerLine, bx);
        }
    }

    /** One block row of samples in plain order, block by block. */
    private void quantizeBlockRow(int[] plane, int stride, Blocks out, int v) {
        for (int bx = 0; bx < out.blocksPerLine; bx++) {
            if (bx >= out.realWide) {
                fillDummy(out, v, bx);
                continue;
            }
            int origin = v * 8 * stride + bx * 8;
            if (adaptive == null) {
                fdct.transform(plane, origin, stride, coefficients);
            } else {
                for (int row = 0; row < 8; row++) {
                    System.arraycopy(plane, origin + row * stride, block, row * 8, 8);
                }
                fdct.transform(block, 0, 8, coefficients);
            }
            quantizeBlock(out, v, bx);
        }
    }

    /**
     * One block row of samples in the group layout, eight blocks a step: the group forward DCT, then the group
     * quantizer for the first pass of optimized coding, else each block alone.
     */
    private void quantizeGroupedBlockRow(int[] plane, int stride, Blocks out, int v) {
        for (int first = 0; first < out.blocksPerLine; first += BlockGroups.BLOCKS) {
            int end = Math.min(first + BlockGroups.BLOCKS, out.blocksPerLine);
            int realEnd = Math.max(first, Math.min(end, out.realWide));
            if (realEnd > first) {
                int origin = v * 8 * stride + first / BlockGroups.BLOCKS * BlockGroups.ROW_SAMPLES;
                groupFdct.transform(plane, origin, stride, groupCoefficients);
                if (out.natural != null && adaptive == null) {
                    out.quantizer.quantizeGroup(groupCoefficients, realEnd - first, out.natural, out.at(v, first),
                        groupMasks, block, zigZagScratch);
                    System.arraycopy(groupMasks, 0, out.masks, v * out.blocksPerLine + first, realEnd - first);
                } else {
                    for (int bx = first; bx < realEnd; bx++) {
                        int j = bx - first;
                        for (int k = 0; k < 64; k++) {
                            coefficients[k] = groupCoefficients[8 * k + j];
                        }
                        if (adaptive != null) {
                            for (int r = 0; r < 8; r++) {
                                for (int col = 0; col < 8; col++) {
                                    block[8 * r + col] = plane[origin + r * stride + 8 * col + j];
                                }
                            }
                        }
                        quantizeBlock(out, v, bx);
                    }
                }
            }
            for (int bx = realEnd; bx < end; bx++) {
                fillDummy(out, v, bx);
            }
        }
    }

    /**
     * Quantizes {@link #coefficients} as block {@code bx} of block row {@code v}; with adaptive quantization its
     * samples are in {@link #block}.
     */
    private void quantizeBlock(Blocks out, int v, int bx) {
        int at = out.at(v, bx);
        if (adaptive == null) {
            if (out.zigZag != null) {
                out.quantizer.quantize(coefficients, 0, out.zigZag, at);
            } else {
                out.masks[v * out.blocksPerLine + bx] =
                    out.quantizer.quantizeNatural(coefficients, 0, out.natural, at, zigZagScratch);
            }
            return;
        }
        double scale = adaptive.lambdaScale(block, 0);
        if (out.zigZag != null) {
            out.quantizer.quantize(coefficients, 0, out.zigZag, at, scale);
        } else {
            out.quantizer.quantize(coefficients, 0, zigZagScratch, 0, scale);
            out.masks[v * out.blocksPerLine + bx] = HuffmanEncoder.nonzeroMask(zigZagScratch, 0);
            BlockQuantizer.toNatural(zigZagScratch, 0, out.natural, at);
        }
    }

    /**
     * T.81 A.2.4: dummy blocks are not in the image; any content decodes correctly. A zero block repeating the DC
     * of the block coded before it costs two short codes (libjpeg does the same). Block (0, 0) of an MCU is always
     * real, so a predecessor exists, and it was quantized before this one.
     */
    private static void fillDummy(Blocks out, int v, int bx) {
        int at = out.at(v, bx);
        int previous = bx % out.h > 0 ? out.at(v, bx - 1) : out.at(v - 1, bx + out.h - 1);
        if (out.zigZag != null) {
            java.util.Arrays.fill(out.zigZag, at, at + 64, (short) 0);
            out.zigZag[at] = out.zigZag[previous];
        } else {
            int dc = out.natural[previous]; // DC: coefficient 0
            for (int n = 0; n < 64; n++) {
                out.natural[at + 8 * n] = 0;
            }
            out.natural[at] = dc;
            out.masks[v * out.blocksPerLine + bx] = 0;
        }
    }

    /** Splits {@code count} interleaved pixels of one byte per component into the component planes. */
    private void deinterleave(byte[] row, int count, int outOffset) {
        int n = fullPlanes.length;
        for (int c = 0; c < n; c++) {
            int[] plane = fullPlanes[c];
            for (int i = 0, p = c; i < count; i++, p += n) {
                plane[outOffset + (grouped ? BlockGroups.samplePosition(i) : i)] = row[p] & 0xFF;
            }
        }
    }

    /**
     * Reads and colour-converts the pixel rows of one MCU row, replicating the last row and column (to the plane
     * row's end when grouped).
     */
    private void readStrip(int mcuRow) {
        int width = source.width();
        int rowEnd = grouped ? fullStride : layout.paddedWidth();
        int firstRow = mcuRow * layout.mcuHeight();
        int lastImageRow = source.height() - 1;
        int loadedRow = -1;
        for (int r = 0; r < layout.mcuHeight(); r++) {
            int y = Math.min(firstRow + r, lastImageRow);
            int at = r * fullStride;
            if (sampleLayout == SampleLayout.RGB && !vectorColor) {
                source.readRowYCbCr(y, red, green, blue, fullPlanes[0], fullPlanes[1], fullPlanes[2], at);
            } else if (y != loadedRow) {
                if (sampleLayout == SampleLayout.RGB) {
                    if (grouped) {
                        source.readRowGrouped(y, red, green, blue);
                    } else {
                        source.readRow(y, red, green, blue);
                    }
                } else {
                    source.readRow(y, pixelRow);
                }
                loadedRow = y;
            }
            switch (sampleLayout) {
                case GRAY -> {
                    if (grouped) {
                        ColorConverter.grayToYGrouped(pixelRow, 0, width, fullPlanes[0], at);
                    } else {
                        ColorConverter.grayToY(pixelRow, 0, width, fullPlanes[0], at);
                    }
                }
                case RGB -> {
                    if (vectorColor) {
                        // Grouped, whole groups: what lies at the positions of no pixel is replaced below.
                        rgbToYcc.convert(red, green, blue, grouped ? fullStride : width, fullPlanes[0], fullPlanes[1],
                            fullPlanes[2], at);
                    }
                }
                // Adobe transform 0: the components are the samples as given.
                case CMYK -> deinterleave(pixelRow, width, at);
            }
            for (int[] plane : fullPlanes) {
                if (grouped) {
                    int last = plane[at + BlockGroups.samplePosition(width - 1)];
                    for (int x = width; x < rowEnd; x++) {
                        plane[at + BlockGroups.samplePosition(x)] = last;
                    }
                } else {
                    int last = plane[at + width - 1];
                    for (int x = width; x < rowEnd; x++) {
                        plane[at + x] = last;
                    }
                }
            }
        }
    }
}
