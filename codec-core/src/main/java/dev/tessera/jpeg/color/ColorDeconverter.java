package dev.tessera.jpeg.color;

/**
 * Converts one row of upsampled component samples to output pixels, as libjpeg-turbo's {@code jdcolor.c}
 * does: YCbCr to RGB with its fixed-point tables (T.871 clause 7 inverse), YCCK to CMYK, and the copies for
 * greyscale, RGB and CMYK. Output bytes are interleaved in the order of the Java raster: B, G, R for
 * {@code TYPE_3BYTE_BGR}, one byte for grey, C, M, Y, K for CMYK. Chosen once per image.
 */
public abstract class ColorDeconverter {
    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);
    /** Cr to R, Cb to B: round(1.402 (Cr - 128)), round(1.772 (Cb - 128)). */
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    /** Cr to G and Cb to G, Q16, summed then shifted: -0.71414 (Cr - 128) - 0.34414 (Cb - 128). */
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALEBITS;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALEBITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private static final int CR_R_FIX = fix(1.40200);
    private static final int CB_B_FIX = fix(1.77200);
    private static final int CR_G_FIX = fix(0.71414);
    private static final int CB_G_FIX = fix(0.34414);

    /** 0..255 as libjpeg's range limit gives it for the sums of colour conversion (-384..639). */
    private static int clampByte(int v) {
        return (v & ~0xFF) == 0 ? v : (~v >> 31) & 0xFF;
    }

    private static int fix(double x) {
        return (int) (x * (1 << SCALEBITS) + 0.5);
    }

    /** Clamps to 0..255 by table look-up, as libjpeg's range_limit does; valid for -384..639. */
    private static final byte[] LIMIT = new byte[1024];

    static {
        for (int i = 0; i < LIMIT.length; i++) {
            LIMIT[i] = (byte) clamp(i - 384);
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    /** Bytes per output pixel. */
    public abstract int channels();

    /**
     * @param rows  one upsampled row per component, in frame order
     * @param width pixels to convert
     * @param out   destination, {@code channels()} bytes per pixel from {@code offset}
     */
    public abstract void convert(short[][] rows, int width, byte[] out, int offset);

    /** YCbCr (JFIF) to B, G, R. */
    public static ColorDeconverter yccToBgr() {
        return new ColorDeconverter() {
            @Override
            public int channels() {
                return 3;
            }

            @Override
            public void convert(short[][] rows, int width, byte[] out, int offset) {
                short[] yr = rows[0];
                short[] cbr = rows[1];
                short[] crr = rows[2];
                // The table entries computed in line (the same integer expressions, so the same values),
                // and the range limit as a clamp: no look-ups, so no bounds checks on sample values.
                for (int x = 0, o = offset; x < width; x++, o += 3) {
                    int y = yr[x];
                    int cb = cbr[x] - 128;
                    int cr = crr[x] - 128;
                    out[o] = (byte) clampByte(y + ((CB_B_FIX * cb + ONE_HALF) >> SCALEBITS));
                    out[o + 1] = (byte) clampByte(y + ((-CB_G_FIX * cb + ONE_HALF - CR_G_FIX * cr) >> SCALEBITS));
                    out[o + 2] = (byte) clampByte(y + ((CR_R_FIX * cr + ONE_HALF) >> SCALEBITS));
                }
            }
        };
    }

    /** RGB (no colour transform) to B, G, R. */
    public static ColorDeconverter rgbToBgr() {
        return new ColorDeconverter() {
            @Override
            public int channels() {
                return 3;
            }

            @Override
            public void convert(short[][] rows, int width, byte[] out, int offset) {
                for (int x = 0, o = offset; x < width; x++, o += 3) {
                    out[o] = (byte) rows[2][x];
                    out[o + 1] = (byte) rows[1][x];
                    out[o + 2] = (byte) rows[0][x];
                }
            }
        };
    }

    /** One component to grey. */
    public static ColorDeconverter gray() {
        return new ColorDeconverter() {
            @Override
            public int channels() {
                return 1;
            }

            @Override
            public void convert(short[][] rows, int width, byte[] out, int offset) {
                short[] g = rows[0];
                for (int x = 0; x < width; x++) {
                    out[offset + x] = (byte) g[x];
                }
            }
        };
    }

    /** CMYK kept as C, M, Y, K; or YCCK converted to CMYK (libjpeg's ycck_cmyk_convert) when {@code ycck}. */
    public static ColorDeconverter toCmyk(boolean ycck) {
        return new ColorDeconverter() {
            @Override
            public int channels() {
                return 4;
            }

            @Override
            public void convert(short[][] rows, int width, byte[] out, int offset) {
                for (int x = 0, o = offset; x < width; x++, o += 4) {
                    cmyk(rows, x, ycck, out, o);
                }
            }
        };
    }

    /**
     * CMYK or YCCK to B, G, R by the naive formula R = C * K / 255 (for the inverted CMYK Adobe writes);
     * no ICC colour management.
     */
    public static ColorDeconverter cmykToBgr(boolean ycck) {
        return new ColorDeconverter() {
            private final byte[] px = new byte[4];

            @Override
            public int channels() {
                return 3;
            }

            @Override
            public void convert(short[][] rows, int width, byte[] out, int offset) {
                for (int x = 0, o = offset; x < width; x++, o += 3) {
                    cmyk(rows, x, ycck, px, 0);
                    int k = px[3] & 0xFF;
                    out[o] = (byte) (((px[2] & 0xFF) * k + 127) / 255);
                    out[o + 1] = (byte) (((px[1] & 0xFF) * k + 127) / 255);
                    out[o + 2] = (byte) (((px[0] & 0xFF) * k + 127) / 255);
                }
            }
        };
    }

    private static void cmyk(short[][] rows, int x, boolean ycck, byte[] out, int o) {
        if (ycck) {
            int y = rows[0][x];
            int cb = rows[1][x];
            int cr = rows[2][x];
            out[o] = (byte) clamp(255 - (y + CR_R[cr]));
            out[o + 1] = (byte) clamp(255 - (y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS)));
            out[o + 2] = (byte) clamp(255 - (y + CB_B[cb]));
        } else {
            out[o] = (byte) rows[0][x];
            out[o + 1] = (byte) rows[1][x];
            out[o + 2] = (byte) rows[2][x];
        }
        out[o + 3] = (byte) rows[3][x];
    }
}
