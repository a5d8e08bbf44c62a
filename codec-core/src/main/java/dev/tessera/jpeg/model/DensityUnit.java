package dev.tessera.jpeg.model;

/** JFIF density units (T.871 clause 10.1, field "units"). */
public enum DensityUnit {
    /** No units: the densities give only the pixel aspect ratio. */
    ASPECT_RATIO,
    DOTS_PER_INCH,
    DOTS_PER_CM;

    /** The value of the "units" byte. */
    public int code() {
        return ordinal();
    }

    public static DensityUnit of(int code) {
        return code >= 0 && code < 3 ? values()[code] : null;
    }
}
