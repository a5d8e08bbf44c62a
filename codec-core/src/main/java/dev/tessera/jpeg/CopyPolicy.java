package dev.tessera.jpeg;

import static dev.tessera.jpeg.marker.ApplicationSegments.startsWith;

/**
 * Which APPn and COM segments a lossless operation copies from its input, as {@code jpegtran -copy} chooses
 * (libjpeg-turbo 2.1 {@code transupp.c}, checked against its {@code jpegtran}: {@code icc} keeps the ICC
 * profile only, not the comments). The JFIF APP0 and Adobe APP14 segments are always kept: they say how the
 * samples are coded (colour space, density), and jpegtran writes its own equivalents of them in every case.
 */
public enum CopyPolicy {
    /** No metadata. */
    NONE,
    /** Comments (COM) only. */
    COMMENTS,
    /** The ICC profile (APP2 "ICC_PROFILE" chunks) only. */
    ICC,
    /** The EXIF block (APP1 "Exif") only. */
    EXIF,
    /** Every APPn and COM segment, in file order. */
    ALL;

    /** Whether a segment with this marker code (0xE0..0xEF, 0xFE) and payload is copied under this policy. */
    public boolean keeps(int marker, byte[] payload) {
        if ((marker == 0xE0 && startsWith(payload, "JFIF\0")) || (marker == 0xEE && startsWith(payload, "Adobe"))) {
            return true;
        }
        return switch (this) {
            case NONE -> false;
            case COMMENTS -> marker == 0xFE;
            case ICC -> marker == 0xE2 && startsWith(payload, "ICC_PROFILE\0");
            case EXIF -> marker == 0xE1 && startsWith(payload, "Exif\0");
            case ALL -> true;
        };
    }
}
