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

    /**
     * The same, told which coefficients may be non-zero: bit n of {@code nonZero} for natural index n, set
     * for every non-zero coefficient. Extra bits are allowed in row 0, and in rows 1..7 when one of those
     * rows holds a non-zero coefficient (libjpeg-turbo's SIMD code, which the default kernel follows, takes
     * a shortcut when rows 1..7 are all zero that differs from the full transform on corrupt data); an
     * all-zero block may carry any mask. A kernel may use it to pick its variant without looking at the
     * block; the result is that of the method above.
     */
    default void transform(short[] coefficients, int coefficientOffset, long nonZero, int[] quant, short[] out,
                           int outOffset, int stride) {
        transform(coefficients, coefficientOffset, quant, out, outOffset, stride);
    }
}
