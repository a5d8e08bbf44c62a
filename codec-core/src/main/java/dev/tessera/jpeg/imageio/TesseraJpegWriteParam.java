package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.Preset;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import java.util.Locale;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;

/**
 * The default write parameters of Tessera's JPEG writer: a {@link JPEGImageWriteParam}, so code written for
 * the JDK's writer (casts, {@code setOptimizeHuffmanTables}, {@code setEncodeTables}) works unchanged, plus
 * Tessera's own settings.
 *
 * <p>Defaults: quality 0.75 when {@code MODE_EXPLICIT} is chosen (the JDK's default), optimized Huffman tables
 * <em>on</em> (the JDK's default is off), progressive off, subsampling and restart interval taken from the image
 * metadata or else 4:2:0 and none, and no {@linkplain #setPreset preset}: the writer then writes what the JDK's
 * writer would (Annex K tables scaled by quality, plain rounding).
 *
 * <p>{@link #setThreads} sets the threads one write may use, as {@link EncoderOptions#threads()} says; writes
 * start from {@link EncoderOptions#AUTO_THREADS} (a second thread for a large image while a core is idle), or
 * from the system property {@value #THREADS_PROPERTY} when it is set ({@code auto} or a whole number from 1),
 * which writes without a param, such as {@code ImageIO.write}, use too. The bytes are the same for every value.
 */
public class TesseraJpegWriteParam extends JPEGImageWriteParam {
    /** System property with the threads writes start from: {@code auto} (the default) or a whole number from 1. */
    public static final String THREADS_PROPERTY = "dev.tessera.imageio.encodeThreads";

    private Subsampling subsampling;
    private RestartInterval restartInterval;
    private Preset preset;
    private int threads = defaultThreads();

    public TesseraJpegWriteParam(Locale locale) {
        super(locale);
        setOptimizeHuffmanTables(true);
    }

    /** Chroma subsampling, or {@code null} (the default) to take it from the metadata, else 4:2:0. */
    public Subsampling getSubsampling() {
        return subsampling;
    }

    /** Sets the chroma subsampling of colour images; {@code null} takes it from the metadata. */
    public void setSubsampling(Subsampling subsampling) {
        this.subsampling = subsampling;
    }

    /** The restart interval, or {@code null} (the default) to take it from the metadata's DRI, else none. */
    public RestartInterval getRestartInterval() {
        return restartInterval;
    }

    /** Sets the restart interval; {@code null} takes it from the metadata. */
    public void setRestartInterval(RestartInterval restartInterval) {
        this.restartInterval = restartInterval;
    }

    /** The compression preset, or {@code null} (the default) for the JDK writer's tables and rounding. */
    public Preset getPreset() {
        return preset;
    }

    /**
     * Encodes with one of Tessera's {@link Preset}s (docs/compression.md) instead of the JDK writer's Annex K
     * tables: {@link Preset#DEFAULT} writes about 20% fewer bytes at the same look. Quality still comes from
     * {@code MODE_EXPLICIT} (0..1 as IJG quality {@code round(100 q)}; 75 otherwise), and tables set with
     * {@code setEncodeTables} still win; quantization tables in the image metadata are ignored, since the
     * preset chooses its own. Progressive: the preset decides (with {@code MODE_DISABLED}, the JDK param's
     * default), unless the progressive mode is {@code MODE_DEFAULT} (always progressive) or
     * {@code MODE_COPY_FROM_METADATA} with a {@code sof} node in the metadata (its frame type). {@code null}
     * restores the JDK writer's behaviour.
     */
    public void setPreset(Preset preset) {
        this.preset = preset;
    }

    /** Threads a write with this param may use: 1..{@value EncoderOptions#MAX_THREADS}, or {@code AUTO_THREADS} (0). */
    public int getThreads() {
        return threads;
    }

    /**
     * Sets the threads a write may use: 1 encodes on the calling thread alone; more quantize stripes of the image
     * on worker threads ({@link EncoderOptions#withThreads}); {@link EncoderOptions#AUTO_THREADS} decides per
     * write from the machine's load. The bytes are the same for every value.
     *
     * @throws IllegalArgumentException unless 0 &lt;= threads &lt;= {@value EncoderOptions#MAX_THREADS}
     */
    public void setThreads(int threads) {
        if (threads < 0 || threads > EncoderOptions.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1.." + EncoderOptions.MAX_THREADS
                + ", or AUTO_THREADS (0), found " + threads);
        }
        this.threads = threads;
    }

    /**
     * The threads writes start from: the system property {@value #THREADS_PROPERTY} when it holds {@code auto} or
     * a whole number 1..{@value EncoderOptions#MAX_THREADS}, else {@link EncoderOptions#AUTO_THREADS}.
     */
    static int defaultThreads() {
        return ThreadsProperty.read(THREADS_PROPERTY, EncoderOptions.MAX_THREADS); // 0 is EncoderOptions.AUTO_THREADS
    }
}
