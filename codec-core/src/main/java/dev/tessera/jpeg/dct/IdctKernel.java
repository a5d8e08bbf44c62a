package dev.tessera.jpeg.dct;

/**
 * One inverse DCT variant: dequantizes a block of coefficients and writes an N x N square of samples.
 * Chosen once per component when decoding starts ({@link InverseDct#forSize(int)}).
 */
public interface IdctKernel {
    /** N, the side of the output square: 8 for full size, 4, 2 or 1 for scaled decoding. */
    int size();

    /**
     * @param coefficients 64 quantized coefficients in natural order at {@code coefficientOffset}
     * @param quant        64 dequantization multipliers in natural order (see {@link InverseDct#multipliers})
     * @param out          sample plane; the N x N result goes to {@code out[outOffset + y * stride + x]},
     *                     values 0..255 for 8-bit samples
     */
    void transform(short[] coefficients, int coefficientOffset, int[] quant, short[] out, int outOffset, int stride);
}
