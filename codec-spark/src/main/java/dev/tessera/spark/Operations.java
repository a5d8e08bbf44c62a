package dev.tessera.spark;

import dev.tessera.cli.Failures;
import dev.tessera.cli.ImageLoader;
import dev.tessera.cli.SourceImage;
import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.JpegTranscoder;
import dev.tessera.jpeg.TranscodeOptions;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.QualityEstimate;
import dev.tessera.metrics.Psnr;
import dev.tessera.metrics.Ssim;
import dev.tessera.metrics.Ssimulacra2;
import dev.tessera.tune.QualitySearch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * What the SQL functions and the batch job do to one file's bytes. Every method returns its failure as an
 * error string (the CLI's one-line message) instead of throwing, so a bad file becomes a row, never a failed
 * Spark task. Thread-safe: Spark runs many tasks in one executor JVM.
 */
final class Operations {
    /** Decodes JPEG files for metrics and quality searches, as the CLI's {@code Decoding} does. */
    private static final JpegDecoder DECODER = new JpegDecoder();
    /** One encoder per setting; encoders are immutable and thread-safe. */
    private static final Map<Setting, JpegEncoder> ENCODERS = new ConcurrentHashMap<>();
    /** Lossless rewrites; immutable and thread-safe. */
    private static final JpegTranscoder TRANSCODER = new JpegTranscoder();

    static {
        // ImageIO registered its plugins with the class loader of the thread that used it first. In a Spark
        // executor that may be a loader without the application jar; the task thread's loader has it.
        ImageIO.scanForPlugins();
    }

    private Operations() {
    }

    /** A result or the reason there is none. */
    record Outcome<T>(T value, String error) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> failed(Throwable e) {
            return new Outcome<>(null, Failures.describe(e));
        }
    }

    /** What {@link #info} reports. Sampling is "HxV" per component, e.g. "2x2,1x1,1x1". */
    record Info(int width, int height, int components, String process, String colorSpace, String sampling,
                Integer quality, boolean ijgTables, List<String> warnings) {
    }

    /** What {@link #metrics} reports; {@code ssim} is NaN for images smaller than its 11x11 window. */
    record Metrics(int width, int height, double psnrY, double psnrRgb, double ssim, double ssimulacra2) {
    }

    /**
     * An encoded file and the wall time of the encode (or of the whole quality search); quality 0 for files
     * rewritten losslessly.
     */
    record Encoded(byte[] jpeg, int width, int height, int quality, double encodeMs) {
    }

    /** Reads an input (PNG, BMP, GIF, PNM, TIFF or JPEG) as {@code tessera compress} reads it. */
    static SourceImage load(byte[] content, boolean keepMetadata) throws IOException {
        if (content == null || content.length == 0) {
            throw new IOException("empty file");
        }
        return ImageLoader.load(content, keepMetadata, warning -> { });
    }

    /** {@code tessera compress} on one file's bytes: the same output bytes for the same setting. */
    static Outcome<Encoded> compress(byte[] content, Setting setting) {
        try {
            SourceImage source = load(content, !setting.stripMetadata());
            return Outcome.of(encode(source, setting));
        } catch (Exception | OutOfMemoryError e) {
            return Outcome.failed(e);
        }
    }

    /**
     * {@code tessera optimize} on one JPEG file's bytes: the same pixels in fewer bytes, or the input itself
     * when nothing smaller is found (with the default coding).
     */
    static Outcome<Encoded> optimize(byte[] jpeg, TranscodeOptions options) {
        try {
            if (jpeg == null || jpeg.length == 0) {
                throw new IOException("empty file");
            }
            long t0 = System.nanoTime();
            byte[] result = TRANSCODER.optimize(jpeg, options);
            double ms = (System.nanoTime() - t0) / 1e6;
            return Outcome.of(new Encoded(result, 0, 0, 0, ms));
        } catch (Exception | OutOfMemoryError e) {
            return Outcome.failed(e);
        }
    }

    /** Encodes an image already read; a target setting searches for the quality as the CLI does. */
    static Encoded encode(SourceImage source, Setting setting) throws IOException {
        BufferedImage image = source.image();
        long t0 = System.nanoTime();
        byte[] jpeg;
        int quality = setting.quality();
        if (setting.targetSsimulacra2() == null) {
            JpegEncoder encoder = ENCODERS.computeIfAbsent(setting, s -> new JpegEncoder(s.options()));
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            encoder.encode(image, source.metadata(), out);
            jpeg = out.toByteArray();
        } else {
            QualitySearch.Result result = new QualitySearch(setting.options(), DECODER::decode)
                .search(image, source.metadata(), QualitySearch.Target.ssimulacra2(setting.targetSsimulacra2()));
            jpeg = result.jpeg();
            quality = result.quality();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Encoded(jpeg, image.getWidth(), image.getHeight(), quality, ms);
    }

    /**
     * The markers of a JPEG file (T.81 Annex B) and the warnings a full decode gives (damage libjpeg recovers
     * from). A file whose markers read but whose data does not decode still gives its header fields, with the
     * decode's error.
     */
    static Outcome<Info> info(byte[] jpeg) {
        if (jpeg == null || jpeg.length == 0) {
            return new Outcome<>(null, "empty file");
        }
        List<String> headerWarnings = new ArrayList<>();
        ImageInfo header;
        try {
            header = decoder(headerWarnings).readInfo(jpeg);
        } catch (Exception | OutOfMemoryError e) {
            return Outcome.failed(e);
        }
        // The decode reads the markers again, so its list holds the header's warnings too.
        List<String> warnings = new ArrayList<>();
        try {
            decoder(warnings).decode(jpeg);
            return Outcome.of(describe(header, warnings));
        } catch (Exception | OutOfMemoryError e) {
            return new Outcome<>(describe(header, headerWarnings), Failures.describe(e));
        }
    }

    private static JpegDecoder decoder(List<String> warnings) {
        return new JpegDecoder(DecoderOptions.DEFAULT.withListener(
            w -> warnings.add("offset " + w.offset() + ": " + w.kind() + ": " + w.detail())));
    }

    private static Info describe(ImageInfo info, List<String> warnings) {
        StringBuilder sampling = new StringBuilder();
        for (ComponentSpec c : info.components()) {
            sampling.append(sampling.length() == 0 ? "" : ",").append(c.horizontalSampling()).append('x')
                .append(c.verticalSampling());
        }
        QualityEstimate q = info.qualityEstimate();
        return new Info(info.width(), info.height(), info.components().size(), info.process().name(),
            info.colorSpace().name(), sampling.toString(), q == null ? null : q.quality(), q != null && q.ijg(),
            List.copyOf(warnings));
    }

    /** Distortion of a JPEG file against its original (any input format), as {@code tessera compare} measures. */
    static Outcome<Metrics> metrics(byte[] original, byte[] jpeg) {
        try {
            BufferedImage image = load(original, false).image();
            if (jpeg == null || jpeg.length == 0) {
                throw new IOException("empty JPEG file");
            }
            return Outcome.of(measure(image, DECODER.decode(jpeg)));
        } catch (Exception | OutOfMemoryError e) {
            return Outcome.failed(e);
        }
    }

    /** PSNR (luma and RGB), SSIM and SSIMULACRA 2 of a decoded result against its original. */
    static Metrics measure(BufferedImage original, BufferedImage decoded) throws IOException {
        if (decoded.getWidth() != original.getWidth() || decoded.getHeight() != original.getHeight()) {
            throw new IOException("the JPEG file is " + decoded.getWidth() + "x" + decoded.getHeight()
                + ", its original " + original.getWidth() + "x" + original.getHeight());
        }
        double ssim = original.getWidth() >= Ssim.WINDOW && original.getHeight() >= Ssim.WINDOW
            ? Ssim.luma(original, decoded) : Double.NaN;
        return new Metrics(original.getWidth(), original.getHeight(), Psnr.luma(original, decoded),
            Psnr.rgb(original, decoded), ssim, Ssimulacra2.score(original, decoded));
    }

    /** Decodes a JPEG file made by {@link #encode}. */
    static BufferedImage decode(byte[] jpeg) throws IOException {
        return DECODER.decode(jpeg);
    }
}
