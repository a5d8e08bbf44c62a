package dev.tessera.jpeg.quant;

import dev.tessera.jpeg.spec.ZigZag;

/**
 * Turns one block of forward-DCT output into quantized coefficients. Implementations are chosen once per
 * pipeline ({@link Quantizer}: plain rounding; {@link TrellisQuantizer}: rate-distortion optimised).
 */
public interface BlockQuantizer {
    /**
     * Quantizes one block.
     *
     * @param coefficients 64 forward-DCT outputs in natural order (scaled by 8), |value| &lt; 2^16
     * @param out          receives 64 quantized values in zig-zag order at {@code outOffset}
     */
    void quantize(int[] coefficients, int inOffset, short[] out, int outOffset);

    /**
     * Quantizes one block with a per-block strength from adaptive quantization: {@code lambdaScale} 1 is
     * neutral, larger accepts more distortion for fewer bits. Quantizers without a rate-distortion trade-off
     * ignore it.
     */
    default void quantize(int[] coefficients, int inOffset, short[] out, int outOffset, double lambdaScale) {
        quantize(coefficients, inOffset, out, outOffset);
    }

    /**
     * Quantizes one block into natural order, as ints, in the group layout ({@code simd.BlockGroups}: coefficient
     * n at {@code out[outOffset + 8 * n]}), returning its nonzero AC coefficients as a mask in zig-zag order: bit k
     * set where zig-zag value k (1..63) is not zero, bit 0 clear ({@link #nonzeroAc} of the zig-zag block). What
     * the first pass of optimized Huffman coding reads, without the reorder to zig-zag. {@code zigZag} is 64
     * shorts of scratch for implementations that quantize in zig-zag order.
     */
    default long quantizeNatural(int[] coefficients, int inOffset, int[] out, int outOffset, short[] zigZag) {
        quantize(coefficients, inOffset, zigZag, 0);
        toNatural(zigZag, 0, out, outOffset);
        return nonzeroAc(zigZag, 0);
    }

    /**
     * {@link #quantizeNatural} for the first {@code count} blocks of a group given in the group layout
     * (coefficient n of block j at {@code coefficients[8 * n + j]}, as {@code dct.FdctGroupKernel} writes them):
     * block j to {@code out[outOffset + 8 * n + j]}, its mask to {@code masks[j]}. What the other lanes of
     * {@code out} and {@code masks} receive is unspecified (a vector kernel does all eight at the cost of one).
     * {@code block} is 64 ints of scratch.
     */
    default void quantizeGroup(int[] coefficients, int count, int[] out, int outOffset, long[] masks, int[] block,
                               short[] zigZag) {
        for (int j = 0; j < count; j++) {
            for (int n = 0; n < 64; n++) {
                block[n] = coefficients[8 * n + j];
            }
            masks[j] = quantizeNatural(block, 0, out, outOffset + j, zigZag);
        }
    }

    /**
     * {@code out[outOffset + 8 * n] = zigZag[at + k]} for the coefficient n at zig-zag index k (T.81 Figure A.6),
     * the group layout of {@link #quantizeNatural}.
     */
    static void toNatural(short[] zigZag, int at, int[] out, int outOffset) {
        for (int k = 0; k < 64; k++) {
            out[outOffset + 8 * ZigZag.toNatural(k)] = zigZag[at + k];
        }
    }

    /** Bit k (1..63) set where {@code block[offset + k]} is not zero; bit 0 clear. */
    static long nonzeroAc(short[] block, int offset) {
        long mask = 0;
        for (int k = 1; k < 64; k++) {
            int v = block[offset + k];
            // (v | -v) has its sign bit set exactly when v != 0.
            mask |= (long) ((v | -v) >>> 31) << k;
        }
        return mask;
    }
}
