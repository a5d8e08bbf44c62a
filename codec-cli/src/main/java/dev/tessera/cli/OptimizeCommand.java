package dev.tessera.cli;

import dev.tessera.jpeg.CopyPolicy;
import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegTranscoder;
import dev.tessera.jpeg.TranscodeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * {@code tessera optimize}: rewrites JPEG files from their own quantized coefficients, losslessly (the pixels
 * stay the same in every decoder), as {@code jpegtran -optimize} does, through {@link JpegTranscoder}.
 *
 * <p>Each input is handled on its own: a failure is one line on standard error naming the file, nothing is
 * written for it, and the other inputs go on. Every output goes through {@link SafeOutput} (a temporary file
 * renamed onto the target), so an input rewritten in place is never lost; {@code -} reads standard input and
 * {@code -o -} writes standard output ({@link Inputs}, {@link Outputs}). Decoder warnings, progress and the
 * summary go to standard error.
 */
@Command(name = "optimize",
    mixinStandardHelpOptions = true,
    description = {
        "Make JPEG files smaller without changing a pixel: rewrite them from their own DCT coefficients.",
        "By default the smaller of an optimized-Huffman sequential file and a progressive file with a scan-script "
            + "search, every metadata segment kept, and never a file larger than the input."
    },
    sortOptions = false,
    footerHeading = "%nOutputs:%n",
    footer = {
        "  Without -o or --out-dir each input is rewritten in place (through a temporary file",
        "  renamed over it), and left untouched when nothing smaller was found.",
        "",
        "Examples:",
        "  tessera optimize photo.jpg",
        "  tessera optimize --copy none --out-dir small/ -r photos/",
        "  tessera optimize --progressive in.jpg -o out.jpg",
        "  tessera optimize --arithmetic archive.jpg -o archive-ari.jpg",
        "  curl -s https://example.org/a.jpg | tessera optimize - > a.jpg",
        "",
        "Exit codes: 0 all inputs done, 1 any input failed, 2 bad arguments."
    })
final class OptimizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN", arity = "1..*",
        description = "JPEG files, or directories of them (.jpg, .jpeg, .jpe, .jfif; with --recursive also in "
            + "subdirectories); - for standard input (written to standard output unless -o or --out-dir).")
    List<Path> inputs;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Destination destination = new Destination();

    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file (only with a single input); - for standard output.")
        Path output;

        @Option(names = "--out-dir", paramLabel = "DIR", description = "Directory for the outputs; created if missing.")
        Path outDir;
    }

    @Option(names = "--copy", paramLabel = "none|comments|icc|exif|all", defaultValue = "all",
        converter = CopyConverter.class,
        description = "Metadata kept, as jpegtran -copy: none, comments (COM), icc (the ICC profile), exif (the "
            + "EXIF APP1), all (every APPn and COM segment; default). JFIF and Adobe segments, which say how the "
            + "samples are coded, are always kept.")
    CopyPolicy copy;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--progressive", description = "Always write a progressive file (SOF2, or SOF10 with "
            + "--arithmetic), even when it is larger than the input.")
        boolean progressive;

        @Option(names = "--sequential", description = "Always write a sequential file (SOF0/SOF1, or SOF9 with "
            + "--arithmetic), even when it is larger than the input.")
        boolean sequential;
    }

    @Option(names = "--arithmetic", description = "Write arithmetic coding (T.81 Annex D; SOF9/SOF10): smaller, "
        + "but many programs (browsers among them) cannot read it. Written even when larger than the input.")
    boolean arithmetic;

    @Option(names = {"-f", "--force"}, description = "Also rewrite damaged files, as the decoder recovers them "
        + "(the decoder's warnings are printed); without it they are refused.")
    boolean force;

    @Option(names = "--strict", description = "Fail a file at the first damage the decoder meets, even with "
        + "--force.")
    boolean strict;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces on errors.")
    boolean verbose;

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
        List<InputFiles.Entry> entries;
        try {
            entries = InputFiles.expand(inputs, batch.recursive, InputFiles.JPEG_EXTENSIONS);
            if (destination.outDir != null) {
                Outputs.createOutDir(destination.outDir);
            }
        } catch (IOException e) {
            err.println("tessera: " + Failures.describe(e));
            return Main.EXIT_FAILED;
        }
        if (destination.output != null && entries.size() > 1) {
            throw new ParameterException(spec.commandLine(),
                "-o/--output takes a single input; use --out-dir DIR for " + entries.size() + " inputs");
        }
        TranscodeOptions options = options();
        SafeOutput safeOutput = new SafeOutput();
        Map<Path, Path> planned = new HashMap<>();
        List<Batch.Job<Path>> jobs = new ArrayList<>();
        for (InputFiles.Entry entry : entries) {
            Path input = entry.file();
            Path output = outputFor(entry);
            Path key = output.toAbsolutePath().normalize();
            if (!Outputs.isStdout(output) && planned.containsKey(key)) {
                String message = "output " + output + " is also the output of " + planned.get(key);
                jobs.add(new Batch.Job<>(input, () -> {
                    throw new IOException(message);
                }));
                continue;
            }
            planned.put(key, input);
            jobs.add(new Batch.Job<>(input,
                () -> optimize(Inputs.of(input, std), output, options, safeOutput, std, err)));
        }
        Progress progress = Progress.choose(batch.quiet, parent != null && parent.terminal, "optimize", err);
        Batch.Summary<Path> summary = new Batch(batch.threads(), progress, err, verbose).run(jobs);
        if (!batch.quiet) {
            err.println(summary.describe());
            err.flush();
        }
        return summary.failures() == 0 ? 0 : Main.EXIT_FAILED;
    }

    TranscodeOptions options() {
        TranscodeOptions.Coding coding;
        if (arithmetic) {
            coding = mode.progressive ? TranscodeOptions.Coding.ARITHMETIC_PROGRESSIVE
                : mode.sequential ? TranscodeOptions.Coding.ARITHMETIC_SEQUENTIAL : TranscodeOptions.Coding.ARITHMETIC;
        } else {
            coding = mode.progressive ? TranscodeOptions.Coding.PROGRESSIVE
                : mode.sequential ? TranscodeOptions.Coding.SEQUENTIAL : TranscodeOptions.Coding.SMALLEST;
        }
        return TranscodeOptions.DEFAULT.toBuilder().coding(coding).copy(copy).force(force).build();
    }

    private Path outputFor(InputFiles.Entry entry) {
        if (destination.output != null) {
            return destination.output;
        }
        if (Inputs.isStdin(entry.file())) {
            // Standard input cannot be rewritten in place: standard output, or stdin.jpg in --out-dir.
            return destination.outDir == null ? Path.of(Inputs.DASH) : destination.outDir.resolve("stdin.jpg");
        }
        if (destination.outDir != null) {
            return destination.outDir.resolve(entry.relativeDir()).resolve(entry.file().getFileName());
        }
        return entry.file();
    }

    private Batch.Done<Path> optimize(Inputs.Input input, Path output, TranscodeOptions options,
                                      SafeOutput safeOutput, StandardStreams std, PrintWriter err)
            throws IOException {
        WarningReport report = new WarningReport();
        DecoderOptions reading = DecoderOptions.DEFAULT.withStrict(strict).withListener(report.listener());
        byte[] in = input.bytes(reading.limits().maxInputBytes());
        byte[] result;
        try {
            // Damaged data: refused (MalformedJpegException) unless --force; its warnings are printed either way.
            result = new JpegTranscoder(reading).optimize(in, options);
        } finally {
            report.print(input.name(), err, batch.quiet);
        }
        boolean toStdout = Outputs.isStdout(output);
        boolean inPlace = !toStdout && !input.isStdin() && OutputNames.isSameFile(input.file(), output);
        Path dir = toStdout ? null : output.toAbsolutePath().getParent();
        if (destination.outDir != null && dir != null) {
            Files.createDirectories(dir);
        }
        String note;
        if (inPlace && result == in) {
            note = "unchanged (" + in.length + " bytes, nothing smaller found)";
        } else {
            // Optimize replaces its outputs (in place is its default); -f is about damaged inputs.
            Outputs.write(output, true, safeOutput, std, stream -> stream.write(result));
            note = "-> " + Outputs.name(output) + " (" + in.length + " -> " + result.length + " bytes, "
                + String.format(Locale.ROOT, "%+.1f%%", 100.0 * (result.length - in.length) / in.length)
                + (result == in ? ", input copied: nothing smaller found" : "") + ")";
        }
        return new Batch.Done<>(output, in.length, result.length, note);
    }

    /** Policy names as typed: none, comments, icc, exif, all. */
    static final class CopyConverter implements picocli.CommandLine.ITypeConverter<CopyPolicy> {
        @Override
        public CopyPolicy convert(String value) {
            try {
                return CopyPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                    "expected none, comments, icc, exif or all, found '" + value + "'");
            }
        }
    }
}
