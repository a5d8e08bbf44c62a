package dev.tessera.jpeg.quant;

import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.spec.ZigZag;

/**
 * Quantizes forward-DCT output (T.81 A.3.4: Sq = round(S / Q)) and reorders it to zig-zag.
 * Division is by a precomputed reciprocal; rounding is to nearest with halves away from zero.
 * Immutable and thread-safe.
 */
public final class Quantizer implements BlockQuantizer {
    /** Reciprocals carry 40 fraction bits: exact for |x| &lt; 2^20 and divisors &lt; 2^20. */
    private static final int RECIPROCAL_BITS = 40;
    /** The forward DCT output is scaled by 8 (see {@code ForwardDct}). */
    private static final int DCT_SCALE = 8;

    /** For zig-zag position k: the divisor 8*Q, half of it, and ceil(2^40 / divisor). */
    private final int[] divisor = new int[64];
    private final int[] halfDivisor = new int[64];
    private final long[] reciprocal = new long[64];
    private final int[] naturalIndex = new int[64];

    /**
     * A quantizer for one row encoder (one thread): {@link VectorQuantizer} when {@link VectorSupport#enabled()},
     * its warm-up is done ({@code simd.VectorWarmup}) and every Q is at most 255, else a {@code Quantizer}; the
     * same values.
     */
    public static BlockQuantizer forEncoder(QuantTable table) {
        return forEncoder(table, vectorReady());
    }

    /** Whether {@link #forEncoder(QuantTable)} gives the Vector API kernel now (for 8-bit tables). */
    public static boolean vectorReady() {
        return VectorSupport.enabled() && VectorQuantizer.WARMUP.ready();
    }

    /**
     * As {@link #forEncoder(QuantTable)}, told whether the Vector API kernel may be used (only when
     * {@link VectorSupport#enabled()}; tests compare the two).
     */
    public static BlockQuantizer forEncoder(QuantTable table, boolean vector) {
        return vector && eightBit(table) ? new VectorQuantizer(table) : new Quantizer(table);
    }

    private static boolean eightBit(QuantTable table) {
        for (int n = 0; n < 64; n++) {
            if (table.get(n) > 255) {
                return false;
            }
        }
        return true;
    }

    public Quantizer(QuantTable table) {
        for (int k = 0; k < 64; k++) {
            int d = DCT_SCALE * table.getZigZag(k);
            divisor[k] = d;
            halfDivisor[k] = d >> 1;
            reciprocal[k] = ((1L << RECIPROCAL_BITS) + d - 1) / d;
            naturalIndex[k] = ZigZag.toNatural(k);
        }
    }

    /**
     * Quantizes one block.
     *
     * @param coefficients 64 forward-DCT outputs in natural order (scaled by 8), |value| &lt; 2^16
     * @param out          receives 64 quantized values in zig-zag order at {@code outOffset}
     */
    @Override
    public void quantize(int[] coefficients, int inOffset, short[] out, int outOffset) {
        for (int k = 0; k < 64; k++) {
            int x = coefficients[inOffset + naturalIndex[k]];
            int sign = x >> 31;
            int magnitude = (x ^ sign) - sign;
            int q = (int) (((magnitude + halfDivisor[k]) * reciprocal[k]) >>> RECIPROCAL_BITS);
            out[outOffset + k] = (short) ((q ^ sign) - sign);
        }
    }

    @Override
    public long quantizeNatural(int[] coefficients, int inOffset, int[] out, int outOffset, short[] zigZag) {
        long mask = 0;
        for (int k = 0; k < 64; k++) {
            int n = naturalIndex[k];
            int x = coefficients[inOffset + n];
            int sign = x >> 31;
            int magnitude = (x ^ sign) - sign;
            int q = (int) (((magnitude + halfDivisor[k]) * reciprocal[k]) >>> RECIPROCAL_BITS);
            int v = (short) ((q ^ sign) - sign);
            out[outOffset + 8 * n] = v;
            // (v | -v) has its sign bit set exactly when v != 0.
            mask |= (long) ((v | -v) >>> 31) << k;
        }
        return mask & ~1L;
    }

    /** The divisor 8*Q at zig-zag position k. */
    int divisor(int k) {
        return divisor[k];
    }
}
