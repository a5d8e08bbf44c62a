package dev.tessera.jpeg.color;

import dev.tessera.jpeg.simd.BlockGroups;
import dev.tessera.jpeg.simd.VectorSupport;

/**
 * Converts interleaved 8-bit RGB to Y, Cb and Cr samples as JFIF defines them (T.871 clause 7), in 16-bit
 * fixed point:
 * <pre>
 * Y  =  0.299 R + 0.587 G + 0.114 B
 * Cb = -0.168736 R - 0.331264 G + 0.5 B + 128
 * Cr =  0.5 R - 0.418688 G - 0.081312 B + 128
 * </pre>
 * Results are rounded to nearest and lie in 0..255 without clamping.
 */
public final class ColorConverter {
    static final int SHIFT = 16;
    static final int Y_R = fix(0.299);
    static final int Y_G = fix(0.587);
    static final int Y_B = fix(0.114);
    static final int CB_R = fix(0.168736);
    static final int CB_G = fix(0.331264);
    static final int CR_G = fix(0.418688);
    static final int CR_B = fix(0.081312);
    static final int HALF = 1 << (SHIFT - 1);
    static final int CHROMA_OFFSET = 128 << SHIFT;
    /** 0.5 * 255 + 128 rounds to 256; rounding half down (HALF - 1) keeps the chroma maximum at 255. */
    static final int CHROMA_ROUNDING = HALF - 1;

    /**
     * The terms of each sum above per sample value, as libjpeg's rgb_ycc_convert keeps them: index v for red,
     * 256 + v for green, 512 + v for blue; the rounding and chroma offset ride on the red term. The same sums as the
     * multiply-adds, so the same samples, for fewer operations in the scalar loops.
     */
    private static final int[] Y_TABLE = new int[768];
    private static final int[] CB_TABLE = new int[768];
    private static final int[] CR_TABLE = new int[768];

    static {
        for (int v = 0; v < 256; v++) {
            Y_TABLE[v] = Y_R * v + HALF;
            Y_TABLE[256 + v] = Y_G * v;
            Y_TABLE[512 + v] = Y_B * v;
            CB_TABLE[v] = -CB_R * v + CHROMA_OFFSET + CHROMA_ROUNDING;
            CB_TABLE[256 + v] = -CB_G * v;
            CB_TABLE[512 + v] = v << (SHIFT - 1);
            CR_TABLE[v] = (v << (SHIFT - 1)) + CHROMA_OFFSET + CHROMA_ROUNDING;
            CR_TABLE[256 + v] = -CR_G * v;
            CR_TABLE[512 + v] = -CR_B * v;
        }
    }

    /** The planar converter of the scalar path: {@link #rgbToYCbCr(int[], int[], int[], int, int, int[], int[], int[], int)}. */
    private static final PlanarRgbToYcc SCALAR = (red, green, blue, count, y, cb, cr, outOffset) ->
        rgbToYCbCr(red, green, blue, 0, count, y, cb, cr, outOffset);

    private ColorConverter() {
    }

    /** One implementation of the planar RGB to YCbCr conversion, chosen once per encoder; all give the same samples. */
    public interface PlanarRgbToYcc {
        /**
         * Converts {@code count} pixels, red, green and blue 0..255 from index 0 of their arrays, into Y, Cb and Cr
         * written from {@code outOffset}, as {@link ColorConverter#rgbToYCbCr(byte[], int, int, int[], int[], int[], int)}.
         */
        void convert(int[] red, int[] green, int[] blue, int count, int[] y, int[] cb, int[] cr, int outOffset);
    }

    /**
     * The converter for one encoder: {@link VectorRgbToYcc} when {@code vector} (only when
     * {@code simd.VectorSupport} enables the kernels), else the scalar code; the same samples.
     */
    public static PlanarRgbToYcc planar(boolean vector) {
        return vector ? new VectorRgbToYcc() : SCALAR;
    }

    /** Whether the Vector API converter is warmed up ({@code simd.VectorWarmup}) and may be chosen. */
    public static boolean vectorReady() {
        return VectorSupport.enabled() && VectorRgbToYcc.WARMUP.ready();
    }

    /**
     * The planar form of {@link #rgbToYCbCr(byte[], int, int, int[], int[], int[], int)}: {@code count} pixels
     * from index {@code inOffset} of the red, green and blue arrays.
     */
    public static void rgbToYCbCr(int[] red, int[] green, int[] blue, int inOffset, int count, int[] y, int[] cb,
                                  int[] cr, int outOffset) {
        int[] ty = Y_TABLE;
        int[] tcb = CB_TABLE;
        int[] tcr = CR_TABLE;
        for (int i = 0; i < count; i++) {
            int r = red[inOffset + i] & 0xFF;
            int g = (green[inOffset + i] & 0xFF) + 256;
            int b = (blue[inOffset + i] & 0xFF) + 512;
            int o = outOffset + i;
            y[o] = (ty[r] + ty[g] + ty[b]) >> SHIFT;
            cb[o] = (tcb[r] + tcb[g] + tcb[b]) >> SHIFT;
            cr[o] = (tcr[r] + tcr[g] + tcr[b]) >> SHIFT;
        }
    }

    /**
     * Converts {@code count} pixels of an 8-bit interleaved raster: pixel i's red, green and blue bytes at
     * {@code data[offset + i * pixelStride + redOffset]} (and the green and blue offsets), into Y, Cb and Cr from
     * {@code outOffset}; the same samples as the planar form, read straight from the raster.
     */
    public static void interleavedToYCbCr(byte[] data, int offset, int pixelStride, int redOffset, int greenOffset,
                                          int blueOffset, int count, int[] y, int[] cb, int[] cr, int outOffset) {
        int[] ty = Y_TABLE;
        int[] tcb = CB_TABLE;
        int[] tcr = CR_TABLE;
        for (int i = 0, p = offset; i < count; i++, p += pixelStride) {
            int r = data[p + redOffset] & 0xFF;
            int g = (data[p + greenOffset] & 0xFF) + 256;
            int b = (data[p + blueOffset] & 0xFF) + 512;
            int o = outOffset + i;
            y[o] = (ty[r] + ty[g] + ty[b]) >> SHIFT;
            cb[o] = (tcb[r] + tcb[g] + tcb[b]) >> SHIFT;
            cr[o] = (tcr[r] + tcr[g] + tcr[b]) >> SHIFT;
        }
    }

    /**
     * Converts {@code count} packed pixels from {@code data[offset]}, red, green and blue the bytes at
     * {@code redShift}, {@code greenShift} and {@code blueShift}, into Y, Cb and Cr from {@code outOffset}.
     */
    public static void packedToYCbCr(int[] data, int offset, int redShift, int greenShift, int blueShift, int count,
                                     int[] y, int[] cb, int[] cr, int outOffset) {
        int[] ty = Y_TABLE;
        int[] tcb = CB_TABLE;
        int[] tcr = CR_TABLE;
        for (int i = 0; i < count; i++) {
            int v = data[offset + i];
            int r = (v >>> redShift) & 0xFF;
            int g = ((v >>> greenShift) & 0xFF) + 256;
            int b = ((v >>> blueShift) & 0xFF) + 512;
            int o = outOffset + i;
            y[o] = (ty[r] + ty[g] + ty[b]) >> SHIFT;
            cb[o] = (tcb[r] + tcb[g] + tcb[b]) >> SHIFT;
            cr[o] = (tcr[r] + tcr[g] + tcr[b]) >> SHIFT;
        }
    }

    private static int fix(double x) {
        return (int) Math.round(x * (1 << SHIFT));
    }

    /**
     * Converts {@code count} pixels of interleaved RGB (3 bytes a pixel) starting at {@code rgbOffset}.
     *
     * @param y, cb, cr  output samples 0..255, written from their offsets
     */
    public static void rgbToYCbCr(byte[] rgb, int rgbOffset, int count,
                                  int[] y, int[] cb, int[] cr, int outOffset) {
        interleavedToYCbCr(rgb, rgbOffset, 3, 0, 1, 2, count, y, cb, cr, outOffset);
    }

    /** Copies {@code count} gray samples to the Y plane. */
    public static void grayToY(byte[] gray, int grayOffset, int count, int[] y, int outOffset) {
        for (int i = 0; i < count; i++) {
            y[outOffset + i] = gray[grayOffset + i] & 0xFF;
        }
    }

    /**
     * As {@link #grayToY} with sample i at {@code outOffset + BlockGroups.samplePosition(i)}, the group layout
     * ({@code simd.BlockGroups}).
     */
    public static void grayToYGrouped(byte[] gray, int grayOffset, int count, int[] y, int outOffset) {
        int whole = count & -BlockGroups.ROW_SAMPLES;
        // Whole groups block by block: the 8 samples of one block row read in a run, written 8 apart; offsets are
        // constants, so C2 merges the bounds checks.
        for (int group = 0; group < whole; group += BlockGroups.ROW_SAMPLES) {
            for (int j = 0; j < 8; j++) {
                int in = grayOffset + group + 8 * j;
                int at = outOffset + group + j;
                y[at] = gray[in] & 0xFF;
                y[at + 8] = gray[in + 1] & 0xFF;
                y[at + 16] = gray[in + 2] & 0xFF;
                y[at + 24] = gray[in + 3] & 0xFF;
                y[at + 32] = gray[in + 4] & 0xFF;
                y[at + 40] = gray[in + 5] & 0xFF;
                y[at + 48] = gray[in + 6] & 0xFF;
                y[at + 56] = gray[in + 7] & 0xFF;
            }
        }
        for (int i = whole; i < count; i++) {
            y[outOffset + BlockGroups.samplePosition(i)] = gray[grayOffset + i] & 0xFF;
        }
    }
}
