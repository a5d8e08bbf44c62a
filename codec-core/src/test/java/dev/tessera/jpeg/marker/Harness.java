package dev.tessera.jpeg.marker;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import java.util.ArrayList;
import java.util.List;

/** A MarkerReader over some bytes, collecting the warnings it reports. */
final class Harness {
    final List<JpegWarning> warnings = new ArrayList<>();
    final ByteSource source;
    final MarkerReader reader;

    Harness(byte[] data) {
        this(data, Long.MAX_VALUE);
    }

    Harness(byte[] data, long maxMarkerMemory) {
        WarningSink sink = new WarningSink(warnings::add, false);
        source = new ByteSource(data, sink);
        reader = new MarkerReader(source, sink, maxMarkerMemory);
    }

    /** Reads SOI, then the next marker, and returns its code. */
    int start() throws JpegException {
        reader.readStartOfImage();
        return next();
    }

    int next() throws JpegException {
        return reader.nextMarker(0, 0);
    }
}
