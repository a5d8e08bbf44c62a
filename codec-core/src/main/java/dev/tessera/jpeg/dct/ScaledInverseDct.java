package dev.tessera.jpeg.dct;

import static dev.tessera.jpeg.dct.InverseDct.CONST_BITS;
import static dev.tessera.jpeg.dct.InverseDct.descale;

/**
 * Reduced-size inverse DCTs for scaled decoding: 4x4, 2x2 and 1x1 outputs from an 8x8 block, giving the
 * results of libjpeg-turbo's {@code jidctred.c} (used by {@code djpeg -scale 1/2, 1/4, 1/8}). Each keeps
 * only the low-frequency half (quarter, eighth) of the A.3.3 sum, evaluated at the centres of the larger
 * output pixels; fixed point as in {@link InverseDct} (Q13 constants, 2 extra bits between passes).
 */
public final class ScaledInverseDct {
    static final long FIX_0_211164243 = 1730;
    static final long FIX_0_509795579 = 4176;
    static final long FIX_0_601344887 = 4926;
    static final long FIX_0_720959822 = 5906;
    static final long FIX_0_765366865 = 6270;
    static final long FIX_0_850430095 = 6967;
    static final long FIX_0_899976223 = 7373;
    static final long FIX_1_061594337 = 8697;
    static final long FIX_1_272758580 = 10426;
    static final long FIX_1_451774981 = 11893;
    static final long FIX_1_847759065 = 15137;
    static final long FIX_2_172734803 = 17799;
    static final long FIX_2_562915447 = 20995;
    static final long FIX_3_624509785 = 29692;

    private ScaledInverseDct() {
    }


    /** 4x4 output: the even part uses inputs 0, 2, 6 and the odd part 1, 3, 5, 7; input 4 is ignored. */
    static final class Size4 implements IdctKernel {
        private final int[] ws = new int[32];
        private final IdctPrecision precision;
        private final int pass1;

        Size4(IdctPrecision precision) {
            this.precision = precision;
            this.pass1 = precision.pass1Bits;
        }

        private short limit(long v) {
            return precision.limit(v);
        }

        @Override
        public int size() {
            return 4;
        }

        @Override
        public void transform(short[] in, int inOff, int[] q, short[] out, int outOff, int stride) {
            for (int col = 0; col < 8; col++) {
                if (col == 4) {
                    continue;
                }
                int i = inOff + col;
                if (in[i + 8] == 0 && in[i + 16] == 0 && in[i + 24] == 0 && in[i + 40] == 0
                    && in[i + 48] == 0 && in[i + 56] == 0) {
                    int dc = (in[i] * q[col]) << pass1;
                    ws[col] = dc;
                    ws[8 + col] = dc;
                    ws[16 + col] = dc;
                    ws[24 + col] = dc;
                    continue;
                }
                long tmp0 = (long) (in[i] * q[col]) << (CONST_BITS + 1);
                long z2 = in[i + 16] * q[col + 16];
                long z3 = in[i + 48] * q[col + 48];
                long tmp2 = z2 * FIX_1_847759065 + z3 * -FIX_0_765366865;
                long tmp10 = tmp0 + tmp2;
                long tmp12 = tmp0 - tmp2;
                long z1 = in[i + 56] * q[col + 56];
                z2 = in[i + 40] * q[col + 40];
                z3 = in[i + 24] * q[col + 24];
                long z4 = in[i + 8] * q[col + 8];
                tmp0 = z1 * -FIX_0_211164243 + z2 * FIX_1_451774981 + z3 * -FIX_2_172734803 + z4 * FIX_1_061594337;
                tmp2 = z1 * -FIX_0_509795579 + z2 * -FIX_0_601344887 + z3 * FIX_0_899976223 + z4 * FIX_2_562915447;
                int n = CONST_BITS - pass1 + 1;
                ws[col] = (int) descale(tmp10 + tmp2, n);
                ws[24 + col] = (int) descale(tmp10 - tmp2, n);
                ws[8 + col] = (int) descale(tmp12 + tmp0, n);
                ws[16 + col] = (int) descale(tmp12 - tmp0, n);
            }
            int n = CONST_BITS + pass1 + 3 + 1;
            for (int row = 0; row < 4; row++) {
                int w = row * 8;
                int o = outOff + row * stride;
                if (ws[w + 1] == 0 && ws[w + 2] == 0 && ws[w + 3] == 0 && ws[w + 5] == 0
                    && ws[w + 6] == 0 && ws[w + 7] == 0) {
                    short dc = limit(descale(ws[w], pass1 + 3));
                    out[o] = dc;
                    out[o + 1] = dc;
                    out[o + 2] = dc;
                    out[o + 3] = dc;
                    continue;
                }
                long tmp0 = (long) ws[w] << (CONST_BITS + 1);
                long tmp2 = ws[w + 2] * FIX_1_847759065 + ws[w + 6] * -FIX_0_765366865;
                long tmp10 = tmp0 + tmp2;
                long tmp12 = tmp0 - tmp2;
                long z1 = ws[w + 7];
                long z2 = ws[w + 5];
                long z3 = ws[w + 3];
                long z4 = ws[w + 1];
                tmp0 = z1 * -FIX_0_211164243 + z2 * FIX_1_451774981 + z3 * -FIX_2_172734803 + z4 * FIX_1_061594337;
                tmp2 = z1 * -FIX_0_509795579 + z2 * -FIX_0_601344887 + z3 * FIX_0_899976223 + z4 * FIX_2_562915447;
                out[o] = limit(descale(tmp10 + tmp2, n));
                out[o + 3] = limit(descale(tmp10 - tmp2, n));
                out[o + 1] = limit(descale(tmp12 + tmp0, n));
                out[o + 2] = limit(descale(tmp12 - tmp0, n));
            }
        }
    }

    /** 2x2 output: the DC term and the odd inputs 1, 3, 5, 7. */
    static final class Size2 implements IdctKernel {
        private final int[] ws = new int[16];
        private final IdctPrecision precision;
        private final int pass1;

        Size2(IdctPrecision precision) {
            this.precision = precision;
            this.pass1 = precision.pass1Bits;
        }

        private short limit(long v) {
            return precision.limit(v);
        }

        @Override
        public int size() {
            return 2;
        }

        @Override
        public void transform(short[] in, int inOff, int[] q, short[] out, int outOff, int stride) {
            for (int col = 0; col < 8; col++) {
                if (col == 2 || col == 4 || col == 6) {
                    continue;
                }
                int i = inOff + col;
                if (in[i + 8] == 0 && in[i + 24] == 0 && in[i + 40] == 0 && in[i + 56] == 0) {
                    int dc = (in[i] * q[col]) << pass1;
                    ws[col] = dc;
                    ws[8 + col] = dc;
                    continue;
                }
                long tmp10 = (long) (in[i] * q[col]) << (CONST_BITS + 2);
                long tmp0 = (long) (in[i + 56] * q[col + 56]) * -FIX_0_720959822;
                tmp0 += (long) (in[i + 40] * q[col + 40]) * FIX_0_850430095;
                tmp0 += (long) (in[i + 24] * q[col + 24]) * -FIX_1_272758580;
                tmp0 += (long) (in[i + 8] * q[col + 8]) * FIX_3_624509785;
                int n = CONST_BITS - pass1 + 2;
                ws[col] = (int) descale(tmp10 + tmp0, n);
                ws[8 + col] = (int) descale(tmp10 - tmp0, n);
            }
            int n = CONST_BITS + pass1 + 3 + 2;
            for (int row = 0; row < 2; row++) {
                int w = row * 8;
                int o = outOff + row * stride;
                if (ws[w + 1] == 0 && ws[w + 3] == 0 && ws[w + 5] == 0 && ws[w + 7] == 0) {
                    short dc = limit(descale(ws[w], pass1 + 3));
                    out[o] = dc;
                    out[o + 1] = dc;
                    continue;
                }
                long tmp10 = (long) ws[w] << (CONST_BITS + 2);
                long tmp0 = ws[w + 7] * -FIX_0_720959822 + ws[w + 5] * FIX_0_850430095
                    + ws[w + 3] * -FIX_1_272758580 + ws[w + 1] * FIX_3_624509785;
                out[o] = limit(descale(tmp10 + tmp0, n));
                out[o + 1] = limit(descale(tmp10 - tmp0, n));
            }
        }
    }

    /** 1x1 output: the DC term alone, descaled by 8. */
    static final class Size1 implements IdctKernel {
        private final IdctPrecision precision;

        Size1(IdctPrecision precision) {
            this.precision = precision;
        }
        @Override
        public int size() {
            return 1;
        }

        @Override
        public void transform(short[] in, int inOff, int[] q, short[] out, int outOff, int stride) {
            int dc = in[inOff] * q[0];
            out[outOff] = precision.limit(descale(dc, 3));
        }
    }
}
