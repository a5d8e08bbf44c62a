package dev.tessera.jpeg.dct;

import dev.tessera.jpeg.simd.VectorSupport;

/**
 * The 8x8 inverse DCT of up to eight horizontally adjacent blocks at once, from the interleaved layout: 
 * coefficient k (natural order) of block j of the group at {@code base + k * 8 + j}. Same samples as
 * {@link SimdInverseDct.Size8} block by block, valid or corrupt.
 */
public interface IdctGroupKernel {
    /**
     * @param in     coefficients, interleaved; the group's 512 values start at {@code base}; the blocks past
     *               {@code count} may hold anything (each lane is transformed on its own, and only the first
     *               {@code count} are written)
     * @param masks  per block, its non-zero mask as {@link IdctKernel} takes it; block j at {@code maskAt + j}
     * @param count  blocks of the group to transform, 1..8
     * @param out    sample plane: block j's 8 x 8 samples at {@code out[outOff + y * stride + j * 8 + x]}
     */
    void transform(short[] in, int base, long[] masks, int maskAt, int count, int[] q, short[] out, int outOff,
                   int stride);

    /** The Vector API kernel when {@link VectorSupport#enabled()} and warmed up, else null. */
    static IdctGroupKernel vector() {
        return VectorSupport.enabled() && VectorGroupIdct.WARMUP.ready() ? new VectorGroupIdct() : null;
    }
}
