package dev.tessera.cli;

import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.WarningListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the decoder's {@link JpegWarning}s for one file and prints them on standard error when the file is
 * done: one line per kind, naming the file, the first offset and the problem, with a count when the kind
 * repeats ({@code tessera: a.jpg: warning: offset 5120: premature end of JPEG file (3 times)}). The decoder
 * passes on at most 100 warnings of a kind; beyond that the count reads "100 or more".
 *
 * <p>One report per file and decode: {@link #listener()} goes into {@code DecoderOptions.withListener}, and
 * {@link #print} runs after the decode (also after a failed one, so the damage that led to it is shown).
 */
final class WarningReport {
    /** The decoder reports at most this many warnings of one kind (WarningSink.MAX_REPORTED_PER_KIND). */
    static final int REPORTED_PER_KIND = 100;

    private final Map<JpegWarning.Kind, JpegWarning> first = new EnumMap<>(JpegWarning.Kind.class);
    private final Map<JpegWarning.Kind, Integer> counts = new EnumMap<>(JpegWarning.Kind.class);

    /** The listener to give the decoder; thread-safe. */
    WarningListener listener() {
        return this::add;
    }

    private synchronized void add(JpegWarning warning) {
        first.putIfAbsent(warning.kind(), warning);
        counts.merge(warning.kind(), 1, Integer::sum);
    }

    /** The lines to print, in order of first occurrence offset. */
    synchronized List<String> lines(String name) {
        List<JpegWarning> ordered = new ArrayList<>(first.values());
        ordered.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        List<String> lines = new ArrayList<>();
        for (JpegWarning w : ordered) {
            int n = counts.get(w.kind());
            String times = n <= 1 ? "" : n >= REPORTED_PER_KIND ? " (" + n + " or more times)" : " (" + n + " times)";
            String where = w.offset() >= 0 ? "offset " + w.offset() + ": " : "";
            String detail = w.detail().isEmpty() ? w.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                : w.detail();
            lines.add("tessera: " + name + ": warning: " + where + detail + times);
        }
        return lines;
    }

    /** Prints the lines, unless {@code quiet}; {@code err} is locked so files' lines do not interleave. */
    void print(String name, PrintWriter err, boolean quiet) {
        if (quiet) {
            return;
        }
        List<String> lines = lines(name);
        if (lines.isEmpty()) {
            return;
        }
        synchronized (err) {
            lines.forEach(err::println);
            err.flush();
        }
    }
}
