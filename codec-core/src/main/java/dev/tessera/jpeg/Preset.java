package dev.tessera.jpeg;

/**
 * Named combinations of compression techniques. Every preset writes standard JPEG that any decoder reads;
 * they differ in how hard the encoder works for a smaller file at the same look. Figures per preset are in
 * docs/compression.md.
 *
 * @param tables               base quantization tables
 * @param trellis              rate-distortion optimised quantization
 * @param adaptiveQuantization per-block masking-driven quantization strength
 * @param progressive          progressive (SOF2) scans
 */
public enum Preset {
    /**
     * Plain IJG quantization with Annex K tables: the quantized coefficients of libjpeg's {@code cjpeg -optimize}
     * (sizes within 0.1%).
     */
    BASELINE_COMPATIBLE(QuantTables.ANNEX_K, false, false, false),
    /** Perceptual tables with plain rounding: as fast as {@link #BASELINE_COMPATIBLE}. */
    FAST(QuantTables.PERCEPTUAL, false, false, false),
    /** Perceptual tables and trellis quantization, sequential: the default. */
    DEFAULT(QuantTables.PERCEPTUAL, true, false, false),
    /** Perceptual tables, trellis quantization and progressive scans: smallest files, slower. */
    SMALLEST(QuantTables.PERCEPTUAL, true, false, true);

    private final QuantTables tables;
    private final boolean trellis;
    private final boolean adaptiveQuantization;
    private final boolean progressive;

    Preset(QuantTables tables, boolean trellis, boolean adaptiveQuantization, boolean progressive) {
        this.tables = tables;
        this.trellis = trellis;
        this.adaptiveQuantization = adaptiveQuantization;
        this.progressive = progressive;
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

    public boolean progressive() {
        return progressive;
    }
}
