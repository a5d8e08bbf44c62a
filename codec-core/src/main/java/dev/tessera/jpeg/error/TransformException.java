package dev.tessera.jpeg.error;

/**
 * A lossless transform (rotation, flip, crop, grayscale) that the image cannot undergo as asked, found before
 * anything is written. The message names the reason, without an offset: {@code "transform is not perfect:
 * width 227 is not a multiple of the 16-pixel iMCU"}.
 */
public class TransformException extends JpegException {
    /** Why the transform was refused. */
    public enum Reason {
        /** {@code perfect} was asked and partial iMCUs at an edge would stay where they are (jpegtran -perfect). */
        IMPERFECT,
        /** The crop region is empty or reaches outside the (transformed) image. */
        CROP_OUTSIDE,
        /** Grayscale needs a YCbCr (or gray) image whose luma has the largest sampling factors. */
        GRAYSCALE_UNSUPPORTED,
        /** The image's coding process or precision has no coefficient-level transform (lossless, 12-bit). */
        UNSUPPORTED_PROCESS
    }

    private final Reason reason;

    public TransformException(Reason reason, String problem) {
        super(problem);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
