package dev.tessera.jpeg.dct;

import static dev.tessera.jpeg.dct.ForwardDct.CENTER;
import static dev.tessera.jpeg.dct.ForwardDct.CONST_BITS;
import static dev.tessera.jpeg.dct.ForwardDct.PASS1_BITS;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FdctGroupKernel} in the Vector API: eight blocks at once, one per lane of a 256-bit {@link IntVector},
 * with the LL&amp;M integer arithmetic and descaling points of {@link ForwardDct}, so the coefficients are equal
 * (32-bit integer sums and products are exact in any order).
 * In the group layout ({@code simd.BlockGroups}) sample c of one row of all eight blocks is one vector, so pass
 * 1 (the row transform) reads its inputs as they lie and writes output u of row r to a workspace; pass 2 (the
 * column transform) reads the eight rows' outputs u and writes coefficient row v: no transpose at all (a
 * kernel of one block a call, a row per lane, moved each sample twice through scalar transposes and took more
 * than twice as long). Each pass is a flat method returning nothing, so that C2 keeps the
 * vectors in registers. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorGroupFdct implements FdctGroupKernel {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;

    /** Compiles the kernel in the background; {@link ForwardDct#groupKernel(boolean)} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("fdct-group", new Exercise());

    /** Pass 1's output: output u of row r of block j at {@code 64 * r + 8 * u + j}. */
    private final int[] rows = new int[512];

    @Override
    public void transform(int[] samples, int offset, int stride, int[] out) {
        for (int r = 0, in = offset; r < 8; r++, in += stride) {
            pass(samples, in, 8, rows, 64 * r, 8, CONST_BITS - PASS1_BITS, true);
        }
        for (int u = 0; u < 8; u++) {
            pass(rows, 8 * u, 64, out, 8 * u, 64, CONST_BITS + PASS1_BITS, false);
        }
    }

    /**
     * One 1-D pass over the eight vectors {@code in[inBase + k * inStep..]} (input k of eight transforms), output u
     * to {@code out[outBase + u * outStep..]}. Pass 1 ({@code first}) level-shifts the samples and scales outputs 0
     * and 4 up by PASS1_BITS; pass 2 descales them by PASS1_BITS; the others are descaled by {@code bits}.
     */
    private static void pass(int[] in, int inBase, int inStep, int[] out, int o, int s, int bits, boolean first) {
        IntVector d0 = IntVector.fromArray(INT, in, inBase);
        IntVector d1 = IntVector.fromArray(INT, in, inBase + inStep);
        IntVector d2 = IntVector.fromArray(INT, in, inBase + 2 * inStep);
        IntVector d3 = IntVector.fromArray(INT, in, inBase + 3 * inStep);
        IntVector d4 = IntVector.fromArray(INT, in, inBase + 4 * inStep);
        IntVector d5 = IntVector.fromArray(INT, in, inBase + 5 * inStep);
        IntVector d6 = IntVector.fromArray(INT, in, inBase + 6 * inStep);
        IntVector d7 = IntVector.fromArray(INT, in, inBase + 7 * inStep);
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
            tmp10.add(tmp11).lanewise(VectorOperators.LSHL, PASS1_BITS).intoArray(out, o);
            tmp10.sub(tmp11).lanewise(VectorOperators.LSHL, PASS1_BITS).intoArray(out, o + 4 * s);
        } else {
            final int evenRound = 1 << (PASS1_BITS - 1);
            tmp10.add(tmp11).add(evenRound).lanewise(VectorOperators.ASHR, PASS1_BITS).intoArray(out, o);
            tmp10.sub(tmp11).add(evenRound).lanewise(VectorOperators.ASHR, PASS1_BITS).intoArray(out, o + 4 * s);
        }
        final int round = 1 << (bits - 1);
        IntVector z1 = tmp12.add(tmp13).mul(ForwardDct.C_0_541196100);
        z1.add(tmp13.mul(ForwardDct.C_0_765366865)).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, o + 2 * s);
        z1.sub(tmp12.mul(ForwardDct.C_1_847759065)).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, o + 6 * s);

        IntVector z1o = tmp4.add(tmp7).mul(-ForwardDct.C_0_899976223);
        IntVector z2 = tmp5.add(tmp6).mul(-ForwardDct.C_2_562915447);
        IntVector z3 = tmp4.add(tmp6);
        IntVector z4 = tmp5.add(tmp7);
        IntVector z5 = z3.add(z4).mul(ForwardDct.C_1_175875602);
        z3 = z3.mul(-ForwardDct.C_1_961570560).add(z5);
        z4 = z4.mul(-ForwardDct.C_0_390180644).add(z5);
        tmp4.mul(ForwardDct.C_0_298631336).add(z1o).add(z3).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, o + 7 * s);
        tmp5.mul(ForwardDct.C_2_053119869).add(z2).add(z4).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, o + 5 * s);
        tmp6.mul(ForwardDct.C_3_072711026).add(z2).add(z3).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, o + 3 * s);
        tmp7.mul(ForwardDct.C_1_501321110).add(z1o).add(z4).add(round).lanewise(VectorOperators.ASHR, bits)
            .intoArray(out, o + s);
    }

    /** One call of the warm-up: a group of varied samples, on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorGroupFdct kernel = new VectorGroupFdct();
        private final int[] samples = new int[8 * 72];
        private final int[] out = new int[512];

        Exercise() {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (i * 37) % 256;
            }
        }

        @Override
        public void run() {
            kernel.transform(samples, 3, 72, out);
        }
    }
}
