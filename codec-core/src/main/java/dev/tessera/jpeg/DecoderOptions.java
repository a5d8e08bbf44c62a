package dev.tessera.jpeg;

/**
 * How {@link JpegDecoder} decodes. Immutable; derive variants with the {@code with} methods.
 *
 * @param limits    resource limits checked before allocating
 * @param strict    when true every {@link JpegWarning} becomes a {@link MalformedJpegException}
 * @param cmykToRgb when true CMYK and YCCK images are converted to RGB (a naive, profile-less conversion);
 *                  when false they are returned as 4-band CMYK rasters, as libjpeg returns them
 * @param scaleDenominator output scale 1/1, 1/2, 1/4 or 1/8: the denominator, 1, 2, 4 or 8 (T.81 has no
 *                  scaling; the results match libjpeg-turbo's {@code djpeg -scale 1/N})
 * @param listener  receives warnings; {@link WarningListener#IGNORE} by default
 * @param portableIdct when false (the default), the inverse DCT overflows as libjpeg-turbo's x86-64 SIMD code
 *                  does, which is what {@code djpeg} runs on x86-64; when true, as its portable C code does
 *                  ({@code JSIMD_FORCENONE=1}). The two differ only on corrupt data whose coefficients
 *                  overflow 16 bits.
 * @param threads   threads one decode may use, at least 1 (the default). Only a single-scan sequential file
 *                  with restart markers at iMCU-row boundaries is split, by restart interval; the output and
 *                  warnings are the same as with 1 thread (a damaged file is decoded on one thread). The
 *                  split holds whole-image sample planes (2 bytes a sample); when they would not fit in
 *                  {@link Limits#maxMemory()} the file is decoded on one thread.
 */
public record DecoderOptions(Limits limits, boolean strict, boolean cmykToRgb, int scaleDenominator,
                             WarningListener listener, boolean portableIdct, int threads) {
    /** Default limits, lenient like libjpeg, CMYK kept as CMYK, full size, warnings ignored, SIMD overflow. */
    public static final DecoderOptions DEFAULT = new DecoderOptions(Limits.DEFAULT, false, false, 1,
        WarningListener.IGNORE, false, 1);

    public DecoderOptions {
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        if (scaleDenominator != 1 && scaleDenominator != 2 && scaleDenominator != 4 && scaleDenominator != 8) {
            throw new IllegalArgumentException("scale must be 1/1, 1/2, 1/4 or 1/8, found 1/" + scaleDenominator);
        }
        if (listener == null) {
            listener = WarningListener.IGNORE;
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
    }

    /** Options with one decoder thread (the form before {@code threads} existed). */
    public DecoderOptions(Limits limits, boolean strict, boolean cmykToRgb, int scaleDenominator,
                          WarningListener listener, boolean portableIdct) {
        this(limits, strict, cmykToRgb, scaleDenominator, listener, portableIdct, 1);
    }

    public DecoderOptions withLimits(Limits value) {
        return new DecoderOptions(value, strict, cmykToRgb, scaleDenominator, listener, portableIdct, threads);
    }

    public DecoderOptions withStrict(boolean value) {
        return new DecoderOptions(limits, value, cmykToRgb, scaleDenominator, listener, portableIdct, threads);
    }

    public DecoderOptions withCmykToRgb(boolean value) {
        return new DecoderOptions(limits, strict, value, scaleDenominator, listener, portableIdct, threads);
    }

    /** @param denominator 1, 2, 4 or 8 for scale 1/1, 1/2, 1/4, 1/8 */
    public DecoderOptions withScale(int denominator) {
        return new DecoderOptions(limits, strict, cmykToRgb, denominator, listener, portableIdct, threads);
    }

    public DecoderOptions withListener(WarningListener value) {
        return new DecoderOptions(limits, strict, cmykToRgb, scaleDenominator, value, portableIdct, threads);
    }

    public DecoderOptions withPortableIdct(boolean value) {
        return new DecoderOptions(limits, strict, cmykToRgb, scaleDenominator, listener, value, threads);
    }

    /** @param value threads one decode may use (see {@link #threads()}) */
    public DecoderOptions withThreads(int value) {
        return new DecoderOptions(limits, strict, cmykToRgb, scaleDenominator, listener, portableIdct, value);
    }
}
