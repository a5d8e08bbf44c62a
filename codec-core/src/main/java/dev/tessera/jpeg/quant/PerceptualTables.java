package dev.tessera.jpeg.quant;

import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.spec.StandardTables;

/** Tessera's perceptual base tables (quality 50 values, natural order), scaled like Annex K by IJG quality. */
public final class PerceptualTables {
    private PerceptualTables() {
    }

    public static final QuantTable LUMINANCE = StandardTables.LUMINANCE_QUANT;
    public static final QuantTable CHROMINANCE = StandardTables.CHROMINANCE_QUANT;
}
