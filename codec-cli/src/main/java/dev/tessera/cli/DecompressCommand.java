package dev.tessera.cli;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.Orientation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * through ImageIO (the JDK's PNG writer, the TwelveMonkeys writers for the others) and {@link SafeOutput}, with
 * the file's ICC profile, EXIF, XMP, comments and density where the format holds them ({@link ImageFiles}).
 * Decoder warnings are printed per file ({@link WarningReport}); {@code -} reads standard input and
 * {@code -o -} writes standard output.
 */
@Command(name = "decompress",
    mixinStandardHelpOptions = true,
    description = {
        "Decode JPEG files to PNG, BMP, PPM, PGM or TIFF.",
        "The ICC profile, EXIF, XMP, comments and density are written to PNG (iCCP, eXIf, iTXt, tEXt, pHYs) and "
            + "the profile and resolution to TIFF, unless --strip-metadata is given. Damaged files are decoded as "
            + "far as they go, with one warning line per kind of damage on standard error."
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
        "  tessera decompress photo.jpg                 writes photo.png",
        "  tessera decompress photo.jpg -o photo.ppm --scale 1/4",
        "  tessera decompress -r --out-dir png/ --format png scans/",
        "  cat photo.jpg | tessera decompress - -o - > photo.png",
        "",
        "Exit codes: 0 all inputs decoded (warnings allowed), 1 any input failed, 2 bad arguments."
    })
final class DecompressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main parent;

    @Parameters(paramLabel = "IN", arity = "1..*",
        description = "JPEG files, or directories of them (with --recursive also their subdirectories); - for "
            + "standard input.")
    List<Path> inputs;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Destination destination = new Destination();

    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file (only with a single input); its extension chooses the format; - for "
                + "standard output (PNG unless --format).")
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

    @Option(names = "--grayscale",
        description = "Gray output from YCbCr files: the luma samples, as djpeg -grayscale.")
    boolean grayscale;

    @Option(names = "--cmyk-to-rgb",
        description = "Convert CMYK and YCCK files to RGB (naively, without a profile); otherwise only TIFF can "
            + "hold them.")
    boolean cmykToRgb;

    @Option(names = "--strip-metadata",
        description = "Write no ICC profile, EXIF, XMP, comments or density from the JPEG.")
    boolean stripMetadata;

    @Option(names = "--strict",
        description = "Fail a file on the first sign of damage instead of decoding it with a warning.")
    boolean strict;

    @Option(names = "--auto-orient",
        description = "Turn the image upright as its EXIF Orientation tag (2 to 8) says: mirrored or rotated, width "
            + "and height swapped for 5 to 8. Off by default, as djpeg.")
    boolean autoOrient;

    @Option(names = "--threads-per-image", paramLabel = "N", defaultValue = "1",
        description = "Threads one image may be decoded on (default: ${DEFAULT-VALUE}): files with restart markers at "
            + "MCU-row boundaries are split by interval, other files of 256K pixels or more are pipelined on 2 "
            + "threads (for progressive files, their final pass). The output is the same for every N.")
    int threadsPerImage;

    @Option(names = {"-f", "--force"}, description = "Replace existing output files.")
    boolean force;

    @Option(names = {"-v", "--verbose"},
        description = "Report metadata not written and why; print stack traces on errors.")
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
                case "1", "1/1", "8/8" -> 1;
                case "1/2", "4/8" -> 2;
                case "1/4", "2/8" -> 4;
                case "1/8" -> 8;
                default -> throw new TypeConversionException("scale must be 1/1, 1/2, 1/4 or 1/8, found '" + value
                    + "'");
            };
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StandardStreams std = Main.streams(parent);
        String stdinProblem = Inputs.checkStdin(inputs);
        if (stdinProblem != null) {
            throw new ParameterException(spec.commandLine(), stdinProblem);
        }
        boolean toStdout = Outputs.isStdout(destination.output);
        ImageFiles.Format defaultFormat;
        try {
            defaultFormat = format != null ? ImageFiles.Format.parse(format)
                : destination.output != null && !toStdout ? ImageFiles.Format.ofFile(destination.output)
                : ImageFiles.Format.PNG;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
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
        DecoderOptions options;
        try {
            options = DecoderOptions.DEFAULT.withScale(scale).withCmykToRgb(cmykToRgb).withGrayscale(grayscale)
                .withStrict(strict).withLimits(limitOptions.limits()).withThreads(Math.max(1, threadsPerImage))
                .withAutoOrient(autoOrient);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SafeOutput safeOutput = new SafeOutput();
        Map<Path, Path> planned = new HashMap<>();
        List<Batch.Job<Path>> jobs = new ArrayList<>();
        for (InputFiles.Entry entry : entries) {
            Path input = entry.file();
            Path output = destination.output != null ? destination.output
                : Inputs.isStdin(input) && destination.outDir == null ? Path.of(Inputs.DASH)
                : defaultOutput(entry, defaultFormat);
            Path key = output.toAbsolutePath().normalize();
            String problem = Outputs.isStdout(output) ? null : planned.containsKey(key) ? "output " + output
                + " is also the output of " + planned.get(key) : null;
            if (problem == null) {
                planned.put(key, input);
            }
            jobs.add(new Batch.Job<>(input, () -> {
                if (problem != null) {
                    throw new IOException(problem);
                }
                return decode(Inputs.of(input, std), output, defaultFormat, options, safeOutput, std, err);
            }));
        }
        Progress progress = Progress.choose(batch.quiet, parent != null && parent.terminal, "decompress", err);
        Batch.Summary<Path> summary = new Batch(batch.threads(), progress, err, verbose).run(jobs);
        if (!batch.quiet) {
            err.println(summary.describe());
            err.flush();
        }
        return summary.failures() == 0 ? 0 : Main.EXIT_FAILED;
    }

    private Path defaultOutput(InputFiles.Entry entry, ImageFiles.Format format) {
        Path input = entry.file();
        String stemSource = Inputs.isStdin(input) ? "stdin" : input.getFileName().toString();
        Path dir = destination.outDir != null ? destination.outDir.resolve(entry.relativeDir())
            : input.toAbsolutePath().getParent();
        String name = OutputNames.stem(stemSource) + "." + format.extension();
        return dir == null ? Path.of(name) : dir.resolve(name);
    }

    /**
     * The metadata the output carries: the JPEG's, or none with {@code --strip-metadata}. With
     * {@code --auto-orient} the pixels were turned upright as the EXIF Orientation tag said, so the tag written
     * says 1 (changed in place, nothing else in the EXIF moves), and for 5 to 8, which swap width and height, the
     * horizontal and vertical densities swap too.
     */
    ImageMetadata outputMetadata(ImageMetadata metadata) {
        if (stripMetadata) {
            return ImageMetadata.NONE;
        }
        if (!autoOrient) {
            return metadata;
        }
        byte[] exif = metadata.exif();
        Optional<Orientation> orientation = Orientation.fromExif(exif);
        if (orientation.isEmpty()) {
            return metadata; // nothing was turned: the decoder read the same tag
        }
        ImageMetadata upright = metadata.withExif(Orientation.rewriteExif(exif, Orientation.TOP_LEFT));
        JfifHeader j = metadata.jfif();
        return orientation.get().toUpright().transposes()
            ? upright.withJfif(new JfifHeader(j.majorVersion(), j.minorVersion(), j.units(), j.yDensity(),
                j.xDensity()))
            : upright;
    }

    private Batch.Done<Path> decode(Inputs.Input input, Path output, ImageFiles.Format format,
                                    DecoderOptions options, SafeOutput safeOutput, StandardStreams std,
                                    PrintWriter err) throws IOException {
        Path file = input.file();
        if (file != null && !Outputs.isStdout(output) && OutputNames.isSameFile(file, output)) {
            throw new IOException("output " + output + " is the input itself; choose another -o");
        }
        Path dir = Outputs.isStdout(output) ? null : output.toAbsolutePath().getParent();
        if (destination.outDir != null && dir != null) {
            Files.createDirectories(dir);
        }
        Outputs.checkTarget(output, force);
        ImageFiles.Format actual = destination.output != null && !Outputs.isStdout(output) && this.format == null
            ? ImageFiles.Format.ofFile(output) : format;
        byte[] data = input.bytes(options.limits().maxInputBytes());
        WarningReport report = new WarningReport();
        BufferedImage image;
        try {
            image = new JpegDecoder(options.withListener(report.listener())).decode(data);
        } finally {
            report.print(input.name(), err, batch.quiet);
        }
        ImageMetadata metadata = ImageMetadata.NONE;
        List<String> notes = new ArrayList<>();
        if (!stripMetadata) {
            try {
                metadata = outputMetadata(new JpegDecoder(options.withStrict(false)).readInfo(data).metadata());
            } catch (JpegException e) {
                notes.add("metadata not written: " + e.getMessage());
            }
        }
        ImageMetadata carried = metadata;
        long bytesOut = Outputs.write(output, force, safeOutput, std,
            stream -> ImageFiles.write(image, actual, carried, stream, notes::add));
        if (verbose && !batch.quiet && !notes.isEmpty()) {
            synchronized (err) {
                for (String note : notes) {
                    err.println("tessera: " + input.name() + ": " + note);
                }
                err.flush();
            }
        }
        return new Batch.Done<>(output, data.length, bytesOut,
            "-> " + Outputs.name(output) + " (" + image.getWidth() + "x" + image.getHeight() + ", " + bytesOut
                + " bytes)");
    }
}
