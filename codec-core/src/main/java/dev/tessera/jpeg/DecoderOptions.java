package dev.tessera.jpeg;

import dev.tessera.jpeg.decode.DecodeSettings;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.WarningListener;
import dev.tessera.jpeg.simd.AutoThreads;
import java.util.Objects;

/**
 * How {@link JpegDecoder} decodes. Immutable and thread-safe; start from {@link #DEFAULT} and change one option
 * with a {@code with...} method or several with {@link #toBuilder()}. Every option, its default and how it
 * interacts with the others:
 *
 * <table>
 * <caption>Decoder options</caption>
 * <tr><th>option</th><th>default</th><th>meaning and interactions</th></tr>
 * <tr><td>{@link #limits()}</td><td>{@link Limits#DEFAULT}</td><td>resource limits checked before allocating
 *     (pixels, scans, metadata bytes, components, buffer memory, input bytes)</td></tr>
 * <tr><td>{@link #strict()}</td><td>false</td><td>every {@link JpegWarning} becomes a
 *     {@link MalformedJpegException} (the listener still hears nothing of it first)</td></tr>
 * <tr><td>{@link #cmykToRgb()}</td><td>false</td><td>CMYK and YCCK images converted to RGB (a naive,
 *     profile-less conversion); otherwise 4-band CMYK rasters, as libjpeg returns them</td></tr>
 * <tr><td>{@link #scaleDenominator()}</td><td>1</td><td>output scale 1/1, 1/2, 1/4 or 1/8 through reduced inverse
 *     DCTs, as {@code djpeg -scale 1/N}; not for lossless (SOF3) files</td></tr>
 * <tr><td>{@link #listener()}</td><td>{@link WarningListener#IGNORE}</td><td>receives each warning about
 *     damaged data, with its byte offset</td></tr>
 * <tr><td>{@link #portableIdct()}</td><td>false</td><td>the inverse DCT overflows as libjpeg-turbo's portable C
 *     code does ({@code JSIMD_FORCENONE=1}) rather than as its x86-64 SIMD code, which {@code djpeg} runs on
 *     x86-64; the two differ only on corrupt data whose coefficients overflow 16 bits</td></tr>
 * <tr><td>{@link #threads()}</td><td>1</td><td>threads one decode may use, or {@link #AUTO_THREADS}. A single-scan
 *     (sequential) file with restart markers at iMCU-row boundaries is split by restart interval (a damaged one
 *     is not; the split holds whole-image sample planes, 2 bytes a sample, and is not made when they would not
 *     fit in {@link Limits#maxMemory()}); any other file of at least {@value #MIN_PIXELS_FOR_THREADS} output
 *     pixels and more than four iMCU rows is pipelined on 2 threads when its larger windows fit in the memory
 *     limit: this thread entropy-decodes while a worker runs the inverse DCT, upsampling and colour conversion
 *     a few iMCU rows behind, or for a progressive or multi-scan file, its final pass runs the inverse DCT here
 *     and upsampling and colour conversion on the worker. Lossless files decode on this thread. The pixels,
 *     warnings and exceptions are those of the one-thread decode (docs/decoder.md, "Threads")</td></tr>
 * <tr><td>{@link #grayscale()}</td><td>false</td><td>gray output from a YCbCr file: its luma (Y) samples, one
 *     band, as {@code djpeg -grayscale} writes them (libjpeg copies the Y component); gray files are gray
 *     anyway, and other colour spaces (RGB, CMYK, YCCK) throw {@code UnsupportedJpegException}</td></tr>
 * <tr><td>{@link #autoOrient()}</td><td>false</td><td>turn the decoded image upright as its EXIF Orientation tag
 *     (values 2 to 8) says: mirrored and/or rotated, so that 5 to 8 swap width and height; no tag, or tag 1,
 *     leaves it as stored. Off by default, as in {@code djpeg} and the JDK's reader. Applies to every output
 *     type (gray, colour, CMYK, 16-bit) and after scaling</td></tr>
 * </table>
 */
public final class DecoderOptions {
    /**
     * {@link #threads()} value that decides per decode: 1 thread for outputs under {@link #MIN_PIXELS_FOR_THREADS}
     * pixels, else up to 2, the second taken only while a core is idle. On Linux the decode asks every few iMCU
     * rows how many threads are runnable on the machine at that instant (the fourth field of /proc/loadavg, the
     * asking thread included) and starts its worker once that is below the processor count; elsewhere the
     * one-minute load average stands in, and where there is none (Windows) the decode keeps to 1 thread. A busy
     * server thus decodes each image on its calling thread, while a single decode on a quiet machine gets a
     * second core.
     */
    public static final int AUTO_THREADS = AutoThreads.AUTO;

    /** Outputs of fewer pixels are not pipelined, and decode on the calling thread under {@link #AUTO_THREADS}. */
    public static final long MIN_PIXELS_FOR_THREADS = AutoThreads.MIN_PIXELS;

    /** Default limits, lenient like libjpeg, CMYK kept as CMYK, full size, warnings ignored, SIMD overflow. */
    public static final DecoderOptions DEFAULT = new Builder().build();

    private final Limits limits;
    private final boolean strict;
    private final boolean cmykToRgb;
    private final int scaleDenominator;
    private final WarningListener listener;
    private final boolean portableIdct;
    private final int threads;
    private final boolean grayscale;
    private final boolean autoOrient;

    private DecoderOptions(Builder b) {
        if (b.limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        if (b.scaleDenominator != 1 && b.scaleDenominator != 2 && b.scaleDenominator != 4
            && b.scaleDenominator != 8) {
            throw new IllegalArgumentException("scale must be 1/1, 1/2, 1/4 or 1/8, found 1/" + b.scaleDenominator);
        }
        if (b.threads < 0) {
            throw new IllegalArgumentException("threads must be at least 1, or AUTO_THREADS (0), found " + b.threads);
        }
        limits = b.limits;
        strict = b.strict;
        cmykToRgb = b.cmykToRgb;
        scaleDenominator = b.scaleDenominator;
        listener = b.listener != null ? b.listener : WarningListener.IGNORE;
        portableIdct = b.portableIdct;
        threads = b.threads;
        grayscale = b.grayscale;
        autoOrient = b.autoOrient;
    }

    /** A builder holding these options, to change several at once. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The plain values the decode driver works from. */
    DecodeSettings settings() {
        return new DecodeSettings(limits.maxPixels(), limits.maxScans(), limits.maxMarkerMemory(),
            limits.maxComponents(), limits.maxMemory(), strict, cmykToRgb, scaleDenominator, listener, portableIdct,
            threads, grayscale);
    }

    public Limits limits() {
        return limits;
    }

    public boolean strict() {
        return strict;
    }

    public boolean cmykToRgb() {
        return cmykToRgb;
    }

    /** The denominator N of the output scale 1/N: 1, 2, 4 or 8. */
    public int scaleDenominator() {
        return scaleDenominator;
    }

    public WarningListener listener() {
        return listener;
    }

    public boolean portableIdct() {
        return portableIdct;
    }

    /** Threads one decode may use, at least 1, or {@link #AUTO_THREADS} (0). */
    public int threads() {
        return threads;
    }

    public boolean grayscale() {
        return grayscale;
    }

    public boolean autoOrient() {
        return autoOrient;
    }

    public DecoderOptions withLimits(Limits value) {
        return toBuilder().limits(value).build();
    }

    public DecoderOptions withStrict(boolean value) {
        return toBuilder().strict(value).build();
    }

    public DecoderOptions withCmykToRgb(boolean value) {
        return toBuilder().cmykToRgb(value).build();
    }

    /** @param denominator 1, 2, 4 or 8 for scale 1/1, 1/2, 1/4, 1/8 */
    public DecoderOptions withScale(int denominator) {
        return toBuilder().scale(denominator).build();
    }

    /** @param value receives warnings; {@code null} means {@link WarningListener#IGNORE} */
    public DecoderOptions withListener(WarningListener value) {
        return toBuilder().listener(value).build();
    }

    public DecoderOptions withPortableIdct(boolean value) {
        return toBuilder().portableIdct(value).build();
    }

    /** @param value threads one decode may use, or {@link #AUTO_THREADS} (see {@link #threads()}) */
    public DecoderOptions withThreads(int value) {
        return toBuilder().threads(value).build();
    }

    /** @param value gray output from YCbCr files (see {@link #grayscale()}) */
    public DecoderOptions withGrayscale(boolean value) {
        return toBuilder().grayscale(value).build();
    }

    /** @param value turn images upright as their EXIF Orientation tag says (see {@link #autoOrient()}) */
    public DecoderOptions withAutoOrient(boolean value) {
        return toBuilder().autoOrient(value).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecoderOptions other && settings().equals(other.settings())
            && limits.equals(other.limits) && autoOrient == other.autoOrient;
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings(), limits, autoOrient);
    }

    @Override
    public String toString() {
        return "DecoderOptions[limits=" + limits + ", strict=" + strict + ", cmykToRgb=" + cmykToRgb
            + ", scaleDenominator=" + scaleDenominator + ", listener=" + listener + ", portableIdct=" + portableIdct
            + ", threads=" + threads + ", grayscale=" + grayscale + ", autoOrient=" + autoOrient + "]";
    }

    /** Collects options to change together; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private Limits limits = Limits.DEFAULT;
        private boolean strict;
        private boolean cmykToRgb;
        private int scaleDenominator = 1;
        private WarningListener listener = WarningListener.IGNORE;
        private boolean portableIdct;
        private int threads = 1;
        private boolean grayscale;
        private boolean autoOrient;

        /** A builder holding {@link DecoderOptions#DEFAULT}. */
        public Builder() {
        }

        private Builder(DecoderOptions o) {
            limits = o.limits;
            strict = o.strict;
            cmykToRgb = o.cmykToRgb;
            scaleDenominator = o.scaleDenominator;
            listener = o.listener;
            portableIdct = o.portableIdct;
            threads = o.threads;
            grayscale = o.grayscale;
            autoOrient = o.autoOrient;
        }

        public Builder limits(Limits value) {
            limits = value;
            return this;
        }

        public Builder strict(boolean value) {
            strict = value;
            return this;
        }

        public Builder cmykToRgb(boolean value) {
            cmykToRgb = value;
            return this;
        }

        /** @param denominator 1, 2, 4 or 8 for scale 1/1, 1/2, 1/4, 1/8 */
        public Builder scale(int denominator) {
            scaleDenominator = denominator;
            return this;
        }

        public Builder listener(WarningListener value) {
            listener = value;
            return this;
        }

        public Builder portableIdct(boolean value) {
            portableIdct = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder grayscale(boolean value) {
            grayscale = value;
            return this;
        }

        public Builder autoOrient(boolean value) {
            autoOrient = value;
            return this;
        }

        /**
         * The options collected.
         *
         * @throws IllegalArgumentException naming the first option out of range
         */
        public DecoderOptions build() {
            return new DecoderOptions(this);
        }
    }
}
