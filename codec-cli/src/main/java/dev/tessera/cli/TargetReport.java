package dev.tessera.cli;

import dev.tessera.tune.QualitySearch;
import java.util.Locale;

/** Words for the outcome of a quality search. */
final class TargetReport {
    private TargetReport() {
    }

    /** {@code quality 62, SSIMULACRA2 80.41 (target >= 80)}. */
    static String describe(QualitySearch.Target target, QualitySearch.Result result) {
        String figure = switch (target.kind()) {
            case SSIMULACRA2 -> String.format(Locale.ROOT, "SSIMULACRA2 %.2f (target >= %s)", result.achieved(),
                number(target.value()));
            case BYTES -> String.format(Locale.ROOT, "%d bytes (target <= %d)", result.bytes(),
                (long) target.value());
            case BITS_PER_PIXEL -> String.format(Locale.ROOT, "%.3f bpp (target <= %s)", result.achieved(),
                number(target.value()));
        };
        return "quality " + result.quality() + ", " + figure + (result.met() ? "" : ", NOT MET");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
