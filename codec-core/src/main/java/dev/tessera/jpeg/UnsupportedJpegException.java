package dev.tessera.jpeg;

import dev.tessera.jpeg.spec.Marker;

/** The stream is valid but uses a feature Tessera does not implement. */
public class UnsupportedJpegException extends JpegException {
    /** The features a valid stream may use that are not implemented. */
    public enum Feature {
        HIERARCHICAL,
        ARITHMETIC_CODING,
        LOSSLESS,
        PRECISION,
        COMPONENT_COUNT,
        OTHER
    }

    private final Feature feature;

    public UnsupportedJpegException(long offset, Marker marker, Feature feature, String problem) {
        super(offset, marker, problem);
        this.feature = feature;
    }

    public Feature feature() {
        return feature;
    }
}
