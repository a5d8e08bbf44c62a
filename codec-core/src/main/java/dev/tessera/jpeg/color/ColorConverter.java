package dev.tessera.jpeg.color;

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
        for (int i = 0; i < count; i++) {
            int r = red[inOffset + i];
            int g = green[inOffset + i];
            int b = blue[inOffset + i];
            int o = outOffset + i;
            y[o] = (Y_R * r + Y_G * g + Y_B * b + HALF) >> SHIFT;
            cb[o] = (-CB_R * r - CB_G * g + (b << (SHIFT - 1)) + CHROMA_OFFSET + CHROMA_ROUNDING) >> SHIFT;
            cr[o] = ((r << (SHIFT - 1)) - CR_G * g - CR_B * b + CHROMA_OFFSET + CHROMA_ROUNDING) >> SHIFT;
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
        int p = rgbOffset;
        for (int i = 0; i < count; i++, p += 3) {
            int r = rgb[p] & 0xFF;
            int g = rgb[p + 1] & 0xFF;
            int b = rgb[p + 2] & 0xFF;
            int o = outOffset + i;
            y[o] = (Y_R * r + Y_G * g + Y_B * b + HALF) >> SHIFT;
            cb[o] = (-CB_R * r - CB_G * g + (b << (SHIFT - 1)) + CHROMA_OFFSET + CHROMA_ROUNDING) >> SHIFT;
            cr[o] = ((r << (SHIFT - 1)) - CR_G * g - CR_B * b + CHROMA_OFFSET + CHROMA_ROUNDING) >> SHIFT;
        }
    }

    /** Copies {@code count} gray samples to the Y plane. */
    public static void grayToY(byte[] gray, int grayOffset, int count, int[] y, int outOffset) {
        for (int i = 0; i < count; i++) {
            y[outOffset + i] = gray[grayOffset + i] & 0xFF;
        }
    }
}
