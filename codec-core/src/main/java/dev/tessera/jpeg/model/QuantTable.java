package dev.tessera.jpeg.model;

import dev.tessera.jpeg.spec.ZigZag;
import java.util.Arrays;

/**
 * A quantization table (T.81 B.2.4.1): 64 step sizes Q(v,u), each 1..65535, immutable.
 * Values are held in natural (row-major) order; the DQT segment stores them in zig-zag order.
 */
public final class QuantTable {
    private final int[] natural;

    private QuantTable(int[] natural) {
        this.natural = natural;
    }

    /** A table from 64 values in natural order; the array is copied. */
    public static QuantTable ofNatural(int[] values) {
        check(values);
        return new QuantTable(values.clone());
    }

    /** A table from 64 values in zig-zag order (as stored in DQT); the array is copied. */
    public static QuantTable ofZigZag(int[] values) {
        check(values);
        int[] natural = new int[64];
        for (int k = 0; k < 64; k++) {
            natural[ZigZag.toNatural(k)] = values[k];
        }
        return new QuantTable(natural);
    }

    /**
     * A table read from a DQT segment: 64 values in zig-zag order, each 0..65535. Zero is outside T.81
     * B.2.4.1 but libjpeg accepts it (the coefficient then dequantizes to 0), so the decoder does too.
     */
    public static QuantTable decoded(int[] zigZagValues) {
        if (zigZagValues == null || zigZagValues.length != 64) {
            throw new IllegalArgumentException("a quantization table needs 64 values");
        }
        int[] natural = new int[64];
        for (int k = 0; k < 64; k++) {
            int v = zigZagValues[k];
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("quantization values must be 0..65535, found " + v);
            }
            natural[ZigZag.toNatural(k)] = v;
        }
        return new QuantTable(natural);
    }

    private static void check(int[] values) {
        if (values == null || values.length != 64) {
            throw new IllegalArgumentException("a quantization table needs 64 values");
        }
        for (int v : values) {
            if (v < 1 || v > 65535) {
                throw new IllegalArgumentException("quantization values must be 1..65535, found " + v);
            }
        }
    }

    /** Q at row-major index {@code n} (8*v + u). */
    public int get(int n) {
        return natural[n];
    }

    /** Q at zig-zag position {@code k}. */
    public int getZigZag(int k) {
        return natural[ZigZag.toNatural(k)];
    }

    /** A copy of the values in natural order. */
    public int[] toNaturalArray() {
        return natural.clone();
    }

    /** T.81 B.2.4.1 Pq: 0 when every value fits 8 bits, else 1 (16-bit values, not allowed in baseline). */
    public int precision() {
        for (int v : natural) {
            if (v > 255) {
                return 1;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantTable q && Arrays.equals(natural, q.natural);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(natural);
    }

    @Override
    public String toString() {
        return "QuantTable" + Arrays.toString(natural);
    }
}
