package dev.tessera.jpeg.raster;

/**
 * What a {@link PixelSource}'s rows hold, and so which colour transform the encoder applies: the choice is
 * made once per image, when the pipeline is built.
 */
public enum SampleLayout {
    /** One byte a pixel, coded as a single Y component (T.871). */
    GRAY(1),
    /** R, G, B bytes, converted to YCbCr (T.871 clause 7) and written with a JFIF APP0 segment. */
    RGB(3),
    /**
     * C, M, Y, K bytes, coded as four components without colour conversion and marked with an Adobe APP14
     * segment whose transform flag is 0 (Adobe Technical Note 5116), as libjpeg does for JCS_CMYK.
     */
    CMYK(4);

    private final int channels;

    SampleLayout(int channels) {
        this.channels = channels;
    }

    /** Bytes per pixel in a row, and components in the frame. */
    public int channels() {
        return channels;
    }
}
