package dev.tessera.jpeg.model;

import dev.tessera.jpeg.JpegEncoder;

/** Layouts of raw interleaved 8-bit pixel arrays accepted by {@link JpegEncoder}. */
public enum PixelFormat {
    /** One byte a pixel, encoded as a one-component (gray) JPEG. */
    GRAY8(1),
    /** Three bytes a pixel, R then G then B (sRGB), encoded as YCbCr. */
    RGB8(3);

    private final int bytesPerPixel;

    PixelFormat(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }
}
