package dev.tessera.jpeg.model;

/**
 * Where one marker appears in a stream (T.81 B.1.1.4): its code, the offset of its 0xFF byte, and the
 * value of its length field (0 for the standalone markers SOI, EOI, RSTm, TEM).
 *
 * @param code   the marker's second byte, 0x01..0xFE
 * @param offset byte offset of the 0xFF that starts the marker
 * @param length the segment length field Lp (includes its own two bytes), or 0
 * @param label  what the segment holds, e.g. "JFIF", "Exif", "ICC_PROFILE 1/2", "Adobe", or ""
 */
public record MarkerSegment(int code, long offset, int length, String label) {
    public MarkerSegment {
        label = label == null ? "" : label;
    }
}
