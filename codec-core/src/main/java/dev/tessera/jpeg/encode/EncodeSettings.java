package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;

/**
 * The plain values the encode drivers work from, resolved by the facade from its public options
 * ({@code dev.tessera.jpeg.EncodeSettings}, which documents each one and checks its range). Internal: the
 * drivers know nothing of the option types or presets users see.
 *
 * @param quality              IJG quality 1..100 of the luma table
 * @param chromaQuality        IJG quality 1..100 of the chroma table
 * @param subsampling          chroma subsampling of colour images
 * @param optimizeHuffman      Huffman tables built from the image (T.81 K.2) rather than the Annex K examples
 * @param progressive          a progressive file (SOF2, T.81 Annex G)
 * @param restartInterval      restart markers, or {@link RestartInterval#NONE}
 * @param background           RGB (0xRRGGBB) that transparent pixels are composited onto
 * @param lumaTable            a custom luma table used as given, or {@code null}
 * @param chromaTable          a custom chroma table used as given, or {@code null}
 * @param perceptualTables     the base tables quality scales are the perceptual ones rather than Annex K's
 * @param trellis              rate-distortion optimised quantization
 * @param adaptiveQuantization per-block strength from visual masking (with {@code trellis} only)
 * @param threads              threads encoding one image
 * @param scanSearch           for progressive files, try several scan scripts and keep the smallest
 * @param sequentialIfSmaller  for progressive files, write the sequential coding when it is smaller
 */
public record EncodeSettings(int quality, int chromaQuality, Subsampling subsampling, boolean optimizeHuffman,
                             boolean progressive, RestartInterval restartInterval, int background,
                             QuantTable lumaTable, QuantTable chromaTable, boolean perceptualTables,
                             boolean trellis, boolean adaptiveQuantization, int threads, boolean scanSearch,
                             boolean sequentialIfSmaller) {
}
