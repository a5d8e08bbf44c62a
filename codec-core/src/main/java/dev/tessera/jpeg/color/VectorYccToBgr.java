package dev.tessera.jpeg.color;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColorDeconverter#yccToBgr()} in the Vector API, 8 pixels a step: the arithmetic of the scalar
 * converter lane for lane, and the B, G, R interleave of {@link VectorFancyH2V2YccToBgr} (pack each pixel into an
 * int, 8 packed pixels into 6 words, one 32-byte store whose last 8 bytes the next step overwrites, never past
 * the end of the row). Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorYccToBgr extends ColorDeconverter {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;
    private static final VectorSpecies<Short> SHORT = ShortVector.SPECIES_128;
    private static final int LANES = 8;
    private static final VectorShuffle<Integer> FIRST = VectorShuffle.fromValues(INT, 0, 1, 2, 4, 5, 6, 7, 7);
    private static final VectorShuffle<Integer> SECOND = VectorShuffle.fromValues(INT, 1, 2, 3, 5, 6, 7, 7, 7);
    private static final IntVector SHIFT = IntVector.fromArray(INT, new int[] {0, 8, 16, 0, 8, 16, 0, 0}, 0);
    private static final IntVector UNSHIFT = IntVector.fromArray(INT, new int[] {24, 16, 8, 24, 16, 8, 0, 0}, 0);
    /** Compiles the converter in the background; {@link ColorDeconverter#yccToBgr()} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("ycc", new Exercise());

    @Override
    public int channels() {
        return 3;
    }

    @Override
    boolean isYccToBgr() {
        return true;
    }

    @Override
    public void convert(short[][] rows, int[] starts, int width, byte[] out, int offset) {
        short[] yr = rows[0];
        short[] cbr = rows[1];
        short[] crr = rows[2];
        int ys = starts[0];
        int cbs = starts[1];
        int crs = starts[2];
        int x = 0;
        // Step x writes bytes 3x .. 3x + 31 of the row: stop while that stays inside it.
        int end = Math.min(width - LANES, Math.floorDiv(3 * width - 4 * LANES, 3));
        for (; x <= end; x += LANES) {
            IntVector y = (IntVector) ShortVector.fromArray(SHORT, yr, ys + x).castShape(INT, 0);
            IntVector cb = ((IntVector) ShortVector.fromArray(SHORT, cbr, cbs + x).castShape(INT, 0)).sub(128);
            IntVector cr = ((IntVector) ShortVector.fromArray(SHORT, crr, crs + x).castShape(INT, 0)).sub(128);
            IntVector b = cb.mul(CB_B_FIX).add(ONE_HALF).lanewise(VectorOperators.ASHR, SCALEBITS).add(y)
                .max(0).min(255);
            IntVector g = cb.mul(-CB_G_FIX).add(ONE_HALF).sub(cr.mul(CR_G_FIX))
                .lanewise(VectorOperators.ASHR, SCALEBITS).add(y).max(0).min(255);
            IntVector r = cr.mul(CR_R_FIX).add(ONE_HALF).lanewise(VectorOperators.ASHR, SCALEBITS).add(y)
                .max(0).min(255);
            IntVector px = b.or(g.lanewise(VectorOperators.LSHL, 8)).or(r.lanewise(VectorOperators.LSHL, 16));
            IntVector words = px.rearrange(FIRST).lanewise(VectorOperators.LSHR, SHIFT)
                .or(px.rearrange(SECOND).lanewise(VectorOperators.LSHL, UNSHIFT));
            words.reinterpretAsBytes().intoArray(out, offset + 3 * x);
        }
        for (int o = offset + 3 * x; x < width; x++, o += 3) {
            int y = yr[ys + x];
            int cb = cbr[cbs + x] - 128;
            int cr = crr[crs + x] - 128;
            out[o] = (byte) clampByte(y + ((CB_B_FIX * cb + ONE_HALF) >> SCALEBITS));
            out[o + 1] = (byte) clampByte(y + ((-CB_G_FIX * cb + ONE_HALF - CR_G_FIX * cr) >> SCALEBITS));
            out[o + 2] = (byte) clampByte(y + ((CR_R_FIX * cr + ONE_HALF) >> SCALEBITS));
        }
    }

    /** One call of the warm-up: a 64-pixel row of made-up samples, on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorYccToBgr converter = new VectorYccToBgr();
        private final short[][] rows = new short[3][64];
        private final int[] starts = new int[3];
        private final byte[] out = new byte[3 * 64];

        Exercise() {
            for (int i = 0; i < 64; i++) {
                rows[0][i] = (short) (i * 4);
                rows[1][i] = (short) (255 - i * 3);
                rows[2][i] = (short) (i * 2 + 40);
            }
        }

        @Override
        public void run() {
            converter.convert(rows, starts, 64, out, 0);
        }
    }
}
