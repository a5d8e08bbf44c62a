package dev.tessera.jpeg;

import dev.tessera.jpeg.encode.EncodeSettings;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.jpeg.simd.AutoThreads;
import java.util.Objects;

/**
 * Settings for {@link JpegEncoder}. Immutable and thread-safe; start from {@link #DEFAULT},
 * {@link #BASELINE_COMPATIBLE} or {@link #of(Preset)}, then change one option with a {@code with...} method or
 * several with {@link #toBuilder()}. Every option, its default and how it interacts with the others:
 *
 * <table>
 * <caption>Encoder options ({@link #DEFAULT} / {@link #BASELINE_COMPATIBLE})</caption>
 * <tr><th>option</th><th>default</th><th>meaning and interactions</th></tr>
 * <tr><td>{@link #quality()}</td><td>75 / 75</td><td>IJG quality 1..100 scaling the luma table (and the chroma
 *     table: {@link #withQuality} sets both); ignored for a custom table</td></tr>
 * <tr><td>{@link #chromaQuality()}</td><td>75 / 75</td><td>IJG quality 1..100 of the chroma table
 *     alone</td></tr>
 * <tr><td>{@link #subsampling()}</td><td>4:2:0</td><td>chroma subsampling of colour images; not used for gray
 *     and CMYK (full resolution)</td></tr>
 * <tr><td>{@link #tables()}</td><td>PERCEPTUAL / ANNEX_K</td><td>the base tables quality scales; set by a
 *     preset</td></tr>
 * <tr><td>{@link #lumaTable()}, {@link #chromaTable()}</td><td>none</td><td>custom tables used as given,
 *     overriding quality and base tables for that table</td></tr>
 * <tr><td>{@link #optimizeHuffman()}</td><td>true / true</td><td>Huffman tables built for the image (T.81
 *     K.2) instead of the Annex K examples: smaller files, two passes over the coefficients. Every preset turns
 *     it on; turn it off after the preset for the examples (progressive files always optimize per scan)</td></tr>
 * <tr><td>{@link #progressive()}</td><td>true / false</td><td>progressive file (SOF2, T.81 Annex G); holds all
 *     quantized coefficients (2 bytes each) until the scans are written. {@link #withProgressive} also turns
 *     {@link #sequentialIfSmaller()} off</td></tr>
 * <tr><td>{@link #sequentialIfSmaller()}</td><td>true / false</td><td>progressive only: write the sequential
 *     coding of the same coefficients when it is smaller</td></tr>
 * <tr><td>{@link #scanSearch()}</td><td>false / false</td><td>progressive only: code several scan scripts and
 *     keep the smallest (set by {@link Preset#SMALLEST})</td></tr>
 * <tr><td>{@link #trellis()}</td><td>true / false</td><td>rate-distortion optimised quantization of AC
 *     coefficients (slower, smaller)</td></tr>
 * <tr><td>{@link #adaptiveQuantization()}</td><td>false / false</td><td>per-block strength from visual masking;
 *     has an effect only with {@link #trellis()}</td></tr>
 * <tr><td>{@link #restartInterval()}</td><td>none</td><td>RSTn markers every N MCUs or MCU rows (T.81
 *     B.2.4.4)</td></tr>
 * <tr><td>{@link #background()}</td><td>0xFFFFFF</td><td>RGB that transparent pixels are composited
 *     onto</td></tr>
 * <tr><td>{@link #threads()}</td><td>1</td><td>threads encoding one image, 1..{@value #MAX_THREADS}, or
 *     {@link #AUTO_THREADS}; the bytes are the same for every value</td></tr>
 * </table>
 *
 * <p>{@link #withPreset} sets the techniques of a preset (tables, trellis, adaptive quantization, progressive,
 * scan search, sequential-if-smaller, and optimized Huffman tables) and keeps quality, subsampling, restarts,
 * background, custom tables and threads. Options set after it override it.
 */
public final class EncoderOptions {
    /** The most threads one encode may use. */
    public static final int MAX_THREADS = 256;
    /**
     * {@link #threads()} value that decides per image, as {@code DecoderOptions.AUTO_THREADS} does: 2 threads for
     * an image of at least {@value #MIN_PIXELS_FOR_THREADS} pixels when the machine has at least 2 processors and
     * fewer threads runnable at the start of the encode than processors (on Linux; elsewhere the one-minute load
     * average below the processor count), else 1.
     */
    public static final int AUTO_THREADS = AutoThreads.AUTO;
    /** Images of fewer pixels are encoded on the calling thread under {@link #AUTO_THREADS}. */
    public static final long MIN_PIXELS_FOR_THREADS = AutoThreads.MIN_PIXELS;

    /**
     * Quality 75, 4:2:0, sequential with optimized Huffman tables, no restarts, white background, Annex K
     * tables, plain rounding: the same quantized coefficients as libjpeg's {@code cjpeg -optimize} (sizes within
     * 0.1%) (the {@link Preset#BASELINE_COMPATIBLE} preset).
     */
    public static final EncoderOptions BASELINE_COMPATIBLE = new Builder().build();

    /**
     * Quality 75, 4:2:0, no restarts, white background, and the {@link Preset#DEFAULT} techniques: perceptual
     * tables, trellis quantization, and progressive scans with one fixed scan script (Huffman tables optimized
     * per scan), or the sequential file of the same coefficients when that is smaller. Progressive coding keeps
     * every quantized coefficient until the scans are written (2 bytes each: 3 bytes a pixel at 4:2:0);
     * {@code withProgressive(false)} always gives the sequential file, which with optimized tables reads a large
     * image twice rather than holding it, and {@code withProgressive(true)} always a progressive one.
     */
    public static final EncoderOptions DEFAULT = BASELINE_COMPATIBLE.withPreset(Preset.DEFAULT);

    private final int quality;
    private final int chromaQuality;
    private final Subsampling subsampling;
    private final boolean optimizeHuffman;
    private final boolean progressive;
    private final RestartInterval restartInterval;
    private final int background;
    private final QuantTable lumaTable;
    private final QuantTable chromaTable;
    private final QuantTables tables;
    private final boolean trellis;
    private final boolean adaptiveQuantization;
    private final int threads;
    private final boolean scanSearch;
    private final boolean sequentialIfSmaller;

    private EncoderOptions(Builder b) {
        checkQuality("quality", b.quality);
        checkQuality("chroma quality", b.chromaQuality);
        if (b.subsampling == null) {
            throw new IllegalArgumentException("subsampling must not be null");
        }
        if (b.restartInterval == null) {
            throw new IllegalArgumentException("restart interval must not be null (use RestartInterval.NONE)");
        }
        if ((b.background & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("background must be an RGB value 0x000000..0xFFFFFF");
        }
        if (b.tables == null) {
            throw new IllegalArgumentException("tables must not be null");
        }
        if (b.threads < 0 || b.threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1.." + MAX_THREADS + ", or AUTO_THREADS (0), found "
                + b.threads);
        }
        quality = b.quality;
        chromaQuality = b.chromaQuality;
        subsampling = b.subsampling;
        optimizeHuffman = b.optimizeHuffman;
        progressive = b.progressive;
        restartInterval = b.restartInterval;
        background = b.background;
        lumaTable = b.lumaTable;
        chromaTable = b.chromaTable;
        tables = b.tables;
        trellis = b.trellis;
        adaptiveQuantization = b.adaptiveQuantization;
        threads = b.threads;
        scanSearch = b.scanSearch;
        sequentialIfSmaller = b.sequentialIfSmaller;
    }

    private static void checkQuality(String name, int q) {
        if (q < 1 || q > 100) {
            throw new IllegalArgumentException(name + " must be 1..100, found " + q);
        }
    }

    /** The options of a preset at quality 75 (see {@link Preset}). */
    public static EncoderOptions of(Preset preset) {
        return DEFAULT.withPreset(preset);
    }

    /** A builder holding these options, to change several at once. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The plain values the encode drivers work from. */
    EncodeSettings settings() {
        return new EncodeSettings(quality, chromaQuality, subsampling, optimizeHuffman, progressive,
            restartInterval, background, lumaTable, chromaTable, tables == QuantTables.PERCEPTUAL, trellis,
            adaptiveQuantization, threads, scanSearch, sequentialIfSmaller);
    }

    public int quality() {
        return quality;
    }

    public int chromaQuality() {
        return chromaQuality;
    }

    public Subsampling subsampling() {
        return subsampling;
    }

    public boolean optimizeHuffman() {
        return optimizeHuffman;
    }

    public boolean progressive() {
        return progressive;
    }

    public RestartInterval restartInterval() {
        return restartInterval;
    }

    public int background() {
        return background;
    }

    /** The custom luma table, or {@code null} to scale the base table by {@link #quality()}. */
    public QuantTable lumaTable() {
        return lumaTable;
    }

    /** The custom chroma table, or {@code null} to scale the base table by {@link #chromaQuality()}. */
    public QuantTable chromaTable() {
        return chromaTable;
    }

    public QuantTables tables() {
        return tables;
    }

    public boolean trellis() {
        return trellis;
    }

    public boolean adaptiveQuantization() {
        return adaptiveQuantization;
    }

    public int threads() {
        return threads;
    }

    public boolean scanSearch() {
        return scanSearch;
    }

    public boolean sequentialIfSmaller() {
        return sequentialIfSmaller;
    }

    /**
     * Sets the techniques of a preset (tables, trellis, adaptive quantization, progressive, scan script search,
     * sequential-if-smaller, and optimized Huffman tables, which every preset uses), keeping quality,
     * subsampling, restarts, background, custom tables and threads.
     */
    public EncoderOptions withPreset(Preset preset) {
        return toBuilder().preset(preset).build();
    }

    /** Sets both luma and chroma quality, 1..100. */
    public EncoderOptions withQuality(int q) {
        return toBuilder().quality(q).build();
    }

    /** Sets the chroma quality alone, 1..100. */
    public EncoderOptions withChromaQuality(int q) {
        return toBuilder().chromaQuality(q).build();
    }

    public EncoderOptions withSubsampling(Subsampling s) {
        return toBuilder().subsampling(s).build();
    }

    public EncoderOptions withOptimizeHuffman(boolean optimize) {
        return toBuilder().optimizeHuffman(optimize).build();
    }

    /**
     * Chooses the coding process outright: {@code true} always writes a progressive file (SOF2), {@code false}
     * always a sequential one. Either way this turns {@link #sequentialIfSmaller()} off; see
     * {@link #withSequentialIfSmaller} for the presets' choice of the smaller file.
     */
    public EncoderOptions withProgressive(boolean value) {
        return toBuilder().progressive(value).build();
    }

    /**
     * For progressive files, whether to also code the same quantized coefficients as one sequential scan
     * (T.81 Annex F, optimized Huffman tables) and write that file instead when it is smaller, as
     * {@link Preset#DEFAULT} and {@link Preset#SMALLEST} do. The decoded pixels are the same either way; small
     * images, where each progressive scan's tables and headers weigh most, are usually smaller sequential.
     * Ignored for sequential files.
     */
    public EncoderOptions withSequentialIfSmaller(boolean value) {
        return toBuilder().sequentialIfSmaller(value).build();
    }

    public EncoderOptions withRestartInterval(RestartInterval r) {
        return toBuilder().restartInterval(r).build();
    }

    public EncoderOptions withBackground(int rgb) {
        return toBuilder().background(rgb).build();
    }

    /** Custom quantization tables, used as given (either may be {@code null} for the scaled default). */
    public EncoderOptions withTables(QuantTable luma, QuantTable chroma) {
        return toBuilder().customTables(luma, chroma).build();
    }

    /** The base tables the quality scales. */
    public EncoderOptions withTables(QuantTables t) {
        return toBuilder().tables(t).build();
    }

    public EncoderOptions withTrellis(boolean value) {
        return toBuilder().trellis(value).build();
    }

    /**
     * For progressive files, whether to try several scan scripts (T.81 G.1.1: which coefficients and bits each
     * scan sends) and keep the smallest file, as {@link Preset#SMALLEST} does, rather than code one fixed
     * script as {@link Preset#DEFAULT} does. The coefficients, and so the decoded pixels, are the same either
     * way. Ignored for sequential files and for CMYK, which has one script.
     */
    public EncoderOptions withScanSearch(boolean value) {
        return toBuilder().scanSearch(value).build();
    }

    public EncoderOptions withAdaptiveQuantization(boolean value) {
        return toBuilder().adaptiveQuantization(value).build();
    }

    /**
     * Sets the number of threads that encode one image (1 encodes on the calling thread). The file is the
     * same, byte for byte, for every thread count: stripes of MCU rows are quantized on worker threads and
     * entropy-coded in order; when the restart interval is a whole number of MCU rows the stripes are also
     * entropy-coded in parallel, since each restart interval codes independently (T.81 F.1.1.5.1).
     * {@link #AUTO_THREADS} decides per image from the machine's load.
     *
     * @throws IllegalArgumentException unless 0 &lt;= threads &lt;= {@value #MAX_THREADS}
     */
    public EncoderOptions withThreads(int threads) {
        return toBuilder().threads(threads).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncoderOptions other && settings().equals(other.settings()) && tables == other.tables;
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings(), tables);
    }

    @Override
    public String toString() {
        return "EncoderOptions[quality=" + quality + ", chromaQuality=" + chromaQuality + ", subsampling="
            + subsampling + ", optimizeHuffman=" + optimizeHuffman + ", progressive=" + progressive
            + ", restartInterval=" + restartInterval + ", background=" + String.format("0x%06X", background)
            + ", lumaTable=" + (lumaTable != null ? "custom" : "scaled") + ", chromaTable="
            + (chromaTable != null ? "custom" : "scaled") + ", tables=" + tables + ", trellis=" + trellis
            + ", adaptiveQuantization=" + adaptiveQuantization + ", threads=" + threads + ", scanSearch="
            + scanSearch + ", sequentialIfSmaller=" + sequentialIfSmaller + "]";
    }

    /**
     * Collects options to change together; {@link #build()} checks them. Starts from
     * {@link EncoderOptions#BASELINE_COMPATIBLE} ({@link EncoderOptions#toBuilder()} from any options). Not
     * thread-safe; the options it builds are.
     */
    public static final class Builder {
        private int quality = 75;
        private int chromaQuality = 75;
        private Subsampling subsampling = Subsampling.S420;
        private boolean optimizeHuffman = true;
        private boolean progressive;
        private RestartInterval restartInterval = RestartInterval.NONE;
        private int background = 0xFFFFFF;
        private QuantTable lumaTable;
        private QuantTable chromaTable;
        private QuantTables tables = QuantTables.ANNEX_K;
        private boolean trellis;
        private boolean adaptiveQuantization;
        private int threads = 1;
        private boolean scanSearch;
        private boolean sequentialIfSmaller;

        /** A builder holding {@link EncoderOptions#BASELINE_COMPATIBLE}. */
        public Builder() {
        }

        private Builder(EncoderOptions o) {
            quality = o.quality;
            chromaQuality = o.chromaQuality;
            subsampling = o.subsampling;
            optimizeHuffman = o.optimizeHuffman;
            progressive = o.progressive;
            restartInterval = o.restartInterval;
            background = o.background;
            lumaTable = o.lumaTable;
            chromaTable = o.chromaTable;
            tables = o.tables;
            trellis = o.trellis;
            adaptiveQuantization = o.adaptiveQuantization;
            threads = o.threads;
            scanSearch = o.scanSearch;
            sequentialIfSmaller = o.sequentialIfSmaller;
        }

        /** The techniques of a preset (see {@link EncoderOptions#withPreset}). */
        public Builder preset(Preset preset) {
            if (preset == null) {
                throw new IllegalArgumentException("preset must not be null");
            }
            optimizeHuffman = true;
            progressive = preset.progressive();
            tables = preset.tables();
            trellis = preset.trellis();
            adaptiveQuantization = preset.adaptiveQuantization();
            scanSearch = preset.scanSearch();
            sequentialIfSmaller = preset.sequentialIfSmaller();
            return this;
        }

        /** Luma and chroma quality, 1..100. */
        public Builder quality(int value) {
            quality = value;
            chromaQuality = value;
            return this;
        }

        public Builder chromaQuality(int value) {
            chromaQuality = value;
            return this;
        }

        public Builder subsampling(Subsampling value) {
            subsampling = value;
            return this;
        }

        public Builder optimizeHuffman(boolean value) {
            optimizeHuffman = value;
            return this;
        }

        /** Progressive or sequential outright; turns sequential-if-smaller off. */
        public Builder progressive(boolean value) {
            progressive = value;
            sequentialIfSmaller = false;
            return this;
        }

        public Builder sequentialIfSmaller(boolean value) {
            sequentialIfSmaller = value;
            return this;
        }

        public Builder restartInterval(RestartInterval value) {
            restartInterval = value;
            return this;
        }

        public Builder background(int rgb) {
            background = rgb;
            return this;
        }

        /** Custom tables used as given; either may be {@code null} for the scaled base table. */
        public Builder customTables(QuantTable luma, QuantTable chroma) {
            lumaTable = luma;
            chromaTable = chroma;
            return this;
        }

        public Builder tables(QuantTables value) {
            tables = value;
            return this;
        }

        public Builder trellis(boolean value) {
            trellis = value;
            return this;
        }

        public Builder adaptiveQuantization(boolean value) {
            adaptiveQuantization = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder scanSearch(boolean value) {
            scanSearch = value;
            return this;
        }

        /**
         * The options collected.
         *
         * @throws IllegalArgumentException naming the first option out of range
         */
        public EncoderOptions build() {
            return new EncoderOptions(this);
        }
    }
}
