package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.FrameHeader;
import java.util.List;

/**
 * The geometry of a frame being decoded (T.81 A.1.1, A.2) at a given output scale, computed as
 * libjpeg-turbo computes it ({@code jdinput.c} initial_setup, {@code jdmaster.c}
 * jpeg_core_output_dimensions): blocks per component, the iMCU rows, and for scaled output the IDCT size
 * of each component and the size of its sample plane.
 */
final class DecodeLayout {
    final int width;
    final int height;
    final int maxH;
    final int maxV;
    /** Rows of MCUs in an interleaved scan; each holds Vi block rows of component i (total_iMCU_rows). */
    final int imcuRows;
    /** MCUs per row in an interleaved scan. */
    final int mcusPerRow;
    final int outputWidth;
    final int outputHeight;
    /** min_DCT_scaled_size: 8 / scale denominator. */
    final int minScaledSize;
    final Component[] components;

    /** Per-component geometry. */
    static final class Component {
        final int index;
        final int id;
        final int h;
        final int v;
        final int quantSlot;
        /** Blocks that hold image samples (T.81 A.2.1: ceil(ceil(X * Hi / Hmax) / 8)). */
        final int blocksWide;
        final int blocksHigh;
        /** Blocks including the padding of interleaved MCUs: rounded up to multiples of Hi, Vi. */
        final int paddedBlocksWide;
        final int paddedBlocksHigh;
        /** Side of this component's IDCT output: 8, 4, 2 or 1. */
        final int scaledSize;
        /** Valid samples of the component at the output scale (libjpeg's downsampled_width/height). */
        final int sampleWidth;
        final int sampleHeight;

        Component(int index, ComponentSpec spec, int width, int height, int maxH, int maxV, int minScaled,
                  int imcuRows, int mcusPerRow, int unit) {
            this.index = index;
            this.id = spec.id();
            this.h = spec.horizontalSampling();
            this.v = spec.verticalSampling();
            this.quantSlot = spec.quantTableSlot();
            blocksWide = (int) ceilDiv((long) width * h, (long) unit * maxH);
            blocksHigh = (int) ceilDiv((long) height * v, (long) unit * maxV);
            paddedBlocksWide = mcusPerRow * h;
            paddedBlocksHigh = imcuRows * v;
            // jpeg_core_output_dimensions: grow the IDCT size while this component would otherwise need
            // upsampling by a factor of 2 or more that a larger IDCT can provide instead.
            int size = minScaled;
            while (unit == 8 && size < 8 && (maxH * minScaled) % (h * size * 2) == 0
                && (maxV * minScaled) % (v * size * 2) == 0) {
                size *= 2;
            }
            scaledSize = size;
            sampleWidth = (int) ceilDiv((long) width * h * size, (long) unit * maxH);
            sampleHeight = (int) ceilDiv((long) height * v * size, (long) unit * maxV);
        }

        /** Width of the sample plane, whole blocks. */
        int planeWidth() {
            return blocksWide * scaledSize;
        }

        int planeHeight() {
            return blocksHigh * scaledSize;
        }
    }

    DecodeLayout(FrameHeader frame, int scaleDenominator) {
        this(frame, 8, 8 / scaleDenominator);
    }

    /**
     * The geometry of a lossless frame (T.81 H.1.1, A.2 with a data unit of one sample): "blocks" are single
     * samples, every component's plane is its full sample grid, and there is no IDCT scaling.
     */
    static DecodeLayout lossless(FrameHeader frame) {
        return new DecodeLayout(frame, 1, 1);
    }

    /** @param unit side of a data unit in samples: 8 for DCT processes, 1 for lossless */
    private DecodeLayout(FrameHeader frame, int unit, int minScaled) {
        width = frame.width();
        height = frame.height();
        maxH = frame.maxHorizontalSampling();
        maxV = frame.maxVerticalSampling();
        imcuRows = (int) ceilDiv(height, (long) unit * maxV);
        mcusPerRow = (int) ceilDiv(width, (long) unit * maxH);
        minScaledSize = minScaled;
        outputWidth = (int) ceilDiv((long) width * minScaledSize, unit);
        outputHeight = (int) ceilDiv((long) height * minScaledSize, unit);
        List<ComponentSpec> specs = frame.components();
        components = new Component[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            components[i] = new Component(i, specs.get(i), width, height, maxH, maxV, minScaledSize, imcuRows,
                mcusPerRow, unit);
        }
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
