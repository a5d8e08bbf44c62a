package dev.tessera.jpeg.model;

import java.util.List;

/**
 * A scan header (T.81 B.2.3).
 *
 * @param components     1..4 scan components, in the order their data units are interleaved
 * @param spectralStart  Ss, first coefficient in zig-zag order (0 for sequential; predictor for lossless)
 * @param spectralEnd    Se, last coefficient (63 for sequential)
 * @param approxHigh     Ah, successive approximation bit position of the previous scan (0 if first)
 * @param approxLow      Al, successive approximation bit position (point transform for lossless)
 */
public record ScanHeader(List<ScanComponent> components, int spectralStart, int spectralEnd,
                         int approxHigh, int approxLow) {
    public ScanHeader {
        if (components == null || components.isEmpty() || components.size() > 4) {
            throw new IllegalArgumentException("a scan has 1..4 components");
        }
        if (spectralStart < 0 || spectralStart > 255 || spectralEnd < 0 || spectralEnd > 255) {
            throw new IllegalArgumentException("Ss and Se must be 0..255");
        }
        if (approxHigh < 0 || approxHigh > 15 || approxLow < 0 || approxLow > 15) {
            throw new IllegalArgumentException("Ah and Al must be 0..15");
        }
        components = List.copyOf(components);
    }

    /** A sequential DCT scan: Ss=0, Se=63, Ah=Al=0. */
    public static ScanHeader sequential(List<ScanComponent> components) {
        return new ScanHeader(components, 0, 63, 0, 0);
    }
}
