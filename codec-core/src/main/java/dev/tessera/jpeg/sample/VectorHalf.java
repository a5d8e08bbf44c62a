package dev.tessera.jpeg.sample;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Downsampler.Half} (4:2:0) in the group layout ({@code simd.BlockGroups}) in the Vector API, the same
 * integer arithmetic lane for lane. In that layout column c of eight blocks is one vector, so the 2x2 sums of
 * columns 2m and 2m + 1 take four loads and three adds, one output per lane (block j of input group g' gives
 * output 32g' + 4j + m). The outputs of even blocks then lie in one run of the output group and those of odd
 * blocks in another: one-input rearranges and a blend per run put them in place. Loaded only when
 * {@code jdk.incubator.vector} is present.
 */
final class VectorHalf extends Downsampler.Half {
    /** The species, shuffles and mask, shared with {@link VectorHalfWidth}, which places its outputs alike. */
    static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;
    static final VectorShuffle<Integer> EVENS_FIRST = VectorShuffle.fromValues(INT, 0, 2, 4, 6, 1, 3, 5, 7);
    static final VectorShuffle<Integer> ODDS_FIRST = VectorShuffle.fromValues(INT, 1, 3, 5, 7, 0, 2, 4, 6);
    static final VectorMask<Integer> UPPER = VectorMask.fromValues(INT, false, false, false, false, true,
        true, true, true);

    /** Compiles the downsampler in the background; {@link Downsampler#of(int, int, boolean)} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("h2v2-down", new Exercise());

    @Override
    public void downsampleGrouped(int[] in, int inWidth, int[] out, int outHeight) {
        int outWidth = inWidth >> 1;
        for (int row = 0; row < outHeight; row++) {
            for (int group = 0; group < outWidth; group += 64) {
                int top = 2 * row * inWidth + 2 * group;
                int o = row * outWidth + group;
                for (int m = 0; m < 4; m++) {
                    step(in, top, top + inWidth, m, out, o);
                }
            }
        }
    }

    /**
     * Outputs 8m + J (outputs of even blocks) and 32 + 8m + J (odd blocks) of one output group, from the input
     * group pair at {@code top} and {@code bottom}: the bias alternates 1, 2 with m, the parity of the output.
     */
    private static void step(int[] in, int top, int bottom, int m, int[] out, int o) {
        int column = 16 * m;
        int bias = 1 + (m & 1);
        IntVector first = IntVector.fromArray(INT, in, top + column)
            .add(IntVector.fromArray(INT, in, top + column + 8))
            .add(IntVector.fromArray(INT, in, bottom + column))
            .add(IntVector.fromArray(INT, in, bottom + column + 8))
            .add(bias).lanewise(VectorOperators.ASHR, 2);
        IntVector second = IntVector.fromArray(INT, in, top + 64 + column)
            .add(IntVector.fromArray(INT, in, top + 64 + column + 8))
            .add(IntVector.fromArray(INT, in, bottom + 64 + column))
            .add(IntVector.fromArray(INT, in, bottom + 64 + column + 8))
            .add(bias).lanewise(VectorOperators.ASHR, 2);
        // Even blocks' outputs: the first group's then the second's; odd blocks' the same, 32 further.
        first.rearrange(EVENS_FIRST).blend(second.rearrange(ODDS_FIRST), UPPER).intoArray(out, o + 8 * m);
        first.rearrange(ODDS_FIRST).blend(second.rearrange(EVENS_FIRST), UPPER).intoArray(out, o + 32 + 8 * m);
    }

    /** One call of the warm-up: two rows of one output group on their own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorHalf downsampler = new VectorHalf();
        private final int[] in = new int[4 * 128];
        private final int[] out = new int[2 * 64];

        Exercise() {
            for (int i = 0; i < in.length; i++) {
                in[i] = (i * 37) & 255;
            }
        }

        @Override
        public void run() {
            downsampler.downsampleGrouped(in, 128, out, 2);
        }
    }
}
