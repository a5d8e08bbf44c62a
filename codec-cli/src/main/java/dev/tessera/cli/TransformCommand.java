package dev.tessera.cli;

import dev.tessera.jpeg.CopyPolicy;
import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegTransformer;
import dev.tessera.jpeg.TranscodeOptions;
import dev.tessera.jpeg.TransformOptions;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.Transform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tessera transform}: lossless rotation, mirroring, cropping and gray conversion of one JPEG file, with
 * jpegtran's options and results (through {@link JpegTransformer}). A refused transform or a bad input is one line
 * on standard error naming the file and the reason, exit code 1, and nothing written. {@code -} reads standard
 * input and {@code -o -} writes standard output; decoder warnings and the result line go to standard error.
 */
@Command(name = "transform",
    mixinStandardHelpOptions = true,
    description = {
        "Rotate, flip, crop or gray a JPEG file without decoding its pixels (as jpegtran does).",
        "Blocks move a whole MCU (8x8 to 16x16 pixels) at a time: a partial MCU at the right or bottom edge that a "
            + "flip or rotation cannot move stays where it is, as jpegtran leaves it; --trim drops it, --perfect "
            + "refuses such a transform. A crop's top-left corner moves up and left to an MCU boundary."
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
        "  tessera transform photo.jpg -o upright.jpg --auto-orient",
        "  tessera transform photo.jpg -o turned.jpg --rotate 90 --trim",
        "  tessera transform photo.jpg -o part.jpg --crop 640x480+32+16",
        "  tessera transform - --rotate 90 < in.jpg > out.jpg",
        "",
        "Exit codes: 0 written, 1 refused or failed (nothing written), 2 bad arguments."
    })
final class TransformCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN", description = "The JPEG file; - for standard input.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
        description = "Output file; - for standard output (the default when IN is -).")
    Path output;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Geometry geometry = new Geometry();

    static final class Geometry {
        @Option(names = "--rotate", paramLabel = "90|180|270", converter = Rotation.class,
            description = "Rotate clockwise by 90, 180 or 270 degrees.")
        Transform rotate;

        @Option(names = "--flip", paramLabel = "horizontal|vertical", converter = Flip.class,
            description = "Mirror left to right (horizontal) or top to bottom (vertical).")
        Transform flip;

        @Option(names = "--transpose", description = "Mirror across the top-left to bottom-right diagonal.")
        boolean transpose;

        @Option(names = "--transverse", description = "Mirror across the top-right to bottom-left diagonal.")
        boolean transverse;

        @Option(names = "--auto-orient", description = "Apply the EXIF Orientation tag (2 to 8) and set it to 1 in "
            + "the copied EXIF; no tag means no change.")
        boolean autoOrient;

        Transform transform() {
            return rotate != null ? rotate : flip != null ? flip : transpose ? Transform.TRANSPOSE
                : transverse ? Transform.TRANSVERSE : Transform.NONE;
        }
    }

    @Option(names = "--crop", paramLabel = "WxH+X+Y",
        description = "Keep the region W by H at X, Y of the transformed image (its corner moves up and left to an "
            + "MCU boundary, the region growing by as much).")
    String crop;

    @Option(names = "--grayscale", description = "Keep only the luma of a YCbCr file.")
    boolean grayscale;

    @Option(names = "--trim", description = "Drop the partial edge MCUs a flip or rotation cannot move.")
    boolean trim;

    @Option(names = "--perfect", description = "Refuse (exit 1) a transform that would leave partial MCUs unmoved.")
    boolean perfect;

    @Option(names = "--copy", paramLabel = "none|comments|icc|exif|all", defaultValue = "all",
        description = "Metadata kept, as jpegtran -copy (default: ${DEFAULT-VALUE}). JFIF and Adobe segments are "
            + "always kept.")
    CopyPolicy copy;

    @Option(names = {"-f", "--force"}, description = "Replace an existing OUT, and transform damaged files as the "
        + "decoder recovers them (otherwise refused).")
    boolean force;

    @Option(names = "--strict", description = "Fail at the first damage the decoder meets, even with --force.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors: no result line, no warnings.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces on errors.")
    boolean verbose;

    @ParentCommand
    Main parent;

    /** "90" to ROTATE_90. */
    static final class Rotation implements ITypeConverter<Transform> {
        @Override
        public Transform convert(String value) {
            return switch (value.trim()) {
                case "90" -> Transform.ROTATE_90;
                case "180" -> Transform.ROTATE_180;
                case "270" -> Transform.ROTATE_270;
                default -> throw new TypeConversionException("rotation must be 90, 180 or 270, found '" + value + "'");
            };
        }
    }

    /** "horizontal" to FLIP_HORIZONTAL. */
    static final class Flip implements ITypeConverter<Transform> {
        @Override
        public Transform convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "horizontal", "h" -> Transform.FLIP_HORIZONTAL;
                case "vertical", "v" -> Transform.FLIP_VERTICAL;
                default -> throw new TypeConversionException("flip must be horizontal or vertical, found '" + value
                    + "'");
            };
        }
    }

    TransformOptions options() {
        try {
            return TransformOptions.DEFAULT.toBuilder().transform(geometry.transform())
                .autoOrient(geometry.autoOrient).crop(crop == null ? null : TransformOptions.Crop.parse(crop))
                .grayscale(grayscale).trim(trim).perfect(perfect)
                .transcode(TranscodeOptions.DEFAULT.withCopy(copy).withForce(force)).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StandardStreams std = Main.streams(parent);
        TransformOptions options = options();
        Path target = output;
        if (target == null) {
            if (!Inputs.isStdin(input)) {
                throw new ParameterException(spec.commandLine(),
                    "missing -o OUT (standard output, -o -, is the default only for standard input, -)");
            }
            target = Path.of(Inputs.DASH);
        }
        Inputs.Input in = Inputs.of(input, std);
        try {
            if (!in.isStdin() && !Outputs.isStdout(target) && OutputNames.isSameFile(input, target) && !force) {
                throw new IOException("output " + target + " is the input itself (use --force to replace it)");
            }
            Outputs.checkTarget(target, force);
            WarningReport report = new WarningReport();
            DecoderOptions reading = DecoderOptions.DEFAULT.withStrict(strict).withListener(report.listener());
            byte[] bytes = in.bytes(reading.limits().maxInputBytes());
            byte[] result;
            try {
                // Damaged data: refused (MalformedJpegException) unless --force; its warnings are printed either way.
                result = new JpegTransformer(reading).transform(bytes, options);
            } finally {
                report.print(in.name(), err, quiet);
            }
            long written = Outputs.write(target, force, new SafeOutput(), std, stream -> stream.write(result));
            if (!quiet) {
                ImageInfo info = new JpegDecoder().readHeader(result);
                err.println(in.name() + " -> " + Outputs.name(target) + " (" + info.width() + "x" + info.height()
                    + ", " + bytes.length + " -> " + written + " bytes)");
                err.flush();
            }
            return 0;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (verbose) {
                e.printStackTrace(err);
            }
            err.println("tessera: " + in.name() + ": " + Failures.describe(e, in.name()));
            err.flush();
            return Main.EXIT_FAILED;
        }
    }
}
