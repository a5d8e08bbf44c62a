package dev.tessera.jpeg.sample;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link Downsampler.HalfWidth} (4:2:2) in the group layout ({@code simd.BlockGroups}) in the Vector API, the same
 * integer arithmetic lane for lane. As in {@link VectorHalf}, column c of eight blocks is one vector, so the sums of
 * columns 2m and 2m + 1 take two loads and an add, one output per lane, and one-input rearranges and a blend put
 * the outputs of even and of odd blocks in place. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorHalfWidth extends Downsampler.HalfWidth {
    /** Compiles the downsampler in the background; {@link Downsampler#of(int, int, boolean)} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("h2v1-down", new Exercise());

    @Override
    public void downsampleGrouped(int[] in, int inWidth, int[] out, int outHeight) {
        int outWidth = inWidth >> 1;
        for (int row = 0; row < outHeight; row++) {
            for (int group = 0; group < outWidth; group += 64) {
                int at = row * inWidth + 2 * group;
                int o = row * outWidth + group;
                for (int m = 0; m < 4; m++) {
                    step(in, at, m, out, o);
                }
            }
        }
    }

    /**
     * Outputs 8m + J (outputs of even blocks) and 32 + 8m + J (odd blocks) of one output group, from the two input
     * groups at {@code at}: the bias is 0 or 1 with m, the parity of the output.
     */
    private static void step(int[] in, int at, int m, int[] out, int o) {
        int column = 16 * m;
        int bias = m & 1;
        IntVector first = IntVector.fromArray(VectorHalf.INT, in, at + column)
            .add(IntVector.fromArray(VectorHalf.INT, in, at + column + 8))
            .add(bias).lanewise(VectorOperators.ASHR, 1);
        IntVector second = IntVector.fromArray(VectorHalf.INT, in, at + 64 + column)
            .add(IntVector.fromArray(VectorHalf.INT, in, at + 64 + column + 8))
            .add(bias).lanewise(VectorOperators.ASHR, 1);
        // The outputs placed as VectorHalf places them, with its shuffles and mask.
        first.rearrange(VectorHalf.EVENS_FIRST).blend(second.rearrange(VectorHalf.ODDS_FIRST), VectorHalf.UPPER)
            .intoArray(out, o + 8 * m);
        first.rearrange(VectorHalf.ODDS_FIRST).blend(second.rearrange(VectorHalf.EVENS_FIRST), VectorHalf.UPPER)
            .intoArray(out, o + 32 + 8 * m);
    }

    /** One call of the warm-up: two rows of one output group on their own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorHalfWidth downsampler = new VectorHalfWidth();
        private final int[] in = new int[2 * 128];
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
