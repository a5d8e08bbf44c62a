package dev.tessera.jpeg.dct;

import static dev.tessera.jpeg.dct.InverseDct.CONST_BITS;
import static dev.tessera.jpeg.dct.InverseDct.PASS1_BITS;

/**
 * The same inverse DCTs as {@link InverseDct} and {@link ScaledInverseDct}, computed with the integer
 * widths of libjpeg-turbo's x86-64 SIMD code ({@code jsimd_idct_islow_avx2}, {@code jsimd_idct_4x4_sse2},
 * {@code jsimd_idct_2x2_sse2}), which {@code djpeg} runs by default on x86-64. For valid data the results
 * equal the C code's exactly; they differ only when corrupt coefficients overflow 16 bits, and then this
 * reproduces djpeg:
 *
 * <ul>
 *   <li>dequantization keeps the low 16 bits of coefficient x multiplier ({@code pmullw});</li>
 *   <li>a few sums of two inputs are 16-bit ({@code paddw}): in0 +/- in4 and the odd-part z3, z4 of the
 *       8x8 transform; products and the other sums are 32-bit ({@code pmaddwd}, {@code paddd});</li>
 *   <li>each pass's descaled output saturates to 16 bits ({@code packssdw}), and the final samples to
 *       -128..127 before the level shift ({@code packsswb}, then + 128), instead of libjpeg's range-limit
 *       table with wrap-around;</li>
 *   <li>the 8x8 and 4x4 transforms shortcut only when all AC rows of the block are zero, not per column.</li>
 * </ul>
 *
 * Fixed point as in {@link InverseDct}: Q13 constants, 2 extra bits between the passes.
 */
public final class SimdInverseDct {
    private SimdInverseDct() {
    }

    private static int sat16(int v) {
        return v < -32768 ? -32768 : (v > 32767 ? 32767 : v);
    }

    /** packsswb then + CENTERJSAMPLE: saturate to a signed byte and level-shift. */
    private static short sample(int v16) {
        return (short) ((v16 < -128 ? -128 : (v16 > 127 ? 127 : v16)) + 128);
    }

    private static int dequantize(short[] in, int i, int[] q, int k) {
        return (short) (in[i] * q[k]);
    }

    private static boolean acRowsZero(short[] in, int off, int[] rows) {
        for (int r : rows) {
            for (int c = 0; c < 8; c++) {
                if (in[off + r * 8 + c] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final int[] ROWS_4X4 = {1, 2, 3, 5, 6, 7};

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

    /**
     * 8x8, as jsimd_idct_islow_avx2. The two 1-D passes are written out with local variables, each pass one
     * call per block. The kernel is chosen per block from its zero pattern: blocks whose AC rows 1..7 are
     * zero (all the DC-only blocks among them) have eight equal workspace rows, so one output row is
     * computed and copied; when rows 4..7 are zero the column pass drops their terms, and when columns
     * 4..7 are zero (so are those of the workspace) the row pass drops theirs. A dropped term is a product
     * with zero or a sum with zero, so every variant gives exactly what the full transform gives, including
     * the 16-bit wrap of the sums in0 +/- in4, z3 and z4.
     */
    static final class Size8 implements IdctKernel {
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

        /**
         * Pass 1's butterfly outputs, descaled and saturated to 16 bits (packssdw), into column c. The eight
         * saturations are one test when all eight values already fit in 16 bits (always on valid data): v + 2^15
         * is then in 0 .. 0xFFFF for each, so their OR has no higher bit (|v| < 2^21 after the shift: no overflow).
         */
        private static void columnOut(int[] ws, int c, int tmp10, int tmp11, int tmp12, int tmp13,
                                      int o0, int o1, int o2, int o3) {
            final int shift = CONST_BITS - PASS1_BITS;
            final int round = 1 << (shift - 1);
            int v0 = (tmp10 + o3 + round) >> shift;
            int v7 = (tmp10 - o3 + round) >> shift;
            int v1 = (tmp11 + o2 + round) >> shift;
            int v6 = (tmp11 - o2 + round) >> shift;
            int v3 = (tmp13 + o0 + round) >> shift;
            int v4 = (tmp13 - o0 + round) >> shift;
            int v2 = (tmp12 + o1 + round) >> shift;
            int v5 = (tmp12 - o1 + round) >> shift;
            if ((((v0 + 32768) | (v1 + 32768) | (v2 + 32768) | (v3 + 32768) | (v4 + 32768) | (v5 + 32768)
                | (v6 + 32768) | (v7 + 32768)) & ~0xFFFF) != 0) {
                v0 = sat16(v0);
                v1 = sat16(v1);
                v2 = sat16(v2);
                v3 = sat16(v3);
                v4 = sat16(v4);
                v5 = sat16(v5);
                v6 = sat16(v6);
                v7 = sat16(v7);
            }
            ws[c] = v0;
            ws[8 + c] = v1;
            ws[16 + c] = v2;
            ws[24 + c] = v3;
            ws[32 + c] = v4;
            ws[40 + c] = v5;
            ws[48 + c] = v6;
            ws[56 + c] = v7;
        }

        /**
         * Pass 2's butterfly outputs, descaled, to eight samples at {@code out[o..o+7]}, each {@link #sample} of
         * its value, computed as the value + 128 clamped to 0..255. When the OR of the eight has no bit above
         * 0xFF (none negative, none over 255) there is nothing to clamp: one test for the eight.
         */
        private static void rowOut(short[] out, int o, int tmp10, int tmp11, int tmp12, int tmp13,
                                   int o0, int o1, int o2, int o3) {
            final int shift = CONST_BITS + PASS1_BITS + 3;
            final int round = 1 << (shift - 1);
            // The level shift after the shift, not folded into the rounding: with extreme (corrupt) 16-bit inputs
            // the sums come within 2^25 of overflowing (SimdInverseDctOracleTest has such rows).
            int v0 = ((tmp10 + o3 + round) >> shift) + 128;
            int v7 = ((tmp10 - o3 + round) >> shift) + 128;
            int v1 = ((tmp11 + o2 + round) >> shift) + 128;
            int v6 = ((tmp11 - o2 + round) >> shift) + 128;
            int v3 = ((tmp13 + o0 + round) >> shift) + 128;
            int v4 = ((tmp13 - o0 + round) >> shift) + 128;
            int v2 = ((tmp12 + o1 + round) >> shift) + 128;
            int v5 = ((tmp12 - o1 + round) >> shift) + 128;
            if (((v0 | v1 | v2 | v3 | v4 | v5 | v6 | v7) & ~0xFF) != 0) {
                v0 = clamp(v0);
                v1 = clamp(v1);
                v2 = clamp(v2);
                v3 = clamp(v3);
                v4 = clamp(v4);
                v5 = clamp(v5);
                v6 = clamp(v6);
                v7 = clamp(v7);
            }
            out[o] = (short) v0;
            out[o + 1] = (short) v1;
            out[o + 2] = (short) v2;
            out[o + 3] = (short) v3;
            out[o + 4] = (short) v4;
            out[o + 5] = (short) v5;
            out[o + 6] = (short) v6;
            out[o + 7] = (short) v7;
        }

        /** {@link #sample} of v - 128: 0 .. 255. */
        private static int clamp(int v) {
            return v < 0 ? 0 : (v > 255 ? 255 : v);
        }

        /**
         * Pass 2 on all eight workspace rows when workspace columns 4..7 are zero: the row transform with
         * w4 .. w7 = 0 (w0, w1, w3 are 16-bit, so the 16-bit sums with zero change nothing).
         */
        private static void rowsLeft(int[] ws, short[] out, int outOff, int stride) {
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
                rowOut(out, o, tmp10, tmp11, tmp12, tmp13, o0, o1, o2, o3);
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
            // sample(sat16(v)) = sample(v): the byte saturation is inside the 16-bit one.
            rowOut(out, o, tmp10, tmp11, tmp12, tmp13, o0, o1, o2, o3);
        }
    }

    // Constants of jidctred, as the SSE2 code pairs them.
    private static final int F256 = 20995;
    private static final int F089 = 7373;
    private static final int F106 = 8697;
    private static final int MF217 = -17799;
    private static final int MF060R = -4926;
    private static final int MF050R = -4176;
    private static final int F145 = 11893;
    private static final int MF021 = -1730;
    private static final int F184 = 15137;
    private static final int MF076 = -6270;
    private static final int F362 = 29692;
    private static final int MF127 = -10426;
    private static final int F085 = 6967;
    private static final int MF072 = -5906;

    /** 4x4, as jsimd_idct_4x4_sse2. */
    static final class Size4 implements IdctKernel {
        private final int[] ws = new int[32];
        private final int[] d = new int[4];

        @Override
        public int size() {
            return 4;
        }

        private void pass(int i0, int i1, int i2, int i3, int i5, int i6, int i7, int shift) {
            int tmp2 = i1 * F256 + i3 * F089 + i5 * MF060R + i7 * MF050R;
            int tmp0 = i1 * F106 + i3 * MF217 + i5 * F145 + i7 * MF021;
            int even0 = i0 << (CONST_BITS + 1);
            int even2 = i2 * F184 + i6 * MF076;
            int tmp10 = even0 + even2;
            int tmp12 = even0 - even2;
            int round = 1 << (shift - 1);
            d[0] = sat16((tmp10 + tmp2 + round) >> shift);
            d[3] = sat16((tmp10 - tmp2 + round) >> shift);
            d[1] = sat16((tmp12 + tmp0 + round) >> shift);
            d[2] = sat16((tmp12 - tmp0 + round) >> shift);
        }

        @Override
        public void transform(short[] in, int off, int[] q, short[] out, int outOff, int stride) {
            if (acRowsZero(in, off, ROWS_4X4)) {
                for (int c = 0; c < 8; c++) {
                    int v = (short) (dequantize(in, off + c, q, c) << PASS1_BITS);
                    for (int r = 0; r < 4; r++) {
                        ws[r * 8 + c] = v;
                    }
                }
            } else {
                for (int c = 0; c < 8; c++) {
                    int i = off + c;
                    pass(dequantize(in, i, q, c), dequantize(in, i + 8, q, c + 8), dequantize(in, i + 16, q, c + 16),
                        dequantize(in, i + 24, q, c + 24), dequantize(in, i + 40, q, c + 40),
                        dequantize(in, i + 48, q, c + 48), dequantize(in, i + 56, q, c + 56),
                        CONST_BITS - PASS1_BITS + 1);
                    for (int r = 0; r < 4; r++) {
                        ws[r * 8 + c] = d[r];
                    }
                }
            }
            for (int r = 0; r < 4; r++) {
                int w = r * 8;
                pass(ws[w], ws[w + 1], ws[w + 2], ws[w + 3], ws[w + 5], ws[w + 6], ws[w + 7],
                    CONST_BITS + PASS1_BITS + 3 + 1);
                int o = outOff + r * stride;
                for (int x = 0; x < 4; x++) {
                    out[o + x] = sample(d[x]);
                }
            }
        }
    }

    /** The columns a 2x2 output depends on: the DC column and the odd ones. */
    private static final int[] COLUMNS_2X2 = {0, 1, 3, 5, 7};

    /** 2x2, as jsimd_idct_2x2_sse2: the pass 1 results stay 32-bit; the odd inputs of pass 2 saturate. */
    static final class Size2 implements IdctKernel {
        private final int[][] ws = new int[2][8];

        @Override
        public int size() {
            return 2;
        }

        @Override
        public void transform(short[] in, int off, int[] q, short[] out, int outOff, int stride) {
            int shift1 = CONST_BITS - PASS1_BITS + 2;
            for (int c : COLUMNS_2X2) {
                int i = off + c;
                int tmp0 = dequantize(in, i + 8, q, c + 8) * F362 + dequantize(in, i + 24, q, c + 24) * MF127
                    + dequantize(in, i + 40, q, c + 40) * F085 + dequantize(in, i + 56, q, c + 56) * MF072;
                int tmp10 = dequantize(in, i, q, c) << (CONST_BITS + 2);
                ws[0][c] = (tmp10 + tmp0 + (1 << (shift1 - 1))) >> shift1;
                ws[1][c] = (tmp10 - tmp0 + (1 << (shift1 - 1))) >> shift1;
            }
            int shift2 = CONST_BITS + PASS1_BITS + 3 + 2;
            for (int r = 0; r < 2; r++) {
                int[] w = ws[r];
                int tmp0 = sat16(w[1]) * F362 + sat16(w[3]) * MF127 + sat16(w[5]) * F085 + sat16(w[7]) * MF072;
                int tmp10 = w[0] << (CONST_BITS + 2);
                int o = outOff + r * stride;
                out[o] = sample(sat16((tmp10 + tmp0 + (1 << (shift2 - 1))) >> shift2));
                out[o + 1] = sample(sat16((tmp10 - tmp0 + (1 << (shift2 - 1))) >> shift2));
            }
        }
    }
}
