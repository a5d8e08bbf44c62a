package dev.tessera.jpeg.dct;

import static dev.tessera.jpeg.dct.ForwardDct.CENTER;
import static dev.tessera.jpeg.dct.ForwardDct.CONST_BITS;
import static dev.tessera.jpeg.dct.ForwardDct.PASS1_BITS;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ForwardDct} in the Vector API: the same LL&amp;M integer transform with the same descaling points, so
 * the coefficients are equal for every block (32-bit integer sums and products are exact in any order). Loaded
 * only when {@code jdk.incubator.vector} is present ({@code simd.VectorSupport}).
 *
 * <p>One block a call, a row of the block per lane of a 256-bit {@link IntVector}: the samples are read across
 * into a column-major workspace (scalar moves; the scalar kernel copies them too), so that pass 1 (the row
 * transform) runs with one column per vector; its outputs are transposed by scalar moves, so that pass 2 (the
 * column transform) runs with one row per vector and stores the coefficient rows as they are. Each pass is a
 * flat method returning nothing, so that C2 keeps the vectors in registers.
 */
final class VectorForwardDct implements FdctKernel {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;

    /** Compiles the kernel in the background; {@link ForwardDct#kernel()} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("fdct", new Exercise());

    /** Samples, column-major: (row r, column c) at {@code c * 8 + r}. */
    private final int[] columns = new int[64];
    /** Pass 1's output, column-major (vector u holds output u of every row), then the same row-major. */
    private final int[] pass1 = new int[64];
    private final int[] rows = new int[64];

    @Override
    public void transform(int[] samples, int offset, int stride, int[] out) {
        gather(samples, offset, stride, columns);
        pass(columns, pass1, CONST_BITS - PASS1_BITS, true);
        transpose(pass1, rows);
        pass(rows, out, CONST_BITS + PASS1_BITS, false);
    }

    /** {@code t[c * 8 + r] = samples[offset + r * stride + c]}. */
    private static void gather(int[] samples, int offset, int stride, int[] t) {
        for (int r = 0, in = offset; r < 8; r++, in += stride) {
            t[r] = samples[in];
            t[8 + r] = samples[in + 1];
            t[16 + r] = samples[in + 2];
            t[24 + r] = samples[in + 3];
            t[32 + r] = samples[in + 4];
            t[40 + r] = samples[in + 5];
            t[48 + r] = samples[in + 6];
            t[56 + r] = samples[in + 7];
        }
    }

    /** {@code t[c * 8 + r] = m[r * 8 + c]}. */
    private static void transpose(int[] m, int[] t) {
        for (int c = 0; c < 8; c++) {
            t[c * 8] = m[c];
            t[c * 8 + 1] = m[8 + c];
            t[c * 8 + 2] = m[16 + c];
            t[c * 8 + 3] = m[24 + c];
            t[c * 8 + 4] = m[32 + c];
            t[c * 8 + 5] = m[40 + c];
            t[c * 8 + 6] = m[48 + c];
            t[c * 8 + 7] = m[56 + c];
        }
    }

    /**
     * One 1-D pass over eight vectors {@code in[k * 8..]} (input k of eight transforms), outputs u at
     * {@code out[u * 8..]}. Pass 1 ({@code first}) level-shifts the samples and scales outputs 0 and 4 up by
     * PASS1_BITS; pass 2 descales them by PASS1_BITS; the others are descaled by {@code bits} (ForwardDct).
     */
    private static void pass(int[] in, int[] out, int bits, boolean first) {
        IntVector d0 = IntVector.fromArray(INT, in, 0);
        IntVector d1 = IntVector.fromArray(INT, in, 8);
        IntVector d2 = IntVector.fromArray(INT, in, 16);
        IntVector d3 = IntVector.fromArray(INT, in, 24);
        IntVector d4 = IntVector.fromArray(INT, in, 32);
        IntVector d5 = IntVector.fromArray(INT, in, 40);
        IntVector d6 = IntVector.fromArray(INT, in, 48);
        IntVector d7 = IntVector.fromArray(INT, in, 56);
        IntVector tmp0 = d0.add(d7);
        IntVector tmp7 = d0.sub(d7);
        IntVector tmp1 = d1.add(d6);
        IntVector tmp6 = d1.sub(d6);
        IntVector tmp2 = d2.add(d5);
        IntVector tmp5 = d2.sub(d5);
        IntVector tmp3 = d3.add(d4);
        IntVector tmp4 = d3.sub(d4);
        if (first) {
            // The level shift: each sum of two samples carries 2 * CENTER, each difference none.
            tmp0 = tmp0.sub(2 * CENTER);
            tmp1 = tmp1.sub(2 * CENTER);
            tmp2 = tmp2.sub(2 * CENTER);
            tmp3 = tmp3.sub(2 * CENTER);
        }
        IntVector tmp10 = tmp0.add(tmp3);
        IntVector tmp13 = tmp0.sub(tmp3);
        IntVector tmp11 = tmp1.add(tmp2);
        IntVector tmp12 = tmp1.sub(tmp2);
        if (first) {
            tmp10.add(tmp11).lanewise(VectorOperators.LSHL, PASS1_BITS).intoArray(out, 0);
            tmp10.sub(tmp11).lanewise(VectorOperators.LSHL, PASS1_BITS).intoArray(out, 32);
        } else {
            final int evenRound = 1 << (PASS1_BITS - 1);
            tmp10.add(tmp11).add(evenRound).lanewise(VectorOperators.ASHR, PASS1_BITS).intoArray(out, 0);
            tmp10.sub(tmp11).add(evenRound).lanewise(VectorOperators.ASHR, PASS1_BITS).intoArray(out, 32);
        }
        final int round = 1 << (bits - 1);
        IntVector z1 = tmp12.add(tmp13).mul(ForwardDct.C_0_541196100);
        z1.add(tmp13.mul(ForwardDct.C_0_765366865)).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, 16);
        z1.sub(tmp12.mul(ForwardDct.C_1_847759065)).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, 48);

        IntVector z1o = tmp4.add(tmp7).mul(-ForwardDct.C_0_899976223);
        IntVector z2 = tmp5.add(tmp6).mul(-ForwardDct.C_2_562915447);
        IntVector z3 = tmp4.add(tmp6);
        IntVector z4 = tmp5.add(tmp7);
        IntVector z5 = z3.add(z4).mul(ForwardDct.C_1_175875602);
        z3 = z3.mul(-ForwardDct.C_1_961570560).add(z5);
        z4 = z4.mul(-ForwardDct.C_0_390180644).add(z5);
        tmp4.mul(ForwardDct.C_0_298631336).add(z1o).add(z3).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, 56);
        tmp5.mul(ForwardDct.C_2_053119869).add(z2).add(z4).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, 40);
        tmp6.mul(ForwardDct.C_3_072711026).add(z2).add(z3).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, 24);
        tmp7.mul(ForwardDct.C_1_501321110).add(z1o).add(z4).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, 8);
    }

    /** One call of the warm-up: a block of varied samples, on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorForwardDct kernel = new VectorForwardDct();
        private final int[] samples = new int[80];
        private final int[] out = new int[64];

        Exercise() {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (i * 37) % 256;
            }
        }

        @Override
        public void run() {
            kernel.transform(samples, 3, 9, out);
        }
    }
}
