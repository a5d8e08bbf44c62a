package dev.tessera.jpeg.color;

import dev.tessera.jpeg.simd.VectorSupport;

/**
 * Converts one row of upsampled component samples to output pixels, as libjpeg-turbo's {@code jdcolor.c}
 * does: YCbCr to RGB with its fixed-point tables (T.871 clause 7 inverse), YCCK to CMYK, and the copies for
 * greyscale, RGB and CMYK. Output bytes are interleaved in the order of the Java raster: B, G, R for
 * {@code TYPE_3BYTE_BGR}, one byte for grey, C, M, Y, K for CMYK. Chosen once per image.
 */
public abstract class ColorDeconverter {
    static final int SCALEBITS = 16;
    static final int ONE_HALF = 1 << (SCALEBITS - 1);
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

    static final int CR_R_FIX = fix(1.40200);
    static final int CB_B_FIX = fix(1.77200);
    static final int CR_G_FIX = fix(0.71414);
    static final int CB_G_FIX = fix(0.34414);

    /** 0..255 as libjpeg's range limit gives it for the sums of colour conversion (-384..639). */
    static int clampByte(int v) {
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

    /** Whether this is {@link #yccToBgr()} (which {@link FancyH2V2YccToBgr} can stand in for). */
    boolean isYccToBgr() {
        return false;
    }

    private static final int[] ROW_STARTS = new int[4];

    /**
     * @param rows  one upsampled row per component, in frame order, each from index 0
     * @param width pixels to convert
     * @param out   destination, {@code channels()} bytes per pixel from {@code offset}
     */
    public final void convert(short[][] rows, int width, byte[] out, int offset) {
        convert(rows, ROW_STARTS, width, out, offset);
    }

    /**
     * As {@link #convert(short[][], int, byte[], int)}, with component {@code c}'s row starting at
     * {@code rows[c][starts[c]]}: a component at full size is read straight from its sample plane.
     */
    public abstract void convert(short[][] rows, int[] starts, int width, byte[] out, int offset);

    /**
     * YCbCr (JFIF) to B, G, R: {@link VectorYccToBgr} when {@link VectorSupport#enabled()} and its background
     * warm-up is done ({@code simd.VectorWarmup}), else the scalar converter; the same bytes either way.
     */
    public static ColorDeconverter yccToBgr() {
        return yccToBgr(VectorSupport.enabled() && VectorYccToBgr.WARMUP.ready());
    }

    /**
     * The vector or the scalar YCbCr converter, for tests and benchmarks; {@code vector} needs
     * {@code jdk.incubator.vector} in the JVM (else NoClassDefFoundError).
     */
    public static ColorDeconverter yccToBgr(boolean vector) {
        // The vector class is only loaded and linked here, so only when jdk.incubator.vector is present.
        if (vector) {
            return new VectorYccToBgr();
        }
        return new ColorDeconverter() {
            @Override
            public int channels() {
                return 3;
            }

            @Override
            boolean isYccToBgr() {
                return true;
            }

            @Override
            public void convert(short[][] rows, int[] starts, int width, byte[] out, int offset) {
                short[] yr = rows[0];
                short[] cbr = rows[1];
                short[] crr = rows[2];
                int ys = starts[0];
                int cbs = starts[1];
                int crs = starts[2];
                // The table entries computed in line (the same integer expressions, so the same values),
                // and the range limit as a clamp: no look-ups, so no bounds checks on sample values.
                for (int x = 0, o = offset; x < width; x++, o += 3) {
                    int y = yr[ys + x];
                    int cb = cbr[cbs + x] - 128;
                    int cr = crr[crs + x] - 128;
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
            public void convert(short[][] rows, int[] starts, int width, byte[] out, int offset) {
                short[] r = rows[0];
                short[] g = rows[1];
                short[] b = rows[2];
                int rs = starts[0];
                int gs = starts[1];
                int bs = starts[2];
                for (int x = 0, o = offset; x < width; x++, o += 3) {
                    out[o] = (byte) b[bs + x];
                    out[o + 1] = (byte) g[gs + x];
                    out[o + 2] = (byte) r[rs + x];
                }
            }
        };
    }

    /**
     * One component to grey: {@link VectorGray} when {@link VectorSupport#enabled()} and its background warm-up is
     * done, else the scalar converter; the same bytes either way.
     */
    public static ColorDeconverter gray() {
        return gray(VectorSupport.enabled() && VectorGray.WARMUP.ready());
    }

    /**
     * The vector or the scalar grey converter, for tests and benchmarks; {@code vector} needs
     * {@code jdk.incubator.vector} in the JVM (else NoClassDefFoundError).
     */
    public static ColorDeconverter gray(boolean vector) {
        // The vector class is only loaded and linked here, so only when jdk.incubator.vector is present.
        if (vector) {
            return new VectorGray();
        }
        return new ColorDeconverter() {
            @Override
            public int channels() {
                return 1;
            }

            @Override
            public void convert(short[][] rows, int[] starts, int width, byte[] out, int offset) {
                short[] g = rows[0];
                int s = starts[0];
                for (int x = 0; x < width; x++) {
                    out[offset + x] = (byte) g[s + x];
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
            public void convert(short[][] rows, int[] starts, int width, byte[] out, int offset) {
                for (int x = 0, o = offset; x < width; x++, o += 4) {
                    cmyk(rows, starts, x, ycck, out, o);
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
            @Override
            public int channels() {
                return 3;
            }

            @Override
            public void convert(short[][] rows, int[] starts, int width, byte[] out, int offset) {
                // No scratch array in the instance: threads converting different rows share one converter.
                byte[] px = new byte[4];
                for (int x = 0, o = offset; x < width; x++, o += 3) {
                    cmyk(rows, starts, x, ycck, px, 0);
                    int k = px[3] & 0xFF;
                    out[o] = (byte) (((px[2] & 0xFF) * k + 127) / 255);
                    out[o + 1] = (byte) (((px[1] & 0xFF) * k + 127) / 255);
                    out[o + 2] = (byte) (((px[0] & 0xFF) * k + 127) / 255);
                }
            }
        };
    }

    private static void cmyk(short[][] rows, int[] starts, int x, boolean ycck, byte[] out, int o) {
        if (ycck) {
            int y = rows[0][starts[0] + x];
            int cb = rows[1][starts[1] + x];
            int cr = rows[2][starts[2] + x];
            out[o] = (byte) clamp(255 - (y + CR_R[cr]));
            out[o + 1] = (byte) clamp(255 - (y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS)));
            out[o + 2] = (byte) clamp(255 - (y + CB_B[cb]));
        } else {
            out[o] = (byte) rows[0][starts[0] + x];
            out[o + 1] = (byte) rows[1][starts[1] + x];
            out[o + 2] = (byte) rows[2][starts[2] + x];
        }
        out[o + 3] = (byte) rows[3][starts[3] + x];
    }
}
