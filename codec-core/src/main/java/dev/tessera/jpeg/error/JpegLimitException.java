package dev.tessera.jpeg.error;

import dev.tessera.jpeg.spec.Marker;

/** Decoding would exceed a configured limit (pixels, scans, marker memory), checked before allocating. */
public class JpegLimitException extends JpegException {
    public JpegLimitException(long offset, Marker marker, String problem) {
        super(offset, marker, problem);
    }
}
