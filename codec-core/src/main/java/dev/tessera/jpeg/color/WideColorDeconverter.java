package dev.tessera.jpeg.color;

/**
 * Converts one row of upsampled component samples of more than 8 bits to 16-bit output samples, as
 * libjpeg-turbo 3's {@code jdcolor.c} does when compiled for 12- or 16-bit samples: YCbCr to RGB with the
 * same fixed-point tables as for 8 bits (T.871 clause 7 inverse) built for MAXJSAMPLE = 2^P - 1 and
 * CENTERJSAMPLE = 2^(P-1), and copies for grey and RGB. Output samples are interleaved R, G, B (or one grey
 * sample) and keep the P-bit range. Input samples are read as unsigned 16-bit values.
 */
public abstract class WideColorDeconverter {
    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);

    /** Samples per output pixel. */
    public abstract int channels();

    /**
     * @param rows  one upsampled row per component, in frame order
     * @param width pixels to convert
     * @param out   destination, {@code channels()} samples per pixel from {@code offset}
     */
    public abstract void convert(short[][] rows, int width, short[] out, int offset);

    /** Grey: the samples as they are. */
    public static WideColorDeconverter gray() {
        return new WideColorDeconverter() {
            @Override
            public int channels() {
                return 1;
            }

            @Override
            public void convert(short[][] rows, int width, short[] out, int offset) {
                System.arraycopy(rows[0], 0, out, offset, width);
            }
        };
    }

    /** RGB without colour transform: R, G, B interleaved. */
    public static WideColorDeconverter rgb() {
        return new WideColorDeconverter() {
            @Override
            public int channels() {
                return 3;
            }

            @Override
            public void convert(short[][] rows, int width, short[] out, int offset) {
                short[] r = rows[0];
                short[] g = rows[1];
                short[] b = rows[2];
                for (int x = 0, o = offset; x < width; x++, o += 3) {
                    out[o] = r[x];
                    out[o + 1] = g[x];
                    out[o + 2] = b[x];
                }
            }
        };
    }

    /** CMYK (Adobe transform 0, or four components without markers): C, M, Y, K interleaved as stored. */
    public static WideColorDeconverter cmyk() {
        return new WideColorDeconverter() {
            @Override
            public int channels() {
                return 4;
            }

            @Override
            public void convert(short[][] rows, int width, short[] out, int offset) {
                for (int x = 0, o = offset; x < width; x++, o += 4) {
                    out[o] = rows[0][x];
                    out[o + 1] = rows[1][x];
                    out[o + 2] = rows[2][x];
                    out[o + 3] = rows[3][x];
                }
            }
        };
    }

    /**
     * YCCK (Adobe transform 2) to CMYK for {@code precision}-bit samples (12 or 16): C, M, Y are the
     * complements of the R, G, B that {@link #yccToRgb} makes of Y, Cb, Cr; K is copied, as libjpeg's
     * {@code ycck_cmyk_convert} does.
     */
    public static WideColorDeconverter ycckToCmyk(int precision) {
        WideColorDeconverter rgb = yccToRgb(precision);
        int max = (1 << precision) - 1;
        return new WideColorDeconverter() {
            private short[] pixel = new short[3];

            @Override
            public int channels() {
                return 4;
            }

            @Override
            public void convert(short[][] rows, int width, short[] out, int offset) {
                if (pixel.length < 3 * width) {
                    pixel = new short[3 * width];
                }
                rgb.convert(rows, width, pixel, 0);
                short[] k = rows[3];
                for (int x = 0, o = offset; x < width; x++, o += 4) {
                    out[o] = (short) (max - (pixel[3 * x] & 0xFFFF));
                    out[o + 1] = (short) (max - (pixel[3 * x + 1] & 0xFFFF));
                    out[o + 2] = (short) (max - (pixel[3 * x + 2] & 0xFFFF));
                    out[o + 3] = k[x];
                }
            }
        };
    }

    private static long fix(double x) {
        return (long) (x * (1 << SCALEBITS) + 0.5);
    }

    /**
     * YCbCr to R, G, B for {@code precision}-bit samples (12 or 16, the precisions libjpeg-turbo builds
     * tables for): R = Y + 1.402 (Cr - C), G = Y - 0.34414 (Cb - C) - 0.71414 (Cr - C),
     * B = Y + 1.772 (Cb - C) in libjpeg's Q16 arithmetic, clamped to 0 .. 2^P - 1.
     */
    public static WideColorDeconverter yccToRgb(int precision) {
        int size = 1 << precision;
        int max = size - 1;
        int center = size >> 1;
        int[] crR = new int[size];
        int[] cbB = new int[size];
        long[] crG = new long[size];
        long[] cbG = new long[size];
        for (int i = 0; i < size; i++) {
            long x = i - center;
            crR[i] = (int) ((fix(1.40200) * x + ONE_HALF) >> SCALEBITS);
            cbB[i] = (int) ((fix(1.77200) * x + ONE_HALF) >> SCALEBITS);
            crG[i] = -fix(0.71414) * x;
            cbG[i] = -fix(0.34414) * x + ONE_HALF;
        }
        return new WideColorDeconverter() {
            @Override
            public int channels() {
                return 3;
            }

            private int clamp(int v) {
                return v < 0 ? 0 : (v > max ? max : v);
            }

            @Override
            public void convert(short[][] rows, int width, short[] out, int offset) {
                short[] yr = rows[0];
                short[] cbr = rows[1];
                short[] crr = rows[2];
                for (int x = 0, o = offset; x < width; x++, o += 3) {
                    int y = yr[x] & 0xFFFF;
                    int cb = cbr[x] & max;
                    int cr = crr[x] & max;
                    out[o] = (short) clamp(y + crR[cr]);
                    out[o + 1] = (short) clamp(y + (int) ((cbG[cb] + crG[cr]) >> SCALEBITS));
                    out[o + 2] = (short) clamp(y + cbB[cb]);
                }
            }
        };
    }
}
