package dev.tessera.jpeg.sample;

import dev.tessera.jpeg.simd.BlockGroups;
import dev.tessera.jpeg.simd.VectorSupport;

/**
 * Reduces a full-resolution component strip to its sampled size by averaging each box of
 * {@code horizontalFactor x verticalFactor} samples (T.81 A.1.1 leaves the filter to the encoder).
 * The factor pair is fixed at construction; the averaging loop chosen then serves every row.
 */
public abstract sealed class Downsampler {

    /**
     * Downsamples a strip.
     *
     * @param in        full-resolution samples, row-major, {@code inWidth} a row, {@code outHeight * vf} rows
     * @param inWidth   samples per input row, a multiple of the horizontal factor
     * @param out       receives {@code inWidth / hf} samples a row, {@code outHeight} rows
     * @param outHeight output rows
     */
    public abstract void downsample(int[] in, int inWidth, int[] out, int outHeight);

    /**
     * As {@link #downsample} with input and output rows in the group layout ({@code simd.BlockGroups}): the same
     * sample values, each at its grouped position. {@code inWidth / hf} must be a whole number of group rows.
     */
    public abstract void downsampleGrouped(int[] in, int inWidth, int[] out, int outHeight);

    /**
     * For output position s of a group row (grouped: output x = 64g + 8 * (s &amp; 7) + (s &gt;&gt; 3)), where input
     * sample 2x lies, relative to the start of the two input group rows 128g..128g + 127.
     */
    static final int[] PAIR_POSITION = new int[64];

    static {
        for (int s = 0; s < 64; s++) {
            int x = BlockGroups.samplePosition(s);
            PAIR_POSITION[s] = BlockGroups.samplePosition(2 * x);
        }
    }

    /** The downsampler for the given ratio of the largest sampling factor to the component's (1, 2 or 4). */
    public static Downsampler of(int horizontalFactor, int verticalFactor) {
        return of(horizontalFactor, verticalFactor, false);
    }

    /**
     * Whether {@link #of(int, int, boolean)} gives the Vector API kernels (2x2 and 2x1) now, when asked for them.
     * Asking starts both kernels' warm-ups.
     */
    public static boolean vectorReady() {
        return VectorSupport.enabled() && (VectorHalf.WARMUP.ready() & VectorHalfWidth.WARMUP.ready());
    }

    /**
     * As {@link #of(int, int)}, with {@code vector} the Vector API kernel for the 2x2 and the 2x1 case in the group
     * layout ({@link VectorHalf}, {@link VectorHalfWidth}) when {@code simd.VectorSupport} enables it and that
     * kernel's warm-up is done; the same samples.
     */
    public static Downsampler of(int horizontalFactor, int verticalFactor, boolean vector) {
        // The vector classes are only loaded after VectorSupport.enabled(): they need jdk.incubator.vector.
        if (vector && horizontalFactor == 2 && VectorSupport.enabled()) {
            if (verticalFactor == 2 && VectorHalf.WARMUP.ready()) {
                return new VectorHalf();
            }
            if (verticalFactor == 1 && VectorHalfWidth.WARMUP.ready()) {
                return new VectorHalfWidth();
            }
        }
        if (horizontalFactor == 1 && verticalFactor == 1) {
            return new Identity();
        }
        if (horizontalFactor == 2 && verticalFactor == 2) {
            return new Half();
        }
        if (horizontalFactor == 2 && verticalFactor == 1) {
            return new HalfWidth();
        }
        return new Box(horizontalFactor, verticalFactor);
    }

    static final class Identity extends Downsampler {
        @Override
        public void downsample(int[] in, int inWidth, int[] out, int outHeight) {
            System.arraycopy(in, 0, out, 0, inWidth * outHeight);
        }

        @Override
        public void downsampleGrouped(int[] in, int inWidth, int[] out, int outHeight) {
            downsample(in, inWidth, out, outHeight); // the same positions in and out
        }
    }

    /**
     * 2x1 averaging, the 4:2:2 case. The rounding bias alternates 0, 1 along the row so that rounding adds no
     * mean shift to chroma (as libjpeg's h2v1 downsampler does).
     */
    static non-sealed class HalfWidth extends Downsampler {
        @Override
        public void downsample(int[] in, int inWidth, int[] out, int outHeight) {
            int outWidth = inWidth >> 1;
            for (int row = 0; row < outHeight; row++) {
                int i = row * inWidth;
                int o = row * outWidth;
                for (int x = 0; x < outWidth; x++, i += 2) {
                    out[o + x] = (in[i] + in[i + 1] + (x & 1)) >> 1;
                }
            }
        }

        @Override
        public void downsampleGrouped(int[] in, int inWidth, int[] out, int outHeight) {
            int outWidth = inWidth >> 1;
            for (int row = 0; row < outHeight; row++) {
                int i = row * inWidth;
                int o = row * outWidth;
                for (int group = 0; group < outWidth; group += 64, i += 128, o += 64) {
                    for (int s = 0; s < 64; s++) {
                        // Output x's pair 2x, 2x + 1 lies at p and p + 8 (columns 2c, 2c + 1 of one block).
                        int p = i + PAIR_POSITION[s];
                        out[o + s] = (in[p] + in[p + 8] + (s >> 3 & 1)) >> 1;
                    }
                }
            }
        }
    }

    /**
     * 2x2 averaging, the 4:2:0 case. The rounding bias alternates 1, 2 along the row: no mean shift (as
     * libjpeg's h2v2 downsampler does).
     */
    static non-sealed class Half extends Downsampler {
        @Override
        public void downsample(int[] in, int inWidth, int[] out, int outHeight) {
            int outWidth = inWidth >> 1;
            for (int row = 0; row < outHeight; row++) {
                int top = 2 * row * inWidth;
                int bottom = top + inWidth;
                int o = row * outWidth;
                for (int x = 0; x < outWidth; x++) {
                    int i = 2 * x;
                    int bias = 1 + (x & 1);
                    out[o + x] = (in[top + i] + in[top + i + 1] + in[bottom + i] + in[bottom + i + 1] + bias) >> 2;
                }
            }
        }

        @Override
        public void downsampleGrouped(int[] in, int inWidth, int[] out, int outHeight) {
            int outWidth = inWidth >> 1;
            for (int row = 0; row < outHeight; row++) {
                for (int group = 0; group < outWidth; group += 64) {
                    int top = 2 * row * inWidth + 2 * group;
                    int bottom = top + inWidth;
                    int o = row * outWidth + group;
                    // Output x = 8J + C of the group lies at 8C + J; its pair 2x, 2x + 1 at q and q + 8, where
                    // q = 64h + 16(C & 3) + (C >> 2) + 2i for J = 4h + i. x is odd when C is.
                    for (int c = 0; c < 8; c++) {
                        int bias = 1 + (c & 1);
                        for (int h = 0; h < 2; h++) {
                            int q = 64 * h + 16 * (c & 3) + (c >> 2);
                            int at = o + 8 * c + 4 * h;
                            for (int i = 0; i < 4; i++, q += 2) {
                                out[at + i] = (in[top + q] + in[top + q + 8] + in[bottom + q] + in[bottom + q + 8]
                                    + bias) >> 2;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Any box size; divides with rounding to nearest. */
    static final class Box extends Downsampler {
        private final int hf;
        private final int vf;

        /**
         * For output position s of a group row (grouped), where its first input lies, relative to the start of
         * the hf input group rows it comes from.
         */
        private final int[] firstPositions = new int[64];

        Box(int hf, int vf) {
            this.hf = hf;
            this.vf = vf;
            for (int s = 0; s < 64; s++) {
                firstPositions[s] = BlockGroups.samplePosition(hf * BlockGroups.samplePosition(s));
            }
        }

        @Override
        public void downsample(int[] in, int inWidth, int[] out, int outHeight) {
            if (hf == 1 && vf == 2) { // 4:4:0, written out: a loop C2 vectorises
                for (int row = 0; row < outHeight; row++) {
                    int top = 2 * row * inWidth;
                    int bottom = top + inWidth;
                    int o = row * inWidth;
                    for (int x = 0; x < inWidth; x++) {
                        out[o + x] = (in[top + x] + in[bottom + x] + 1) >> 1;
                    }
                }
                return;
            }
            int outWidth = inWidth / hf;
            int n = hf * vf;
            int half = n / 2;
            for (int row = 0; row < outHeight; row++) {
                int o = row * outWidth;
                for (int x = 0; x < outWidth; x++) {
                    int sum = 0;
                    for (int dy = 0; dy < vf; dy++) {
                        int base = (row * vf + dy) * inWidth + x * hf;
                        for (int dx = 0; dx < hf; dx++) {
                            sum += in[base + dx];
                        }
                    }
                    out[o + x] = (sum + half) / n;
                }
            }
        }

        @Override
        public void downsampleGrouped(int[] in, int inWidth, int[] out, int outHeight) {
            if (Integer.bitCount(hf) != 1 || Integer.bitCount(vf) != 1 || hf > 4 || vf > 4) {
                // An output's inputs must be columns of one block, and the division a shift.
                throw new IllegalArgumentException("the group layout takes factors 1, 2 or 4, not " + hf + "x" + vf);
            }
            if (hf == 1) {
                downsample(in, inWidth, out, outHeight); // each output at its input's position: the same in both
                return;
            }
            int outWidth = inWidth / hf;
            int half = hf * vf / 2;
            int shift = Integer.numberOfTrailingZeros(hf * vf);
            int[] first = firstPositions;
            for (int row = 0; row < outHeight; row++) {
                for (int group = 0; group < outWidth; group += 64) {
                    int base = row * vf * inWidth + hf * group;
                    int o = row * outWidth + group;
                    if (hf == 4 && vf == 1) { // 4:1:1, written out
                        for (int s = 0; s < 64; s++) {
                            int p = base + first[s];
                            out[o + s] = (in[p] + in[p + 8] + in[p + 16] + in[p + 24] + 2) >> 2;
                        }
                        continue;
                    }
                    for (int s = 0; s < 64; s++) {
                        // The hf inputs of output s are consecutive columns of one block: 8 apart.
                        int sum = 0;
                        for (int dy = 0, p = base + first[s]; dy < vf; dy++, p += inWidth) {
                            for (int dx = 0; dx < hf; dx++) {
                                sum += in[p + 8 * dx];
                            }
                        }
                        out[o + s] = (sum + half) >> shift; // n is a power of two: the division, sum >= 0
                    }
                }
            }
        }
    }
}
