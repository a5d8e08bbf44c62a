package dev.tessera.jpeg.model;

/**
 * The JFIF APP0 segment's fields (T.871 clause 10.1), without the optional thumbnail.
 *
 * @param majorVersion 1
 * @param minorVersion 0..2 (we write 1.01)
 * @param units        density units
 * @param xDensity     horizontal density, 1..65535
 * @param yDensity     vertical density, 1..65535
 */
public record JfifHeader(int majorVersion, int minorVersion, DensityUnit units, int xDensity, int yDensity) {
    /** JFIF 1.01, aspect ratio 1:1: what cjpeg writes by default. */
    public static final JfifHeader DEFAULT = new JfifHeader(1, 1, DensityUnit.ASPECT_RATIO, 1, 1);

    public JfifHeader {
        if (units == null) {
            throw new IllegalArgumentException("density units must not be null");
        }
        if (majorVersion < 0 || majorVersion > 255 || minorVersion < 0 || minorVersion > 255) {
            throw new IllegalArgumentException("JFIF version bytes must be 0..255");
        }
        if (xDensity < 0 || xDensity > 65535 || yDensity < 0 || yDensity > 65535) {
            throw new IllegalArgumentException("JFIF density must be 0..65535");
        }
    }

    /** A JFIF 1.01 header with the given density in dots per inch. */
    public static JfifHeader dotsPerInch(int x, int y) {
        return new JfifHeader(1, 1, DensityUnit.DOTS_PER_INCH, x, y);
    }
}
