package dev.tessera.jpeg.model;

/**
 * The Adobe APP14 segment (Adobe Technical Note 5116): its version, flags and colour transform.
 *
 * @param version   DCTEncodeVersion
 * @param flags0    APP14Flags0
 * @param flags1    APP14Flags1
 * @param transform 0: no transform (RGB or CMYK), 1: YCbCr, 2: YCCK; other values are invalid
 */
public record AdobeApp14(int version, int flags0, int flags1, int transform) {
}
