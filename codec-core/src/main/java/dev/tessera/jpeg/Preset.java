package dev.tessera.jpeg;

/**
 * Named combinations of compression techniques. Every preset writes standard JPEG that any decoder reads;
 * they differ in how hard the encoder works for a smaller file at the same look. Figures per preset are in
 * docs/compression.md. The accessors below say what each technique is.
 */
public enum Preset {
    /**
     * Plain IJG quantization with Annex K tables: the quantized coefficients of libjpeg's {@code cjpeg -optimize}
     * (sizes within 0.1%).
     */
    BASELINE_COMPATIBLE(QuantTables.ANNEX_K, false, false, false, false, false),
    /** Perceptual tables with plain rounding, sequential: as fast as {@link #BASELINE_COMPATIBLE}. */
    FAST(QuantTables.PERCEPTUAL, false, false, false, false, false),
    /**
     * Perceptual tables, trellis quantization and progressive scans with one fixed scan script, or the
     * sequential file of the same coefficients when that is smaller (small images): the default.
     * Holds the image's quantized coefficients until the scans are written (see {@link EncoderOptions#DEFAULT}).
     */
    DEFAULT(QuantTables.PERCEPTUAL, true, false, true, false, true),
    /**
     * As {@link #DEFAULT}, but the progressive scans are coded with several scan scripts and the smallest file
     * is kept: the same pixels in slightly smaller files, slower.
     */
    SMALLEST(QuantTables.PERCEPTUAL, true, false, true, true, true);

    private final QuantTables tables;
    private final boolean trellis;
    private final boolean adaptiveQuantization;
    private final boolean progressive;
    private final boolean scanSearch;
    private final boolean sequentialIfSmaller;

    Preset(QuantTables tables, boolean trellis, boolean adaptiveQuantization, boolean progressive,
           boolean scanSearch, boolean sequentialIfSmaller) {
        this.tables = tables;
        this.trellis = trellis;
        this.adaptiveQuantization = adaptiveQuantization;
        this.progressive = progressive;
        this.scanSearch = scanSearch;
        this.sequentialIfSmaller = sequentialIfSmaller;
    }

    /** The base quantization tables. */
    public QuantTables tables() {
        return tables;
    }

    /** Whether quantization is rate-distortion optimised (trellis). */
    public boolean trellis() {
        return trellis;
    }

    /** Whether the quantization strength follows per-block masking. */
    public boolean adaptiveQuantization() {
        return adaptiveQuantization;
    }

    /** Whether the file is written with progressive (SOF2) scans. */
    public boolean progressive() {
        return progressive;
    }

    /** Progressive: whether the smallest of several scan scripts is kept rather than one script coded. */
    public boolean scanSearch() {
        return scanSearch;
    }

    /** Progressive: whether the sequential file of the same coefficients is written when it is smaller. */
    public boolean sequentialIfSmaller() {
        return sequentialIfSmaller;
    }
}
