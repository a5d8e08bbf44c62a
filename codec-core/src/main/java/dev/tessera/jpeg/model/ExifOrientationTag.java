package dev.tessera.jpeg.model;

/**
 * Finds and rewrites the Orientation tag (0x0112) in IFD0 of an EXIF TIFF structure (TIFF 6.0 section 2: an
 * 8-byte header "II" or "MM", 42, the offset of IFD0; an IFD is a 2-byte entry count, 12-byte entries of tag,
 * type, count and value or offset, and the offset of the next IFD). Every read is bounds-checked: damaged
 * structures give "no tag", never an exception.
 */
final class ExifOrientationTag {
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_BYTE = 1;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;

    private ExifOrientationTag() {
    }

    /** The tag's value, or -1 when there is none or the structure is damaged. */
    static int read(byte[] tiff) {
        int entry = find(tiff);
        return entry < 0 ? -1 : value(tiff, entry);
    }

    /** A copy with the tag's value set to {@code value}; an unchanged copy when there is no tag. */
    static byte[] rewrite(byte[] tiff, int value) {
        if (tiff == null) {
            return null;
        }
        byte[] out = tiff.clone();
        int entry = find(out);
        if (entry < 0) {
            return out;
        }
        boolean little = out[0] == 'I';
        int type = u16(out, entry + 2, little);
        int at = entry + 8;
        // The value is left-justified in the 4-byte field (TIFF 6.0 section 2, "Value/Offset").
        switch (type) {
            case TYPE_BYTE -> out[at] = (byte) value;
            case TYPE_SHORT -> put(out, at, 2, value, little);
            default -> put(out, at, 4, value, little);
        }
        return out;
    }

    /** Offset of the Orientation entry of IFD0 whose value fits in the entry, or -1. */
    private static int find(byte[] t) {
        if (t == null || t.length < 8) {
            return -1;
        }
        boolean little;
        if (t[0] == 'I' && t[1] == 'I') {
            little = true;
        } else if (t[0] == 'M' && t[1] == 'M') {
            little = false;
        } else {
            return -1;
        }
        if (u16(t, 2, little) != 42) {
            return -1;
        }
        long ifd = u32(t, 4, little);
        if (ifd < 8 || ifd + 2 > t.length) {
            return -1;
        }
        int count = u16(t, (int) ifd, little);
        for (int i = 0; i < count; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > t.length) {
                return -1;
            }
            int e = (int) entry;
            if (u16(t, e, little) != TAG_ORIENTATION) {
                continue;
            }
            int type = u16(t, e + 2, little);
            long n = u32(t, e + 4, little);
            boolean fits = type == TYPE_BYTE || type == TYPE_SHORT || type == TYPE_LONG;
            return fits && n >= 1 ? e : -1;
        }
        return -1;
    }

    private static int value(byte[] t, int entry) {
        boolean little = t[0] == 'I';
        int at = entry + 8;
        return switch (u16(t, entry + 2, little)) {
            case TYPE_BYTE -> t[at] & 0xFF;
            case TYPE_SHORT -> u16(t, at, little);
            default -> (int) Math.min(Integer.MAX_VALUE, u32(t, at, little));
        };
    }

    private static int u16(byte[] t, int at, boolean little) {
        int a = t[at] & 0xFF;
        int b = t[at + 1] & 0xFF;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] t, int at, boolean little) {
        long hi = u16(t, little ? at + 2 : at, little);
        long lo = u16(t, little ? at : at + 2, little);
        return hi << 16 | lo;
    }

    private static void put(byte[] t, int at, int bytes, int value, boolean little) {
        for (int i = 0; i < bytes; i++) {
            int shift = 8 * (little ? i : bytes - 1 - i);
            t[at + i] = (byte) (value >>> shift);
        }
    }
}
