package dev.tessera.jpeg.imageio;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Abbreviated streams (T.81 B.4, B.5) for the reader: a tables-only image (SOI, DQT/DHT segments, EOI, no
 * frame) at the start of the stream is taken off and its tables kept; an image that lacks DQT or DHT segments
 * gets the kept tables inserted right after its SOI. Later tables replace earlier ones with the same id
 * (T.81 B.2.4), so an image's own tables still win.
 */
final class AbbreviatedStreams {
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DQT = 0xDB;
    private static final int DHT = 0xC4;

    private AbbreviatedStreams() {
    }

    /**
     * The bytes to decode: {@code data} without a leading tables-only image (whose tables go to
     * {@code tablesOnly}), with the tables {@code kept} supplies inserted when the image lacks some.
     */
    static byte[] splice(byte[] data, Consumer<JpegStreamMetadata> tablesOnly, Supplier<JpegStreamMetadata> kept) {
        int end = tablesOnlyEnd(data);
        if (end > 0) {
            JpegStreamMetadata tables = JpegStreamMetadata.parse(data, 0, end);
            if (tables != null) {
                tablesOnly.accept(tables);
            }
            int next = end;
            while (next + 1 < data.length && !((data[next] & 0xFF) == 0xFF && (data[next + 1] & 0xFF) == SOI)) {
                next++; // fill bytes or padding between the two images
            }
            data = java.util.Arrays.copyOfRange(data, Math.min(next, data.length), data.length);
        }
        JpegStreamMetadata tables = kept.get();
        if (tables == null || data.length < 2 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI
            || hasTables(data)) {
            return data;
        }
        byte[] segments = tables.tableSegments();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + segments.length);
        out.write(data, 0, 2);
        out.writeBytes(segments);
        out.write(data, 2, data.length - 2);
        return out.toByteArray();
    }

    /** The offset after the EOI of a tables-only image at the start, or 0 if the stream does not start so. */
    private static int tablesOnlyEnd(byte[] data) {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI) {
            return 0;
        }
        int p = 2;
        while (p + 4 <= data.length && (data[p] & 0xFF) == 0xFF) {
            int marker = data[p + 1] & 0xFF;
            if (marker == EOI) {
                return p + 2;
            }
            if (marker != DQT && marker != DHT && !(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE
                && marker != 0xDD) {
                return 0; // a frame, a scan or anything else: an image
            }
            p += 2 + ((data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF));
        }
        return p + 2 <= data.length && (data[p] & 0xFF) == 0xFF && (data[p + 1] & 0xFF) == EOI ? p + 2 : 0;
    }

    /** Whether the image has both DQT and DHT segments before its first scan. */
    private static boolean hasTables(byte[] data) {
        boolean dqt = false;
        boolean dht = false;
        int p = 2;
        while (p + 4 <= data.length && (data[p] & 0xFF) == 0xFF && (data[p + 1] & 0xFF) != SOS) {
            int marker = data[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++; // fill byte
                continue;
            }
            dqt |= marker == DQT;
            dht |= marker == DHT;
            p += 2 + ((data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF));
        }
        return dqt && dht;
    }
}
