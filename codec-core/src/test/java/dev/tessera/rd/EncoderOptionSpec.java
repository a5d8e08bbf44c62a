package dev.tessera.rd;

import dev.tessera.jpeg.EncoderOptions;

/**
 * Parses the harness's {@code --options} text, comma-separated {@code key=value} pairs applied in order to
 * {@link EncoderOptions#BASELINE_COMPATIBLE}: {@code subsampling=444|422|420}, {@code optimize=true|false},
 * {@code progressive=true|false}, {@code search=true|false} (scan script search), {@code preset=NAME},
 * {@code trellis=true|false}, {@code aq=true|false}, {@code tables=annex_k|perceptual}.
 */
final class EncoderOptionSpec {
    private EncoderOptionSpec() {
    }

    static EncoderOptions parse(String spec) {
        EncoderOptions o = EncoderOptions.BASELINE_COMPATIBLE;
        if (spec == null || spec.isBlank()) {
            return o;
        }
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            String key = kv[0].trim();
            String value = kv.length > 1 ? kv[1].trim() : "true";
            o = switch (key) {
                case "subsampling" -> o.withSubsampling(RdHarness.subsampling(value));
                case "optimize" -> o.withOptimizeHuffman(Boolean.parseBoolean(value));
                case "progressive" -> o.withProgressive(Boolean.parseBoolean(value));
                case "search" -> o.withScanSearch(Boolean.parseBoolean(value));
                case "preset" -> o.withPreset(dev.tessera.jpeg.Preset.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
                case "trellis" -> o.withTrellis(Boolean.parseBoolean(value));
                case "aq" -> o.withAdaptiveQuantization(Boolean.parseBoolean(value));
                case "tables" -> o.withTables(dev.tessera.jpeg.QuantTables.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
                default -> throw new IllegalArgumentException("unknown option " + key);
            };
        }
        return o;
    }
}
