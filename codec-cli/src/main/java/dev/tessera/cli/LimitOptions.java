package dev.tessera.cli;

import dev.tessera.jpeg.Limits;
import picocli.CommandLine.Option;

/**
 * Decoder resource limits on the command line ({@code --max-pixels}, {@code --max-memory}, {@code --max-scans},
 * {@code --max-components}, {@code --max-marker-memory}, {@code --max-input}), for {@code tessera decompress} and {@code info}.
 * Unset options keep {@link Limits#DEFAULT}.
 */
final class LimitOptions {
    @Option(names = "--max-pixels", paramLabel = "N",
        description = "Refuse images of more than N pixels (width x height; default 268435456 = 2^28).")
    Long maxPixels;

    @Option(names = "--max-memory", paramLabel = "BYTES", converter = Converters.Size.class,
        description = "Refuse images whose decoding buffers and output exceed BYTES (k, m, g suffixes; default 1g).")
    Long maxMemory;

    @Option(names = "--max-scans", paramLabel = "N", description = "Refuse files of more than N scans (default 1000).")
    Integer maxScans;

    @Option(names = "--max-components", paramLabel = "N",
        description = "Refuse frames of more than N components, 1..10 (default 10).")
    Integer maxComponents;

    @Option(names = "--max-marker-memory", paramLabel = "BYTES", converter = Converters.Size.class,
        description = "Keep at most BYTES of EXIF, ICC and comment payload (default 64m).")
    Long maxMarkerMemory;

    @Option(names = "--max-input", paramLabel = "BYTES", converter = Converters.Size.class,
        description = "Refuse input files larger than BYTES (k, m, g suffixes; default 1g).")
    Long maxInput;

    /** The limits given, the defaults for the rest; throws IllegalArgumentException for values out of range. */
    Limits limits() {
        Limits limits = Limits.DEFAULT;
        if (maxPixels != null) {
            limits = limits.withMaxPixels(maxPixels);
        }
        if (maxMemory != null) {
            limits = limits.withMaxMemory(maxMemory);
        }
        if (maxScans != null) {
            limits = limits.withMaxScans(maxScans);
        }
        if (maxComponents != null) {
            limits = limits.withMaxComponents(maxComponents);
        }
        if (maxMarkerMemory != null) {
            limits = limits.withMaxMarkerMemory(maxMarkerMemory);
        }
        if (maxInput != null) {
            limits = limits.withMaxInputBytes(maxInput);
        }
        return limits;
    }
}
