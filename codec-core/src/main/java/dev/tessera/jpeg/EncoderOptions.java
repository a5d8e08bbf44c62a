package dev.tessera.jpeg;

import dev.tessera.jpeg.model.QuantTable;

/**
 * Settings for {@link JpegEncoder}. Immutable; derive variants with the {@code with...} methods.
 *
 * @param quality         IJG quality 1..100 for the luma table (and chroma unless {@code chromaQuality} differs)
 * @param chromaQuality   IJG quality 1..100 for the chroma table
 * @param subsampling     chroma subsampling of colour images
 * @param optimizeHuffman build Huffman tables from the image's statistics (T.81 K.2) instead of the Annex K
 *                        examples: smaller files, two passes over the coefficients
 * @param progressive     write a progressive file (SOF2, T.81 Annex G) that renders coarse-to-fine; its
 *                        Huffman tables are always optimized per scan, and it holds all coefficients in memory
 *                        (2 bytes each)
 * @param restartInterval restart markers, or {@link RestartInterval#NONE}
 * @param background      RGB colour (0xRRGGBB) that transparent pixels are composited onto
 * @param lumaTable       a custom luma quantization table used as given, or {@code null} to scale Annex K
 *                        Table K.1 by {@code quality}
 * @param chromaTable     a custom chroma table used as given, or {@code null} to scale Table K.2
 * @param tables          the base tables {@code quality} scales (ignored where a custom table is given)
 * @param trellis         rate-distortion optimised quantization of AC coefficients (slower, smaller)
 * @param adaptiveQuantization per-block rate-distortion strength from visual masking (needs {@code trellis})
 * @param threads         threads that encode one image, 1..{@value #MAX_THREADS}; the output bytes are the same
 *                        for every value (see {@link #withThreads})
 * @param scanSearch      for progressive files: code the image with each of several scan scripts and keep the
 *                        smallest (about 0.5% smaller than the one fixed script used otherwise, and slower;
 *                        see {@link #withScanSearch})
 * @param sequentialIfSmaller for progressive files: write the sequential coding of the same coefficients instead
 *                        when it is smaller (see {@link #withSequentialIfSmaller})
 */
public record EncoderOptions(int quality, int chromaQuality, Subsampling subsampling, boolean optimizeHuffman,
                             boolean progressive, RestartInterval restartInterval, int background,
                             QuantTable lumaTable, QuantTable chromaTable, QuantTables tables, boolean trellis,
                             boolean adaptiveQuantization, int threads, boolean scanSearch,
                             boolean sequentialIfSmaller) {

    /** The most threads one encode may use. */
    public static final int MAX_THREADS = 256;

    /**
     * Quality 75, 4:2:0, sequential with optimized Huffman tables, no restarts, white background, Annex K
     * tables, plain rounding: the same quantized coefficients as libjpeg's {@code cjpeg -optimize} (sizes within 0.1%) (the
     * {@link Preset#BASELINE_COMPATIBLE} preset).
     */
    public static final EncoderOptions BASELINE_COMPATIBLE = new EncoderOptions(75, 75, Subsampling.S420, true,
        false, RestartInterval.NONE, 0xFFFFFF, null, null, QuantTables.ANNEX_K, false, false, 1, false, false);

    /**
     * Quality 75, 4:2:0, no restarts, white background, and the {@link Preset#DEFAULT} techniques: perceptual
     * tables, trellis quantization, and progressive scans with one fixed scan script (Huffman tables optimized
     * per scan), or the sequential file of the same coefficients when that is smaller. Progressive coding keeps
     * every quantized coefficient until the scans are written (2 bytes each: 3 bytes a pixel at 4:2:0);
     * {@code withProgressive(false)} always gives the sequential file, which with optimized tables reads a large
     * image twice rather than holding it, and {@code withProgressive(true)} always a progressive one.
     */
    public static final EncoderOptions DEFAULT = BASELINE_COMPATIBLE.withPreset(Preset.DEFAULT);

    public EncoderOptions {
        checkQuality("quality", quality);
        checkQuality("chroma quality", chromaQuality);
        if (subsampling == null) {
            throw new IllegalArgumentException("subsampling must not be null");
        }
        if (restartInterval == null) {
            throw new IllegalArgumentException("restart interval must not be null (use RestartInterval.NONE)");
        }
        if ((background & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("background must be an RGB value 0x000000..0xFFFFFF");
        }
        if (tables == null) {
            throw new IllegalArgumentException("tables must not be null");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1.." + MAX_THREADS + ", found " + threads);
        }
    }

    /**
     * Sets the number of threads that encode one image (1 encodes on the calling thread). The file is the
     * same, byte for byte, for every thread count: stripes of MCU rows are quantized on worker threads and
     * entropy-coded in order; when the restart interval is a whole number of MCU rows the stripes are also
     * entropy-coded in parallel, since each restart interval codes independently (T.81 F.1.1.5.1).
     *
     * @throws IllegalArgumentException unless 1 &lt;= threads &lt;= {@value #MAX_THREADS}
     */
    public EncoderOptions withThreads(int threads) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, progressive, restartInterval,
            background, lumaTable, chromaTable, tables, trellis, adaptiveQuantization,
            threads, scanSearch, sequentialIfSmaller);
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

    /**
     * Sets the compression techniques of a preset (tables, trellis, adaptive quantization, progressive, scan
     * script search), keeping quality, subsampling, restarts, background and custom tables.
     */
    public EncoderOptions withPreset(Preset preset) {
        if (preset == null) {
            throw new IllegalArgumentException("preset must not be null");
        }
        return new EncoderOptions(quality, chromaQuality, subsampling, true, preset.progressive(), restartInterval,
            background, lumaTable, chromaTable, preset.tables(), preset.trellis(), preset.adaptiveQuantization(),
            threads, preset.scanSearch(), preset.sequentialIfSmaller());
    }

    /** Sets both luma and chroma quality. */
    public EncoderOptions withQuality(int q) {
        return new EncoderOptions(q, q, subsampling, optimizeHuffman, progressive, restartInterval, background,
            lumaTable, chromaTable, tables, trellis, adaptiveQuantization, threads, scanSearch, sequentialIfSmaller);
    }

    public EncoderOptions withChromaQuality(int q) {
        return new EncoderOptions(quality, q, subsampling, optimizeHuffman, progressive, restartInterval, background,
            lumaTable, chromaTable, tables, trellis, adaptiveQuantization, threads, scanSearch, sequentialIfSmaller);
    }

    public EncoderOptions withSubsampling(Subsampling s) {
        return new EncoderOptions(quality, chromaQuality, s, optimizeHuffman, progressive, restartInterval, background,
            lumaTable, chromaTable, tables, trellis, adaptiveQuantization, threads, scanSearch, sequentialIfSmaller);
    }

    public EncoderOptions withOptimizeHuffman(boolean optimize) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimize, progressive, restartInterval,
            background, lumaTable, chromaTable, tables, trellis, adaptiveQuantization,
            threads, scanSearch, sequentialIfSmaller);
    }

    /**
     * Chooses the coding process outright: {@code true} always writes a progressive file (SOF2), {@code false}
     * always a sequential one. Either way this turns {@link #sequentialIfSmaller()} off; see
     * {@link #withSequentialIfSmaller} for the presets' choice of the smaller file.
     */
    public EncoderOptions withProgressive(boolean value) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, value, restartInterval,
            background, lumaTable, chromaTable, tables, trellis, adaptiveQuantization, threads, scanSearch, false);
    }

    /**
     * For progressive files, whether to also code the same quantized coefficients as one sequential scan
     * (T.81 Annex F, optimized Huffman tables) and write that file instead when it is smaller, as
     * {@link Preset#DEFAULT} and {@link Preset#SMALLEST} do. The decoded pixels are the same either way; small
     * images, where each progressive scan's tables and headers weigh most, are usually smaller sequential.
     * Ignored for sequential files.
     */
    public EncoderOptions withSequentialIfSmaller(boolean value) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, progressive, restartInterval,
            background, lumaTable, chromaTable, tables, trellis, adaptiveQuantization, threads, scanSearch, value);
    }

    public EncoderOptions withRestartInterval(RestartInterval r) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, progressive, r, background,
            lumaTable, chromaTable, tables, trellis, adaptiveQuantization, threads, scanSearch, sequentialIfSmaller);
    }

    public EncoderOptions withBackground(int rgb) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, progressive, restartInterval,
            rgb, lumaTable, chromaTable, tables, trellis, adaptiveQuantization,
            threads, scanSearch, sequentialIfSmaller);
    }

    /** Custom quantization tables, used as given (either may be {@code null} for the scaled default). */
    public EncoderOptions withTables(QuantTable luma, QuantTable chroma) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, progressive, restartInterval,
            background, luma, chroma, tables, trellis, adaptiveQuantization, threads, scanSearch, sequentialIfSmaller);
    }

    /** The base tables the quality scales. */
    public EncoderOptions withTables(QuantTables t) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, progressive, restartInterval,
            background, lumaTable, chromaTable, t, trellis, adaptiveQuantization,
            threads, scanSearch, sequentialIfSmaller);
    }

    public EncoderOptions withTrellis(boolean value) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, progressive, restartInterval,
            background, lumaTable, chromaTable, tables, value, adaptiveQuantization,
            threads, scanSearch, sequentialIfSmaller);
    }

    /**
     * For progressive files, whether to try several scan scripts (T.81 G.1.1: which coefficients and bits each
     * scan sends) and keep the smallest file, as {@link Preset#SMALLEST} does, rather than code one fixed
     * script as {@link Preset#DEFAULT} does. The coefficients, and so the decoded pixels, are the same either
     * way. Ignored for sequential files and for CMYK, which has one script.
     */
    public EncoderOptions withScanSearch(boolean value) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, progressive, restartInterval,
            background, lumaTable, chromaTable, tables, trellis, adaptiveQuantization,
            threads, value, sequentialIfSmaller);
    }

    public EncoderOptions withAdaptiveQuantization(boolean value) {
        return new EncoderOptions(quality, chromaQuality, subsampling, optimizeHuffman, progressive, restartInterval,
            background, lumaTable, chromaTable, tables, trellis, value, threads, scanSearch, sequentialIfSmaller);
    }
}
