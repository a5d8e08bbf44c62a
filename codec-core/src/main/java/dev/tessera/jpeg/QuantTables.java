package dev.tessera.jpeg;

/** Which base quantization tables the quality setting scales. */
public enum QuantTables {
    /** T.81 Annex K Tables K.1 and K.2 with IJG quality scaling: what libjpeg's cjpeg writes. */
    ANNEX_K,
    /**
     * Tessera's perceptual tables (see {@code dev.tessera.jpeg.quant.PerceptualTables}): fitted for rate
     * against visual metrics, scaled with the same IJG quality curve so quality 75 keeps its meaning.
     */
    PERCEPTUAL
}
