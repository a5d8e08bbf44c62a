package dev.tessera.jpeg.color;

import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.sample.Upsampler;

/**
 * The scalar merged h2v2 fancy upsampler and YCbCr to BGR converter as it was before the sliding-window inner
 * loop: the oracle of {@code FancyH2V2YccToBgrTest.scalarEqualsTheOracle}.
 */
final class FancyH2V2YccToBgrOracle {
    /**
     * Slack at the end of the column-sum arrays: the vector kernel loads 8 ints from column {@code i - 1} for
     * columns {@code i .. i + 3}, reading up to three unused entries past the last it needs.
     */
    private static final int SUM_PADDING = 8;

    private final SamplePlane luma;
    private final SamplePlane cbPlane;
    private final SamplePlane crPlane;
    /** Valid chroma sample rows and columns (libjpeg's downsampled_height and _width). */
    private final int rows;
    private final int columns;
    private int[] cbSums = new int[0];
    private int[] crSums = new int[0];

    FancyH2V2YccToBgrOracle(Upsampler y, Upsampler cb, Upsampler cr) {
        this.luma = y.plane();
        this.cbPlane = cb.plane();
        this.crPlane = cr.plane();
        this.rows = cb.sampleRows();
        this.columns = cb.sampleColumns();
    }

    /** Chroma row {@code r}, or the nearest valid one (edge rows repeat, as libjpeg's context rows). */
    private int clampRow(int r) {
        return r < 0 ? 0 : (r >= rows ? rows - 1 : r);
    }

    /** Writes output row {@code y}, {@code width} pixels, as B, G, R bytes from {@code out[offset]}. */
    public final void row(int y, int width, byte[] out, int offset) {
        int r = y >> 1;
        int farRow = clampRow((y & 1) == 0 ? r - 1 : r + 1);
        int n = (width + 1) >> 1;
        int last = columns - 1;
        // Column sums 3 * nearer row + further row at 0 .. min(n, last), as the h2v2 fancy upsampler.
        int m = Math.min(n, last) + 1;
        if (cbSums.length < m + SUM_PADDING) {
            cbSums = new int[m + SUM_PADDING];
            crSums = new int[m + SUM_PADDING];
        }
        int[] cbs = cbSums;
        int[] crs = crSums;
        columnSums(cbPlane, r, farRow, cbs, m);
        columnSums(crPlane, r, farRow, crs, m);
        short[] yp = luma.data();
        int ys = luma.offset(y);
        int inner = Math.min(n - 1, last);
        if (inner > 0) {
            edge(cbs, crs, 0, yp, ys, out, offset, width, last);
        }
        if (inner > 1) {
            inner(cbs, crs, yp, ys, out, offset, 1, inner, 3 * width);
        }
        for (int i = Math.max(inner, 0); i < n; i++) {
            edge(cbs, crs, i, yp, ys, out, offset, width, last);
        }
    }

    /**
     * Pixels {@code 2 * from .. 2 * to - 1}, the columns with both neighbours; {@code rowBytes} is the length of
     * the output row from {@code offset}, which the vector kernel must not write past.
     */
    void inner(int[] cbs, int[] crs, short[] yp, int ys, byte[] out, int offset, int from, int to, int rowBytes) {
        for (int i = from; i < to; i++) {
            // T.871 7 inverse after the triangular filter: biases 8 and 7 on the sum of 16 weights.
            int cb3 = cbs[i] * 3;
            int cr3 = crs[i] * 3;
            int o = offset + 6 * i;
            int x = ys + 2 * i;
            pixel(out, o, yp[x], ((cb3 + cbs[i - 1] + 8) >> 4) - 128, ((cr3 + crs[i - 1] + 8) >> 4) - 128);
            pixel(out, o + 3, yp[x + 1], ((cb3 + cbs[i + 1] + 7) >> 4) - 128, ((cr3 + crs[i + 1] + 7) >> 4) - 128);
        }
    }

    /** {@code sums[i] = 3 * near[i] + far[i]} for {@code i < m}: the vertical half of the triangular filter. */
    void columnSums(SamplePlane plane, int nearRow, int farRow, int[] sums, int m) {
        short[] p = plane.data();
        int near = plane.offset(nearRow);
        int far = plane.offset(farRow);
        for (int i = 0; i < m; i++) {
            sums[i] = p[near + i] * 3 + p[far + i];
        }
    }

    /** Pixels 2i and 2i + 1 with the edge rules: the edge column stands in for a missing neighbour. */
    private static void edge(int[] cbs, int[] crs, int i, short[] yp, int ys, byte[] out, int offset, int width,
                             int last) {
        int left = i > 0 ? i - 1 : 0;
        int right = i < last ? i + 1 : last;
        int cb3 = cbs[i] * 3;
        int cr3 = crs[i] * 3;
        int x = 2 * i;
        pixel(out, offset + 3 * x, yp[ys + x], ((cb3 + cbs[left] + 8) >> 4) - 128, ((cr3 + crs[left] + 8) >> 4) - 128);
        if (x + 1 < width) {
            pixel(out, offset + 3 * x + 3, yp[ys + x + 1], ((cb3 + cbs[right] + 7) >> 4) - 128,
                ((cr3 + crs[right] + 7) >> 4) - 128);
        }
    }

    /** One pixel, as {@link ColorDeconverter#yccToBgr()} computes it; {@code cb}, {@code cr} centred on 0. */
    private static void pixel(byte[] out, int o, int y, int cb, int cr) {
        out[o] = (byte) ColorDeconverter.clampByte(y + ((ColorDeconverter.CB_B_FIX * cb + ColorDeconverter.ONE_HALF)
            >> ColorDeconverter.SCALEBITS));
        out[o + 1] = (byte) ColorDeconverter.clampByte(y + ((-ColorDeconverter.CB_G_FIX * cb + ColorDeconverter.ONE_HALF
            - ColorDeconverter.CR_G_FIX * cr) >> ColorDeconverter.SCALEBITS));
        out[o + 2] = (byte) ColorDeconverter.clampByte(y + ((ColorDeconverter.CR_R_FIX * cr + ColorDeconverter.ONE_HALF)
            >> ColorDeconverter.SCALEBITS));
    }
}
