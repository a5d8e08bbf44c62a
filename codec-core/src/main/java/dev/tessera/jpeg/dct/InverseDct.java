package dev.tessera.jpeg.dct;

import dev.tessera.jpeg.simd.VectorSupport;

/**
 * The 8x8 inverse DCT of T.81 A.3.3 in integer arithmetic, giving the same results as libjpeg-turbo's
 * "islow" method ({@code jidctint.c}, the default of {@code djpeg}): the Loeffler-Ligtenberg-Moschytz
 * factorisation with 13-bit constants, two passes (columns, then rows) with 2 extra bits kept between
 * them, and libjpeg's range limiting of the result.
 *
 * <p>Fixed point: constants are Q13 ({@code FIX(x) = round(x * 8192)}); pass 1 outputs are scaled by
 * 2^PASS1_BITS (2 for 8-bit samples, 1 for 12-bit, {@link IdctPrecision}); the final descale divides by
 * 2^(13+PASS1_BITS+3), the 3 being the 1/8 of the 2-D IDCT.
 * Intermediate products use 64-bit arithmetic as libjpeg's {@code JLONG} does on LP64 systems, so corrupt
 * coefficients wrap exactly as they do there.
 */
public final class InverseDct implements IdctKernel {
    static final int CONST_BITS = 13;
    static final int PASS1_BITS = 2;

    static final long FIX_0_298631336 = 2446;
    static final long FIX_0_390180644 = 3196;
    static final long FIX_0_541196100 = 4433;
    static final long FIX_0_765366865 = 6270;
    static final long FIX_0_899976223 = 7373;
    static final long FIX_1_175875602 = 9633;
    static final long FIX_1_501321110 = 12299;
    static final long FIX_1_847759065 = 15137;
    static final long FIX_1_961570560 = 16069;
    static final long FIX_2_053119869 = 16819;
    static final long FIX_2_562915447 = 20995;
    static final long FIX_3_072711026 = 25172;

    /** The 8-bit range-limit table ({@link IdctPrecision#EIGHT}), indexed by the descaled value & 1023. */
    static final short[] RANGE_LIMIT = IdctPrecision.EIGHT.rangeLimit;

    private final int[] workspace = new int[64];
    private final IdctPrecision precision;

    /** The 8-bit kernel. */
    InverseDct() {
        this(IdctPrecision.EIGHT);
    }

    InverseDct(IdctPrecision precision) {
        this.precision = precision;
    }

    /**
     * A kernel for an N x N output as libjpeg-turbo's x86-64 SIMD code computes it ({@link SimdInverseDct};
     * 1x1 has no SIMD version), or, with {@code portable}, as its C code does ({@link InverseDct},
     * {@link ScaledInverseDct}). The 8x8 SIMD kernel is {@link VectorInverseDct} when
     * {@link VectorSupport#enabled()} and its background warm-up is done ({@code simd.VectorWarmup}): the same
     * samples.
     */
    public static IdctKernel forSize(int size, boolean portable) {
        return forSize(size, portable, !portable && size == 8 && VectorSupport.enabled() && VectorInverseDct.WARMUP.ready());
    }

    /** As {@link #forSize(int, boolean)}, told whether to use the Vector API kernel (tests compare the two). */
    static IdctKernel forSize(int size, boolean portable, boolean vector) {
        if (portable || size == 1) {
            return forSize(size);
        }
        return switch (size) {
            case 8 -> vector ? new VectorInverseDct() : new SimdInverseDct.Size8();
            case 4 -> new SimdInverseDct.Size4();
            case 2 -> new SimdInverseDct.Size2();
            default -> throw new IllegalArgumentException("no inverse DCT of size " + size);
        };
    }

    /** A kernel for an N x N output: 8 ({@link InverseDct}), or 4, 2, 1 ({@link ScaledInverseDct}), C arithmetic. */
    public static IdctKernel forSize(int size) {
        return forSize(size, IdctPrecision.EIGHT);
    }

    /** A kernel for an N x N output of samples of the given precision. */
    public static IdctKernel forSize(int size, IdctPrecision precision) {
        return switch (size) {
            case 8 -> new InverseDct(precision);
            case 4 -> new ScaledInverseDct.Size4(precision);
            case 2 -> new ScaledInverseDct.Size2(precision);
            case 1 -> new ScaledInverseDct.Size1(precision);
            default -> throw new IllegalArgumentException("no inverse DCT of size " + size);
        };
    }

    /**
     * Dequantization multipliers for a table of 0..65535 values: libjpeg-turbo stores them as 16-bit
     * signed values (ISLOW_MULT_TYPE), so values over 32767 act as negative numbers; we do the same.
     */
    public static int[] multipliers(int[] naturalQuant) {
        return multipliers(naturalQuant, IdctPrecision.EIGHT);
    }

    /** As {@link #multipliers(int[])}; for 12-bit samples libjpeg's ISLOW_MULT_TYPE is JLONG: no truncation. */
    public static int[] multipliers(int[] naturalQuant, IdctPrecision precision) {
        int[] m = new int[64];
        for (int i = 0; i < 64; i++) {
            m[i] = precision == IdctPrecision.EIGHT ? (short) naturalQuant[i] : naturalQuant[i];
        }
        return m;
    }

    static long descale(long x, int n) {
        return (x + (1L << (n - 1))) >> n;
    }

    @Override
    public int size() {
        return 8;
    }

    @Override
    public void transform(short[] in, int inOff, int[] q, short[] out, int outOff, int stride) {
        int[] ws = workspace;
        int pass1 = precision.pass1Bits;
        // Pass 1: columns, from the coefficients into the workspace, scaled up by 2^pass1.
        for (int col = 0; col < 8; col++) {
            int i = inOff + col;
            if (in[i + 8] == 0 && in[i + 16] == 0 && in[i + 24] == 0 && in[i + 32] == 0
                && in[i + 40] == 0 && in[i + 48] == 0 && in[i + 56] == 0) {
                // AC terms all zero: the column is constant.
                int dc = (in[i] * q[col]) << pass1;
                for (int r = 0; r < 8; r++) {
                    ws[r * 8 + col] = dc;
                }
                continue;
            }
            // Even part: the rotator on inputs 2 and 6 (sqrt(2) * c(-6)).
            long z2 = in[i + 16] * q[col + 16];
            long z3 = in[i + 48] * q[col + 48];
            long z1 = (z2 + z3) * FIX_0_541196100;
            long tmp2 = z1 + z3 * -FIX_1_847759065;
            long tmp3 = z1 + z2 * FIX_0_765366865;
            z2 = in[i] * q[col];
            z3 = in[i + 32] * q[col + 32];
            long tmp0 = (z2 + z3) << CONST_BITS;
            long tmp1 = (z2 - z3) << CONST_BITS;
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;
            // Odd part (Figure 8 of the LL&M paper).
            tmp0 = in[i + 56] * q[col + 56];
            tmp1 = in[i + 40] * q[col + 40];
            tmp2 = in[i + 24] * q[col + 24];
            tmp3 = in[i + 8] * q[col + 8];
            long[] r = odd(tmp0, tmp1, tmp2, tmp3);
            int n = CONST_BITS - pass1;
            ws[col] = (int) descale(tmp10 + r[3], n);
            ws[56 + col] = (int) descale(tmp10 - r[3], n);
            ws[8 + col] = (int) descale(tmp11 + r[2], n);
            ws[48 + col] = (int) descale(tmp11 - r[2], n);
            ws[16 + col] = (int) descale(tmp12 + r[1], n);
            ws[40 + col] = (int) descale(tmp12 - r[1], n);
            ws[24 + col] = (int) descale(tmp13 + r[0], n);
            ws[32 + col] = (int) descale(tmp13 - r[0], n);
        }
        // Pass 2: rows, from the workspace to samples, descaling by 2^(CONST_BITS + pass1 + 3).
        int n = CONST_BITS + pass1 + 3;
        for (int row = 0; row < 8; row++) {
            int w = row * 8;
            int o = outOff + row * stride;
            if (ws[w + 1] == 0 && ws[w + 2] == 0 && ws[w + 3] == 0 && ws[w + 4] == 0
                && ws[w + 5] == 0 && ws[w + 6] == 0 && ws[w + 7] == 0) {
                short dc = precision.limit(descale(ws[w], pass1 + 3));
                for (int x = 0; x < 8; x++) {
                    out[o + x] = dc;
                }
                continue;
            }
            long z2 = ws[w + 2];
            long z3 = ws[w + 6];
            long z1 = (z2 + z3) * FIX_0_541196100;
            long tmp2 = z1 + z3 * -FIX_1_847759065;
            long tmp3 = z1 + z2 * FIX_0_765366865;
            long tmp0 = ((long) ws[w] + ws[w + 4]) << CONST_BITS;
            long tmp1 = ((long) ws[w] - ws[w + 4]) << CONST_BITS;
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;
            long[] r = odd(ws[w + 7], ws[w + 5], ws[w + 3], ws[w + 1]);
            out[o] = precision.limit(descale(tmp10 + r[3], n));
            out[o + 7] = precision.limit(descale(tmp10 - r[3], n));
            out[o + 1] = precision.limit(descale(tmp11 + r[2], n));
            out[o + 6] = precision.limit(descale(tmp11 - r[2], n));
            out[o + 2] = precision.limit(descale(tmp12 + r[1], n));
            out[o + 5] = precision.limit(descale(tmp12 - r[1], n));
            out[o + 3] = precision.limit(descale(tmp13 + r[0], n));
            out[o + 4] = precision.limit(descale(tmp13 - r[0], n));
        }
    }

    private final long[] oddOut = new long[4];

    /** The odd part: inputs 7, 5, 3, 1; returns tmp0..tmp3 (outputs paired with rows 3/4, 2/5, 1/6, 0/7). */
    private long[] odd(long tmp0, long tmp1, long tmp2, long tmp3) {
        long z1 = tmp0 + tmp3;
        long z2 = tmp1 + tmp2;
        long z3 = tmp0 + tmp2;
        long z4 = tmp1 + tmp3;
        long z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 *= FIX_0_298631336;
        tmp1 *= FIX_2_053119869;
        tmp2 *= FIX_3_072711026;
        tmp3 *= FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 *= -FIX_1_961570560;
        z4 *= -FIX_0_390180644;
        z3 += z5;
        z4 += z5;
        long[] r = oddOut;
        r[0] = tmp0 + z1 + z3;
        r[1] = tmp1 + z2 + z4;
        r[2] = tmp2 + z2 + z3;
        r[3] = tmp3 + z1 + z4;
        return r;
    }
}
