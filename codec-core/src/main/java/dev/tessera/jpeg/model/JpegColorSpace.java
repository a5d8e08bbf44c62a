package dev.tessera.jpeg.model;

/**
 * The colour space of the components in a JPEG stream, decided as libjpeg's {@code jdapimin.c}
 * default_decompress_parms decides it: one component is grey; three are YCbCr when a JFIF APP0 is present,
 * else what an Adobe APP14 transform says (0: RGB, 1: YCbCr), else RGB only when the component identifiers
 * are 'R', 'G', 'B', else YCbCr; four are CMYK or, with Adobe transform 2, YCCK; anything else is unknown.
 */
public enum JpegColorSpace {
    GRAYSCALE,
    YCBCR,
    RGB,
    CMYK,
    YCCK,
    UNKNOWN
}
