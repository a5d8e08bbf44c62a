package dev.tessera.jpeg.sample;

import dev.tessera.jpeg.simd.VectorSupport;

/**
 * Brings one component's samples up to the output size, one output row at a time, the way libjpeg-turbo
 * 2.1 does by default ({@code jdsample.c}): "fancy" triangular interpolation for the common 2:1 ratios
 * (h2v1, h1v2, h2v2) and plain replication otherwise. The variant is chosen once per component by
 * {@link #choose}; rows above the first and below the last valid sample row repeat the edge row, as
 * libjpeg's context rows do ({@code jdmainct.c}).
 *
 * <p>Samples are {@code short}s so that 12- and 16-bit precision fit; the arithmetic is exact for any precision.
 */
public abstract class Upsampler {
    /** The component's samples. */
    protected final SamplePlane source;
    protected final short[] plane;
    /** Valid sample rows and columns of the component (libjpeg's downsampled_height and _width). */
    protected final int rows;
    protected final int columns;

    Upsampler(SamplePlane source, int rows, int columns) {
        this.source = source;
        this.plane = source.data();
        this.rows = rows;
        this.columns = columns;
    }

    /** Writes output row {@code y} of this component into {@code out[0 .. width)}. */
    public abstract void row(int y, short[] out, int width);

    /** The last component row that {@link #row} reads for output row {@code y}. */
    public abstract int lastRowNeeded(int y);

    /**
     * Whether output row {@code y} is component row {@code y} unchanged ({@link #plane()} from
     * {@code source.offset(y)}), so that a caller may read it there instead of calling {@link #row}.
     */
    public boolean isIdentity() {
        return false;
    }

    /** Whether this is the h2v2 fancy upsampler (which {@code color.FancyH2V2YccToBgr} reproduces). */
    public boolean isFancyH2V2() {
        return false;
    }

    /** The component's samples. */
    public SamplePlane plane() {
        return source;
    }

    /** Valid sample rows of the component. */
    public int sampleRows() {
        return rows;
    }

    /** Valid sample columns of the component. */
    public int sampleColumns() {
        return columns;
    }

    /**
     * Picks the upsampler libjpeg-turbo's jinit_upsampler would pick.
     *
     * @param hIn    samples per row group horizontally (h_samp * DCT size / min DCT size)
     * @param vIn    likewise vertically
     * @param hOut   Hmax
     * @param vOut   Vmax
     * @param fancy  whether fancy upsampling is allowed (libjpeg: do_fancy_upsampling and min DCT size > 1)
     * @return the upsampler, or {@code null} for a ratio libjpeg cannot handle (not an integer ratio)
     */
    public static Upsampler choose(SamplePlane plane, int rows, int columns,
                                   int hIn, int vIn, int hOut, int vOut, boolean fancy) {
        if (hIn == hOut && vIn == vOut) {
            return new FullSize(plane, rows, columns);
        }
        if (hIn * 2 == hOut && vIn == vOut) {
            if (!fancy || columns <= 2) {
                return new Replicate(plane, rows, columns, 2, 1);
            }
            // The vector class is only loaded and linked here, so only when jdk.incubator.vector is present.
            return VectorSupport.enabled() && VectorFancyH2V1.WARMUP.ready()
                ? new VectorFancyH2V1(plane, rows, columns) : new FancyH2V1(plane, rows, columns);
        }
        if (hIn == hOut && vIn * 2 == vOut && fancy) {
            return new FancyH1V2(plane, rows, columns);
        }
        if (hIn * 2 == hOut && vIn * 2 == vOut) {
            return fancy && columns > 2 ? new FancyH2V2(plane, rows, columns)
                : new Replicate(plane, rows, columns, 2, 2);
        }
        if (hOut % hIn == 0 && vOut % vIn == 0) {
            return new Replicate(plane, rows, columns, hOut / hIn, vOut / vIn);
        }
        return null;
    }

    int clampRow(int r) {
        return r < 0 ? 0 : (r >= rows ? rows - 1 : r);
    }

    /** Same size: a copy. */
    static final class FullSize extends Upsampler {
        FullSize(SamplePlane plane, int rows, int columns) {
            super(plane, rows, columns);
        }

        @Override
        public void row(int y, short[] out, int width) {
            System.arraycopy(plane, source.offset(y), out, 0, width);
        }

        @Override
        public boolean isIdentity() {
            return true;
        }

        @Override
        public int lastRowNeeded(int y) {
            return y;
        }
    }

    /** Integral ratios: each sample repeated hExpand times across and vExpand times down. */
    static final class Replicate extends Upsampler {
        private final int hExpand;
        private final int vExpand;

        Replicate(SamplePlane plane, int rows, int columns, int hExpand, int vExpand) {
            super(plane, rows, columns);
            this.hExpand = hExpand;
            this.vExpand = vExpand;
        }

        @Override
        public void row(int y, short[] out, int width) {
            int base = source.offset(y / vExpand);
            for (int x = 0; x < width; x++) {
                out[x] = plane[base + x / hExpand];
            }
        }

        @Override
        public int lastRowNeeded(int y) {
            return y / vExpand;
        }
    }

    /** 2:1 horizontally: 3/4 of the nearer sample plus 1/4 of the further, rounding biased 1, 2 alternately. */
    static class FancyH2V1 extends Upsampler {
        FancyH2V1(SamplePlane plane, int rows, int columns) {
            super(plane, rows, columns);
        }

        @Override
        public void row(int y, short[] out, int width) {
            int base = source.offset(y);
            int last = columns - 1;
            short[] p = plane;
            // Source columns 1 .. end - 1 have both neighbours and both outputs within the row: no clamps,
            // no branch on the output column's parity (the ends take the general loop below).
            int end = Math.min(width >> 1, last);
            inner(p, base, out, 1, end);
            edges(base, last, out, 0, Math.min(2, width));
            edges(base, last, out, Math.max(2, 2 * end), width);
        }

        /** Outputs {@code 2 * from .. 2 * to - 1}: source columns whose neighbours are both in the row. */
        void inner(short[] p, int base, short[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                int near = p[base + i] * 3;
                out[2 * i] = (short) ((near + p[base + i - 1] + 1) >> 2);
                out[2 * i + 1] = (short) ((near + p[base + i + 1] + 2) >> 2);
            }
        }

        private void edges(int base, int last, short[] out, int from, int to) {
            for (int x = from; x < to; x++) {
                int i = x >> 1;
                int near = plane[base + i] * 3;
                if ((x & 1) == 0) {
                    int left = plane[base + (i > 0 ? i - 1 : 0)];
                    out[x] = (short) ((near + left + 1) >> 2);
                } else {
                    int right = plane[base + (i < last ? i + 1 : last)];
                    out[x] = (short) ((near + right + 2) >> 2);
                }
            }
        }

        @Override
        public int lastRowNeeded(int y) {
            return y;
        }
    }

    /** 2:1 vertically: 3/4 of the nearer row plus 1/4 of the further; bias 1 above, 2 below. */
    static final class FancyH1V2 extends Upsampler {
        FancyH1V2(SamplePlane plane, int rows, int columns) {
            super(plane, rows, columns);
        }

        @Override
        public void row(int y, short[] out, int width) {
            int r = y >> 1;
            boolean upper = (y & 1) == 0;
            int near = source.offset(r);
            int far = source.offset(clampRow(upper ? r - 1 : r + 1));
            int bias = upper ? 1 : 2;
            for (int x = 0; x < width; x++) {
                out[x] = (short) ((plane[near + x] * 3 + plane[far + x] + bias) >> 2);
            }
        }

        @Override
        public int lastRowNeeded(int y) {
            return clampRow((y >> 1) + 1);
        }
    }

    /**
     * 2:1 both ways: column sums 3 * nearer row + further row, then 3/4 nearer column sum + 1/4 further,
     * divided by 16 with biases 8 and 7 alternately (libjpeg's h2v2_fancy_upsample).
     */
    static final class FancyH2V2 extends Upsampler {
        FancyH2V2(SamplePlane plane, int rows, int columns) {
            super(plane, rows, columns);
        }

        @Override
        public boolean isFancyH2V2() {
            return true;
        }

        private int[] sums = new int[0];

        @Override
        public void row(int y, short[] out, int width) {
            int r = y >> 1;
            int near = source.offset(r);
            int far = source.offset(clampRow((y & 1) == 0 ? r - 1 : r + 1));
            int n = (width + 1) >> 1;
            int last = columns - 1;
            // Column sums at 0 .. min(n, last): every index the right-hand neighbour below can take.
            int m = Math.min(n, last) + 1;
            if (sums.length < m) {
                sums = new int[m];
            }
            int[] s = sums;
            short[] p = plane;
            for (int i = 0; i < m; i++) {
                s[i] = p[near + i] * 3 + p[far + i];
            }
            // Interior: both neighbours exist and both output columns are inside the row.
            int inner = Math.min(n - 1, last);
            if (inner > 0) {
                edge(s, 0, out, width, n, last);
            }
            for (int i = 1; i < inner; i++) {
                int sum3 = s[i] * 3;
                out[2 * i] = (short) ((sum3 + s[i - 1] + 8) >> 4);
                out[2 * i + 1] = (short) ((sum3 + s[i + 1] + 7) >> 4);
            }
            for (int i = Math.max(inner, 0); i < n; i++) {
                edge(s, i, out, width, n, last);
            }
        }

        /** Output columns 2i and 2i + 1 with the edge rules: the edge column stands in for a missing neighbour. */
        private static void edge(int[] s, int i, short[] out, int width, int n, int last) {
            int sum3 = s[i] * 3;
            int x = 2 * i;
            out[x] = (short) ((sum3 + s[i > 0 ? i - 1 : 0] + 8) >> 4);
            if (x + 1 < width) {
                out[x + 1] = (short) ((sum3 + s[i < last ? i + 1 : last] + 7) >> 4);
            }
        }

        @Override
        public int lastRowNeeded(int y) {
            return clampRow((y >> 1) + 1);
        }
    }
}
