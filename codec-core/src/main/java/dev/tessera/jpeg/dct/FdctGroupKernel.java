package dev.tessera.jpeg.dct;

/**
 * The forward DCT of {@link ForwardDct} for a group of eight horizontally adjacent blocks in the group layout
 * ({@code simd.BlockGroups}), chosen once per encoder ({@link ForwardDct#groupKernel(boolean)}): every
 * implementation gives, for each block, the coefficients {@link FdctKernel} gives.
 */
public interface FdctGroupKernel {
    /**
     * Transforms the group whose first row starts at {@code samples[offset]} (sample c of row r of block j at
     * {@code offset + r * stride + 8 * c + j}, 0..255) into {@code out[8 * n + j]}, coefficient n of block j in
     * natural order, scaled by 8. An instance may keep scratch arrays: one per thread.
     */
    void transform(int[] samples, int offset, int stride, int[] out);
}
