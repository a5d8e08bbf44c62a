package dev.tessera.cli;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.Preset;
import dev.tessera.jpeg.QuantTables;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.QualityEstimate;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.tune.QualitySearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tessera compress}: encodes PNG, BMP, GIF, PNM, TIFF or JPEG files as JPEG/JFIF (progressive or
 * sequential, as the preset decides).
 *
 * <p>Each input is handled on its own: a failure is reported as one line on standard error naming the file,
 * and the remaining inputs are still converted. Outputs are written through {@link SafeOutput}, or to standard
 * output for {@code -o -}; {@code -} as input reads standard input. Everything else goes to standard error.
 */
@Command(name = "compress",
    mixinStandardHelpOptions = true,
    description = {
        "Encode images as JPEG/JFIF files: progressive, or sequential where that is smaller (see --preset).",
        "Reads PNG, BMP, GIF (first frame), PNM (PBM/PGM/PPM), TIFF and JPEG, told apart by their bytes. EXIF, "
            + "XMP, the ICC profile, comments and the pixel density of JPEG and PNG inputs are kept unless "
            + "--strip-metadata is given; -v lists what is dropped and why."
    },
    sortOptions = false,
    footerHeading = "%nOutput names:%n",
    footer = {
        "  Without -o: IN's name with its extension replaced by .jpg, beside IN",
        "  or in --out-dir. If that is IN itself (photo.jpg), NAME.tessera.jpg.",
        "  An existing output is replaced only with --force; IN never is.",
        "",
        "Examples:",
        "  tessera compress photo.png",
        "  tessera compress -q 90 --subsampling 444 logo.png -o logo.jpg",
        "  tessera compress --restart 1 --out-dir out/ scans/*.tif",
        "  tessera compress --strip-metadata --force camera.jpg",
        "  cat photo.png | tessera compress - -o - > photo.jpg",
        "",
        "Exit codes: 0 all inputs converted (warnings allowed), 1 any input failed, 2 bad arguments."
    })
final class CompressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN", arity = "1..*",
        description = "Input image files, or directories of them (with --recursive also their subdirectories); - "
            + "for standard input (written to standard output unless -o or --out-dir is given).")
    List<Path> inputs;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Destination destination = new Destination();

    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file (only with a single input); - for standard output.")
        Path output;

        @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Directory for the outputs; created if missing.")
        Path outDir;
    }

    @Option(names = {"-q", "--quality"}, paramLabel = "N", defaultValue = "75",
        converter = Converters.Quality.class,
        description = "IJG quality 1..100 (default: ${DEFAULT-VALUE}).")
    int quality;

    @Option(names = "--subsampling", paramLabel = "444|422|420|440|411", defaultValue = "420",
        converter = Converters.SubsamplingConverter.class,
        description = "Chroma subsampling of colour images (default: ${DEFAULT-VALUE}).")
    Subsampling subsampling;

    @Option(names = "--restart", paramLabel = "N[B]", defaultValue = "0", converter = Converters.Restart.class,
        description = "Restart marker every N MCU rows, or every N MCUs with a B suffix (64B), as cjpeg's "
            + "-restart; 0 for none (default).")
    RestartInterval restart;

    @Option(names = "--no-optimize",
        description = "Use the standard Huffman tables of T.81 Annex K instead of tables optimized for the image; "
            + "the file is sequential then, unless --progressive is given (progressive scans always get "
            + "optimized tables).")
    boolean noOptimize;

    @Option(names = "--preset", paramLabel = "baseline|fast|default|smallest", defaultValue = "default",
        converter = PresetConverter.class,
        description = "Compression techniques: baseline (what cjpeg -optimize writes), fast (perceptual "
            + "tables), default (perceptual tables, trellis quantization, progressive scans, or one sequential "
            + "scan when that file is smaller), smallest (default plus a search over scan scripts). The options "
            + "below override single techniques.")
    Preset preset;

    @Option(names = "--progressive", negatable = true,
        description = "Always write a progressive JPEG (SOF2) that renders coarse to fine, or with "
            + "--no-progressive always a sequential one (default: as the preset; default and smallest write "
            + "whichever of the two is smaller, progressive for most photos, sequential for small images).")
    Boolean progressive;

    @Option(names = "--trellis", negatable = true,
        description = "Rate-distortion optimised quantization: smaller files, slower (default: as the preset).")
    Boolean trellis;

    @Option(names = "--aq", negatable = true,
        description = "Adaptive quantization: spend fewer bits on busy texture and more on flat areas; "
            + "needs trellis (default: as the preset).")
    Boolean adaptiveQuantization;

    @Option(names = "--tables", paramLabel = "annex-k|perceptual", converter = TablesConverter.class,
        description = "Base quantization tables the quality scales: annex-k (libjpeg's) or perceptual "
            + "(Tessera's) (default: as the preset).")
    QuantTables tables;

    @Option(names = "--strip-metadata",
        description = "Write no EXIF, XMP, ICC profile, comments or density from the input.")
    boolean stripMetadata;

    @Option(names = "--strict",
        description = "Fail a JPEG input on the first sign of damage instead of decoding it with a warning.")
    boolean strict;

    @Option(names = "--threads-per-image", paramLabel = "N", defaultValue = "1",
        converter = ThreadsPerImageConverter.class,
        description = "Threads one image is encoded on (default: ${DEFAULT-VALUE}); the output is the same "
            + "for every N.")
    int threadsPerImage;

    @Option(names = {"-f", "--force"}, description = "Replace existing output files.")
    boolean force;

    @Option(names = "--no-larger",
        description = "For JPEG inputs: when the re-encoded file would be larger than the input, write the "
            + "input's bytes instead (re-encoding a JPEG is lossy; tessera optimize shrinks one losslessly).")
    boolean noLarger;

    @Option(names = {"-v", "--verbose"},
        description = "Report each file written and each piece of metadata dropped, and why; print stack traces "
            + "on errors.")
    boolean verbose;

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nTarget (instead of -q):%n")
    TargetOptions target;

    static final class TargetOptions {
        @Option(names = "--target-ssimulacra2", paramLabel = "SCORE",
            description = "The lowest quality whose decoded result scores at least SCORE (0..100) in SSIMULACRA 2.")
        Double ssimulacra2;

        @Option(names = "--target-size", paramLabel = "BYTES", converter = Converters.Size.class,
            description = "The highest quality whose file is at most BYTES (suffix k, m: powers of 1024).")
        Long size;

        @Option(names = "--target-bpp", paramLabel = "BPP", converter = Converters.PositiveNumber.class,
            description = "The highest quality whose file has at most BPP bits per pixel.")
        Double bpp;

        QualitySearch.Target toTarget() {
            if (ssimulacra2 != null) {
                return QualitySearch.Target.ssimulacra2(ssimulacra2);
            }
            if (size != null) {
                return QualitySearch.Target.maxBytes(size);
            }
            return QualitySearch.Target.bitsPerPixel(bpp);
        }
    }

    @Mixin
    BatchOptions batch = new BatchOptions();

    @ParentCommand
    Main parent;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StandardStreams std = Main.streams(parent);
        String stdinProblem = Inputs.checkStdin(inputs);
        if (stdinProblem != null) {
            throw new ParameterException(spec.commandLine(), stdinProblem);
        }
        QualitySearch.Target searchTarget = target != null ? target.toTarget() : null;
        if (searchTarget != null && spec.commandLine().getParseResult().hasMatchedOption("-q")) {
            throw new ParameterException(spec.commandLine(), "-q/--quality cannot be combined with a --target option");
        }
        List<InputFiles.Entry> entries;
        try {
            entries = InputFiles.expand(inputs, batch.recursive, InputFiles.IMAGE_EXTENSIONS);
        } catch (IOException e) {
            err.println("tessera: " + Failures.describe(e));
            printTrace(err, e);
            return Main.EXIT_FAILED;
        }
        if (destination.output != null && entries.size() > 1) {
            throw new ParameterException(spec.commandLine(),
                "-o/--output takes a single input; use --out-dir DIR for " + entries.size() + " inputs");
        }
        if (destination.outDir != null) {
            try {
                Outputs.createOutDir(destination.outDir);
            } catch (IOException e) {
                err.println("tessera: " + destination.outDir + ": " + Failures.describe(e,
                    destination.outDir.toString()));
                printTrace(err, e);
                return Main.EXIT_FAILED;
            }
        }

        EncoderOptions options = options();
        JpegEncoder encoder = new JpegEncoder(options);
        QualitySearch search = searchTarget == null ? null : new QualitySearch(options, Decoding::decode);
        SafeOutput safeOutput = new SafeOutput();
        // Outputs are chosen before any work starts, so two inputs mapping to one name (a.png, a.bmp) are caught
        // here, in input order, and never overwrite each other even with --force.
        Map<Path, Path> planned = new HashMap<>();
        List<Batch.Job<Path>> jobs = new ArrayList<>();
        for (InputFiles.Entry entry : entries) {
            Path input = entry.file();
            Path output;
            String problem;
            try {
                output = outputFor(entry);
                problem = checkOutput(input, output, planned);
            } catch (IOException e) {
                output = null;
                problem = Failures.describe(e);
            }
            if (problem != null) {
                String message = problem;
                jobs.add(new Batch.Job<>(input, () -> {
                    throw new IOException(message);
                }));
                continue;
            }
            if (!Outputs.isStdout(output)) {
                planned.put(output.toAbsolutePath().normalize(), input);
            }
            Path target = output;
            jobs.add(new Batch.Job<>(input, () -> convert(Inputs.of(input, std), target, encoder, search,
                searchTarget, safeOutput, std, err)));
        }
        boolean quiet = batch.quiet;
        // With a target, each file's line carries the chosen quality: lines, never a bar that would hide them.
        boolean bar = parent != null && parent.terminal && searchTarget == null;
        Progress progress = Progress.choose(quiet, bar, "compress", err);
        Batch.Summary<Path> summary = new Batch(batch.threads(), progress, err, verbose).run(jobs);
        if (!quiet) {
            err.println(summary.describe());
            err.flush();
        }
        return summary.failures() == 0 ? 0 : Main.EXIT_FAILED;
    }

    EncoderOptions options() {
        EncoderOptions o = EncoderOptions.DEFAULT.withPreset(preset)
            .withQuality(quality)
            .withSubsampling(subsampling)
            .withRestartInterval(restart)
            .withOptimizeHuffman(!noOptimize)
            .withThreads(threadsPerImage);
        if (progressive != null) {
            o = o.withProgressive(progressive);
        } else if (noOptimize) {
            o = o.withProgressive(false); // Annex K tables need a sequential file
        }
        if (trellis != null) {
            o = o.withTrellis(trellis);
        }
        if (adaptiveQuantization != null) {
            o = o.withAdaptiveQuantization(adaptiveQuantization);
        }
        if (tables != null) {
            o = o.withTables(tables);
        }
        return o;
    }

    /** Threads per image, 1..{@link EncoderOptions#MAX_THREADS}. */
    static final class ThreadsPerImageConverter implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException(
                    "threads per image must be a whole number, found '" + value + "'");
            }
            if (n < 1 || n > EncoderOptions.MAX_THREADS) {
                throw new picocli.CommandLine.TypeConversionException(
                    "threads per image must be 1.." + EncoderOptions.MAX_THREADS + ", found " + n);
            }
            return n;
        }
    }

    /** Preset names as typed: baseline, fast, default, smallest. */
    static final class PresetConverter implements picocli.CommandLine.ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "baseline", "baseline-compatible" -> Preset.BASELINE_COMPATIBLE;
                case "fast" -> Preset.FAST;
                case "default" -> Preset.DEFAULT;
                case "smallest" -> Preset.SMALLEST;
                default -> throw new picocli.CommandLine.TypeConversionException(
                    "expected baseline, fast, default or smallest, found '" + value + "'");
            };
        }
    }

    /** Table names as typed: annex-k, perceptual. */
    static final class TablesConverter implements picocli.CommandLine.ITypeConverter<QuantTables> {
        @Override
        public QuantTables convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "annex-k", "annexk", "ijg" -> QuantTables.ANNEX_K;
                case "perceptual" -> QuantTables.PERCEPTUAL;
                default -> throw new picocli.CommandLine.TypeConversionException(
                    "expected annex-k or perceptual, found '" + value + "'");
            };
        }
    }

    private Path outputFor(InputFiles.Entry entry) throws IOException {
        if (destination.output != null) {
            return destination.output;
        }
        if (Inputs.isStdin(entry.file())) {
            return destination.outDir == null ? Path.of(Inputs.DASH) : destination.outDir.resolve("stdin.jpg");
        }
        Path dir = destination.outDir == null ? null : destination.outDir.resolve(entry.relativeDir());
        return OutputNames.defaultOutput(entry.file(), dir);
    }

    /** Why {@code output} cannot be written for {@code input}, or {@code null} if it can. */
    private String checkOutput(Path input, Path output, Map<Path, Path> planned) throws IOException {
        if (Outputs.isStdout(output)) {
            return null;
        }
        if (OutputNames.isSameFile(input, output)) {
            return "output " + output + " is the input itself; choose another -o";
        }
        Path key = output.toAbsolutePath().normalize();
        if (planned.containsKey(key)) {
            return "output " + output + " is also the output of " + planned.get(key);
        }
        return null;
    }

    private Batch.Done<Path> convert(Inputs.Input input, Path output, JpegEncoder encoder, QualitySearch search,
                                     QualitySearch.Target searchTarget, SafeOutput safeOutput, StandardStreams std,
                                     PrintWriter err) throws IOException {
        Path dir = Outputs.isStdout(output) ? null : output.toAbsolutePath().getParent();
        if (destination.outDir != null && dir != null) {
            Files.createDirectories(dir);
        }
        // Fail before decoding if the output cannot be written.
        Outputs.checkTarget(output, force);

        List<String> notes = new ArrayList<>();
        WarningReport report = new WarningReport();
        SourceImage source;
        try {
            source = ImageLoader.load(input, !stripMetadata, notes::add,
                DecoderOptions.DEFAULT.withStrict(strict).withListener(report.listener()));
        } finally {
            report.print(input.name(), err, batch.quiet);
        }
        if (verbose && !batch.quiet) {
            synchronized (err) {
                for (String note : notes) {
                    err.println("tessera: " + input.name() + ": " + note);
                }
                err.flush();
            }
        }
        ImageMetadata metadata = source.metadata();
        String note;
        long bytesOut;
        byte[] jpegInput = "jpeg".equals(source.format()) ? input.bytes(Limits.DEFAULT.maxInputBytes()) : null;
        if (search == null && jpegInput != null) {
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            encoder.encode(source.image(), metadata, encoded);
            byte[] chosen = recompressionCheck(input, jpegInput, encoded.toByteArray(), quality, err);
            bytesOut = Outputs.write(output, force, safeOutput, std, stream -> stream.write(chosen));
            note = chosen == jpegInput ? "input kept: re-encoding was larger" : "";
        } else if (search == null) {
            bytesOut = Outputs.write(output, force, safeOutput, std,
                stream -> encoder.encode(source.image(), metadata, stream));
            note = "";
        } else {
            QualitySearch.Result result = search.search(source.image(), metadata, searchTarget);
            byte[] jpeg = jpegInput == null ? result.jpeg()
                : recompressionCheck(input, jpegInput, result.jpeg(), 0, err);
            bytesOut = Outputs.write(output, force, safeOutput, std, stream -> stream.write(jpeg));
            note = TargetReport.describe(searchTarget, result);
            if (!result.met() && !batch.quiet) {
                synchronized (err) {
                    err.println("tessera: " + input.name() + ": warning: no quality meets the target; wrote "
                        + note);
                }
            }
        }
        String line = "-> " + Outputs.name(output) + " (" + bytesOut + " bytes" + (note.isEmpty() ? "" : ", " + note)
            + ")";
        return new Batch.Done<>(output, input.size(), bytesOut, line);
    }

    /**
     * Re-encoding a JPEG: one warning line when the result is larger than the input or {@code requested} quality
     * is above the input's estimated one (0 for none asked), naming {@code optimize}; with {@code --no-larger} the
     * input's bytes when the result is larger. Returns the bytes to write.
     */
    private byte[] recompressionCheck(Inputs.Input input, byte[] original, byte[] encoded, int requested, PrintWriter err) {
        Integer estimate = null;
        try {
            QualityEstimate q = new JpegDecoder().readHeader(original).qualityEstimate();
            estimate = q == null ? null : q.quality();
        } catch (IOException e) {
            // The image was decoded already; a header we cannot estimate from only means no quality check.
        }
        boolean larger = encoded.length > original.length;
        boolean higher = requested > 0 && estimate != null && requested > estimate;
        if (!larger && !higher) {
            return encoded;
        }
        StringBuilder line = new StringBuilder("tessera: ").append(input.name()).append(": warning: re-encoding a JPEG "
            + "is lossy");
        if (higher) {
            line.append("; quality ").append(requested).append(" is above the input's estimated ").append(estimate)
                .append(", which cannot bring back lost detail");
        }
        if (larger) {
            line.append("; the result (").append(encoded.length).append(" bytes) is larger than the input (")
                .append(original.length).append(" bytes)").append(noLarger ? ", so the input's bytes were written"
                    : "");
        }
        line.append("; 'tessera optimize' makes a JPEG smaller without changing its pixels");
        if (!batch.quiet) {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
        return larger && noLarger ? original : encoded;
    }

    private void printTrace(PrintWriter err, Throwable e) {
        if (verbose) {
            e.printStackTrace(err);
        }
    }
}
