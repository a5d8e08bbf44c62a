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
     * {@link #quantize(int[], int, short[], int)}, returning the block's nonzero AC coefficients as a mask: bit k
     * set where {@code out[outOffset + k]} (zig-zag index k, 1..63) is not zero, bit 0 clear (what
     * {@code HuffmanEncoder.nonzeroMask} gives for the output; the entropy coder walks the mask).
     */
    default long quantizeMasked(int[] coefficients, int inOffset, short[] out, int outOffset) {
        quantize(coefficients, inOffset, out, outOffset);
        return nonzeroAc(out, outOffset);
    }

    /**
     * Quantizes one block into natural order, as ints ({@code out[outOffset + n]} for coefficient n), returning
     * the mask {@link #quantizeMasked} returns (zig-zag order): what the first pass of optimized Huffman coding
     * reads, without the reorder to zig-zag. {@code zigZag} is 64 shorts of scratch for implementations that
     * quantize in zig-zag order.
     */
    default long quantizeNatural(int[] coefficients, int inOffset, int[] out, int outOffset, short[] zigZag) {
        long mask = quantizeMasked(coefficients, inOffset, zigZag, 0);
        toNatural(zigZag, 0, out, outOffset);
        return mask;
    }

    /** {@code out[outOffset + n] = zigZag[at + k]} for the coefficient n at zig-zag index k (T.81 Figure A.6). */
    static void toNatural(short[] zigZag, int at, int[] out, int outOffset) {
        for (int k = 0; k < 64; k++) {
            out[outOffset + ZigZag.toNatural(k)] = zigZag[at + k];
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
