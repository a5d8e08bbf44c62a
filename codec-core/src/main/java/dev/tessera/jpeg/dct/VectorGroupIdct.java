package dev.tessera.jpeg.dct;

import static dev.tessera.jpeg.dct.InverseDct.CONST_BITS;
import static dev.tessera.jpeg.dct.InverseDct.PASS1_BITS;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorInverseDct}'s arithmetic (T.81 A.3.3, libjpeg's islow factorisation with the 16-bit wraps and
 * saturations of jsimd_idct_islow_avx2) on eight blocks at once, one block per lane of a 256-bit
 * {@link IntVector}: with the coefficients interleaved ({@link IdctGroupKernel}) each vector holds the same
 * coefficient of the eight blocks, so neither pass needs a transpose; only the samples are regrouped into rows.
 *
 * <p>A block whose rows 1..7 are zero takes the scalar kernel's shortcut in libjpeg-turbo's SIMD code, which
 * wraps the workspace to 16 bits where the full transform saturates. A group of such blocks goes through
 * {@link SimdInverseDct.Size8}; in a mixed group they go through the vectors, whose result is the same unless
 * a dequantized row-0 coefficient times 4 leaves the 16-bit range (corrupt data), and those blocks are redone
 * by the scalar kernel.
 */
final class VectorGroupIdct implements IdctGroupKernel {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;
    private static final VectorSpecies<Short> SHORT = ShortVector.SPECIES_128;
    private static final long ROWS_1_TO_7 = -1L << 8;
    private static final long COLUMN_0 = 0x0101010101010101L;
    /** Lane j to j ^ 1, j ^ 2, j ^ 4, and the lanes with that bit clear (EVEN) or set (ODD). */
    private static final VectorShuffle<Integer> SWAP1 = VectorShuffle.fromValues(INT, 1, 0, 3, 2, 5, 4, 7, 6);
    private static final VectorShuffle<Integer> SWAP2 = VectorShuffle.fromValues(INT, 2, 3, 0, 1, 6, 7, 4, 5);
    private static final VectorShuffle<Integer> SWAP4 = VectorShuffle.fromValues(INT, 4, 5, 6, 7, 0, 1, 2, 3);
    private static final VectorMask<Integer> ODD1 = VectorMask.fromLong(INT, 0xAA);
    private static final VectorMask<Integer> EVEN1 = VectorMask.fromLong(INT, 0x55);
    private static final VectorMask<Integer> ODD2 = VectorMask.fromLong(INT, 0xCC);
    private static final VectorMask<Integer> EVEN2 = VectorMask.fromLong(INT, 0x33);
    private static final VectorMask<Integer> ODD4 = VectorMask.fromLong(INT, 0xF0);
    private static final VectorMask<Integer> EVEN4 = VectorMask.fromLong(INT, 0x0F);

    private static final int F130 = 4433 + 6270;
    private static final int F054 = 4433;
    private static final int MF130 = 4433 - 15137;
    private static final int MF078 = 9633 - 16069;
    private static final int F117 = 9633;
    private static final int F078 = 9633 - 3196;
    private static final int MF060 = 2446 - 7373;
    private static final int MF089 = -7373;
    private static final int MF050 = 16819 - 20995;
    private static final int MF256 = -20995;
    private static final int F060 = 12299 - 7373;
    private static final int F050 = 25172 - 20995;

    /** Compiles the kernel in the background; {@link IdctGroupKernel#vector()} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("idct-group", new Exercise());

    private final SimdInverseDct.Size8 scalar = new SimdInverseDct.Size8();
    /** Pass 1's output: workspace value k of lane j at {@code k * 8 + j}. */
    private final int[] ws = new int[512];
    /** Pass 1's even part of one column, rounded. */
    private final int[] even = new int[32];
    /** One sample row of the group: column x of lane j at {@code x * 8 + j}. */
    private final int[] row = new int[64];
    /** Row 0 of one block for the scalar shortcut; the rest stays zero. */
    private final short[] single = new short[64];

    @Override
    public void transform(short[] in, int base, long[] masks, int maskAt, int count, int[] q, short[] out,
                          int outOff, int stride) {
        int shortcut = 0;
        long union = 0;
        for (int j = 0; j < count; j++) {
            long mask = masks[maskAt + j];
            union |= mask;
            if ((mask & ROWS_1_TO_7) == 0) {
                shortcut |= 1 << j;
            }
        }
        if (shortcut == (1 << count) - 1) {
            for (int j = 0; j < count; j++) {
                firstRowOnly(in, base, j, masks[maskAt + j], q, out, outOff, stride);
            }
            return;
        }
        int[] ws = this.ws;
        int redo = shortcut == 0 ? 0 : overflowing(in, base, q, shortcut);
        int[] even = this.even;
        for (int c = 0; c < 64; c += 8) {
            if ((union & COLUMN_0 << (c >> 3)) == 0) {
                // No block has a coefficient in this column: pass 1 gives zeros.
                zeroColumn(ws, c);
            } else {
                columnEven(in, base, q, c, even);
                columnOdd(in, base, q, c, even, ws);
            }
        }
        int[] row = this.row;
        for (int r = 0; r < 8; r++) {
            rowPass(ws, r * 64, row);
            if (count == 8) {
                transposeStore(row, out, outOff + r * stride);
            } else {
                store(row, out, outOff + r * stride, count);
            }
        }
        while (redo != 0) {
            int j = Integer.numberOfTrailingZeros(redo);
            redo &= redo - 1;
            firstRowOnly(in, base, j, masks[maskAt + j], q, out, outOff, stride);
        }
    }

    private void firstRowOnly(short[] in, int base, int j, long mask, int[] q, short[] out, int outOff,
                              int stride) {
        short[] s = single;
        for (int x = 0; x < 8; x++) {
            s[x] = in[base + x * 8 + j];
        }
        scalar.transform(s, 0, mask & ~ROWS_1_TO_7, q, out, outOff + j * 8, stride);
    }

    /**
     * The lanes of {@code lanes} where some dequantized row-0 value times 4 (pass 1's result for a block with
     * rows 1..7 zero) leaves the 16-bit range: there the shortcut's wrap and the vectors' saturation differ.
     */
    private static int overflowing(short[] in, int base, int[] q, int lanes) {
        int result = 0;
        for (int k = 0; k < 64; k++) {
            int v = (short) (in[base + k] * q[k >> 3]);
            if (v > 8191 || v < -8192) {
                result |= 1 << (k & 7);
            }
        }
        return result & lanes;
    }

    private static void zeroColumn(int[] ws, int c) {
        IntVector zero = IntVector.zero(INT);
        for (int r = c; r < 512; r += 64) {
            zero.intoArray(ws, r);
        }
    }

    /**
     * Pass 1 on column {@code c / 8} of every lane, even part: rows 0, 2, 4, 6 dequantized (pmullw: a 16-bit
     * product), tmp10..tmp13 plus the rounding constant to {@code even} at 0, 8, 16, 24.
     */
    private static void columnEven(short[] in, int base, int[] q, int c, int[] even) {
        int v = c >> 3;
        IntVector i0 = (IntVector) ShortVector.fromArray(SHORT, in, base + c + 0).mul((short) q[v + 0])
            .convertShape(VectorOperators.S2I, INT, 0);
        IntVector i2 = (IntVector) ShortVector.fromArray(SHORT, in, base + c + 128).mul((short) q[v + 16])
            .convertShape(VectorOperators.S2I, INT, 0);
        IntVector i4 = (IntVector) ShortVector.fromArray(SHORT, in, base + c + 256).mul((short) q[v + 32])
            .convertShape(VectorOperators.S2I, INT, 0);
        IntVector i6 = (IntVector) ShortVector.fromArray(SHORT, in, base + c + 384).mul((short) q[v + 48])
            .convertShape(VectorOperators.S2I, INT, 0);
        IntVector tmp3 = i2.mul(F130).add(i6.mul(F054));
        IntVector tmp2 = i2.mul(F054).add(i6.mul(MF130));
        // 16-bit sums (paddw): wrap by shifting left and back; with the rounding of the descale.
        final int round = 1 << (CONST_BITS - PASS1_BITS - 1);
        IntVector tmp0 = i0.add(i4).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16 - CONST_BITS)
            .add(round);
        IntVector tmp1 = i0.sub(i4).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16 - CONST_BITS)
            .add(round);
        tmp0.add(tmp3).intoArray(even, 0);
        tmp1.add(tmp2).intoArray(even, 8);
        tmp1.sub(tmp2).intoArray(even, 16);
        tmp0.sub(tmp3).intoArray(even, 24);
    }

    /**
     * Pass 1 on column {@code c / 8} of every lane, odd part: rows 1, 3, 5, 7 dequantized, the outputs with
     * {@link #columnEven}'s, descaled and saturated to 16 bits (packssdw), workspace row r at {@code c + r * 64}.
     */
    private static void columnOdd(short[] in, int base, int[] q, int c, int[] even, int[] ws) {
        int v = c >> 3;
        IntVector i1 = (IntVector) ShortVector.fromArray(SHORT, in, base + c + 64).mul((short) q[v + 8])
            .convertShape(VectorOperators.S2I, INT, 0);
        IntVector i3 = (IntVector) ShortVector.fromArray(SHORT, in, base + c + 192).mul((short) q[v + 24])
            .convertShape(VectorOperators.S2I, INT, 0);
        IntVector i5 = (IntVector) ShortVector.fromArray(SHORT, in, base + c + 320).mul((short) q[v + 40])
            .convertShape(VectorOperators.S2I, INT, 0);
        IntVector i7 = (IntVector) ShortVector.fromArray(SHORT, in, base + c + 448).mul((short) q[v + 56])
            .convertShape(VectorOperators.S2I, INT, 0);
        IntVector z3 = i7.add(i3).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector z4 = i5.add(i1).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector z3r = z3.mul(MF078).add(z4.mul(F117));
        IntVector z4r = z3.mul(F117).add(z4.mul(F078));
        IntVector o0 = i7.mul(MF060).add(i1.mul(MF089)).add(z3r);
        IntVector o1 = i5.mul(MF050).add(i3.mul(MF256)).add(z4r);
        IntVector o3 = i7.mul(MF089).add(i1.mul(F060)).add(z4r);
        IntVector o2 = i5.mul(MF256).add(i3.mul(F050)).add(z3r);
        IntVector tmp10 = IntVector.fromArray(INT, even, 0);
        IntVector tmp11 = IntVector.fromArray(INT, even, 8);
        IntVector tmp12 = IntVector.fromArray(INT, even, 16);
        IntVector tmp13 = IntVector.fromArray(INT, even, 24);
        final int shift = CONST_BITS - PASS1_BITS;
        tmp10.add(o3).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, c);
        tmp10.sub(o3).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, c + 448);
        tmp11.add(o2).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, c + 64);
        tmp11.sub(o2).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, c + 384);
        tmp12.add(o1).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, c + 128);
        tmp12.sub(o1).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, c + 320);
        tmp13.add(o0).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, c + 192);
        tmp13.sub(o0).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, c + 256);
    }

    /**
     * Pass 2 on workspace row {@code r / 64} of every lane (column c at {@code r + c * 8}): samples level-shifted
     * and saturated (packsswb, + 128), column x of every lane at {@code row[x * 8]}.
     */
    private static void rowPass(int[] ws, int r, int[] row) {
        IntVector i0 = IntVector.fromArray(INT, ws, r);
        IntVector i1 = IntVector.fromArray(INT, ws, r + 8);
        IntVector i2 = IntVector.fromArray(INT, ws, r + 16);
        IntVector i3 = IntVector.fromArray(INT, ws, r + 24);
        IntVector i4 = IntVector.fromArray(INT, ws, r + 32);
        IntVector i5 = IntVector.fromArray(INT, ws, r + 40);
        IntVector i6 = IntVector.fromArray(INT, ws, r + 48);
        IntVector i7 = IntVector.fromArray(INT, ws, r + 56);
        IntVector tmp3 = i2.mul(F130).add(i6.mul(F054));
        IntVector tmp2 = i2.mul(F054).add(i6.mul(MF130));
        final int shift = CONST_BITS + PASS1_BITS + 3;
        // The rounding, and the level shift (+ 128 after the descale) as 128 << shift before it.
        final int round = (1 << (shift - 1)) + (128 << shift);
        IntVector tmp0 = i0.add(i4).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16 - CONST_BITS)
            .add(round);
        IntVector tmp1 = i0.sub(i4).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16 - CONST_BITS)
            .add(round);
        IntVector tmp10 = tmp0.add(tmp3);
        IntVector tmp13 = tmp0.sub(tmp3);
        IntVector tmp11 = tmp1.add(tmp2);
        IntVector tmp12 = tmp1.sub(tmp2);
        IntVector z3 = i7.add(i3).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector z4 = i5.add(i1).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector z3r = z3.mul(MF078).add(z4.mul(F117));
        IntVector z4r = z3.mul(F117).add(z4.mul(F078));
        IntVector o0 = i7.mul(MF060).add(i1.mul(MF089)).add(z3r);
        IntVector o1 = i5.mul(MF050).add(i3.mul(MF256)).add(z4r);
        IntVector o3 = i7.mul(MF089).add(i1.mul(F060)).add(z4r);
        IntVector o2 = i5.mul(MF256).add(i3.mul(F050)).add(z3r);
        // Saturating to -128..127, then + 128 (packsswb, level shift) is clamping to 0..255 after the shift.
        tmp10.add(o3).lanewise(VectorOperators.ASHR, shift).max(0).min(255).intoArray(row, 0);
        tmp10.sub(o3).lanewise(VectorOperators.ASHR, shift).max(0).min(255).intoArray(row, 56);
        tmp11.add(o2).lanewise(VectorOperators.ASHR, shift).max(0).min(255).intoArray(row, 8);
        tmp11.sub(o2).lanewise(VectorOperators.ASHR, shift).max(0).min(255).intoArray(row, 48);
        tmp12.add(o1).lanewise(VectorOperators.ASHR, shift).max(0).min(255).intoArray(row, 16);
        tmp12.sub(o1).lanewise(VectorOperators.ASHR, shift).max(0).min(255).intoArray(row, 40);
        tmp13.add(o0).lanewise(VectorOperators.ASHR, shift).max(0).min(255).intoArray(row, 24);
        tmp13.sub(o0).lanewise(VectorOperators.ASHR, shift).max(0).min(255).intoArray(row, 32);
    }

    /**
     * One sample row of eight blocks: the 8 x 8 (column, lane) matrix transposed in three steps that each
     * exchange one bit of the column and lane numbers (one-input rearranges and blends), then narrowed.
     */
    private static void transposeStore(int[] row, short[] out, int o) {
        IntVector a0 = IntVector.fromArray(INT, row, 0);
        IntVector a1 = IntVector.fromArray(INT, row, 8);
        IntVector a2 = IntVector.fromArray(INT, row, 16);
        IntVector a3 = IntVector.fromArray(INT, row, 24);
        IntVector a4 = IntVector.fromArray(INT, row, 32);
        IntVector a5 = IntVector.fromArray(INT, row, 40);
        IntVector a6 = IntVector.fromArray(INT, row, 48);
        IntVector a7 = IntVector.fromArray(INT, row, 56);
        IntVector b0 = a0.blend(a1.rearrange(SWAP1), ODD1);
        IntVector b1 = a1.blend(a0.rearrange(SWAP1), EVEN1);
        IntVector b2 = a2.blend(a3.rearrange(SWAP1), ODD1);
        IntVector b3 = a3.blend(a2.rearrange(SWAP1), EVEN1);
        IntVector b4 = a4.blend(a5.rearrange(SWAP1), ODD1);
        IntVector b5 = a5.blend(a4.rearrange(SWAP1), EVEN1);
        IntVector b6 = a6.blend(a7.rearrange(SWAP1), ODD1);
        IntVector b7 = a7.blend(a6.rearrange(SWAP1), EVEN1);
        IntVector c0 = b0.blend(b2.rearrange(SWAP2), ODD2);
        IntVector c2 = b2.blend(b0.rearrange(SWAP2), EVEN2);
        IntVector c1 = b1.blend(b3.rearrange(SWAP2), ODD2);
        IntVector c3 = b3.blend(b1.rearrange(SWAP2), EVEN2);
        IntVector c4 = b4.blend(b6.rearrange(SWAP2), ODD2);
        IntVector c6 = b6.blend(b4.rearrange(SWAP2), EVEN2);
        IntVector c5 = b5.blend(b7.rearrange(SWAP2), ODD2);
        IntVector c7 = b7.blend(b5.rearrange(SWAP2), EVEN2);
        ((ShortVector) c0.blend(c4.rearrange(SWAP4), ODD4).convertShape(VectorOperators.I2S, SHORT, 0)).intoArray(out, o);
        ((ShortVector) c1.blend(c5.rearrange(SWAP4), ODD4).convertShape(VectorOperators.I2S, SHORT, 0)).intoArray(out, o + 8);
        ((ShortVector) c2.blend(c6.rearrange(SWAP4), ODD4).convertShape(VectorOperators.I2S, SHORT, 0)).intoArray(out, o + 16);
        ((ShortVector) c3.blend(c7.rearrange(SWAP4), ODD4).convertShape(VectorOperators.I2S, SHORT, 0)).intoArray(out, o + 24);
        ((ShortVector) c4.blend(c0.rearrange(SWAP4), EVEN4).convertShape(VectorOperators.I2S, SHORT, 0)).intoArray(out, o + 32);
        ((ShortVector) c5.blend(c1.rearrange(SWAP4), EVEN4).convertShape(VectorOperators.I2S, SHORT, 0)).intoArray(out, o + 40);
        ((ShortVector) c6.blend(c2.rearrange(SWAP4), EVEN4).convertShape(VectorOperators.I2S, SHORT, 0)).intoArray(out, o + 48);
        ((ShortVector) c7.blend(c3.rearrange(SWAP4), EVEN4).convertShape(VectorOperators.I2S, SHORT, 0)).intoArray(out, o + 56);
    }

    /** One sample row of {@code count} blocks: lane j's eight columns to {@code out[o + j * 8 ..]}. */
    private static void store(int[] row, short[] out, int o, int count) {
        for (int j = 0; j < count; j++, o += 8) {
            out[o] = (short) row[j];
            out[o + 1] = (short) row[8 + j];
            out[o + 2] = (short) row[16 + j];
            out[o + 3] = (short) row[24 + j];
            out[o + 4] = (short) row[32 + j];
            out[o + 5] = (short) row[40 + j];
            out[o + 6] = (short) row[48 + j];
            out[o + 7] = (short) row[56 + j];
        }
    }

    /** One call of the warm-up: a dense group, and one with a shortcut block, on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorGroupIdct kernel = new VectorGroupIdct();
        private final short[] blocks = new short[512];
        private final long[] masks = new long[8];
        private final int[] q = new int[64];
        private final short[] out = new short[512];

        Exercise() {
            for (int i = 0; i < 512; i++) {
                blocks[i] = (short) ((i * 37) % 61 - 30);
            }
            for (int i = 0; i < 64; i++) {
                q[i] = 1 + i % 13;
            }
            java.util.Arrays.fill(masks, -1L);
        }

        @Override
        public void run() {
            masks[3] = -1L;
            kernel.transform(blocks, 0, masks, 0, 8, q, out, 0, 64);
            masks[3] = 0xFF;
            kernel.transform(blocks, 0, masks, 0, 8, q, out, 0, 64);
        }
    }
}
