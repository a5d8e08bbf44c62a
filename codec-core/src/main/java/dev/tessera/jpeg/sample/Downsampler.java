package dev.tessera.jpeg.sample;

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

    /** The downsampler for the given ratio of the largest sampling factor to the component's (1, 2 or 4). */
    public static Downsampler of(int horizontalFactor, int verticalFactor) {
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
    }

    /**
     * 2x1 averaging, the 4:2:2 case. The rounding bias alternates 0, 1 along the row so that rounding adds no
     * mean shift to chroma (as libjpeg's h2v1 downsampler does).
     */
    static final class HalfWidth extends Downsampler {
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
    }

    /**
     * 2x2 averaging, the 4:2:0 case. The rounding bias alternates 1, 2 along the row: no mean shift (as
     * libjpeg's h2v2 downsampler does).
     */
    static final class Half extends Downsampler {
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
    }

    /** Any box size; divides with rounding to nearest. */
    static final class Box extends Downsampler {
        private final int hf;
        private final int vf;

        Box(int hf, int vf) {
            this.hf = hf;
            this.vf = vf;
        }

        @Override
        public void downsample(int[] in, int inWidth, int[] out, int outHeight) {
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
    }
}
