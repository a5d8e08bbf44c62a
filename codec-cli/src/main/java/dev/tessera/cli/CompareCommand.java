package dev.tessera.cli;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.Preset;
import dev.tessera.jpeg.QuantTables;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.metrics.Psnr;
import dev.tessera.metrics.Ssim;
import dev.tessera.metrics.Ssimulacra2;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tessera compare}: encodes each input at a ladder of settings, decodes the results, and reports size and
 * distortion (PSNR, SSIM, SSIMULACRA 2) and timing as a table, CSV, JSON, a rate-distortion chart and an HTML
 * report. Candidate JPEG files from other encoders are measured against their original the same way.
 */
@Command(name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "Measure Tessera's size and quality over a range of settings, and other encoders' JPEG files.",
        "For each input and setting: encode, decode, and report bytes, bits per pixel, compression ratio, PSNR "
            + "(luma and RGB), SSIM, SSIMULACRA 2 and encode and decode time."
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
        "  tessera compare photo.png",
        "  tessera compare --qualities 30,40,...,90 --modes baseline,default a.png",
        "  tessera compare --from 50 --to 95 --step 5 --plot rd.svg --csv rd.csv kodak/",
        "  tessera compare a.png --candidates a-mozjpeg.jpg a-cjpeg.jpg --html report/",
        "",
        "Timings are the wall time of one call, while other files run on other",
        "threads: use --threads 1 for steadier figures, codec-bench for benchmarks.",
        "Exit codes: 0 every file measured, 1 any file failed, 2 bad arguments."
    })
final class CompareCommand implements Callable<Integer> {
    /**
     * How Tessera encodes: a preset of {@code compress --preset} with the same meaning ({@code baseline},
     * {@code fast}, {@code default}, {@code smallest}), and technique overrides after {@code +}, as the
     * {@code compress} options of the same names: {@code progressive}, {@code sequential} (--no-progressive),
     * {@code trellis}, {@code no-trellis}, {@code aq}, {@code no-aq}, {@code annex-k}, {@code perceptual}
     * (--tables) and {@code unoptimized} (--no-optimize). A technique alone applies to {@code default}.
     *
     * @param label       the mode as given, lower case ({@code fast+progressive})
     * @param preset      the preset
     * @param progressive --[no-]progressive, or {@code null} for the preset's choice
     * @param trellis     --[no-]trellis, or {@code null}
     * @param aq          --[no-]aq, or {@code null}
     * @param tables      --tables, or {@code null}
     * @param unoptimized --no-optimize
     */
    record Mode(String label, Preset preset, Boolean progressive, Boolean trellis, Boolean aq, QuantTables tables,
                boolean unoptimized) {
        /** The mode a {@code --modes} entry names; {@link IllegalArgumentException} naming the accepted words. */
        static Mode parse(String text) {
            String label = text.trim().toLowerCase(Locale.ROOT);
            String[] parts = label.split("\\+");
            Preset preset = presetOf(parts[0]);
            int first = preset == null ? 0 : 1;
            Mode mode = new Mode(label, preset == null ? Preset.DEFAULT : preset, null, null, null, null, false);
            for (int i = first; i < parts.length; i++) {
                mode = mode.with(parts[i]);
            }
            return mode;
        }

        private static Preset presetOf(String word) {
            return switch (word) {
                case "baseline" -> Preset.BASELINE_COMPATIBLE;
                case "fast" -> Preset.FAST;
                case "default" -> Preset.DEFAULT;
                case "smallest" -> Preset.SMALLEST;
                default -> null;
            };
        }

        private Mode with(String technique) {
            return switch (technique) {
                case "progressive" -> new Mode(label, preset, true, trellis, aq, tables, unoptimized);
                case "sequential", "no-progressive" -> new Mode(label, preset, false, trellis, aq, tables, unoptimized);
                case "trellis" -> new Mode(label, preset, progressive, true, aq, tables, unoptimized);
                case "no-trellis" -> new Mode(label, preset, progressive, false, aq, tables, unoptimized);
                case "aq" -> new Mode(label, preset, progressive, trellis, true, tables, unoptimized);
                case "no-aq" -> new Mode(label, preset, progressive, trellis, false, tables, unoptimized);
                case "annex-k" -> new Mode(label, preset, progressive, trellis, aq, QuantTables.ANNEX_K, unoptimized);
                case "perceptual" -> new Mode(label, preset, progressive, trellis, aq, QuantTables.PERCEPTUAL,
                    unoptimized);
                case "unoptimized", "no-optimize" -> new Mode(label, preset, progressive, trellis, aq, tables, true);
                default -> throw new IllegalArgumentException("mode must be a preset (baseline, fast, default, "
                    + "smallest) with +technique overrides (progressive, sequential, trellis, no-trellis, aq, no-aq, "
                    + "annex-k, perceptual, unoptimized), found '" + label + "'");
            };
        }

        /** The options {@code compress --preset P} with the same technique options would use. */
        EncoderOptions apply(EncoderOptions options) {
            EncoderOptions o = options.withPreset(preset).withOptimizeHuffman(!unoptimized);
            if (progressive != null) {
                o = o.withProgressive(progressive);
            } else if (unoptimized) {
                o = o.withProgressive(false); // Annex K Huffman tables need a sequential file
            }
            if (trellis != null) {
                o = o.withTrellis(trellis);
            }
            if (aq != null) {
                o = o.withAdaptiveQuantization(aq);
            }
            if (tables != null) {
                o = o.withTables(tables);
            }
            return o;
        }
    }

    /** Picocli converter for {@link Mode}. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** One Tessera setting. */
    record Setting(Mode mode, Subsampling subsampling, int quality) {
        String label() {
            return mode.label() + "-" + subsampling.label() + "-q" + quality;
        }
    }

    static final List<Integer> DEFAULT_QUALITIES = List.of(30, 40, 50, 60, 70, 80, 90, 95);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main parent;

    @Parameters(paramLabel = "IN", arity = "1..*",
        description = "Original images, or directories of them (with --recursive also their subdirectories).")
    List<Path> inputs;

    @Option(names = "--qualities", paramLabel = "LIST",
        description = "Qualities 1..100, comma-separated; 'A,B,...,Z' counts from A to Z in steps of B-A "
            + "(default: 30,40,...,90,95).")
    String qualities;

    @Option(names = "--from", paramLabel = "A", converter = Converters.Quality.class,
        description = "First quality of a range (with --to and --step).")
    Integer from;

    @Option(names = "--to", paramLabel = "B", converter = Converters.Quality.class,
        description = "Last quality of a range (included).")
    Integer to;

    @Option(names = "--step", paramLabel = "S", description = "Step of a range (default: 5).")
    Integer step;

    @Option(names = "--subsampling", paramLabel = "S[,S...]", split = ",", defaultValue = "420",
        converter = Converters.SubsamplingConverter.class,
        description = "Chroma subsamplings to try: 444, 422, 420, 440, 411 (default: ${DEFAULT-VALUE}).")
    List<Subsampling> subsamplings;

    @Option(names = "--modes", paramLabel = "M[,M...]", split = ",", defaultValue = "default",
        converter = ModeConverter.class,
        description = "Encodings to try: the compress presets baseline, fast, default, smallest, each with "
            + "optional +technique overrides (progressive, sequential, trellis, no-trellis, aq, no-aq, annex-k, "
            + "perceptual, unoptimized), e.g. fast+progressive (default: ${DEFAULT-VALUE}).")
    List<Mode> modes;

    @Option(names = "--candidates", paramLabel = "JPEG", arity = "1..*",
        description = "JPEG files from other encoders to measure against their original: the only input, or the "
            + "input whose file name (without extension) starts the candidate's name.")
    List<Path> candidates = List.of();

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the rows as CSV ('-' for standard output).")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the rows as JSON ('-' for standard output).")
    Path json;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg",
        description = "Draw bits per pixel against SSIMULACRA 2, one curve per input or mode.")
    Path plot;

    @Option(names = "--html", paramLabel = "DIR",
        description = "Write an offline HTML report with chart, table and image viewer into DIR.")
    Path html;

    @Option(names = {"-f", "--force"}, description = "Replace existing report files.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;

    @Mixin
    BatchOptions batch = new BatchOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Integer> qualityList = qualityList();
        List<Setting> settings = new ArrayList<>();
        Map<String, Mode> distinct = new java.util.LinkedHashMap<>();
        for (Mode mode : modes) {
            distinct.putIfAbsent(mode.label(), mode);
        }
        for (Mode mode : distinct.values()) {
            for (Subsampling subsampling : new java.util.LinkedHashSet<>(subsamplings)) {
                for (int quality : qualityList) {
                    settings.add(new Setting(mode, subsampling, quality));
                }
            }
        }
        if (plot != null) {
            try {
                RdChart.isSvg(plot);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        List<InputFiles.Entry> entries;
        HtmlReport report = null;
        try {
            entries = InputFiles.expand(inputs, batch.recursive, InputFiles.IMAGE_EXTENSIONS);
            for (Path file : java.util.stream.Stream.of(csv, json, plot).filter(p -> p != null && !isStdout(p)).toList()) {
                SafeOutput.checkTarget(file, force);
            }
            if (html != null) {
                report = HtmlReport.create(html, force);
            }
        } catch (IOException e) {
            err.println("tessera: " + Failures.describe(e));
            printTrace(err, e);
            return Main.EXIT_FAILED;
        }

        Map<Path, FutureTask<BufferedImage>> originals = new ConcurrentHashMap<>();
        List<Batch.Job<List<CompareRow>>> jobs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Path input = entries.get(i).file();
            String prefix = String.valueOf(i + 1);
            HtmlReport images = report;
            jobs.add(new Batch.Job<>(input, () -> measureInput(input, prefix, settings, originals, images)));
        }
        int candidateIndex = 0;
        for (Path candidate : candidates) {
            candidateIndex++;
            int inputIndex = matchInput(candidate, entries);
            String id = (inputIndex + 1) + "-candidate-" + candidateIndex;
            HtmlReport images = report;
            jobs.add(new Batch.Job<>(candidate, () -> {
                if (inputIndex < 0) {
                    throw new IOException("matches no input; name it after its original (photo.png: "
                        + "photo-mozjpeg.jpg), or compare one input at a time");
                }
                return measureCandidate(candidate, entries.get(inputIndex).file(), id, originals, images);
            }));
        }

        // Progress goes to standard error: standard output carries the table.
        Progress progress = Progress.choose(batch.quiet, parent != null && parent.terminal, "compare", err);
        Batch.Summary<List<CompareRow>> summary = new Batch(batch.threads(), progress, err, verbose).run(jobs);
        List<CompareRow> rows = summary.values().stream().flatMap(List::stream).toList();
        rows = order(rows, entries);

        boolean reportFailed = false;
        SafeOutput safeOutput = new SafeOutput();
        try {
            boolean tableToStdout = true;
            if (csv != null) {
                tableToStdout &= !writeText(safeOutput, csv, CompareFormats.csv(rows), out);
            }
            if (json != null) {
                tableToStdout &= !writeText(safeOutput, json, CompareFormats.json(rows, Decoding.NAME), out);
            }
            if (tableToStdout) {
                out.print(CompareFormats.table(rows));
                out.flush();
            }
            if (plot != null && !rows.isEmpty()) {
                List<CompareRow> plotted = rows;
                safeOutput.write(plot, force, stream -> RdChart.write(plotted, RdChart.isSvg(plot), stream));
            }
            if (report != null) {
                report.finish(rows, entries);
            }
        } catch (IOException e) {
            reportFailed = true;
            err.println("tessera: " + Failures.describe(e));
            printTrace(err, e);
        }
        if (!batch.quiet) {
            err.println(summary.describe() + "; " + rows.size() + " rows");
        }
        return summary.failures() == 0 && !reportFailed ? 0 : Main.EXIT_FAILED;
    }

    private static boolean isStdout(Path file) {
        return file.toString().equals("-");
    }

    /** Writes text to a file, or to standard output for "-"; returns true for standard output. */
    private boolean writeText(SafeOutput safeOutput, Path file, String text, PrintWriter out) throws IOException {
        if (isStdout(file)) {
            out.print(text);
            out.flush();
            return true;
        }
        safeOutput.write(file, force, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
        return false;
    }

    /** Rows grouped by input in input order; within an input, Tessera's settings then candidates. */
    private static List<CompareRow> order(List<CompareRow> rows, List<InputFiles.Entry> entries) {
        List<CompareRow> ordered = new ArrayList<>();
        for (InputFiles.Entry entry : entries) {
            String input = entry.file().toString();
            rows.stream().filter(r -> r.input().equals(input) && r.encoder().equals("tessera")).forEach(ordered::add);
            rows.stream().filter(r -> r.input().equals(input) && !r.encoder().equals("tessera")).forEach(ordered::add);
        }
        return ordered;
    }

    List<Integer> qualityList() {
        boolean range = from != null || to != null || step != null;
        if (range && qualities != null) {
            throw new ParameterException(spec.commandLine(), "--qualities cannot be combined with --from/--to/--step");
        }
        if (range) {
            if (from == null || to == null) {
                throw new ParameterException(spec.commandLine(), "a quality range needs both --from and --to");
            }
            int s = step == null ? 5 : step;
            if (s < 1) {
                throw new ParameterException(spec.commandLine(), "--step must be at least 1, found " + s);
            }
            if (from > to) {
                throw new ParameterException(spec.commandLine(), "--from " + from + " is above --to " + to);
            }
            TreeSet<Integer> list = new TreeSet<>();
            for (int q = from; q <= to; q += s) {
                list.add(q);
            }
            list.add(to);
            return List.copyOf(list);
        }
        if (qualities == null) {
            return DEFAULT_QUALITIES;
        }
        try {
            return parseQualities(qualities);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * "20,30,50", or "20,30,...,90,95": "A,B,...,Z" counts from A to Z in steps of B - A (Z always included);
     * other values may follow. The result is sorted without repeats.
     */
    static List<Integer> parseQualities(String text) {
        String[] parts = text.split(",");
        TreeSet<Integer> result = new TreeSet<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.equals("...")) {
                if (i < 2 || i + 1 >= parts.length || parts[i - 1].trim().equals("...")
                    || parts[i + 1].trim().equals("...")) {
                    throw new IllegalArgumentException("--qualities: '...' needs two qualities before it and one "
                        + "after: 20,30,...,90");
                }
                int a = quality(parts[i - 2]);
                int b = quality(parts[i - 1]);
                int z = quality(parts[i + 1]);
                if (b <= a || z < b) {
                    throw new IllegalArgumentException("--qualities: 'A,B,...,Z' needs A < B <= Z, found " + text);
                }
                for (int q = b; q <= z; q += b - a) {
                    result.add(q);
                }
                continue;
            }
            result.add(quality(part));
        }
        return List.copyOf(result);
    }

    private static int quality(String text) {
        try {
            return new Converters.Quality().convert(text);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new IllegalArgumentException("--qualities: " + e.getMessage());
        }
    }

    /** The index of the input a candidate belongs to, or -1. */
    static int matchInput(Path candidate, List<InputFiles.Entry> entries) {
        if (entries.size() == 1) {
            return 0;
        }
        String name = candidate.getFileName().toString();
        int best = -1;
        int bestLength = -1;
        for (int i = 0; i < entries.size(); i++) {
            String stem = OutputNames.stem(entries.get(i).file().getFileName().toString());
            if (name.startsWith(stem) && stem.length() > bestLength) {
                best = i;
                bestLength = stem.length();
            }
        }
        return best;
    }

    private static BufferedImage original(Path input, Map<Path, FutureTask<BufferedImage>> originals)
        throws IOException {
        FutureTask<BufferedImage> task = originals.computeIfAbsent(input.toAbsolutePath().normalize(),
            key -> new FutureTask<>(() -> ImageLoader.load(input, false, warning -> { }).image()));
        // The first caller loads; the others wait for its result.
        task.run();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("original " + input + ": " + Failures.describe(e.getCause()), e.getCause());
        }
    }

    private Batch.Done<List<CompareRow>> measureInput(Path input, String prefix, List<Setting> settings,
                                                      Map<Path, FutureTask<BufferedImage>> originals,
                                                      HtmlReport report) throws IOException {
        BufferedImage image = original(input, originals);
        if (report != null) {
            report.writeOriginal(prefix, image);
        }
        List<CompareRow> rows = new ArrayList<>();
        long bytesOut = 0;
        for (Setting setting : settings) {
            JpegEncoder encoder = new JpegEncoder(setting.mode().apply(
                EncoderOptions.DEFAULT.withQuality(setting.quality()).withSubsampling(setting.subsampling())));
            long t0 = System.nanoTime();
            byte[] jpeg = encoder.encode(image);
            long t1 = System.nanoTime();
            BufferedImage decoded = Decoding.decode(jpeg);
            long t2 = System.nanoTime();
            String id = prefix + "-" + setting.label();
            if (report != null) {
                report.writeJpeg(id, jpeg);
            }
            bytesOut += jpeg.length;
            rows.add(new CompareRow(id, input.toString(), "tessera", setting.mode().label(),
                setting.subsampling().label(), setting.quality(), "", image.getWidth(), image.getHeight(),
                jpeg.length, (t1 - t0) / 1e6, (t2 - t1) / 1e6, measure(image, decoded)));
        }
        return new Batch.Done<>(rows, Files.size(input), 0,
            settings.size() + " settings, " + Units.bytes(bytesOut) + " of JPEG");
    }

    private Batch.Done<List<CompareRow>> measureCandidate(Path candidate, Path input, String id,
                                                          Map<Path, FutureTask<BufferedImage>> originals,
                                                          HtmlReport report) throws IOException {
        byte[] jpeg = Files.readAllBytes(candidate);
        BufferedImage image = original(input, originals);
        long t0 = System.nanoTime();
        BufferedImage decoded = Decoding.decode(jpeg);
        long t1 = System.nanoTime();
        if (decoded.getWidth() != image.getWidth() || decoded.getHeight() != image.getHeight()) {
            throw new IOException("is " + decoded.getWidth() + "x" + decoded.getHeight() + ", its original " + input
                + " is " + image.getWidth() + "x" + image.getHeight());
        }
        if (report != null) {
            report.writeJpeg(id, jpeg);
        }
        CompareRow row = new CompareRow(id, input.toString(), "candidate", "", "", 0, candidate.toString(),
            image.getWidth(), image.getHeight(), jpeg.length, Double.NaN, (t1 - t0) / 1e6, measure(image, decoded));
        return new Batch.Done<>(List.of(row), jpeg.length, 0, "against " + input);
    }

    private static CompareRow.Metrics measure(BufferedImage original, BufferedImage decoded) {
        return new CompareRow.Metrics(Psnr.luma(original, decoded), Psnr.rgb(original, decoded),
            original.getWidth() >= Ssim.WINDOW && original.getHeight() >= Ssim.WINDOW
                ? Ssim.luma(original, decoded) : Double.NaN,
            Ssimulacra2.score(original, decoded));
    }

    private void printTrace(PrintWriter err, Throwable e) {
        if (verbose) {
            e.printStackTrace(err);
        }
    }
}
