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
 */
public record DecoderOptions(Limits limits, boolean strict, boolean cmykToRgb, int scaleDenominator,
                             WarningListener listener) {
    /** Default limits, lenient like libjpeg, CMYK kept as CMYK, full size, warnings ignored. */
    public static final DecoderOptions DEFAULT = new DecoderOptions(Limits.DEFAULT, false, false, 1,
        WarningListener.IGNORE);

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
        return new DecoderOptions(value, strict, cmykToRgb, scaleDenominator, listener);
    }

    public DecoderOptions withStrict(boolean value) {
        return new DecoderOptions(limits, value, cmykToRgb, scaleDenominator, listener);
    }

    public DecoderOptions withCmykToRgb(boolean value) {
        return new DecoderOptions(limits, strict, value, scaleDenominator, listener);
    }

    /** @param denominator 1, 2, 4 or 8 for scale 1/1, 1/2, 1/4, 1/8 */
    public DecoderOptions withScale(int denominator) {
        return new DecoderOptions(limits, strict, cmykToRgb, denominator, listener);
    }

    public DecoderOptions withListener(WarningListener value) {
        return new DecoderOptions(limits, strict, cmykToRgb, scaleDenominator, value);
    }
}
