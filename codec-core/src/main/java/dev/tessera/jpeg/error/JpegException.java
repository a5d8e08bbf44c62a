package dev.tessera.jpeg.error;

import dev.tessera.jpeg.spec.Marker;
import java.io.IOException;

/**
 * A JPEG stream could not be read. Carries the byte offset where the problem was found and, where known,
 * the marker segment being read. The message reads {@code "offset 1234 (DHT): code lengths over-subscribed"}.
 */
public class JpegException extends IOException {
    private final long offset;
    private final Marker marker;

    public JpegException(long offset, Marker marker, String problem) {
        super(format(offset, marker, problem));
        this.offset = offset;
        this.marker = marker;
    }

    /**
     * A problem that belongs to no byte of the stream (a request the image cannot satisfy): offset -1, no
     * marker, the message as given.
     */
    protected JpegException(String problem) {
        super(problem);
        this.offset = -1;
        this.marker = null;
    }

    private static String format(long offset, Marker marker, String problem) {
        return marker == null
            ? "offset " + offset + ": " + problem
            : "offset " + offset + " (" + marker.name() + "): " + problem;
    }

    /** Byte offset from the start of the stream, or -1 if unknown. */
    public long offset() {
        return offset;
    }

    /** The marker whose segment was being read, or {@code null}. */
    public Marker marker() {
        return marker;
    }
}
