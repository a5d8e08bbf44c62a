package dev.tessera.spark;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.Preset;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import java.io.Serializable;
import java.util.Locale;

/**
 * One encoder setting of the batch job and the SQL functions: a preset and a quality, or a preset and a
 * SSIMULACRA 2 target, with or without the input's metadata. The options it gives are the ones
 * {@code tessera compress} builds from the same command-line options, so outputs are the same bytes.
 *
 * @param preset            the compression techniques
 * @param quality           IJG quality 1..100 (75 when a target is searched for, as in the CLI)
 * @param targetSsimulacra2 the score to reach, or {@code null} to encode at {@code quality}
 * @param stripMetadata     write no EXIF, ICC profile or density from the input
 */
record Setting(Preset preset, int quality, Double targetSsimulacra2, boolean stripMetadata) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The CLI's defaults: quality 75, the default preset, metadata kept. */
    static final Setting DEFAULT = new Setting(Preset.DEFAULT, 75, null, false);

    Setting {
        if (preset == null) {
            throw new IllegalArgumentException("preset is null");
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, found " + quality);
        }
        if (targetSsimulacra2 != null && !(targetSsimulacra2 >= 0 && targetSsimulacra2 <= 100)) {
            throw new IllegalArgumentException("the SSIMULACRA 2 target must be 0..100, found " + targetSsimulacra2);
        }
    }

    Setting withPreset(Preset value) {
        return new Setting(value, quality, targetSsimulacra2, stripMetadata);
    }

    Setting withQuality(int value) {
        return new Setting(preset, value, targetSsimulacra2, stripMetadata);
    }

    Setting withTarget(Double value) {
        return new Setting(preset, quality, value, stripMetadata);
    }

    Setting withStripMetadata(boolean value) {
        return new Setting(preset, quality, targetSsimulacra2, value);
    }

    /**
     * The encoder options, built in the order {@code CompressCommand.options()} builds them with the CLI's
     * defaults for the options this setting does not name (4:2:0, no restart interval, optimized Huffman tables,
     * one thread per image).
     */
    EncoderOptions options() {
        return EncoderOptions.DEFAULT.withPreset(preset)
            .withQuality(quality)
            .withSubsampling(Subsampling.S420)
            .withRestartInterval(RestartInterval.NONE)
            .withOptimizeHuffman(true)
            .withThreads(1);
    }

    /** The setting in words for reports: {@code default q75}, {@code smallest ssimulacra2>=80}. */
    String label() {
        return presetName(preset) + (targetSsimulacra2 == null ? " q" + quality
            : " ssimulacra2>=" + targetSsimulacra2);
    }

    /** Preset names as {@code tessera compress --preset} takes them: baseline, fast, default, smallest. */
    static Preset parsePreset(String value) {
        if (value == null) {
            return Preset.DEFAULT;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "baseline", "baseline-compatible" -> Preset.BASELINE_COMPATIBLE;
            case "fast" -> Preset.FAST;
            case "default" -> Preset.DEFAULT;
            case "smallest" -> Preset.SMALLEST;
            default -> throw new IllegalArgumentException(
                "preset: expected baseline, fast, default or smallest, found '" + value + "'");
        };
    }

    /** The name {@link #parsePreset} reads back. */
    static String presetName(Preset preset) {
        return preset == Preset.BASELINE_COMPATIBLE ? "baseline" : preset.name().toLowerCase(Locale.ROOT);
    }
}
