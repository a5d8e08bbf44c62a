package dev.tessera.jpeg.dct;

import dev.tessera.jpeg.simd.VectorSupport;

/**
 * The 8x8 forward DCT of T.81 A.3.3 in integer arithmetic, by the Loeffler-Ligtenberg-Moschytz factorisation
 * (12 multiplications per 1-D transform) with 13-bit fixed-point constants: the "accurate integer" DCT that
 * libjpeg calls islow, chosen because its output matches the float formula to within rounding at the speed
 * of integer code.
 *
 * <p>Input: 64 samples in natural (row-major) order, 0..255. Output: 64 coefficients in natural order, scaled
 * by 8 (that is, 8 * F(v,u) of A.3.3, rounded), so |output| &lt;= 8192. The quantizer removes the factor 8.
 */
public final class ForwardDct {
    static final int CONST_BITS = 13;
    /** Extra fraction bits kept between the row and column passes. */
    static final int PASS1_BITS = 2;
    static final int CENTER = 128;

    static final int C_0_298631336 = fix(0.298631336);
    static final int C_0_390180644 = fix(0.390180644);
    static final int C_0_541196100 = fix(0.541196100);
    static final int C_0_765366865 = fix(0.765366865);
    static final int C_0_899976223 = fix(0.899976223);
    static final int C_1_175875602 = fix(1.175875602);
    static final int C_1_501321110 = fix(1.501321110);
    static final int C_1_847759065 = fix(1.847759065);
    static final int C_1_961570560 = fix(1.961570560);
    static final int C_2_053119869 = fix(2.053119869);
    static final int C_2_562915447 = fix(2.562915447);
    static final int C_3_072711026 = fix(3.072711026);

    private ForwardDct() {
    }

    /** The block-at-a-time kernel for one encoder (one thread): the scalar code with its own scratch array. */
    public static FdctKernel kernel() {
        return new ScalarKernel();
    }

    /**
     * Whether {@link #groupKernel(boolean)} gives the Vector API kernel ({@link VectorGroupFdct}) now: when
     * {@link VectorSupport#enabled()} and its background warm-up is done.
     */
    public static boolean vectorReady() {
        return VectorSupport.enabled() && VectorGroupFdct.WARMUP.ready();
    }

    /**
     * A group kernel for one encoder (one thread): {@link VectorGroupFdct} when {@code vector} (only when
     * {@link VectorSupport#enabled()}) and its background warm-up is done, else the scalar code block by block;
     * the same coefficients.
     */
    public static FdctGroupKernel groupKernel(boolean vector) {
        return vector && VectorGroupFdct.WARMUP.ready() ? new VectorGroupFdct() : new ScalarGroupKernel();
    }

    /**
     * Transforms the 8x8 samples at {@code samples[offset + r * stride + c]} into {@code out[0..63]}: the same
     * coefficients as copying them into a block and calling {@link #transform(int[], int)}, with fewer operations
     * (the encoder's scalar kernel). Integer arithmetic is exact, so regrouping changes no result: the level
     * shift (T.81 A.3.1) cancels in every row output but the DC sum, which takes {@code 8 * CENTER} off once;
     * each rounding constant is added to a term that every output of its group shares ({@code z1}, {@code z5},
     * {@code tmp10}) instead of to each output. The row pass writes its outputs transposed into {@code scratch}
     * (64 ints, clobbered), so that the column pass reads each column's inputs contiguously.
     */
    public static void transform(int[] samples, int offset, int stride, int[] out, int[] scratch) {
        final int rowBits = CONST_BITS - PASS1_BITS;
        final int rowRound = 1 << (rowBits - 1);
        for (int r = 0, in = offset; r < 8; r++, in += stride) {
            int d0 = samples[in];
            int d1 = samples[in + 1];
            int d2 = samples[in + 2];
            int d3 = samples[in + 3];
            int d4 = samples[in + 4];
            int d5 = samples[in + 5];
            int d6 = samples[in + 6];
            int d7 = samples[in + 7];
            int tmp0 = d0 + d7;
            int tmp7 = d0 - d7;
            int tmp1 = d1 + d6;
            int tmp6 = d1 - d6;
            int tmp2 = d2 + d5;
            int tmp5 = d2 - d5;
            int tmp3 = d3 + d4;
            int tmp4 = d3 - d4;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            scratch[r] = (tmp10 + tmp11 - 8 * CENTER) << PASS1_BITS;
            scratch[32 + r] = (tmp10 - tmp11) << PASS1_BITS;
            int z1 = (tmp12 + tmp13) * C_0_541196100 + rowRound;
            scratch[16 + r] = (z1 + tmp13 * C_0_765366865) >> rowBits;
            scratch[48 + r] = (z1 - tmp12 * C_1_847759065) >> rowBits;
            int z5 = (tmp4 + tmp6 + tmp5 + tmp7) * C_1_175875602 + rowRound;
            int z1o = (tmp4 + tmp7) * -C_0_899976223;
            int z2 = (tmp5 + tmp6) * -C_2_562915447;
            int z3 = (tmp4 + tmp6) * -C_1_961570560 + z5;
            int z4 = (tmp5 + tmp7) * -C_0_390180644 + z5;
            scratch[56 + r] = (tmp4 * C_0_298631336 + z1o + z3) >> rowBits;
            scratch[40 + r] = (tmp5 * C_2_053119869 + z2 + z4) >> rowBits;
            scratch[24 + r] = (tmp6 * C_3_072711026 + z2 + z3) >> rowBits;
            scratch[8 + r] = (tmp7 * C_1_501321110 + z1o + z4) >> rowBits;
        }
        final int columnBits = CONST_BITS + PASS1_BITS;
        final int columnRound = 1 << (columnBits - 1);
        for (int c = 0, w = 0; c < 8; c++, w += 8) {
            int d0 = scratch[w];
            int d1 = scratch[w + 1];
            int d2 = scratch[w + 2];
            int d3 = scratch[w + 3];
            int d4 = scratch[w + 4];
            int d5 = scratch[w + 5];
            int d6 = scratch[w + 6];
            int d7 = scratch[w + 7];
            int tmp0 = d0 + d7;
            int tmp7 = d0 - d7;
            int tmp1 = d1 + d6;
            int tmp6 = d1 - d6;
            int tmp2 = d2 + d5;
            int tmp5 = d2 - d5;
            int tmp3 = d3 + d4;
            int tmp4 = d3 - d4;
            int tmp10 = tmp0 + tmp3 + (1 << (PASS1_BITS - 1));
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            out[c] = (tmp10 + tmp11) >> PASS1_BITS;
            out[c + 32] = (tmp10 - tmp11) >> PASS1_BITS;
            int z1 = (tmp12 + tmp13) * C_0_541196100 + columnRound;
            out[c + 16] = (z1 + tmp13 * C_0_765366865) >> columnBits;
            out[c + 48] = (z1 - tmp12 * C_1_847759065) >> columnBits;
            int z5 = (tmp4 + tmp6 + tmp5 + tmp7) * C_1_175875602 + columnRound;
            int z1o = (tmp4 + tmp7) * -C_0_899976223;
            int z2 = (tmp5 + tmp6) * -C_2_562915447;
            int z3 = (tmp4 + tmp6) * -C_1_961570560 + z5;
            int z4 = (tmp5 + tmp7) * -C_0_390180644 + z5;
            out[c + 56] = (tmp4 * C_0_298631336 + z1o + z3) >> columnBits;
            out[c + 40] = (tmp5 * C_2_053119869 + z2 + z4) >> columnBits;
            out[c + 24] = (tmp6 * C_3_072711026 + z2 + z3) >> columnBits;
            out[c + 8] = (tmp7 * C_1_501321110 + z1o + z4) >> columnBits;
        }
    }

    /**
     * {@link #transform(int[], int, int, int[], int[])} with a scratch array of its own (allocated per call; the
     * encoder's kernel {@link #kernel()} reuses one).
     */
    public static void transform(int[] samples, int offset, int stride, int[] out) {
        transform(samples, offset, stride, out, new int[64]);
    }

    private static int fix(double x) {
        return (int) Math.round(x * (1 << CONST_BITS));
    }

    /** The scalar kernel: {@link #transform(int[], int, int, int[], int[])} with one scratch array. */
    private static final class ScalarKernel implements FdctKernel {
        private final int[] scratch = new int[64];

        @Override
        public void transform(int[] samples, int offset, int stride, int[] out) {
            ForwardDct.transform(samples, offset, stride, out, scratch);
        }
    }

    /** The scalar group kernel: each block gathered out of the group layout and transformed alone. */
    private static final class ScalarGroupKernel implements FdctGroupKernel {
        private final int[] block = new int[64];
        private final int[] coefficients = new int[64];
        private final int[] scratch = new int[64];

        @Override
        public void transform(int[] samples, int offset, int stride, int[] out) {
            for (int j = 0; j < 8; j++) {
                for (int r = 0; r < 8; r++) {
                    for (int c = 0; c < 8; c++) {
                        block[8 * r + c] = samples[offset + r * stride + 8 * c + j];
                    }
                }
                ForwardDct.transform(block, 0, 8, coefficients, scratch);
                for (int n = 0; n < 64; n++) {
                    out[8 * n + j] = coefficients[n];
                }
            }
        }
    }

    /**
     * Transforms one block in place: {@link #transform(int[], int, int, int[])} with stride 8.
     *
     * @param block 64 ints at {@code offset}: samples 0..255 in, coefficients (scaled by 8) out
     */
    public static void transform(int[] block, int offset) {
        int[] coefficients = new int[64];
        transform(block, offset, 8, coefficients, new int[64]);
        System.arraycopy(coefficients, 0, block, offset, 64);
    }
}
