package dev.tessera.cli;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
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
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tessera decompress}: decodes JPEG files with {@link JpegDecoder} and writes PNG, BMP, PPM, PGM or TIFF
 * through ImageIO (the JDK's PNG writer, the TwelveMonkeys writers for the others) and {@link SafeOutput}.
 */
@Command(name = "decompress",
    mixinStandardHelpOptions = true,
    description = "Decode JPEG files to PNG, BMP, PPM, PGM or TIFF.",
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
        "  tessera decompress photo.jpg                 writes photo.png",
        "  tessera decompress photo.jpg -o photo.ppm --scale 1/4",
        "  tessera decompress -r --out-dir png/ --format png scans/",
        "",
        "Exit codes: 0 all inputs decoded, 1 any input failed, 2 bad arguments."
    })
final class DecompressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main parent;

    @Parameters(paramLabel = "IN", arity = "1..*",
        description = "JPEG files, or directories of them (with --recursive also their subdirectories).")
    List<Path> inputs;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Destination destination = new Destination();

    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file (only with a single input); its extension chooses the format.")
        Path output;

        @Option(names = "--out-dir", paramLabel = "DIR", description = "Directory for the outputs; created if missing.")
        Path outDir;
    }

    @Option(names = "--format", paramLabel = "png|bmp|ppm|pgm|tif",
        description = "Output format without -o (default: png; with -o: from its extension).")
    String format;

    @Option(names = "--scale", paramLabel = "1/N", defaultValue = "1/1", converter = Scale.class,
        description = "Decode at 1/1, 1/2, 1/4 or 1/8 size (as djpeg -scale; default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--cmyk-to-rgb",
        description = "Convert CMYK and YCCK files to RGB (naively, without a profile); otherwise only TIFF can "
            + "hold them.")
    boolean cmykToRgb;

    @Option(names = "--auto-orient",
        description = "Turn the image upright as its EXIF Orientation tag (2 to 8) says: mirrored or rotated, width "
            + "and height swapped for 5 to 8. Off by default, as djpeg.")
    boolean autoOrient;

    @Option(names = "--threads-per-image", paramLabel = "N", defaultValue = "1",
        description = "Threads one image may be decoded on (default: ${DEFAULT-VALUE}); only files with restart "
            + "markers at MCU-row boundaries are split, with the same output.")
    int threadsPerImage;

    @Option(names = {"-f", "--force"}, description = "Replace existing output files.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces on errors.")
    boolean verbose;

    @Mixin
    BatchOptions batch = new BatchOptions();

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    /** "1/2" to its denominator 2. */
    static final class Scale implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return switch (value.trim()) {
                case "1", "1/1" -> 1;
                case "1/2" -> 2;
                case "1/4" -> 4;
                case "1/8" -> 8;
                default -> throw new TypeConversionException("scale must be 1/1, 1/2, 1/4 or 1/8, found '" + value
                    + "'");
            };
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImageFiles.Format defaultFormat;
        try {
            defaultFormat = format != null ? ImageFiles.Format.parse(format)
                : destination.output != null ? ImageFiles.Format.ofFile(destination.output) : ImageFiles.Format.PNG;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<InputFiles.Entry> entries;
        try {
            entries = InputFiles.expand(inputs, batch.recursive, InputFiles.JPEG_EXTENSIONS);
            if (destination.outDir != null) {
                Files.createDirectories(destination.outDir);
            }
        } catch (IOException e) {
            err.println("tessera: " + Failures.describe(e));
            return Main.EXIT_FAILED;
        }
        if (destination.output != null && entries.size() > 1) {
            throw new ParameterException(spec.commandLine(),
                "-o/--output takes a single input; use --out-dir DIR for " + entries.size() + " inputs");
        }
        JpegDecoder decoder;
        try {
            decoder = new JpegDecoder(DecoderOptions.DEFAULT.withScale(scale).withCmykToRgb(cmykToRgb)
                .withLimits(limitOptions.limits()).withThreads(Math.max(1, threadsPerImage))
                .withAutoOrient(autoOrient));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SafeOutput safeOutput = new SafeOutput();
        Map<Path, Path> planned = new HashMap<>();
        List<Batch.Job<Path>> jobs = new ArrayList<>();
        for (InputFiles.Entry entry : entries) {
            Path input = entry.file();
            Path output = destination.output != null ? destination.output : defaultOutput(entry, defaultFormat);
            Path key = output.toAbsolutePath().normalize();
            String problem = planned.containsKey(key) ? "output " + output + " is also the output of "
                + planned.get(key) : null;
            if (problem == null) {
                planned.put(key, input);
            }
            jobs.add(new Batch.Job<>(input, () -> {
                if (problem != null) {
                    throw new IOException(problem);
                }
                return decode(input, output, defaultFormat, decoder, safeOutput);
            }));
        }
        Progress progress = Progress.choose(batch.quiet, parent != null && parent.terminal, "decompress", out);
        Batch.Summary<Path> summary = new Batch(batch.threads(), progress, err, verbose).run(jobs);
        if (!batch.quiet) {
            out.println(summary.describe());
        }
        return summary.failures() == 0 ? 0 : Main.EXIT_FAILED;
    }

    private Path defaultOutput(InputFiles.Entry entry, ImageFiles.Format format) {
        Path input = entry.file();
        Path dir = destination.outDir != null ? destination.outDir.resolve(entry.relativeDir())
            : input.toAbsolutePath().getParent();
        String name = OutputNames.stem(input.getFileName().toString()) + "." + format.extension();
        return dir == null ? Path.of(name) : dir.resolve(name);
    }

    private Batch.Done<Path> decode(Path input, Path output, ImageFiles.Format format, JpegDecoder decoder,
                                    SafeOutput safeOutput) throws IOException {
        if (OutputNames.isSameFile(input, output)) {
            throw new IOException("output " + output + " is the input itself; choose another -o");
        }
        Path dir = output.toAbsolutePath().getParent();
        if (destination.outDir != null && dir != null) {
            Files.createDirectories(dir);
        }
        SafeOutput.checkTarget(output, force);
        ImageFiles.Format actual = destination.output != null && this.format == null ? ImageFiles.Format.ofFile(output)
            : format;
        BufferedImage image = decoder.decode(input);
        safeOutput.write(output, force, stream -> ImageFiles.write(image, actual, stream));
        long bytesOut = Files.size(output);
        return new Batch.Done<>(output, Files.size(input), bytesOut,
            "-> " + output + " (" + image.getWidth() + "x" + image.getHeight() + ", " + bytesOut + " bytes)");
    }
}
