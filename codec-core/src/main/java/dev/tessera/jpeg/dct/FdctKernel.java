package dev.tessera.jpeg.dct;

/**
 * One implementation of the 8x8 forward DCT of {@link ForwardDct}, chosen once per encoder
 * ({@link ForwardDct#kernel()}): all give the same coefficients for every block.
 */
public interface FdctKernel {
    /**
     * Transforms the 8x8 samples (0..255) at {@code samples[offset + r * stride + c]} into 64 coefficients in
     * natural order, scaled by 8 as {@link ForwardDct#transform(int[], int)} gives them, at {@code out[0..63]}.
     * An instance may keep scratch arrays: one per thread.
     */
    void transform(int[] samples, int offset, int stride, int[] out);
}
