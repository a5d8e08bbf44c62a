package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.Limits;
import javax.imageio.plugins.jpeg.JPEGImageReadParam;

/**
 * The default read parameters of Tessera's JPEG reader: a {@link JPEGImageReadParam}, so code written for the
 * JDK's reader works unchanged, plus the decoder's resource {@link Limits} (docs/security.md).
 *
 * <pre>{@code
 * ImageReadParam param = reader.getDefaultReadParam();
 * if (param instanceof TesseraJpegReadParam tessera) {
 *     tessera.setLimits(Limits.DEFAULT.withMaxPixels(40_000_000).withMaxMemory(256L << 20));
 * }
 * BufferedImage image = reader.read(0, param);
 * }</pre>
 *
 * A file over a limit fails with an {@code IIOException} whose cause is the {@code JpegLimitException}, before
 * the reader allocates the destination image. Reads without such a param use {@link Limits#DEFAULT}.
 */
public class TesseraJpegReadParam extends JPEGImageReadParam {
    private Limits limits = Limits.DEFAULT;
    private boolean autoOrient;

    /** Parameters with the JDK's defaults and {@link Limits#DEFAULT}. */
    public TesseraJpegReadParam() {
    }

    /** The limits a read with this param enforces; {@link Limits#DEFAULT} unless set. */
    public Limits getLimits() {
        return limits;
    }

    /** Sets the limits; {@code null} is refused. */
    public void setLimits(Limits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        this.limits = limits;
    }

    /** Whether reads turn the image upright as its EXIF Orientation tag says; false unless set. */
    public boolean isAutoOrient() {
        return autoOrient;
    }

    /**
     * Turns the image a read returns upright as its EXIF Orientation tag (2 to 8) says, as
     * {@code DecoderOptions.withAutoOrient} does. The source region, subsampling and bands select from the image
     * as stored (as {@code getWidth} and {@code getHeight} report it); the selected pixels are then mirrored or
     * rotated, so orientations 5 to 8 return an image of swapped width and height. A read with a destination image
     * set in the param refuses this, since the destination cannot change shape.
     */
    public void setAutoOrient(boolean autoOrient) {
        this.autoOrient = autoOrient;
    }
}
