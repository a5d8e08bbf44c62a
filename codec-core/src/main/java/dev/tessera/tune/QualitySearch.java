package dev.tessera.tune;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.metrics.Ssimulacra2;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * Finds the IJG quality (1..100) at which an image meets a target: a SSIMULACRA 2 score, a file size or a bit
 * rate. Immutable and thread-safe: one instance serves many threads.
 *
 * <p>The search is a bisection over the integer qualities 1..100, so it takes at most 8 encodes (7 when the
 * target is met at an end of the range). It assumes the figure moves monotonically with quality (larger files
 * and higher scores at higher qualities), which holds for the IJG scale with very rare one-step exceptions. The
 * result is exact on that assumption: no tolerance in quality, and the reported figure is the one measured on
 * the chosen file, never interpolated. Whatever the monotonicity, the chosen quality was measured and
 * <em>does</em> meet the target whenever {@link Result#met()} is true.
 *
 * <ul>
 *   <li>{@link Target#ssimulacra2(double)}: the <em>lowest</em> quality whose decoded result scores at least
 *       the target (the smallest file of that look). When even quality 100 scores below it, the result is
 *       quality 100 with {@code met() == false}.</li>
 *   <li>{@link Target#maxBytes(long)} and {@link Target#bitsPerPixel(double)}: the <em>highest</em> quality
 *       whose file is at most that size (the best look in that budget). When even quality 1 is larger, the
 *       result is quality 1 with {@code met() == false}.</li>
 * </ul>
 */
public final class QualitySearch {
    /** Decodes a JPEG file's bytes to pixels, for the metric. */
    @FunctionalInterface
    public interface Decoder {
        BufferedImage decode(byte[] jpeg) throws IOException;
    }

    /** What the search aims for. */
    public enum Kind {
        /** A minimum SSIMULACRA 2 score (0..100, higher is better). */
        SSIMULACRA2,
        /** A maximum file size in bytes. */
        BYTES,
        /** A maximum bit rate in bits per pixel (file bits over width times height). */
        BITS_PER_PIXEL
    }

    /**
     * A target: its kind and value.
     *
     * @param kind  what is measured
     * @param value the minimum score, or the maximum bytes or bits per pixel; positive and finite
     */
    public record Target(Kind kind, double value) {
        public Target {
            Objects.requireNonNull(kind, "kind");
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("target must be positive and finite, found " + value);
            }
            if (kind == Kind.SSIMULACRA2 && value > 100) {
                throw new IllegalArgumentException("a SSIMULACRA 2 target must be at most 100, found " + value);
            }
        }

        public static Target ssimulacra2(double minimumScore) {
            return new Target(Kind.SSIMULACRA2, minimumScore);
        }

        public static Target maxBytes(long bytes) {
            return new Target(Kind.BYTES, bytes);
        }

        public static Target bitsPerPixel(double bpp) {
            return new Target(Kind.BITS_PER_PIXEL, bpp);
        }

        /** True when a higher quality makes the figure better (scores), false when it spends more (sizes). */
        boolean higherIsBetter() {
            return kind == Kind.SSIMULACRA2;
        }
    }

    /** The outcome of a search: the chosen quality, its file and the figure measured on it. */
    public static final class Result {
        private final int quality;
        private final byte[] jpeg;
        private final double achieved;
        private final boolean met;
        private final int encodes;

        Result(int quality, byte[] jpeg, double achieved, boolean met, int encodes) {
            this.quality = quality;
            this.jpeg = jpeg;
            this.achieved = achieved;
            this.met = met;
            this.encodes = encodes;
        }

        /** The chosen IJG quality, 1..100. */
        public int quality() {
            return quality;
        }

        /** A copy of the JPEG file encoded at {@link #quality()}. */
        public byte[] jpeg() {
            return jpeg.clone();
        }

        /** The size of that file in bytes. */
        public long bytes() {
            return jpeg.length;
        }

        /** The target's figure measured on that file: the score, the bytes or the bits per pixel. */
        public double achieved() {
            return achieved;
        }

        /** Whether the file meets the target; false when no quality does (see the class comment). */
        public boolean met() {
            return met;
        }

        /** How many encodes the search made. */
        public int encodes() {
            return encodes;
        }

        @Override
        public String toString() {
            return "Result[quality=" + quality + ", bytes=" + jpeg.length + ", achieved=" + achieved + ", met=" + met
                + ", encodes=" + encodes + "]";
        }
    }

    private final EncoderOptions options;
    private final Decoder decoder;

    /** A search with the given encoder settings (their quality is ignored), decoding with {@link JpegDecoder}. */
    public QualitySearch(EncoderOptions options) {
        this(options, new JpegDecoder()::decode);
    }

    /**
     * A search with the given encoder settings (their quality is ignored) and decoder.
     *
     * @param decoder used only for {@link Kind#SSIMULACRA2} targets
     */
    public QualitySearch(EncoderOptions options, Decoder decoder) {
        this.options = Objects.requireNonNull(options, "options");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** Searches for the quality that meets {@code target} on {@code image}; see the class comment. */
    public Result search(BufferedImage image, Target target) throws IOException {
        return search(image, ImageMetadata.NONE, target);
    }

    /**
     * Searches for the quality that meets {@code target} on {@code image} written with {@code metadata}; size
     * targets count the metadata's bytes, as they are part of the file.
     */
    public Result search(BufferedImage image, ImageMetadata metadata, Target target) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(target, "target");
        Measure measure = new Measure(image, metadata, target);
        // meets(q) is assumed false below some quality and true from it up (scores), or true up to some
        // quality and false above it (sizes). Check the end that must meet first.
        int best = target.higherIsBetter() ? 100 : 1;
        Trial bestTrial = measure.at(best);
        if (!bestTrial.met) {
            return bestTrial.result(measure.encodes);
        }
        // Invariant: good meets the target, bad does not (or is outside 1..100).
        int good = best;
        int bad = target.higherIsBetter() ? 0 : 101;
        Trial goodTrial = bestTrial;
        while (Math.abs(good - bad) > 1) {
            int mid = (good + bad) >>> 1;
            Trial trial = measure.at(mid);
            if (trial.met) {
                good = mid;
                goodTrial = trial;
            } else {
                bad = mid;
            }
        }
        return goodTrial.result(measure.encodes);
    }

    private record Trial(int quality, byte[] jpeg, double figure, boolean met) {
        Result result(int encodes) {
            return new Result(quality, jpeg, figure, met, encodes);
        }
    }

    /** Encodes at a quality and measures the target's figure; counts the encodes. */
    private final class Measure {
        private final BufferedImage image;
        private final ImageMetadata metadata;
        private final Target target;
        int encodes;

        Measure(BufferedImage image, ImageMetadata metadata, Target target) {
            this.image = image;
            this.metadata = metadata;
            this.target = target;
        }

        Trial at(int quality) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new JpegEncoder(options.withQuality(quality)).encode(image, metadata, out);
            byte[] jpeg = out.toByteArray();
            encodes++;
            double figure = switch (target.kind()) {
                case SSIMULACRA2 -> Ssimulacra2.score(image, decoder.decode(jpeg));
                case BYTES -> jpeg.length;
                case BITS_PER_PIXEL -> bitsPerPixel(jpeg.length, image.getWidth(), image.getHeight());
            };
            boolean met = target.higherIsBetter() ? figure >= target.value() : figure <= target.value();
            return new Trial(quality, jpeg, figure, met);
        }
    }

    /** File bits over pixels. */
    public static double bitsPerPixel(long bytes, int width, int height) {
        return bytes * 8.0 / ((double) width * height);
    }
}
