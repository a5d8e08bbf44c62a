package dev.tessera.jpeg;

import dev.tessera.jpeg.model.Transform;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link JpegTransformer} does to a JPEG file without decoding its pixels, in {@code jpegtran}'s terms.
 * Immutable and thread-safe; start from {@link #DEFAULT} and change one option with a {@code with...} method or
 * several with {@link #toBuilder()}.
 *
 * <table>
 * <caption>Transform options</caption>
 * <tr><th>option</th><th>default</th><th>meaning and interactions</th></tr>
 * <tr><td>{@link #transform()}</td><td>{@link Transform#NONE}</td><td>rotation or flip. Blocks move a whole iMCU
 *     (the MCU: 8x8 samples for one component, 16x16 for 4:2:0) at a time; a partial iMCU at the right or bottom
 *     edge of the source stays where it is, as jpegtran leaves it (see {@link #trim()} and
 *     {@link #perfect()})</td></tr>
 * <tr><td>{@link #crop()}</td><td>none</td><td>the region {@code WxH+X+Y} of the transformed image to keep; its
 *     top-left corner moves up and left to an iMCU boundary, the region growing by as much. A region not
 *     inside the image is refused</td></tr>
 * <tr><td>{@link #grayscale()}</td><td>false</td><td>keep only the luma of a YCbCr file (one component, 8x8
 *     iMCU); other colour spaces are refused</td></tr>
 * <tr><td>{@link #trim()}</td><td>false</td><td>drop the partial iMCUs the transform cannot move, so that every
 *     pixel left is where the transform puts it</td></tr>
 * <tr><td>{@link #perfect()}</td><td>false</td><td>refuse (with {@code TransformException}) a transform that
 *     would leave partial iMCUs unmoved</td></tr>
 * <tr><td>{@link #autoOrient()}</td><td>false</td><td>take the transform from the file's EXIF Orientation tag
 *     (2 to 8) and set the tag to 1 in the copied EXIF; no tag, or 1, means no transform. Cannot be combined with
 *     an explicit {@link #transform()}</td></tr>
 * <tr><td>{@link #transcode()}</td><td>{@link TranscodeOptions#DEFAULT}</td><td>the written coding, the
 *     metadata copied ({@link CopyPolicy}) and whether damaged files are transformed ({@code force})</td></tr>
 * </table>
 */
public final class TransformOptions {
    /** No transform: the file rewritten in the smallest coding with all its metadata. */
    public static final TransformOptions DEFAULT = new Builder().build();

    /**
     * A crop region {@code WxH+X+Y} in samples of the transformed image.
     *
     * @param width  W, at least 1
     * @param height H, at least 1
     * @param x      X, at least 0
     * @param y      Y, at least 0
     */
    public record Crop(int width, int height, int x, int y) {
        private static final Pattern SPEC = Pattern.compile("(\\d{1,9})[xX](\\d{1,9})(?:\\+(\\d{1,9})\\+(\\d{1,9}))?");

        public Crop {
            if (width < 1 || height < 1 || x < 0 || y < 0) {
                throw new IllegalArgumentException("crop needs a positive size and offsets of 0 or more, found "
                    + width + "x" + height + "+" + x + "+" + y);
            }
        }

        /** Parses {@code WxH+X+Y} (or {@code WxH}, at +0+0), as X11 geometry and jpegtran -crop write it. */
        public static Crop parse(String spec) {
            Matcher m = spec == null ? null : SPEC.matcher(spec.trim());
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException("crop must be WxH+X+Y (e.g. 640x480+16+8), found '" + spec + "'");
            }
            return new Crop(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
        }

        @Override
        public String toString() {
            return width + "x" + height + "+" + x + "+" + y;
        }
    }

    private final Transform transform;
    private final Crop crop;
    private final boolean grayscale;
    private final boolean trim;
    private final boolean perfect;
    private final boolean autoOrient;
    private final TranscodeOptions transcode;

    private TransformOptions(Builder b) {
        if (b.transform == null || b.transcode == null) {
            throw new IllegalArgumentException("transform and transcode options must not be null");
        }
        if (b.autoOrient && b.transform != Transform.NONE) {
            throw new IllegalArgumentException("auto-orient takes the transform from the EXIF tag; it cannot be "
                + "combined with " + b.transform);
        }
        transform = b.transform;
        crop = b.crop;
        grayscale = b.grayscale;
        trim = b.trim;
        perfect = b.perfect;
        autoOrient = b.autoOrient;
        transcode = b.transcode;
    }

    public Transform transform() {
        return transform;
    }

    /** The crop region, or {@code null} for none. */
    public Crop crop() {
        return crop;
    }

    public boolean grayscale() {
        return grayscale;
    }

    public boolean trim() {
        return trim;
    }

    public boolean perfect() {
        return perfect;
    }

    public boolean autoOrient() {
        return autoOrient;
    }

    public TranscodeOptions transcode() {
        return transcode;
    }

    public TransformOptions withTransform(Transform value) {
        return toBuilder().transform(value).build();
    }

    /** @param value the region to keep, or {@code null} for the whole image */
    public TransformOptions withCrop(Crop value) {
        return toBuilder().crop(value).build();
    }

    public TransformOptions withGrayscale(boolean value) {
        return toBuilder().grayscale(value).build();
    }

    public TransformOptions withTrim(boolean value) {
        return toBuilder().trim(value).build();
    }

    public TransformOptions withPerfect(boolean value) {
        return toBuilder().perfect(value).build();
    }

    public TransformOptions withAutoOrient(boolean value) {
        return toBuilder().autoOrient(value).build();
    }

    public TransformOptions withTranscode(TranscodeOptions value) {
        return toBuilder().transcode(value).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransformOptions t && transform == t.transform && Objects.equals(crop, t.crop)
            && grayscale == t.grayscale && trim == t.trim && perfect == t.perfect && autoOrient == t.autoOrient
            && transcode.equals(t.transcode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transform, crop, grayscale, trim, perfect, autoOrient, transcode);
    }

    @Override
    public String toString() {
        return "TransformOptions[transform=" + transform + ", crop=" + crop + ", grayscale=" + grayscale + ", trim="
            + trim + ", perfect=" + perfect + ", autoOrient=" + autoOrient + ", transcode=" + transcode + "]";
    }

    /** Collects options to change together; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private Transform transform = Transform.NONE;
        private Crop crop;
        private boolean grayscale;
        private boolean trim;
        private boolean perfect;
        private boolean autoOrient;
        private TranscodeOptions transcode = TranscodeOptions.DEFAULT;

        /** A builder holding {@link TransformOptions#DEFAULT}. */
        public Builder() {
        }

        private Builder(TransformOptions o) {
            transform = o.transform;
            crop = o.crop;
            grayscale = o.grayscale;
            trim = o.trim;
            perfect = o.perfect;
            autoOrient = o.autoOrient;
            transcode = o.transcode;
        }

        public Builder transform(Transform value) {
            transform = value;
            return this;
        }

        public Builder crop(Crop value) {
            crop = value;
            return this;
        }

        public Builder grayscale(boolean value) {
            grayscale = value;
            return this;
        }

        public Builder trim(boolean value) {
            trim = value;
            return this;
        }

        public Builder perfect(boolean value) {
            perfect = value;
            return this;
        }

        public Builder autoOrient(boolean value) {
            autoOrient = value;
            return this;
        }

        public Builder transcode(TranscodeOptions value) {
            transcode = value;
            return this;
        }

        /**
         * The options collected.
         *
         * @throws IllegalArgumentException for a null transform or transcode options, or auto-orient with a
         *                                  transform
         */
        public TransformOptions build() {
            return new TransformOptions(this);
        }
    }
}
