package dev.tessera.jpeg.dct;

/**
 * What the inverse DCTs need to know about the sample precision, as libjpeg-turbo compiles it per
 * BITS_IN_JSAMPLE ({@code jidctint.c}, {@code jidctred.c}, {@code jdmaster.c}): the extra bits kept between
 * the two passes (PASS1_BITS 2 for 8-bit samples, 1 for 12-bit), the post-IDCT range-limit table that adds
 * the level shift 2^(P-1) (T.81 A.3.1) and clamps to 0..2^P-1 with libjpeg's wrap-around far out of range,
 * indexed by the descaled value masked with {@code rangeMask} (RANGE_MASK = 4 * 2^P - 1), and whether the
 * dequantization multipliers are 16-bit (ISLOW_MULT_TYPE short for 8-bit only).
 */
public final class IdctPrecision {
    /** 8-bit samples (T.81 baseline and extended). */
    public static final IdctPrecision EIGHT = new IdctPrecision(8, 2);
    /** 12-bit samples (T.81 extended). */
    public static final IdctPrecision TWELVE = new IdctPrecision(12, 1);

    final int bits;
    final int pass1Bits;
    final short[] rangeLimit;
    final int rangeMask;

    private IdctPrecision(int bits, int pass1Bits) {
        this.bits = bits;
        this.pass1Bits = pass1Bits;
        int m = 1 << bits; // MAXJSAMPLE + 1
        int center = m >> 1; // CENTERJSAMPLE
        rangeLimit = new short[4 * m];
        for (int i = 0; i < 4 * m; i++) {
            int v;
            if (i < center) {
                v = i + center;
            } else if (i < 2 * m) {
                v = m - 1;
            } else if (i < 4 * m - center) {
                v = 0;
            } else {
                v = i - (4 * m - center);
            }
            rangeLimit[i] = (short) v;
        }
        rangeMask = 4 * m - 1;
    }

    /** 8 or 12; anything else is an error of the caller. */
    public static IdctPrecision of(int precision) {
        return switch (precision) {
            case 8 -> EIGHT;
            case 12 -> TWELVE;
            default -> throw new IllegalArgumentException("no inverse DCT for " + precision + "-bit samples");
        };
    }

    /** P, bits per sample. */
    public int bits() {
        return bits;
    }

    short limit(long descaled) {
        return rangeLimit[(int) descaled & rangeMask];
    }
}
