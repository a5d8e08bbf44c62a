package dev.tessera.jpeg.error;

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
        /** A frame with Y = 0 whose height a DNL segment gives later (T.81 B.2.5); libjpeg rejects it too. */
        NUMBER_OF_LINES,
        /** A sampling-factor combination libjpeg cannot upsample (non-integral ratios), or an MCU over 10 blocks. */
        SAMPLING,
        /** A colour space with no conversion to an output image (2 components, or more than 4). */
        COLOR_SPACE,
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
