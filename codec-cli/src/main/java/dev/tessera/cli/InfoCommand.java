package dev.tessera.cli;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.HuffmanDefinition;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.MarkerSegment;
import dev.tessera.jpeg.model.QualityEstimate;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tessera info}: what a JPEG file's markers say (T.81 Annex B), read with {@link JpegDecoder#readInfo}
 * without decoding the image data, and an estimate of the IJG quality that made it ({@link QualityEstimate}).
 */
@Command(name = "info",
    mixinStandardHelpOptions = true,
    description = "Show a JPEG file's markers with offsets, frame, sampling, tables, scans, restart interval and "
        + "an estimate of the IJG quality that made it.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  tessera info photo.jpg",
        "  tessera info --json *.jpg",
        "",
        "Exit codes: 0 every file read (warnings allowed), 1 any file failed, 2 bad arguments."
    })
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main parent;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "JPEG files; - for standard input.")
    List<Path> inputs;

    @Option(names = "--strict", description = "Fail a file on the first sign of damage in its markers.")
    boolean strict;

    @Option(names = "--json", description = "Print JSON (one object per file, in an array with several files).")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces on errors.")
    boolean verbose;

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DecoderOptions options;
        try {
            options = DecoderOptions.DEFAULT.withLimits(limitOptions.limits()).withStrict(strict);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String stdinProblem = Inputs.checkStdin(inputs);
        if (stdinProblem != null) {
            throw new ParameterException(spec.commandLine(), stdinProblem);
        }
        int failures = 0;
        List<String> objects = new ArrayList<>();
        for (Path path : inputs) {
            Inputs.Input input = Inputs.of(path, Main.streams(parent));
            Path shown = Path.of(input.name());
            WarningReport report = new WarningReport();
            try {
                byte[] data = input.bytes(options.limits().maxInputBytes());
                ImageInfo info;
                try {
                    info = new JpegDecoder(options.withListener(report.listener())).readInfo(data);
                } finally {
                    report.print(input.name(), err, false);
                }
                if (json) {
                    objects.add(json(shown, info));
                } else {
                    out.print(text(shown, info));
                    out.flush();
                }
            } catch (Exception | OutOfMemoryError e) {
                failures++;
                err.println("tessera: " + input.name() + ": " + Failures.describe(e, input.name()));
                if (verbose) {
                    e.printStackTrace(err);
                }
            }
        }
        if (json) {
            out.println(inputs.size() == 1 && objects.size() == 1 ? objects.get(0)
                : "[" + String.join(",\n", objects) + "]");
        }
        out.flush();
        return failures == 0 ? 0 : Main.EXIT_FAILED;
    }

    private static String markerName(int code) {
        dev.tessera.jpeg.spec.Marker marker = dev.tessera.jpeg.spec.Marker.of(code);
        return marker != null ? marker.name() : String.format(Locale.ROOT, "0xFF%02X", code);
    }

    static String text(Path input, ImageInfo info) {
        StringBuilder t = new StringBuilder();
        t.append(input).append('\n');
        t.append(String.format(Locale.ROOT, "  frame: %s (%s), %d-bit, %dx%d, %s%n", info.process().name(),
            info.process().description(), info.precision(), info.width(), info.height(), info.colorSpace()));
        t.append("  components:");
        for (ComponentSpec c : info.components()) {
            t.append(String.format(Locale.ROOT, " [id %d %dx%d Tq%d]", c.id(), c.horizontalSampling(),
                c.verticalSampling(), c.quantTableSlot()));
        }
        t.append('\n');
        t.append("  restart interval: ").append(info.restartInterval() == 0 ? "none"
            : info.restartInterval() + " MCUs").append('\n');
        info.orientation().ifPresent(o -> t.append("  orientation: ").append(o.tag()).append(" (")
            .append(o.name().toLowerCase(Locale.ROOT).replace('_', '-')).append(", upright by ")
            .append(o.toUpright().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(")\n"));
        QualityEstimate q = info.qualityEstimate();
        if (q != null) {
            t.append(String.format(Locale.ROOT, "  quality: %s%d%s%n", q.ijg() ? "" : "about ", q.quality(),
                q.ijg() ? " (IJG table)" : String.format(Locale.ROOT,
                    " (not an IJG table; mean |ln ratio| %.3f to the nearest)", q.meanError())));
        }
        for (ImageInfo.QuantSlot slot : info.quantTables()) {
            t.append("  DQT Tq").append(slot.slot()).append(" (zig-zag):");
            for (int k = 0; k < 64; k++) {
                t.append(' ').append(slot.table().getZigZag(k));
            }
            t.append('\n');
        }
        for (HuffmanDefinition h : info.huffmanTables()) {
            t.append("  DHT ").append(h.ac() ? "AC" : "DC").append(" Th").append(h.slot()).append(": ");
            if (h.spec() != null) {
                t.append(h.spec().symbolCount()).append(" codes, counts by length");
                for (int length = 1; length <= 16; length++) {
                    t.append(' ').append(h.spec().countOfLength(length));
                }
            } else {
                t.append("invalid");
            }
            if (h.problem() != null && !h.problem().isEmpty()) {
                t.append(" (").append(h.problem()).append(')');
            }
            t.append('\n');
        }
        int n = 0;
        for (ScanHeader s : info.scans()) {
            t.append(String.format(Locale.ROOT, "  scan %d: components", ++n));
            for (ScanComponent c : s.components()) {
                t.append(String.format(Locale.ROOT, " [id %d Td%d Ta%d]", c.componentId(), c.dcTableSlot(),
                    c.acTableSlot()));
            }
            t.append(String.format(Locale.ROOT, " Ss %d Se %d Ah %d Al %d%n", s.spectralStart(), s.spectralEnd(),
                s.approxHigh(), s.approxLow()));
        }
        t.append("  markers:\n");
        for (MarkerSegment m : info.segments()) {
            t.append(String.format(Locale.ROOT, "    %8d  %-6s %6s  %s%n", m.offset(), markerName(m.code()),
                m.length() == 0 ? "" : String.valueOf(m.length()), m.label()));
        }
        return t.toString();
    }

    static String json(Path input, ImageInfo info) {
        StringBuilder j = new StringBuilder("{");
        j.append("\"file\": ").append(CompareFormats.jsonString(input.toString()));
        j.append(", \"process\": ").append(CompareFormats.jsonString(info.process().name()));
        j.append(", \"progressive\": ").append(info.progressive());
        j.append(", \"precision\": ").append(info.precision());
        j.append(", \"width\": ").append(info.width()).append(", \"height\": ").append(info.height());
        j.append(", \"colorSpace\": ").append(CompareFormats.jsonString(info.colorSpace().name()));
        j.append(", \"components\": [");
        List<String> parts = new ArrayList<>();
        for (ComponentSpec c : info.components()) {
            parts.add(String.format(Locale.ROOT, "{\"id\": %d, \"h\": %d, \"v\": %d, \"tq\": %d}", c.id(),
                c.horizontalSampling(), c.verticalSampling(), c.quantTableSlot()));
        }
        j.append(String.join(", ", parts)).append("]");
        j.append(", \"restartInterval\": ").append(info.restartInterval());
        j.append(", \"orientation\": ").append(info.orientation().map(o -> String.valueOf(o.tag())).orElse("null"));
        QualityEstimate q = info.qualityEstimate();
        if (q != null) {
            j.append(String.format(Locale.ROOT, ", \"quality\": {\"estimate\": %d, \"ijg\": %b, \"meanError\": %s}",
                q.quality(), q.ijg(), q.meanError()));
        } else {
            j.append(", \"quality\": null");
        }
        parts.clear();
        for (ImageInfo.QuantSlot slot : info.quantTables()) {
            StringBuilder v = new StringBuilder();
            for (int k = 0; k < 64; k++) {
                v.append(k == 0 ? "" : ", ").append(slot.table().getZigZag(k));
            }
            parts.add("{\"slot\": " + slot.slot() + ", \"zigzag\": [" + v + "]}");
        }
        j.append(", \"quantTables\": [").append(String.join(", ", parts)).append("]");
        parts.clear();
        for (HuffmanDefinition h : info.huffmanTables()) {
            StringBuilder counts = new StringBuilder();
            for (int length = 1; h.spec() != null && length <= 16; length++) {
                counts.append(length == 1 ? "" : ", ").append(h.spec().countOfLength(length));
            }
            parts.add("{\"class\": \"" + (h.ac() ? "AC" : "DC") + "\", \"slot\": " + h.slot() + ", \"counts\": "
                + (h.spec() != null ? "[" + counts + "]" : "null") + (h.problem() != null && !h.problem().isEmpty()
                ? ", \"problem\": " + CompareFormats.jsonString(h.problem()) : "") + "}");
        }
        j.append(", \"huffmanTables\": [").append(String.join(", ", parts)).append("]");
        parts.clear();
        for (ScanHeader s : info.scans()) {
            List<String> comps = new ArrayList<>();
            for (ScanComponent c : s.components()) {
                comps.add(String.format(Locale.ROOT, "{\"id\": %d, \"td\": %d, \"ta\": %d}", c.componentId(),
                    c.dcTableSlot(), c.acTableSlot()));
            }
            parts.add(String.format(Locale.ROOT, "{\"components\": [%s], \"ss\": %d, \"se\": %d, \"ah\": %d, \"al\": %d}",
                String.join(", ", comps), s.spectralStart(), s.spectralEnd(), s.approxHigh(), s.approxLow()));
        }
        j.append(", \"scans\": [").append(String.join(", ", parts)).append("]");
        parts.clear();
        for (MarkerSegment m : info.segments()) {
            parts.add(String.format(Locale.ROOT, "{\"marker\": \"%s\", \"offset\": %d, \"length\": %d, \"label\": %s}",
                markerName(m.code()), m.offset(), m.length(), CompareFormats.jsonString(m.label())));
        }
        j.append(", \"markers\": [").append(String.join(", ", parts)).append("]");
        return j.append('}').toString();
    }
}
