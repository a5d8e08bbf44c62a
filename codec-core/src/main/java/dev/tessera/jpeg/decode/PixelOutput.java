package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.color.ColorDeconverter;
import dev.tessera.jpeg.color.WideColorDeconverter;

/**
 * What a frame decoder makes of its samples, decided once before decoding: an 8-bit image through a
 * {@link ColorDeconverter}, a 16-bit image (samples of more than 8 bits) through a
 * {@link WideColorDeconverter}, or no image, only the whole component sample planes.
 */
final class PixelOutput {
    final ColorDeconverter narrow;
    final WideColorDeconverter wide;
    /** No samples at all: the decoder keeps the quantized coefficients of whole planes and stops there. */
    final boolean coefficientsOnly;
    /**
     * The image is made from the first component alone (gray from YCbCr): the others are entropy-decoded but
     * neither transformed nor upsampled, as libjpeg skips components that are not {@code component_needed}.
     */
    final boolean firstComponentOnly;

    private PixelOutput(ColorDeconverter narrow, WideColorDeconverter wide) {
        this(narrow, wide, false, false);
    }

    private PixelOutput(ColorDeconverter narrow, WideColorDeconverter wide, boolean coefficientsOnly,
                        boolean firstComponentOnly) {
        this.narrow = narrow;
        this.wide = wide;
        this.coefficientsOnly = coefficientsOnly;
        this.firstComponentOnly = firstComponentOnly;
    }

    /** Neither image nor samples: only the quantized coefficients, for the lossless operations. */
    static PixelOutput coefficients() {
        return new PixelOutput(null, null, true, false);
    }

    /** A one-band image of the first component's samples (jdcolor.c grayscale_convert from YCbCr). */
    static PixelOutput firstComponent(ColorDeconverter gray) {
        return new PixelOutput(gray, null, false, true);
    }

    /** The same for samples of more than 8 bits. */
    static PixelOutput firstComponent(WideColorDeconverter gray) {
        return new PixelOutput(null, gray, false, true);
    }

    /** Whether the output reads component {@code index}'s samples (whether to transform and upsample it). */
    boolean needs(int index) {
        return index == 0 || !firstComponentOnly;
    }

    /** An 8-bit image. */
    static PixelOutput of(ColorDeconverter converter) {
        return new PixelOutput(converter, null);
    }

    /** A 16-bit image holding samples of more than 8 bits. */
    static PixelOutput of(WideColorDeconverter converter) {
        return new PixelOutput(null, converter);
    }

    /** No image: the decoders keep every sample row of every component. */
    static PixelOutput samplesOnly() {
        return new PixelOutput(null, null);
    }

    boolean image() {
        return narrow != null || wide != null;
    }

    int channels() {
        return narrow != null ? narrow.channels() : wide != null ? wide.channels() : 0;
    }

    /** Bytes per output pixel, for the memory check. */
    int bytesPerPixel() {
        return narrow != null ? narrow.channels() : 2 * channels();
    }

    /** Sample rows a component's plane must hold: a sliding window for an image, everything otherwise. */
    int rowsHeld(DecodeLayout.Component c) {
        return coefficientsOnly ? 0 : image() ? ImageAssembler.rowsHeld(c) : c.planeHeight();
    }
}
