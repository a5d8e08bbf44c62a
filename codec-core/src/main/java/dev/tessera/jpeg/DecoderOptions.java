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
 */
public record DecoderOptions(Limits limits, boolean strict, boolean cmykToRgb, int scaleDenominator,
                             WarningListener listener, boolean portableIdct) {
    /** Default limits, lenient like libjpeg, CMYK kept as CMYK, full size, warnings ignored, SIMD overflow. */
    public static final DecoderOptions DEFAULT = new DecoderOptions(Limits.DEFAULT, false, false, 1,
        WarningListener.IGNORE, false);

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
    }

    public DecoderOptions withLimits(Limits value) {
        return new DecoderOptions(value, strict, cmykToRgb, scaleDenominator, listener, portableIdct);
    }

    public DecoderOptions withStrict(boolean value) {
        return new DecoderOptions(limits, value, cmykToRgb, scaleDenominator, listener, portableIdct);
    }

    public DecoderOptions withCmykToRgb(boolean value) {
        return new DecoderOptions(limits, strict, value, scaleDenominator, listener, portableIdct);
    }

    /** @param denominator 1, 2, 4 or 8 for scale 1/1, 1/2, 1/4, 1/8 */
    public DecoderOptions withScale(int denominator) {
        return new DecoderOptions(limits, strict, cmykToRgb, denominator, listener, portableIdct);
    }

    public DecoderOptions withListener(WarningListener value) {
        return new DecoderOptions(limits, strict, cmykToRgb, scaleDenominator, value, portableIdct);
    }

    public DecoderOptions withPortableIdct(boolean value) {
        return new DecoderOptions(limits, strict, cmykToRgb, scaleDenominator, listener, value);
    }
}
