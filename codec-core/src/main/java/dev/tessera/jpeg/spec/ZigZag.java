package dev.tessera.jpeg.spec;

/**
 * The zig-zag sequence of T.81 Figure A.6, which orders the 64 DCT coefficients of a block for
 * quantization tables (B.2.4.1) and entropy coding (F.1.2.2).
 */
public final class ZigZag {
    /** {@code ZIGZAG_TO_NATURAL[k]} is the row-major index (8*v + u) of the k-th coefficient in zig-zag order. */
    private static final int[] ZIGZAG_TO_NATURAL = new int[64];
    /** {@code NATURAL_TO_ZIGZAG[8*v + u]} is the zig-zag position of the coefficient at row v, column u. */
    private static final int[] NATURAL_TO_ZIGZAG = new int[64];
    /** {@code MASK_BYTES[8 * j + b]}: the natural-order bits of zig-zag positions 8j..8j+7 set in byte b. */
    private static final long[] MASK_BYTES = new long[8 * 256];

    static {
        // Walk the anti-diagonals u+v = d, alternating direction (Figure A.6).
        int k = 0;
        for (int d = 0; d < 15; d++) {
            int lo = Math.max(0, d - 7);
            int hi = Math.min(7, d);
            for (int i = lo; i <= hi; i++) {
                // Even diagonals run up-right (row decreasing), odd ones down-left (row increasing).
                int row = (d % 2 == 0) ? d - i : i;
                int col = d - row;
                ZIGZAG_TO_NATURAL[k] = row * 8 + col;
                NATURAL_TO_ZIGZAG[row * 8 + col] = k;
                k++;
            }
        }
        for (int j = 0; j < 8; j++) {
            for (int b = 0; b < 256; b++) {
                long m = 0;
                for (int i = 0; i < 8; i++) {
                    if ((b & (1 << i)) != 0) {
                        m |= 1L << ZIGZAG_TO_NATURAL[8 * j + i];
                    }
                }
                MASK_BYTES[j * 256 + b] = m;
            }
        }
    }

    /**
     * The mask {@code zigZag} with its bits moved to natural order: bit k of the argument (zig-zag position
     * k) becomes bit {@link #toNatural(int) toNatural(k)} of the result.
     */
    public static long toNaturalMask(long zigZag) {
        long m = 0;
        for (int j = 0; j < 8; j++) {
            m |= MASK_BYTES[(j << 8) | (int) ((zigZag >>> (8 * j)) & 0xFF)];
        }
        return m;
    }

    private ZigZag() {
    }

    /** Row-major index of the zig-zag position {@code k}, 0..63. */
    public static int toNatural(int k) {
        return ZIGZAG_TO_NATURAL[k];
    }

    /** Zig-zag position of the row-major index {@code n}, 0..63. */
    public static int toZigZag(int n) {
        return NATURAL_TO_ZIGZAG[n];
    }

    /**
     * A copy of the zig-zag to natural mapping with 16 extra entries pointing at index 63, so that a decoder
     * that overruns k past 63 on corrupt data writes somewhere harmless (as libjpeg's jpeg_natural_order does).
     */
    public static int[] zigZagToNaturalPadded() {
        int[] table = new int[80];
        System.arraycopy(ZIGZAG_TO_NATURAL, 0, table, 0, 64);
        for (int i = 64; i < 80; i++) {
            table[i] = 63;
        }
        return table;
    }

    /** A copy of the zig-zag to natural mapping. */
    public static int[] zigZagToNatural() {
        return ZIGZAG_TO_NATURAL.clone();
    }
}
