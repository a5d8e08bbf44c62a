package dev.tessera.jpeg;

import dev.tessera.jpeg.decode.DecodePipeline;
import dev.tessera.jpeg.encode.CoefficientWriter;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.error.WarningListener;
import dev.tessera.jpeg.model.CoefficientImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lossless operations on JPEG files: reads a file's quantized DCT coefficients without decoding its pixels
 * ({@link #readCoefficients}), writes coefficients as a new file in another entropy coding ({@link #write}),
 * and does both to make a file smaller with the same pixels ({@link #optimize}), as {@code jpegtran -optimize}
 * does. Baseline, extended and progressive 8-bit files with Huffman or arithmetic coding are read; lossless
 * (SOF3) and 12-bit files are refused with an {@link UnsupportedJpegException}.
 *
 * <p>A transcoder holds only its immutable {@link DecoderOptions} (limits, strictness, warning listener), used
 * when reading; each call keeps its own state, so one instance may serve many threads at once.
 *
 * <pre>{@code
 * byte[] smaller = new JpegTranscoder().optimize(Files.readAllBytes(in), TranscodeOptions.DEFAULT);
 * }</pre>
 */
public final class JpegTranscoder {
    private final DecoderOptions options;

    /** A transcoder reading with {@link DecoderOptions#DEFAULT}. */
    public JpegTranscoder() {
        this(DecoderOptions.DEFAULT);
    }

    /** A transcoder reading with {@code options} (its limits, strictness and listener; scale and output ignored). */
    public JpegTranscoder(DecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public DecoderOptions options() {
        return options;
    }

    /**
     * The quantized coefficients of a whole file, with its tables, frame and APPn/COM segments, decoded as far as
     * the decoder decodes pixels (damaged data is recovered as libjpeg recovers it, with warnings to the
     * options' listener). Every component's plane covers whole MCUs.
     */
    public CoefficientImage readCoefficients(byte[] jpeg) throws JpegException {
        if (jpeg == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        return new DecodePipeline(jpeg, options.settings()).readCoefficients();
    }

    /**
     * Writes {@code image} as a JPEG file in {@code transcode}'s coding, with the segments its copy policy keeps.
     * {@link TranscodeOptions.Coding#SMALLEST} writes the smaller of the sequential and progressive files.
     *
     * @throws UnsupportedJpegException when the image cannot be written as an 8-bit DCT file (more than 4
     *                                  components, an MCU of more than 10 blocks, a coefficient out of range)
     */
    public byte[] write(CoefficientImage image, TranscodeOptions transcode) throws IOException {
        if (image == null || transcode == null) {
            throw new IllegalArgumentException("image and options must not be null");
        }
        List<CoefficientImage.Segment> kept = new ArrayList<>();
        for (CoefficientImage.Segment s : image.segments()) {
            if (transcode.copy().keeps(s.marker(), s.payload())) {
                kept.add(s);
            }
        }
        CoefficientWriter writer;
        try {
            writer = new CoefficientWriter(image.withSegments(kept));
        } catch (IllegalArgumentException e) {
            throw new UnsupportedJpegException(0, null, UnsupportedJpegException.Feature.OTHER, e.getMessage());
        }
        return switch (transcode.coding()) {
            case SMALLEST -> smaller(writer.write(CoefficientWriter.Coding.SEQUENTIAL),
                writer.write(CoefficientWriter.Coding.PROGRESSIVE));
            case SEQUENTIAL -> writer.write(CoefficientWriter.Coding.SEQUENTIAL);
            case PROGRESSIVE -> writer.write(CoefficientWriter.Coding.PROGRESSIVE);
            case ARITHMETIC -> smaller(writer.write(CoefficientWriter.Coding.ARITHMETIC_SEQUENTIAL),
                writer.write(CoefficientWriter.Coding.ARITHMETIC_PROGRESSIVE));
            case ARITHMETIC_SEQUENTIAL -> writer.write(CoefficientWriter.Coding.ARITHMETIC_SEQUENTIAL);
            case ARITHMETIC_PROGRESSIVE -> writer.write(CoefficientWriter.Coding.ARITHMETIC_PROGRESSIVE);
        };
    }

    /**
     * Rewrites a JPEG file from its own coefficients: the same pixels in every decoder, usually fewer bytes.
     * Restart markers are dropped (as jpegtran drops them). With {@link TranscodeOptions.Coding#SMALLEST} the
     * result is never larger than {@code jpeg}: when no coding is smaller, {@code jpeg} itself is returned.
     *
     * @throws MalformedJpegException   when the decoder reads the file only with warnings (damaged data) and
     *                                  {@link TranscodeOptions#force()} is off; the message names the first one
     * @throws UnsupportedJpegException for lossless (SOF3), 12-bit and hierarchical files
     */
    public byte[] optimize(byte[] jpeg, TranscodeOptions transcode) throws IOException {
        if (jpeg == null || transcode == null) {
            throw new IllegalArgumentException("data and options must not be null");
        }
        List<JpegWarning> warnings = new ArrayList<>();
        WarningListener user = options.listener();
        WarningListener both = w -> {
            warnings.add(w);
            user.warningOccurred(w);
        };
        CoefficientImage image = new DecodePipeline(jpeg, options.toBuilder().listener(both).build().settings())
            .readCoefficients();
        if (!warnings.isEmpty() && !transcode.force()) {
            JpegWarning first = warnings.get(0);
            throw new MalformedJpegException(first.offset(), null, "damaged data (" + first.detail()
                + "); not optimized without force");
        }
        image = new CoefficientImage(image.frame(), image.quantTables(), image.components(), image.segments(), 0);
        byte[] result = write(image, transcode);
        if (transcode.coding() == TranscodeOptions.Coding.SMALLEST && result.length >= jpeg.length) {
            return jpeg;
        }
        return result;
    }

    private static byte[] smaller(byte[] a, byte[] b) {
        return b.length < a.length ? b : a;
    }
}
