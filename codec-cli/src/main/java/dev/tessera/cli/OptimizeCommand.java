package dev.tessera.cli;

import dev.tessera.jpeg.CopyPolicy;
import dev.tessera.jpeg.JpegDecoder;
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
 * renamed onto the target), so an input rewritten in place is never lost.
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
        "",
        "Exit codes: 0 all inputs done, 1 any input failed, 2 bad arguments."
    })
final class OptimizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN", arity = "1..*",
        description = "JPEG files, or directories of them (.jpg, .jpeg, .jpe, .jfif; with --recursive also in "
            + "subdirectories).")
    List<Path> inputs;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Destination destination = new Destination();

    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (only with a single input).")
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

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces on errors.")
    boolean verbose;

    @Mixin
    BatchOptions batch = new BatchOptions();

    @ParentCommand
    Main parent;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<InputFiles.Entry> entries;
        try {
            entries = InputFiles.expand(inputs, batch.recursive, InputFiles.JPEG_EXTENSIONS);
        } catch (IOException e) {
            err.println("tessera: " + Failures.describe(e));
            return Main.EXIT_FAILED;
        }
        if (destination.output != null && entries.size() > 1) {
            throw new ParameterException(spec.commandLine(),
                "-o/--output takes a single input; use --out-dir DIR for " + entries.size() + " inputs");
        }
        if (destination.outDir != null) {
            try {
                Files.createDirectories(destination.outDir);
            } catch (IOException e) {
                err.println("tessera: " + destination.outDir + ": " + Failures.describe(e));
                return Main.EXIT_FAILED;
            }
        }
        TranscodeOptions options = options();
        JpegTranscoder transcoder = new JpegTranscoder();
        SafeOutput safeOutput = new SafeOutput();
        Map<Path, Path> planned = new HashMap<>();
        List<Batch.Job<Path>> jobs = new ArrayList<>();
        for (InputFiles.Entry entry : entries) {
            Path input = entry.file();
            Path output = outputFor(entry);
            Path key = output.toAbsolutePath().normalize();
            if (planned.containsKey(key)) {
                String message = "output " + output + " is also the output of " + planned.get(key);
                jobs.add(new Batch.Job<>(input, () -> {
                    throw new IOException(message);
                }));
                continue;
            }
            planned.put(key, input);
            jobs.add(new Batch.Job<>(input, () -> optimize(input, output, transcoder, options, safeOutput, err)));
        }
        Progress progress = Progress.choose(batch.quiet, parent != null && parent.terminal, "optimize", out);
        Batch.Summary<Path> summary = new Batch(batch.threads(), progress, err, verbose).run(jobs);
        if (!batch.quiet) {
            out.println(summary.describe());
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
        if (destination.outDir != null) {
            return destination.outDir.resolve(entry.relativeDir()).resolve(entry.file().getFileName());
        }
        return entry.file();
    }

    private Batch.Done<Path> optimize(Path input, Path output, JpegTranscoder transcoder, TranscodeOptions options,
                                      SafeOutput safeOutput, PrintWriter err) throws IOException {
        byte[] in;
        try (java.io.InputStream stream = Files.newInputStream(input)) {
            in = new JpegDecoder(transcoder.options()).readInput(stream);
        }
        List<String> warnings = new ArrayList<>();
        JpegTranscoder reading = new JpegTranscoder(transcoder.options().toBuilder()
            .listener(w -> warnings.add(w.toString())).build());
        byte[] result = reading.optimize(in, options);
        if (!warnings.isEmpty()) {
            synchronized (err) {
                for (String w : warnings) {
                    err.println("tessera: " + input + ": warning: " + w);
                }
            }
        }
        boolean inPlace = OutputNames.isSameFile(input, output);
        Path dir = output.toAbsolutePath().getParent();
        if (destination.outDir != null && dir != null) {
            Files.createDirectories(dir);
        }
        String note;
        if (inPlace && result == in) {
            note = "unchanged (" + in.length + " bytes, nothing smaller found)";
        } else {
            safeOutput.write(output, true, stream -> stream.write(result));
            note = "-> " + output + " (" + in.length + " -> " + result.length + " bytes, "
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
