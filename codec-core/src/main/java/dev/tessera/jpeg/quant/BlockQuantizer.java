package dev.tessera.jpeg.quant;

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
}
