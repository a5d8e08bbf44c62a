package dev.tessera.jpeg.color;

import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.sample.Upsampler;
import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FancyH2V2YccToBgr} with its two loops in the Vector API: 8 pixels (4 chroma columns) per step in
 * 256-bit int vectors, the integer arithmetic of the scalar code lane for lane (same products, biases, shifts
 * and clamp, so the same bytes). Loaded only when {@code jdk.incubator.vector} is present (see
 * {@code simd.VectorSupport}).
 *
 * <p>Kept flat for C2: no helper returns a vector and each method holds a few dozen vector operations, or C2
 * would box the vectors (allocating on every call). The only shuffles are one-input {@code rearrange}s of int
 * vectors (one {@code vpermd} each); the two-input form boxes on JDK 17.
 *
 * <p>The B, G, R bytes are interleaved without scatters: each pixel is packed into an int {@code B | G << 8 |
 * R << 16}, and the 8 packed pixels become 6 words of 24 bytes by {@code word[j] = pixel[a] >>> s |
 * pixel[a + 1] << (24 - s)} (two rearranges and two variable shifts), stored as one 32-byte vector whose last
 * 8 bytes the next step (or the scalar code after the loop) overwrites. The loop stops early enough that those
 * 8 bytes never pass the end of the row, so it writes nothing another thread's rows could hold.
 */
final class VectorFancyH2V2YccToBgr extends FancyH2V2YccToBgr {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;
    private static final VectorSpecies<Short> SHORT = ShortVector.SPECIES_128;
    private static final int LANES = 8;
    /** Compiles the kernel in the background; {@link FancyH2V2YccToBgr#choose} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("h2v2", new Exercise());

    /** From the sums at columns i - 1 .. i + 6, pixel 2i + p's nearer column i + p / 2 ... */
    private static final VectorShuffle<Integer> NEAR = VectorShuffle.fromValues(INT, 1, 1, 2, 2, 3, 3, 4, 4);
    /** ... and its further column: i + p / 2 - 1 for even p, i + p / 2 + 1 for odd. */
    private static final VectorShuffle<Integer> FAR = VectorShuffle.fromValues(INT, 0, 2, 1, 3, 2, 4, 3, 5);
    /** Rounding of the 16-weight sum: 8 for the even (left) pixel, 7 for the odd, as libjpeg-turbo. */
    private static final IntVector BIAS = IntVector.fromArray(INT, new int[] {8, 7, 8, 7, 8, 7, 8, 7}, 0);

    /** Packing 8 pixels of 3 bytes into 6 words: word j takes pixel FIRST[j] shifted right by SHIFT[j] ... */
    private static final VectorShuffle<Integer> FIRST = VectorShuffle.fromValues(INT, 0, 1, 2, 4, 5, 6, 7, 7);
    /** ... and pixel FIRST[j] + 1 shifted left by 24 - SHIFT[j] (lanes 6 and 7 are don't-cares). */
    private static final VectorShuffle<Integer> SECOND = VectorShuffle.fromValues(INT, 1, 2, 3, 5, 6, 7, 7, 7);
    private static final IntVector SHIFT = IntVector.fromArray(INT, new int[] {0, 8, 16, 0, 8, 16, 0, 0}, 0);
    private static final IntVector UNSHIFT = IntVector.fromArray(INT, new int[] {24, 16, 8, 24, 16, 8, 0, 0}, 0);

    VectorFancyH2V2YccToBgr(Upsampler y, Upsampler cb, Upsampler cr) {
        super(y, cb, cr);
    }

    @Override
    void columnSums(SamplePlane plane, int nearRow, int farRow, int[] sums, int m) {
        short[] p = plane.data();
        int near = plane.offset(nearRow);
        int far = plane.offset(farRow);
        int i = 0;
        for (; i <= m - LANES; i += LANES) {
            IntVector n = (IntVector) ShortVector.fromArray(SHORT, p, near + i).castShape(INT, 0);
            IntVector f = (IntVector) ShortVector.fromArray(SHORT, p, far + i).castShape(INT, 0);
            n.mul(3).add(f).intoArray(sums, i);
        }
        for (; i < m; i++) {
            sums[i] = p[near + i] * 3 + p[far + i];
        }
    }

    @Override
    void inner(int[] cbs, int[] crs, short[] yp, int ys, byte[] out, int offset, int from, int to, int rowBytes) {
        int i = from;
        // Step i writes bytes 6i .. 6i + 31 of the row and reads sums i - 1 .. i + 6 (the arrays are padded).
        int end = Math.min(to - LANES / 2, Math.floorDiv(rowBytes - 4 * LANES, 6));
        for (; i <= end; i += LANES / 2) {
            IntVector cbv = IntVector.fromArray(INT, cbs, i - 1);
            IntVector crv = IntVector.fromArray(INT, crs, i - 1);
            IntVector cb = cbv.rearrange(NEAR).mul(3).add(cbv.rearrange(FAR)).add(BIAS)
                .lanewise(VectorOperators.ASHR, 4).sub(128);
            IntVector cr = crv.rearrange(NEAR).mul(3).add(crv.rearrange(FAR)).add(BIAS)
                .lanewise(VectorOperators.ASHR, 4).sub(128);
            IntVector y = (IntVector) ShortVector.fromArray(SHORT, yp, ys + 2 * i).castShape(INT, 0);
            IntVector b = cb.mul(ColorDeconverter.CB_B_FIX).add(ColorDeconverter.ONE_HALF)
                .lanewise(VectorOperators.ASHR, ColorDeconverter.SCALEBITS).add(y).max(0).min(255);
            IntVector g = cb.mul(-ColorDeconverter.CB_G_FIX).add(ColorDeconverter.ONE_HALF)
                .sub(cr.mul(ColorDeconverter.CR_G_FIX))
                .lanewise(VectorOperators.ASHR, ColorDeconverter.SCALEBITS).add(y).max(0).min(255);
            IntVector r = cr.mul(ColorDeconverter.CR_R_FIX).add(ColorDeconverter.ONE_HALF)
                .lanewise(VectorOperators.ASHR, ColorDeconverter.SCALEBITS).add(y).max(0).min(255);
            IntVector px = b.or(g.lanewise(VectorOperators.LSHL, 8)).or(r.lanewise(VectorOperators.LSHL, 16));
            IntVector words = px.rearrange(FIRST).lanewise(VectorOperators.LSHR, SHIFT)
                .or(px.rearrange(SECOND).lanewise(VectorOperators.LSHL, UNSHIFT));
            words.reinterpretAsBytes().intoArray(out, offset + 6 * i);
        }
        super.inner(cbs, crs, yp, ys, out, offset, i, to, rowBytes);
    }

    /** One call of the warm-up: two 64-pixel output rows from made-up planes, on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorFancyH2V2YccToBgr kernel;
        private final byte[] out = new byte[3 * 64];
        private int y;

        Exercise() {
            SamplePlane luma = new SamplePlane(64, 4);
            SamplePlane chroma = new SamplePlane(32, 2);
            for (int i = 0; i < 64 * 4; i++) {
                luma.data()[i] = (short) (i % 256);
            }
            for (int i = 0; i < 32 * 2; i++) {
                chroma.data()[i] = (short) (255 - i * 3);
            }
            kernel = new VectorFancyH2V2YccToBgr(Upsampler.choose(luma, 4, 64, 2, 2, 2, 2, true),
                Upsampler.choose(chroma, 2, 32, 1, 1, 2, 2, true), Upsampler.choose(chroma, 2, 32, 1, 1, 2, 2, true));
        }

        @Override
        public void run() {
            kernel.row(y, 64, out, 0);
            y = (y + 1) & 3;
        }
    }
}
