package dev.tessera.jpeg.color;

import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.sample.Upsampler;
import dev.tessera.jpeg.simd.VectorSupport;

/**
 * 4:2:0 fancy upsampling of Cb and Cr merged with YCbCr to B, G, R: one pass per output row that reads the
 * three sample planes and writes the row of a {@code TYPE_3BYTE_BGR} raster, with no upsampled rows in
 * between (libjpeg's {@code jdmerge.c} merges plain upsampling the same way). The arithmetic is exactly that
 * of {@link Upsampler}'s h2v2 fancy upsampling (libjpeg-turbo's {@code h2v2_fancy_upsample}) followed by
 * {@link ColorDeconverter#yccToBgr()}, so the pixels are the same. Chosen once per image by
 * {@link #choose}.
 *
 * <p>When {@link VectorSupport#enabled()} and the kernel's background warm-up is done ({@code simd.VectorWarmup}),
 * {@code choose} returns {@link VectorFancyH2V2YccToBgr} instead, which
 * overrides the column sums and the run of inner pixels with Vector API code giving the same bytes; the edge
 * pixels and any tail stay here. Only one of the two classes is ever instantiated in a JVM.
 */
public class FancyH2V2YccToBgr {
    /**
     * Slack at the end of the column-sum arrays: the vector kernel loads 8 ints from column {@code i - 1} for
     * columns {@code i .. i + 3}, reading up to three unused entries past the last it needs.
     */
    static final int SUM_PADDING = 8;

    private static final int CB_B = ColorDeconverter.CB_B_FIX;
    private static final int CB_G = ColorDeconverter.CB_G_FIX;
    private static final int CR_G = ColorDeconverter.CR_G_FIX;
    private static final int CR_R = ColorDeconverter.CR_R_FIX;
    private static final int HALF = ColorDeconverter.ONE_HALF;
    private static final int BITS = ColorDeconverter.SCALEBITS;

    private final SamplePlane luma;
    private final SamplePlane cbPlane;
    private final SamplePlane crPlane;
    /** Valid chroma sample rows and columns (libjpeg's downsampled_height and _width). */
    private final int rows;
    private final int columns;
    private int[] cbSums = new int[0];
    private int[] crSums = new int[0];

    FancyH2V2YccToBgr(Upsampler y, Upsampler cb, Upsampler cr) {
        this.luma = y.plane();
        this.cbPlane = cb.plane();
        this.crPlane = cr.plane();
        this.rows = cb.sampleRows();
        this.columns = cb.sampleColumns();
    }

    /**
     * The merged converter for these upsamplers and this converter, or {@code null} when it does not apply:
     * Y at full size, Cb and Cr both h2v2 fancy with the same sample size, YCbCr to BGR.
     */
    public static FancyH2V2YccToBgr choose(Upsampler[] upsamplers, ColorDeconverter converter) {
        if (upsamplers.length != 3 || !converter.isYccToBgr() || !upsamplers[0].isIdentity()
            || !upsamplers[1].isFancyH2V2() || !upsamplers[2].isFancyH2V2()
            || upsamplers[1].sampleRows() != upsamplers[2].sampleRows()
            || upsamplers[1].sampleColumns() != upsamplers[2].sampleColumns()) {
            return null;
        }
        return create(upsamplers, VectorSupport.enabled() && VectorFancyH2V2YccToBgr.WARMUP.ready());
    }

    /**
     * The vector or the scalar variant, for upsamplers {@link #choose} accepts; tests and benchmarks call it
     * directly. {@code vector} needs {@code jdk.incubator.vector} in the JVM (else NoClassDefFoundError).
     */
    public static FancyH2V2YccToBgr create(Upsampler[] upsamplers, boolean vector) {
        // The vector class is only loaded and linked here, so only when jdk.incubator.vector is present.
        return vector ? new VectorFancyH2V2YccToBgr(upsamplers[0], upsamplers[1], upsamplers[2])
            : new FancyH2V2YccToBgr(upsamplers[0], upsamplers[1], upsamplers[2]);
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
        // The column sums of i - 1, i, i + 1 slide through locals: one load of each per pair of pixels.
        int cbl = cbs[from - 1];
        int crl = crs[from - 1];
        int cbc = cbs[from];
        int crc = crs[from];
        for (int i = from, o = offset + 6 * from, x = ys + 2 * from; i < to; i++, o += 6, x += 2) {
            int cbr = cbs[i + 1];
            int crr = crs[i + 1];
            // T.871 7 inverse after the triangular filter: biases 8 and 7 on the sum of 16 weights.
            int cb3 = cbc * 3;
            int cr3 = crc * 3;
            int cb = ((cb3 + cbl + 8) >> 4) - 128;
            int cr = ((cr3 + crl + 8) >> 4) - 128;
            int b = (CB_B * cb + HALF) >> BITS;
            int g = (-CB_G * cb + HALF - CR_G * cr) >> BITS;
            int r = (CR_R * cr + HALF) >> BITS;
            int y = yp[x];
            out[o] = (byte) ColorDeconverter.clampByte(y + b);
            out[o + 1] = (byte) ColorDeconverter.clampByte(y + g);
            out[o + 2] = (byte) ColorDeconverter.clampByte(y + r);
            cb = ((cb3 + cbr + 7) >> 4) - 128;
            cr = ((cr3 + crr + 7) >> 4) - 128;
            b = (CB_B * cb + HALF) >> BITS;
            g = (-CB_G * cb + HALF - CR_G * cr) >> BITS;
            r = (CR_R * cr + HALF) >> BITS;
            y = yp[x + 1];
            out[o + 3] = (byte) ColorDeconverter.clampByte(y + b);
            out[o + 4] = (byte) ColorDeconverter.clampByte(y + g);
            out[o + 5] = (byte) ColorDeconverter.clampByte(y + r);
            cbl = cbc;
            crl = crc;
            cbc = cbr;
            crc = crr;
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
    static void pixel(byte[] out, int o, int y, int cb, int cr) {
        out[o] = (byte) ColorDeconverter.clampByte(y + ((ColorDeconverter.CB_B_FIX * cb + ColorDeconverter.ONE_HALF)
            >> ColorDeconverter.SCALEBITS));
        out[o + 1] = (byte) ColorDeconverter.clampByte(y + ((-ColorDeconverter.CB_G_FIX * cb + ColorDeconverter.ONE_HALF
            - ColorDeconverter.CR_G_FIX * cr) >> ColorDeconverter.SCALEBITS));
        out[o + 2] = (byte) ColorDeconverter.clampByte(y + ((ColorDeconverter.CR_R_FIX * cr + ColorDeconverter.ONE_HALF)
            >> ColorDeconverter.SCALEBITS));
    }
}
