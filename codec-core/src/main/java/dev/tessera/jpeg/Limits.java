package dev.tessera.jpeg;

/**
 * Resource limits a decode checks before it allocates, so that a small hostile file cannot make the
 * decoder use much memory or time (libjpeg-turbo's {@code TJPARAM_MAXPIXELS}, {@code djpeg -maxscans} and
 * {@code -maxmemory} serve the same purpose).
 *
 * @param maxPixels        largest width x height accepted; the default, 2^28 (268 million pixels, 16384 x 16384),
 *                         keeps the output raster under 1 GiB for 4 channels
 * @param maxScans         most SOS markers accepted in one image; libjpeg-turbo has no default limit, we choose 1000
 *                         (a progressive file has about 10)
 * @param maxMarkerMemory  most bytes of APPn/COM payload kept for metadata (EXIF, ICC, comments), 64 MiB
 */
public record Limits(long maxPixels, int maxScans, long maxMarkerMemory) {
    /** 2^28 pixels, 1000 scans, 64 MiB of metadata. */
    public static final Limits DEFAULT = new Limits(1L << 28, 1000, 64L << 20);

    public Limits {
        if (maxPixels < 1 || maxScans < 1 || maxMarkerMemory < 0) {
            throw new IllegalArgumentException("limits must be positive: pixels " + maxPixels + ", scans "
                + maxScans + ", marker memory " + maxMarkerMemory);
        }
    }

    public Limits withMaxPixels(long value) {
        return new Limits(value, maxScans, maxMarkerMemory);
    }

    public Limits withMaxScans(int value) {
        return new Limits(maxPixels, value, maxMarkerMemory);
    }

    public Limits withMaxMarkerMemory(long value) {
        return new Limits(maxPixels, maxScans, value);
    }
}
