package dev.tessera.jpeg.error;

import dev.tessera.jpeg.spec.Marker;

/** The stream breaks the rules of T.81 or JFIF in a way the decoder cannot recover from. */
public class MalformedJpegException extends JpegException {
    public MalformedJpegException(long offset, Marker marker, String problem) {
        super(offset, marker, problem);
    }
}
