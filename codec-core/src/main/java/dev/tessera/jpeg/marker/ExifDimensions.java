package dev.tessera.jpeg.marker;

/**
 * Rewrites the image size the EXIF block states (PixelXDimension 0xA002 and PixelYDimension 0xA003 in the Exif
 * IFD that IFD0's tag 0x8769 points to; EXIF 2.3 4.6.5), in place, as jpegtran's {@code adjust_exif_parameters}
 * does after a crop or a quarter turn. TIFF 6.0 section 2 layout: an 8-byte header ("II" or "MM", 42, offset of
 * IFD0), IFDs of a 2-byte count and 12-byte entries (tag, type, count, value or offset). Every read is
 * bounds-checked; a damaged block is returned unchanged.
 */
public final class ExifDimensions {
    private static final int TAG_EXIF_IFD = 0x8769;
    private static final int TAG_WIDTH = 0xA002;
    private static final int TAG_HEIGHT = 0xA003;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;

    private ExifDimensions() {
    }

    /**
     * A copy of the TIFF structure {@code tiff} (the APP1 payload after "Exif\0\0") whose PixelXDimension and
     * PixelYDimension say {@code width} and {@code height}; the tags keep their type (SHORT or LONG). Tags that
     * are absent stay absent.
     */
    public static byte[] withSize(byte[] tiff, int width, int height) {
        byte[] t = tiff.clone();
        if (t.length < 8 || !(t[0] == 'I' && t[1] == 'I' || t[0] == 'M' && t[1] == 'M')) {
            return t;
        }
        boolean little = t[0] == 'I';
        if (u16(t, 2, little) != 42) {
            return t;
        }
        long exifIfd = -1;
        long ifd0 = u32(t, 4, little);
        int n0 = count(t, ifd0, little);
        for (int i = 0; i < n0; i++) {
            int e = (int) (ifd0 + 2 + 12L * i);
            if (u16(t, e, little) == TAG_EXIF_IFD && u16(t, e + 2, little) == TYPE_LONG) {
                exifIfd = u32(t, e + 8, little);
            }
        }
        int n = count(t, exifIfd, little);
        for (int i = 0; i < n; i++) {
            int e = (int) (exifIfd + 2 + 12L * i);
            int tag = u16(t, e, little);
            int type = u16(t, e + 2, little);
            if ((tag == TAG_WIDTH || tag == TAG_HEIGHT) && (type == TYPE_SHORT || type == TYPE_LONG)) {
                put(t, e + 8, type == TYPE_SHORT ? 2 : 4, tag == TAG_WIDTH ? width : height, little);
            }
        }
        return t;
    }

    /** Entries of the IFD at {@code offset} that lie wholly inside {@code t}; 0 for a bad offset. */
    private static int count(byte[] t, long offset, boolean little) {
        if (offset < 8 || offset + 2 > t.length) {
            return 0;
        }
        int n = u16(t, (int) offset, little);
        return (int) Math.min(n, (t.length - offset - 2) / 12);
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
