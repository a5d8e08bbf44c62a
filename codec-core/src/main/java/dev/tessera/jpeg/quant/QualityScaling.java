package dev.tessera.jpeg.quant;

import dev.tessera.jpeg.model.QuantTable;

/**
 * The IJG quality scale: maps quality 1..100 to a percentage that scales the Annex K tables (quality 50 is
 * the tables as printed, 100 is all ones). This is the scale libjpeg's cjpeg, the JDK and most tools use,
 * so "quality 75" means the same file size and look everywhere.
 */
public final class QualityScaling {
    private QualityScaling() {
    }

    /** The scale factor in percent: 5000/q below 50, 200 - 2q from 50 up. */
    public static int scaleFactor(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, found " + quality);
        }
        return quality < 50 ? 5000 / quality : 200 - 2 * quality;
    }

    /**
     * Scales a base table to a quality.
     *
     * @param forceBaseline clamp values to 1..255 so the table fits 8-bit DQT (baseline, T.81 B.2.4.1);
     *                      otherwise to 1..32767
     */
    public static QuantTable scale(QuantTable base, int quality, boolean forceBaseline) {
        int factor = scaleFactor(quality);
        int max = forceBaseline ? 255 : 32767;
        int[] scaled = new int[64];
        for (int i = 0; i < 64; i++) {
            long v = ((long) base.get(i) * factor + 50) / 100;
            scaled[i] = (int) Math.max(1, Math.min(max, v));
        }
        return QuantTable.ofNatural(scaled);
    }
}
