package dev.tessera.jpeg;

import dev.tessera.jpeg.error.JpegLimitException;

/**
 * Resource limits a decode checks before it allocates, so that a small hostile file cannot make the
 * decoder use much memory or time (libjpeg-turbo's {@code TJPARAM_MAXPIXELS}, {@code djpeg -maxscans} and
 * {@code -maxmemory} serve the same purpose). Exceeding one throws {@link JpegLimitException}. The defaults
 * suit a server that decodes untrusted files; see {@code docs/security.md}.
 *
 * @param maxPixels        largest width x height accepted; the default, 2^28 (268 million pixels, 16384 x 16384),
 *                         keeps the output raster under 1 GiB for 4 channels
 * @param maxScans         most SOS markers accepted in one image; libjpeg-turbo has no default limit, we choose 1000
 *                         (a progressive file has about 10)
 * @param maxMarkerMemory  most bytes of APPn/COM payload kept for metadata (EXIF, ICC, comments), 64 MiB
 * @param maxComponents    most components in a frame that {@code decode} accepts, 1..10; the default, 10, is
 *                         T.81's and libjpeg's MAX_COMPONENTS for an image to decode (output needs 1, 3 or 4);
 *                         {@code readInfo} allocates nothing per component and reports up to 255
 * @param maxMemory        most bytes of decoding buffers (coefficients, sample rows and the output raster) one
 *                         decode may allocate, checked before allocating them; the default, 1 GiB, admits any
 *                         sequential image within the default pixel limit. The Java heap's maximum is checked too.
 * @param maxInputBytes    most bytes read from an {@code InputStream} or file before decoding (the decoder holds
 *                         its whole input in memory); 1 GiB by default. A longer input is refused after reading
 *                         one byte more than the limit (a stream) or from its size (a file), never read whole.
 */
public record Limits(long maxPixels, int maxScans, long maxMarkerMemory, int maxComponents, long maxMemory,
                     long maxInputBytes) {
    /** The most components T.81 allows in a frame that libjpeg decodes (MAX_COMPONENTS). */
    public static final int MAX_COMPONENTS = 10;

    /** The most bytes a Java array can hold, so the most input the decoder can take (Integer.MAX_VALUE - 8). */
    public static final long MAX_INPUT_BYTES = Integer.MAX_VALUE - 8;

    /** 2^28 pixels, 1000 scans, 64 MiB of metadata, 10 components, 1 GiB of buffers, 1 GiB of input. */
    public static final Limits DEFAULT = new Limits(1L << 28, 1000, 64L << 20, MAX_COMPONENTS, 1L << 30, 1L << 30);

    public Limits {
        if (maxPixels < 1 || maxScans < 1 || maxMarkerMemory < 0 || maxMemory < 1) {
            throw new IllegalArgumentException("limits must be positive: pixels " + maxPixels + ", scans "
                + maxScans + ", marker memory " + maxMarkerMemory + ", memory " + maxMemory);
        }
        if (maxInputBytes < 1 || maxInputBytes > MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("input limit must be 1.." + MAX_INPUT_BYTES + " bytes, found "
                + maxInputBytes);
        }
        if (maxComponents < 1 || maxComponents > MAX_COMPONENTS) {
            throw new IllegalArgumentException("component limit must be 1.." + MAX_COMPONENTS + ", found "
                + maxComponents);
        }
    }

    /** The default limits with the pixel, scan and marker limits given (the version 0.1 constructor). */
    public Limits(long maxPixels, int maxScans, long maxMarkerMemory) {
        this(maxPixels, maxScans, maxMarkerMemory, DEFAULT.maxComponents, DEFAULT.maxMemory);
    }

    /** The default input limit with the other limits given (the version 0.2 constructor). */
    public Limits(long maxPixels, int maxScans, long maxMarkerMemory, int maxComponents, long maxMemory) {
        this(maxPixels, maxScans, maxMarkerMemory, maxComponents, maxMemory, 1L << 30);
    }

    /** A builder holding these limits, to change several at once. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** These limits with {@link #maxPixels()} changed. */
    public Limits withMaxPixels(long value) {
        return toBuilder().maxPixels(value).build();
    }

    /** These limits with {@link #maxScans()} changed. */
    public Limits withMaxScans(int value) {
        return toBuilder().maxScans(value).build();
    }

    /** These limits with {@link #maxMarkerMemory()} changed. */
    public Limits withMaxMarkerMemory(long value) {
        return toBuilder().maxMarkerMemory(value).build();
    }

    /** These limits with {@link #maxComponents()} changed. */
    public Limits withMaxComponents(int value) {
        return toBuilder().maxComponents(value).build();
    }

    /** These limits with {@link #maxMemory()} changed. */
    public Limits withMaxMemory(long value) {
        return toBuilder().maxMemory(value).build();
    }

    /** These limits with {@link #maxInputBytes()} changed. */
    public Limits withMaxInputBytes(long value) {
        return toBuilder().maxInputBytes(value).build();
    }

    /** Collects limits to change together; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private long maxPixels;
        private int maxScans;
        private long maxMarkerMemory;
        private int maxComponents;
        private long maxMemory;
        private long maxInputBytes;

        /** A builder holding {@link Limits#DEFAULT}. */
        public Builder() {
            this(DEFAULT);
        }

        private Builder(Limits from) {
            maxPixels = from.maxPixels;
            maxScans = from.maxScans;
            maxMarkerMemory = from.maxMarkerMemory;
            maxComponents = from.maxComponents;
            maxMemory = from.maxMemory;
            maxInputBytes = from.maxInputBytes;
        }

        public Builder maxPixels(long value) {
            maxPixels = value;
            return this;
        }

        public Builder maxScans(int value) {
            maxScans = value;
            return this;
        }

        public Builder maxMarkerMemory(long value) {
            maxMarkerMemory = value;
            return this;
        }

        public Builder maxComponents(int value) {
            maxComponents = value;
            return this;
        }

        public Builder maxMemory(long value) {
            maxMemory = value;
            return this;
        }

        public Builder maxInputBytes(long value) {
            maxInputBytes = value;
            return this;
        }

        /**
         * The limits collected.
         *
         * @throws IllegalArgumentException naming the first limit out of range
         */
        public Limits build() {
            return new Limits(maxPixels, maxScans, maxMarkerMemory, maxComponents, maxMemory, maxInputBytes);
        }
    }
}
