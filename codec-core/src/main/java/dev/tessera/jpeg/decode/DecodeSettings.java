package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.error.WarningListener;

/**
 * The plain values the decode driver works from, resolved by the facade from its public options
 * ({@code dev.tessera.jpeg.DecoderOptions} and {@code Limits}, which document each one and check its range).
 *
 * @param maxPixels        largest width x height accepted
 * @param maxScans         most SOS markers in one image
 * @param maxMarkerMemory  most bytes of APPn/COM payload kept
 * @param maxComponents    most frame components {@code decode} accepts
 * @param maxMemory        most bytes of decoding buffers one decode may allocate
 * @param strict           every warning becomes a {@code MalformedJpegException}
 * @param cmykToRgb        CMYK and YCCK images are converted to RGB
 * @param scaleDenominator output scale 1/N, N in 1, 2, 4, 8
 * @param listener         receives warnings, never {@code null}
 * @param portableIdct     the IDCT overflows as libjpeg-turbo's portable C code does, not its x86-64 SIMD code
 * @param threads          threads one decode may use
 * @param grayscale        the output is the luma (Y) of YCbCr files, one band, as {@code djpeg -grayscale}
 */
public record DecodeSettings(long maxPixels, int maxScans, long maxMarkerMemory, int maxComponents, long maxMemory,
                             boolean strict, boolean cmykToRgb, int scaleDenominator, WarningListener listener,
                             boolean portableIdct, int threads, boolean grayscale) {
}
