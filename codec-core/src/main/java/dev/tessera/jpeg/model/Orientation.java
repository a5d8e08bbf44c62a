package dev.tessera.jpeg.model;

import java.util.Optional;

/**
 * The EXIF Orientation tag (TIFF 6.0 tag 274, 0x0112, in IFD0): where the stored image's first row and first
 * column belong when the picture is viewed upright, and the {@link Transform} that turns the stored image
 * upright.
 */
public enum Orientation {
    /** 1: row 0 is the top, column 0 the left; the image is upright as stored. */
    TOP_LEFT(1, Transform.NONE),
    /** 2: mirrored left to right. */
    TOP_RIGHT(2, Transform.FLIP_HORIZONTAL),
    /** 3: upside down. */
    BOTTOM_RIGHT(3, Transform.ROTATE_180),
    /** 4: mirrored top to bottom. */
    BOTTOM_LEFT(4, Transform.FLIP_VERTICAL),
    /** 5: mirrored across the main diagonal. */
    LEFT_TOP(5, Transform.TRANSPOSE),
    /** 6: turned 90 degrees counter-clockwise; a clockwise quarter turn makes it upright. */
    RIGHT_TOP(6, Transform.ROTATE_90),
    /** 7: mirrored across the anti-diagonal. */
    RIGHT_BOTTOM(7, Transform.TRANSVERSE),
    /** 8: turned 90 degrees clockwise; a counter-clockwise quarter turn makes it upright. */
    LEFT_BOTTOM(8, Transform.ROTATE_270);

    private final int tag;
    private final Transform toUpright;

    Orientation(int tag, Transform toUpright) {
        this.tag = tag;
        this.toUpright = toUpright;
    }

    /** The tag value, 1..8. */
    public int tag() {
        return tag;
    }

    /** The transform that turns the stored image upright (its own inverse except for 6 and 8). */
    public Transform toUpright() {
        return toUpright;
    }

    /** The orientation with tag value {@code value}, or empty for a value outside 1..8. */
    public static Optional<Orientation> ofTag(int value) {
        return value >= 1 && value <= 8 ? Optional.of(values()[value - 1]) : Optional.empty();
    }

    /**
     * The Orientation tag of an EXIF payload: a TIFF structure starting with "II" or "MM" (the APP1 payload
     * after "Exif\0\0", as {@link ImageMetadata#exif()} holds it). Empty when there is no such tag, its value is
     * outside 1..8, or the structure is damaged; never throws on garbage.
     */
    public static Optional<Orientation> fromExif(byte[] tiff) {
        return ofTag(ExifOrientationTag.read(tiff));
    }

    /**
     * A copy of an EXIF payload (TIFF structure) whose Orientation tag says {@code value}, changed in place (no
     * offset moves); the payload unchanged (copied) when it has no Orientation tag or cannot be parsed, and
     * {@code null} for {@code null}.
     */
    public static byte[] rewriteExif(byte[] tiff, Orientation value) {
        if (value == null) {
            throw new IllegalArgumentException("orientation must not be null");
        }
        return ExifOrientationTag.rewrite(tiff, value.tag);
    }
}
