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
}
