package dev.tessera.jpeg.dct;

import static dev.tessera.jpeg.dct.InverseDct.CONST_BITS;
import static dev.tessera.jpeg.dct.InverseDct.PASS1_BITS;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimdInverseDct.Size8} in the Vector API: the same 8x8 inverse DCT (T.81 A.3.3, libjpeg's islow
 * factorisation) with the same 16-bit wraps and
 * saturations (jsimd_idct_islow_avx2), so the samples are equal for every block, valid or corrupt. Loaded only
 * when {@code jdk.incubator.vector} is present ({@code simd.VectorSupport}).
 *
 * <p>One block a call, a column per lane of a 256-bit {@link IntVector}: pass 1 works on the eight coefficient
 * rows as loaded (each lane one column); the workspace is transposed by scalar moves so that pass 2 loads a
 * column per vector (each lane one row), and its eight output columns are written back across into rows. (A
 * gather, {@code fromArray} with an index map, boxes every vector on JDK 17: 124 bytes a block.) Blocks
 * whose rows 1..7 are zero take the scalar kernel's shortcut (its result differs from the full transform only
 * on corrupt data, and it is cheap). Each pass is a flat method of fewer than a hundred vector operations
 * returning nothing, so that C2 keeps the vectors in registers.
 *
 * <p>Fixed point as in {@link InverseDct}: Q13 constants, 2 extra bits between the passes.
 */
final class VectorInverseDct implements IdctKernel {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;
    private static final VectorSpecies<Short> SHORT = ShortVector.SPECIES_128;
    private static final long ROWS_1_TO_7 = -1L << 8;

    // Constants of jidctint, combined as the SIMD code combines them for pmaddwd (see SimdInverseDct).
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

    /** Compiles the kernel in the background; {@link InverseDct#forSize} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("idct", new Exercise());

    /** The scalar kernel, for blocks whose rows 1..7 are zero. */
    private final SimdInverseDct.Size8 scalar = new SimdInverseDct.Size8();
    /** Dequantized coefficients, then (pass 1) the workspace, both row-major. */
    private final int[] ws = new int[64];
    /** Pass 2's output, column-major: sample (row r, column x) at {@code x * 8 + r}, 0..255. */
    private final int[] columns = new int[64];
    /** The workspace transposed, column-major. */
    private final int[] wt = new int[64];

    @Override
    public int size() {
        return 8;
    }

    @Override
    public void transform(short[] in, int off, int[] q, short[] out, int outOff, int stride) {
        int acRows = 0;
        for (int i = off + 8; i < off + 64; i++) {
            acRows |= in[i];
        }
        if (acRows == 0) {
            scalar.transform(in, off, q, out, outOff, stride);
            return;
        }
        full(in, off, q, out, outOff, stride);
    }

    @Override
    public void transform(short[] in, int off, long nonZero, int[] q, short[] out, int outOff, int stride) {
        if ((nonZero & ROWS_1_TO_7) == 0) {
            scalar.transform(in, off, nonZero, q, out, outOff, stride);
            return;
        }
        full(in, off, q, out, outOff, stride);
    }

    private void full(short[] in, int off, int[] q, short[] out, int outOff, int stride) {
        dequantize(in, off, q, ws);
        columnPass(ws);
        transpose(ws, wt);
        rowPass(wt, columns);
        store(columns, out, outOff, stride);
    }

    /** ws[k] = (short) (in[off + k] * q[k]): the low 16 bits of the product (pmullw). */
    private static void dequantize(short[] in, int off, int[] q, int[] ws) {
        for (int k = 0; k < 64; k += 8) {
            IntVector c = (IntVector) ShortVector.fromArray(SHORT, in, off + k).castShape(INT, 0);
            c.mul(IntVector.fromArray(INT, q, k)).lanewise(VectorOperators.LSHL, 16)
                .lanewise(VectorOperators.ASHR, 16).intoArray(ws, k);
        }
    }

    /** Pass 1 in place: the eight rows of {@code ws} in, the workspace rows (saturated to 16 bits) out. */
    private static void columnPass(int[] ws) {
        IntVector i0 = IntVector.fromArray(INT, ws, 0);
        IntVector i1 = IntVector.fromArray(INT, ws, 8);
        IntVector i2 = IntVector.fromArray(INT, ws, 16);
        IntVector i3 = IntVector.fromArray(INT, ws, 24);
        IntVector i4 = IntVector.fromArray(INT, ws, 32);
        IntVector i5 = IntVector.fromArray(INT, ws, 40);
        IntVector i6 = IntVector.fromArray(INT, ws, 48);
        IntVector i7 = IntVector.fromArray(INT, ws, 56);
        IntVector tmp3 = i2.mul(F130).add(i6.mul(F054));
        IntVector tmp2 = i2.mul(F054).add(i6.mul(MF130));
        // 16-bit sums (paddw): wrap by shifting left and back.
        IntVector tmp0 = i0.add(i4).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16 - CONST_BITS);
        IntVector tmp1 = i0.sub(i4).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16 - CONST_BITS);
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
        final int shift = CONST_BITS - PASS1_BITS;
        final int round = 1 << (shift - 1);
        // Descale and saturate to 16 bits (packssdw).
        tmp10.add(round).add(o3).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, 0);
        tmp10.add(round).sub(o3).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, 56);
        tmp11.add(round).add(o2).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, 8);
        tmp11.add(round).sub(o2).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, 48);
        tmp12.add(round).add(o1).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, 16);
        tmp12.add(round).sub(o1).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, 40);
        tmp13.add(round).add(o0).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, 24);
        tmp13.add(round).sub(o0).lanewise(VectorOperators.ASHR, shift).max(-32768).min(32767).intoArray(ws, 32);
    }

    /** {@code t[c * 8 + r] = ws[r * 8 + c]}. */
    private static void transpose(int[] ws, int[] t) {
        for (int c = 0; c < 8; c++) {
            t[c * 8] = ws[c];
            t[c * 8 + 1] = ws[8 + c];
            t[c * 8 + 2] = ws[16 + c];
            t[c * 8 + 3] = ws[24 + c];
            t[c * 8 + 4] = ws[32 + c];
            t[c * 8 + 5] = ws[40 + c];
            t[c * 8 + 6] = ws[48 + c];
            t[c * 8 + 7] = ws[56 + c];
        }
    }

    /**
     * Pass 2: the workspace's columns gathered (lane r = row r), the row transform, samples level-shifted and
     * saturated (packsswb, + 128) into {@code cols}, column x at {@code x * 8}.
     */
    private static void rowPass(int[] ws, int[] cols) {
        IntVector i0 = IntVector.fromArray(INT, ws, 0);
        IntVector i1 = IntVector.fromArray(INT, ws, 8);
        IntVector i2 = IntVector.fromArray(INT, ws, 16);
        IntVector i3 = IntVector.fromArray(INT, ws, 24);
        IntVector i4 = IntVector.fromArray(INT, ws, 32);
        IntVector i5 = IntVector.fromArray(INT, ws, 40);
        IntVector i6 = IntVector.fromArray(INT, ws, 48);
        IntVector i7 = IntVector.fromArray(INT, ws, 56);
        IntVector tmp3 = i2.mul(F130).add(i6.mul(F054));
        IntVector tmp2 = i2.mul(F054).add(i6.mul(MF130));
        IntVector tmp0 = i0.add(i4).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16 - CONST_BITS);
        IntVector tmp1 = i0.sub(i4).lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16 - CONST_BITS);
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
        final int shift = CONST_BITS + PASS1_BITS + 3;
        final int round = 1 << (shift - 1);
        // Saturating to -128..127, then + 128 (packsswb, level shift) is + 128, then clamping to 0..255.
        tmp10.add(round).add(o3).lanewise(VectorOperators.ASHR, shift).add(128).max(0).min(255).intoArray(cols, 0);
        tmp10.add(round).sub(o3).lanewise(VectorOperators.ASHR, shift).add(128).max(0).min(255).intoArray(cols, 56);
        tmp11.add(round).add(o2).lanewise(VectorOperators.ASHR, shift).add(128).max(0).min(255).intoArray(cols, 8);
        tmp11.add(round).sub(o2).lanewise(VectorOperators.ASHR, shift).add(128).max(0).min(255).intoArray(cols, 48);
        tmp12.add(round).add(o1).lanewise(VectorOperators.ASHR, shift).add(128).max(0).min(255).intoArray(cols, 16);
        tmp12.add(round).sub(o1).lanewise(VectorOperators.ASHR, shift).add(128).max(0).min(255).intoArray(cols, 40);
        tmp13.add(round).add(o0).lanewise(VectorOperators.ASHR, shift).add(128).max(0).min(255).intoArray(cols, 24);
        tmp13.add(round).sub(o0).lanewise(VectorOperators.ASHR, shift).add(128).max(0).min(255).intoArray(cols, 32);
    }

    /** Row r of the samples: column-major {@code cols} read across, narrowed to shorts. */
    private static void store(int[] cols, short[] out, int outOff, int stride) {
        for (int r = 0, o = outOff; r < 8; r++, o += stride) {
            out[o] = (short) cols[r];
            out[o + 1] = (short) cols[8 + r];
            out[o + 2] = (short) cols[16 + r];
            out[o + 3] = (short) cols[24 + r];
            out[o + 4] = (short) cols[32 + r];
            out[o + 5] = (short) cols[40 + r];
            out[o + 6] = (short) cols[48 + r];
            out[o + 7] = (short) cols[56 + r];
        }
    }

    /** One call of the warm-up: a dense block and a sparse one, through both entry points, on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorInverseDct kernel = new VectorInverseDct();
        private final short[] blocks = new short[128];
        private final int[] q = new int[64];
        private final short[] out = new short[64];

        Exercise() {
            for (int i = 0; i < 64; i++) {
                blocks[i] = (short) ((i * 37) % 61 - 30);
                q[i] = 1 + i % 13;
            }
            blocks[64] = 50;
            blocks[64 + 9] = -3;
        }

        @Override
        public void run() {
            kernel.transform(blocks, 0, q, out, 0, 8);
            kernel.transform(blocks, 64, 1L | 1L << 9, q, out, 0, 8);
        }
    }
}
