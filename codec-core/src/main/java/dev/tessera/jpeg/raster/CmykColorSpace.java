package dev.tessera.jpeg.raster;

import java.awt.color.ColorSpace;

/**
 * A device CMYK colour space for 4-band rasters, so that CMYK images can be held in a
 * {@link java.awt.image.BufferedImage}. Its conversions are the naive ones (no ICC profile): R = (1 - C)(1 - K).
 * Samples are stored as the JPEG holds them; for Adobe files that is inverted CMYK (0 = full ink).
 */
public final class CmykColorSpace extends ColorSpace {
    private static final long serialVersionUID = 1L;
    public static final CmykColorSpace INSTANCE = new CmykColorSpace();
    private static final ColorSpace SRGB = ColorSpace.getInstance(ColorSpace.CS_sRGB);

    private CmykColorSpace() {
        super(ColorSpace.TYPE_CMYK, 4);
    }

    @Override
    public float[] toRGB(float[] v) {
        return new float[] {(1 - v[0]) * (1 - v[3]), (1 - v[1]) * (1 - v[3]), (1 - v[2]) * (1 - v[3])};
    }

    @Override
    public float[] fromRGB(float[] rgb) {
        float k = 1 - Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        if (k >= 1) {
            return new float[] {0, 0, 0, 1};
        }
        return new float[] {(1 - rgb[0] - k) / (1 - k), (1 - rgb[1] - k) / (1 - k), (1 - rgb[2] - k) / (1 - k), k};
    }

    @Override
    public float[] toCIEXYZ(float[] v) {
        return SRGB.toCIEXYZ(toRGB(v));
    }

    @Override
    public float[] fromCIEXYZ(float[] xyz) {
        return fromRGB(SRGB.fromCIEXYZ(xyz));
    }
}
