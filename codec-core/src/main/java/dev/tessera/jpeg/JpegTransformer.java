package dev.tessera.jpeg;

import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.TransformException;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.error.WarningListener;
import dev.tessera.jpeg.marker.ApplicationSegments;
import dev.tessera.jpeg.marker.ExifDimensions;
import dev.tessera.jpeg.model.CoefficientImage;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.JpegColorSpace;
import dev.tessera.jpeg.model.Orientation;
import dev.tessera.jpeg.model.Transform;
import dev.tessera.jpeg.transform.CoefficientTransformer;
import dev.tessera.jpeg.transform.TransformSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Lossless rotation, mirroring, cropping and gray conversion of JPEG files, as libjpeg-turbo's {@code jpegtran}
 * does them: the quantized coefficients are rearranged, never decoded to pixels, so the output decodes to the
 * same pixels as jpegtran's output for the same options (see {@link TransformOptions} for the rules at the
 * edges). The output is written by {@link JpegTranscoder} in {@link TransformOptions#transcode()}'s coding.
 *
 * <p>A transformer holds only its immutable {@link DecoderOptions} (limits, strictness, listener), used when
 * reading; one instance may serve many threads at once.
 *
 * <pre>{@code
 * byte[] upright = new JpegTransformer().transform(jpeg, TransformOptions.DEFAULT.withAutoOrient(true));
 * byte[] turned = new JpegTransformer().transform(jpeg,
 *     TransformOptions.DEFAULT.withTransform(Transform.ROTATE_90).withTrim(true));
 * }</pre>
 */
public final class JpegTransformer {
    private final DecoderOptions options;

    /** A transformer reading with {@link DecoderOptions#DEFAULT}. */
    public JpegTransformer() {
        this(DecoderOptions.DEFAULT);
    }

    public JpegTransformer(DecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public DecoderOptions options() {
        return options;
    }

    /**
     * Transforms a whole JPEG file. Restart markers are not kept (as jpegtran drops them).
     *
     * @throws TransformException       when the transform is refused: {@code perfect} and partial iMCUs, a crop
     *                                  outside the image, gray output from a non-YCbCr file
     * @throws UnsupportedJpegException for lossless (SOF3), 12-bit and hierarchical files
     * @throws MalformedJpegException   when the file decodes only with warnings (damaged data) and the transcode
     *                                  options' {@code force} is off
     */
    public byte[] transform(byte[] jpeg, TransformOptions transform) throws IOException {
        if (jpeg == null || transform == null) {
            throw new IllegalArgumentException("data and options must not be null");
        }
        List<JpegWarning> warnings = new ArrayList<>();
        WarningListener user = options.listener();
        DecoderOptions reading = options.withListener(w -> {
            warnings.add(w);
            user.warningOccurred(w);
        });
        CoefficientImage image = new JpegTranscoder(reading).readCoefficients(jpeg);
        // The colour space, from headers already read (and warned about) above.
        ImageInfo header = new JpegDecoder(options.toBuilder().listener(WarningListener.IGNORE).strict(false)
            .build()).readHeader(jpeg);
        if (!warnings.isEmpty() && !transform.transcode().force()) {
            JpegWarning first = warnings.get(0);
            throw new MalformedJpegException(first.offset(), null, "damaged data (" + first.detail()
                + "); not transformed without force");
        }
        CoefficientImage out = transform(image, header.colorSpace(), transform);
        out = new CoefficientImage(out.frame(), out.quantTables(), out.components(), out.segments(), 0);
        return new JpegTranscoder(options).write(out, transform.transcode());
    }

    /**
     * Transforms coefficients read by {@link JpegTranscoder#readCoefficients}. With
     * {@link TransformOptions#autoOrient()} the transform comes from the first EXIF (APP1 "Exif") segment's
     * Orientation tag, which the result's copy of that segment sets to 1. When the size changes, that segment's
     * PixelXDimension and PixelYDimension tags are set to the new size, as jpegtran sets them. Other segments are
     * kept as they are (the copy policy applies when writing).
     *
     * @param colorSpace the image's colour space ({@link ImageInfo#colorSpace()}), for {@code grayscale}
     */
    public CoefficientImage transform(CoefficientImage image, JpegColorSpace colorSpace, TransformOptions transform)
            throws TransformException {
        if (image == null || colorSpace == null || transform == null) {
            throw new IllegalArgumentException("image, colour space and options must not be null");
        }
        Transform t = transform.transform();
        List<CoefficientImage.Segment> segments = image.segments();
        if (transform.autoOrient()) {
            int exif = exifIndex(segments);
            Optional<Orientation> o = exif < 0 ? Optional.empty()
                : Orientation.fromExif(tiff(segments.get(exif).payload()));
            if (o.isPresent()) {
                t = o.get().toUpright();
                segments = new ArrayList<>(segments);
                segments.set(exif, uprightExif(segments.get(exif)));
            }
        }
        TransformOptions.Crop c = transform.crop();
        TransformSpec spec = new TransformSpec(t,
            c == null ? null : new TransformSpec.Crop(c.width(), c.height(), c.x(), c.y()),
            transform.grayscale(), transform.trim(), transform.perfect());
        CoefficientImage out = CoefficientTransformer.apply(image, colorSpace, spec);
        int exif = exifIndex(segments);
        if (exif >= 0 && (out.width() != image.width() || out.height() != image.height())) {
            // As jpegtran's adjust_exif_parameters: the EXIF image size follows a crop or a quarter turn.
            CoefficientImage.Segment s = segments.get(exif);
            segments = new ArrayList<>(segments);
            segments.set(exif, withTiff(s, ExifDimensions.withSize(tiff(s.payload()), out.width(), out.height())));
        }
        return out.withSegments(segments);
    }

    /** The APP1 segment holding EXIF ("Exif\0" then a TIFF structure) with its Orientation tag set to 1. */
    public static CoefficientImage.Segment uprightExif(CoefficientImage.Segment exif) {
        return withTiff(exif, Orientation.rewriteExif(tiff(exif.payload()), Orientation.TOP_LEFT));
    }

    /** {@code exif} with the TIFF structure after its 6-byte identifier replaced by {@code tiff} (same length). */
    private static CoefficientImage.Segment withTiff(CoefficientImage.Segment exif, byte[] tiff) {
        byte[] p = exif.payload();
        byte[] out = Arrays.copyOf(p, p.length);
        System.arraycopy(tiff, 0, out, p.length - tiff.length, tiff.length);
        return new CoefficientImage.Segment(exif.marker(), out);
    }

    /** Index of the first APP1 segment that starts "Exif\0" (the one decoders read), or -1. */
    private static int exifIndex(List<CoefficientImage.Segment> segments) {
        for (int i = 0; i < segments.size(); i++) {
            byte[] p = segments.get(i).payload();
            if (segments.get(i).marker() == 0xE1 && p.length >= 6 && ApplicationSegments.startsWith(p, "Exif\0")) {
                return i;
            }
        }
        return -1;
    }

    /** The TIFF structure after the 6-byte "Exif\0\0" identifier. */
    private static byte[] tiff(byte[] payload) {
        return Arrays.copyOfRange(payload, Math.min(6, payload.length), payload.length);
    }
}
