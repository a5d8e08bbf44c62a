package dev.tessera.jpeg.dct;

/**
 * The 8x8 forward DCT of {@link ForwardDct} one block a call, read from a plane in plain order
 * ({@link ForwardDct#kernel()}); {@link FdctGroupKernel} is the same transform eight blocks at a time.
 */
public interface FdctKernel {
    /**
     * Transforms the 8x8 samples (0..255) at {@code samples[offset + r * stride + c]} into 64 coefficients in
     * natural order, scaled by 8 as {@link ForwardDct#transform(int[], int)} gives them, at {@code out[0..63]}.
     * An instance may keep scratch arrays: one per thread.
     */
    void transform(int[] samples, int offset, int stride, int[] out);
}
