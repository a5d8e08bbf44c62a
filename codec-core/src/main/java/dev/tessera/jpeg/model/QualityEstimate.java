package dev.tessera.jpeg.model;

/**
 * An estimate of the IJG quality that made a luma quantization table (computed by the decoder when it reads
 * the headers): the quality q in 1..100 whose scaling of Annex K Table K.1 (clamped to 8 bits as cjpeg does by
 * default) is closest to the table.
 *
 * <p>Closeness is the sum over the 64 entries of |ln(found / scaled)|, so a step of 2 against 1 weighs as much as
 * 200 against 100. When several qualities give the same table (quality 1 to 3 clamp most entries at 255), the
 * highest is reported. {@link #ijg()} is true only for an exact match; other encoders' tables (mozjpeg's,
 * Photoshop's, cameras') get the nearest quality with {@code ijg() == false}, a rough guide at best.
 *
 * @param quality   the closest IJG quality, 1..100
 * @param ijg       whether the table equals the scaled Annex K table exactly
 * @param meanError the mean per-entry |ln(found / scaled)| at that quality; 0 for an exact match
 */
public record QualityEstimate(int quality, boolean ijg, double meanError) {
    public QualityEstimate {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, found " + quality);
        }
    }
}
