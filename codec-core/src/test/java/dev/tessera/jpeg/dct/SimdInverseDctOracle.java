package dev.tessera.jpeg.dct;

import static dev.tessera.jpeg.dct.InverseDct.CONST_BITS;
import static dev.tessera.jpeg.dct.InverseDct.PASS1_BITS;

/**
 * Test oracle: {@link SimdInverseDct.Size8} as it was before its saturations were grouped (one test per
 * eight values, the level shift folded into the rounding), kept unchanged so that the kernel can be compared
 * with it on any input.
 */
final class SimdInverseDctOracle {
    private SimdInverseDctOracle() {
    }

    private static int sat16(int v) {
        return v < -32768 ? -32768 : (v > 32767 ? 32767 : v);
    }

    private static short sample(int v16) {
        return (short) ((v16 < -128 ? -128 : (v16 > 127 ? 127 : v16)) + 128);
    }

    private static int dequantize(short[] in, int i, int[] q, int k) {
        return (short) (in[i] * q[k]);
    }

    // Constants of jidctint, combined as the SIMD code combines them for pmaddwd.
    private static final int F130 = 4433 + 6270;        // F_0_541 + F_0_765
    private static final int F054 = 4433;
    private static final int MF130 = 4433 - 15137;      // F_0_541 - F_1_847
    private static final int MF078 = 9633 - 16069;      // F_1_175 - F_1_961
    private static final int F117 = 9633;
    private static final int F078 = 9633 - 3196;        // F_1_175 - F_0_390
    private static final int MF060 = 2446 - 7373;       // F_0_298 - F_0_899
    private static final int MF089 = -7373;
    private static final int MF050 = 16819 - 20995;     // F_2_053 - F_2_562
    private static final int MF256 = -20995;
    private static final int F060 = 12299 - 7373;       // F_1_501 - F_0_899
    private static final int F050 = 25172 - 20995;      // F_3_072 - F_2_562

    static final class Size8Oracle implements IdctKernel {
        /** Natural-order mask bits of rows 1..7 and 4..7, and of the AC terms of column 0. */
        private static final long ROWS_1_TO_7 = -1L << 8;
        private static final long ROWS_4_TO_7 = -1L << 32;
        private static final long COLUMN_AC = 0x0101010101010100L;

        private final int[] ws = new int[64];

        @Override
        public int size() {
            return 8;
        }

        @Override
        public void transform(short[] in, int off, int[] q, short[] out, int outOff, int stride) {
            int[] ws = this.ws;
            int upper = 0;
            for (int i = off + 8; i < off + 32; i++) {
                upper |= in[i];
            }
            int lower = 0;
            for (int i = off + 32; i < off + 64; i++) {
                lower |= in[i];
            }
            if ((upper | lower) == 0) {
                firstRowOnly(in, off, q, ws, out, outOff, stride);
                return;
            }
            int columns = lower == 0 ? columnsTop(in, off, q, ws, -1L) : columnsFull(in, off, q, ws, -1L);
            rows(ws, columns, out, outOff, stride);
        }

        /**
         * The same transform, its variant picked from the non-zero mask instead of the coefficients: no scan
         * of the block for zero rows, and the mask's column bits stand in for the per-column tests. Extra
         * bits change nothing as long as they do not hide that rows 1..7 are zero (see {@link IdctKernel}):
         * the column and row variants equal the full transform whenever their dropped terms are 0.
         */
        @Override
        public void transform(short[] in, int off, long nonZero, int[] q, short[] out, int outOff, int stride) {
            int[] ws = this.ws;
            if ((nonZero & ROWS_1_TO_7) == 0) {
                firstRowOnly(in, off, q, ws, out, outOff, stride);
                return;
            }
            int columns = (nonZero & ROWS_4_TO_7) == 0 ? columnsTop(in, off, q, ws, nonZero)
                : columnsFull(in, off, q, ws, nonZero);
            rows(ws, columns, out, outOff, stride);
        }

        /** Rows 1..7 zero: every workspace row is (short) (dequantized row 0 << PASS1_BITS). */
        private static void firstRowOnly(short[] in, int off, int[] q, int[] ws, short[] out, int outOff,
                                         int stride) {
            for (int c = 0; c < 8; c++) {
                ws[c] = (short) (dequantize(in, off + c, q, c) << PASS1_BITS);
            }
            rowPass(ws, 0, out, outOff);
            for (int r = 1; r < 8; r++) {
                System.arraycopy(out, outOff, out, outOff + r * stride, 8);
            }
        }

        private static void rows(int[] ws, int columns, short[] out, int outOff, int stride) {
            if ((columns & 0xF0) == 0) {
                rowsLeft(ws, out, outOff, stride);
            } else {
                for (int r = 0; r < 8; r++) {
                    rowPass(ws, r * 8, out, outOff + r * stride);
                }
            }
        }

        /**
         * Pass 1 on every column of a block with any AC row nonzero; returns a mask of the columns holding a
         * nonzero coefficient (a column without one gives a zero workspace column).
         */
        private static int columnsFull(short[] in, int off, int[] q, int[] ws, long mask) {
            int nonzero = 0;
            for (int c = 0; c < 8; c++) {
                int i = off + c;
                // One test of all seven AC terms (ORed), not seven branches; none when the mask rules them out.
                if ((mask & (COLUMN_AC << c)) == 0
                    || (in[i + 8] | in[i + 16] | in[i + 24] | in[i + 32] | in[i + 40] | in[i + 48] | in[i + 56]) == 0) {
                    columnDc(in, i, q, c, ws);
                    if (in[i] != 0) {
                        nonzero |= 1 << c;
                    }
                    continue;
                }
                nonzero |= 1 << c;
                int i0 = dequantize(in, i, q, c);
                int i1 = dequantize(in, i + 8, q, c + 8);
                int i2 = dequantize(in, i + 16, q, c + 16);
                int i3 = dequantize(in, i + 24, q, c + 24);
                int i4 = dequantize(in, i + 32, q, c + 32);
                int i5 = dequantize(in, i + 40, q, c + 40);
                int i6 = dequantize(in, i + 48, q, c + 48);
                int i7 = dequantize(in, i + 56, q, c + 56);
                int tmp3 = i2 * F130 + i6 * F054;
                int tmp2 = i2 * F054 + i6 * MF130;
                int tmp0 = ((short) (i0 + i4)) << CONST_BITS;
                int tmp1 = ((short) (i0 - i4)) << CONST_BITS;
                int tmp10 = tmp0 + tmp3;
                int tmp13 = tmp0 - tmp3;
                int tmp11 = tmp1 + tmp2;
                int tmp12 = tmp1 - tmp2;
                int z3 = (short) (i7 + i3);
                int z4 = (short) (i5 + i1);
                int z3r = z3 * MF078 + z4 * F117;
                int z4r = z3 * F117 + z4 * F078;
                int o0 = i7 * MF060 + i1 * MF089 + z3r;
                int o1 = i5 * MF050 + i3 * MF256 + z4r;
                int o3 = i7 * MF089 + i1 * F060 + z4r;
                int o2 = i5 * MF256 + i3 * F050 + z3r;
                columnOut(ws, c, tmp10, tmp11, tmp12, tmp13, o0, o1, o2, o3);
            }
            return nonzero;
        }

        /**
         * Pass 1 when rows 4..7 are zero: the full column transform with in4 .. in7 = 0 (in0 and in3, in1
         * are already 16-bit, so the 16-bit sums with zero change nothing). Returns the nonzero-column mask.
         */
        private static int columnsTop(short[] in, int off, int[] q, int[] ws, long mask) {
            int nonzero = 0;
            for (int c = 0; c < 8; c++) {
                int i = off + c;
                if ((mask & (COLUMN_AC << c)) == 0 || (in[i + 8] | in[i + 16] | in[i + 24]) == 0) {
                    columnDc(in, i, q, c, ws);
                    if (in[i] != 0) {
                        nonzero |= 1 << c;
                    }
                    continue;
                }
                nonzero |= 1 << c;
                int i0 = dequantize(in, i, q, c);
                int i1 = dequantize(in, i + 8, q, c + 8);
                int i2 = dequantize(in, i + 16, q, c + 16);
                int i3 = dequantize(in, i + 24, q, c + 24);
                int tmp3 = i2 * F130;
                int tmp2 = i2 * F054;
                int tmp0 = i0 << CONST_BITS;
                int tmp10 = tmp0 + tmp3;
                int tmp13 = tmp0 - tmp3;
                int tmp11 = tmp0 + tmp2;
                int tmp12 = tmp0 - tmp2;
                int z3r = i3 * MF078 + i1 * F117;
                int z4r = i3 * F117 + i1 * F078;
                int o0 = i1 * MF089 + z3r;
                int o1 = i3 * MF256 + z4r;
                int o3 = i1 * F060 + z4r;
                int o2 = i3 * F050 + z3r;
                columnOut(ws, c, tmp10, tmp11, tmp12, tmp13, o0, o1, o2, o3);
            }
            return nonzero;
        }

        /**
         * A column with zero AC terms. Not a SIMD shortcut, but exactly what the column transform gives
         * then: every output is sat16((in0 << 13 + 2^10) >> 11) = sat16(4 * in0).
         */
        private static void columnDc(short[] in, int i, int[] q, int c, int[] ws) {
            int v = sat16(dequantize(in, i, q, c) << PASS1_BITS);
            for (int r = 0; r < 64; r += 8) {
                ws[r + c] = v;
            }
        }

        /** Pass 1's butterfly outputs, descaled and saturated to 16 bits (packssdw), into column c. */
        private static void columnOut(int[] ws, int c, int tmp10, int tmp11, int tmp12, int tmp13,
                                      int o0, int o1, int o2, int o3) {
            final int shift = CONST_BITS - PASS1_BITS;
            final int round = 1 << (shift - 1);
            ws[c] = sat16((tmp10 + o3 + round) >> shift);
            ws[56 + c] = sat16((tmp10 - o3 + round) >> shift);
            ws[8 + c] = sat16((tmp11 + o2 + round) >> shift);
            ws[48 + c] = sat16((tmp11 - o2 + round) >> shift);
            ws[24 + c] = sat16((tmp13 + o0 + round) >> shift);
            ws[32 + c] = sat16((tmp13 - o0 + round) >> shift);
            ws[16 + c] = sat16((tmp12 + o1 + round) >> shift);
            ws[40 + c] = sat16((tmp12 - o1 + round) >> shift);
        }

        /**
         * Pass 2 on all eight workspace rows when workspace columns 4..7 are zero: the row transform with
         * w4 .. w7 = 0 (w0, w1, w3 are 16-bit, so the 16-bit sums with zero change nothing).
         */
        private static void rowsLeft(int[] ws, short[] out, int outOff, int stride) {
            final int shift = CONST_BITS + PASS1_BITS + 3;
            final int round = 1 << (shift - 1);
            for (int w = 0, o = outOff; w < 64; w += 8, o += stride) {
                int i0 = ws[w];
                int i1 = ws[w + 1];
                int i2 = ws[w + 2];
                int i3 = ws[w + 3];
                if ((i1 | i2 | i3) == 0) {
                    short v = sample((i0 + 16) >> 5);
                    for (int x = 0; x < 8; x++) {
                        out[o + x] = v;
                    }
                    continue;
                }
                int tmp3 = i2 * F130;
                int tmp2 = i2 * F054;
                int tmp0 = i0 << CONST_BITS;
                int tmp10 = tmp0 + tmp3;
                int tmp13 = tmp0 - tmp3;
                int tmp11 = tmp0 + tmp2;
                int tmp12 = tmp0 - tmp2;
                int z3r = i3 * MF078 + i1 * F117;
                int z4r = i3 * F117 + i1 * F078;
                int o0 = i1 * MF089 + z3r;
                int o1 = i3 * MF256 + z4r;
                int o3 = i1 * F060 + z4r;
                int o2 = i3 * F050 + z3r;
                out[o] = sample((tmp10 + o3 + round) >> shift);
                out[o + 7] = sample((tmp10 - o3 + round) >> shift);
                out[o + 1] = sample((tmp11 + o2 + round) >> shift);
                out[o + 6] = sample((tmp11 - o2 + round) >> shift);
                out[o + 3] = sample((tmp13 + o0 + round) >> shift);
                out[o + 4] = sample((tmp13 - o0 + round) >> shift);
                out[o + 2] = sample((tmp12 + o1 + round) >> shift);
                out[o + 5] = sample((tmp12 - o1 + round) >> shift);
            }
        }

        /** Pass 2 on workspace row {@code w}: eight samples to {@code out[o..o+7]}. */
        private static void rowPass(int[] ws, int w, short[] out, int o) {
            int i0 = ws[w];
            int i1 = ws[w + 1];
            int i2 = ws[w + 2];
            int i3 = ws[w + 3];
            int i4 = ws[w + 4];
            int i5 = ws[w + 5];
            int i6 = ws[w + 6];
            int i7 = ws[w + 7];
            if ((i1 | i2 | i3 | i4 | i5 | i6 | i7) == 0) {
                // Exact: (w0 << 13 + 2^17) >> 18 = (w0 + 16) >> 5.
                short v = sample((i0 + 16) >> 5);
                for (int x = 0; x < 8; x++) {
                    out[o + x] = v;
                }
                return;
            }
            int tmp3 = i2 * F130 + i6 * F054;
            int tmp2 = i2 * F054 + i6 * MF130;
            int tmp0 = ((short) (i0 + i4)) << CONST_BITS;
            int tmp1 = ((short) (i0 - i4)) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            int z3 = (short) (i7 + i3);
            int z4 = (short) (i5 + i1);
            int z3r = z3 * MF078 + z4 * F117;
            int z4r = z3 * F117 + z4 * F078;
            int o0 = i7 * MF060 + i1 * MF089 + z3r;
            int o1 = i5 * MF050 + i3 * MF256 + z4r;
            int o3 = i7 * MF089 + i1 * F060 + z4r;
            int o2 = i5 * MF256 + i3 * F050 + z3r;
            final int shift = CONST_BITS + PASS1_BITS + 3;
            final int round = 1 << (shift - 1);
            // sample(sat16(v)) = sample(v): the byte saturation is inside the 16-bit one.
            out[o] = sample((tmp10 + o3 + round) >> shift);
            out[o + 7] = sample((tmp10 - o3 + round) >> shift);
            out[o + 1] = sample((tmp11 + o2 + round) >> shift);
            out[o + 6] = sample((tmp11 - o2 + round) >> shift);
            out[o + 3] = sample((tmp13 + o0 + round) >> shift);
            out[o + 4] = sample((tmp13 - o0 + round) >> shift);
            out[o + 2] = sample((tmp12 + o1 + round) >> shift);
            out[o + 5] = sample((tmp12 - o1 + round) >> shift);
        }
    }
}
