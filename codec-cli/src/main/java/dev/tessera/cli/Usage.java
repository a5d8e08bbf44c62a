package dev.tessera.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Bad arguments: the cjpeg/djpeg single-dash spellings users type out of habit, and the one-line message with
 * which every argument error ends (exit code 2).
 *
 * <p>{@link #rewrite} runs before picocli: a single-dash word such as {@code -quality} would otherwise be parsed
 * as the cluster {@code -q uality}. A spelling with the same meaning is translated ({@code -quality 80} to
 * {@code --quality 80}); one without a Tessera equivalent stops with a hint naming the nearest option.
 */
final class Usage {
    /** Translations per subcommand: cjpeg/djpeg word to Tessera option ({@code ""}: accepted, nothing to do). */
    private static final Map<String, Map<String, String>> SAME = Map.of(
        "compress", Map.of(
            "-quality", "--quality",
            "-progressive", "--progressive",
            "-optimize", "",
            "-outfile", "--output",
            "-restart", "--restart",
            "-sample", "--subsampling"),
        "decompress", Map.of(
            "-scale", "--scale",
            "-outfile", "--output",
            "-grayscale", "--grayscale",
            "-greyscale", "--grayscale"),
        "optimize", Map.of(
            "-copy", "--copy",
            "-optimize", "",
            "-progressive", "--progressive",
            "-arithmetic", "--arithmetic",
            "-outfile", "--output"),
        "transform", Map.ofEntries(
            Map.entry("-copy", "--copy"),
            Map.entry("-optimize", ""),
            Map.entry("-outfile", "--output"),
            Map.entry("-rotate", "--rotate"),
            Map.entry("-flip", "--flip"),
            Map.entry("-transpose", "--transpose"),
            Map.entry("-transverse", "--transverse"),
            Map.entry("-crop", "--crop"),
            Map.entry("-grayscale", "--grayscale"),
            Map.entry("-greyscale", "--grayscale"),
            Map.entry("-trim", "--trim"),
            Map.entry("-perfect", "--perfect")));

    /** Spellings with no Tessera equivalent in that command, and what to use instead. */
    private static final Map<String, Map<String, String>> HINTS = Map.of(
        "compress", Map.of(
            "-grayscale", "compress has no gray conversion; give it a gray image (tessera decompress --grayscale "
                + "makes one from a JPEG)",
            "-greyscale", "compress has no gray conversion; give it a gray image",
            "-baseline", "use --preset baseline (cjpeg's coefficients) or --no-progressive",
            "-dct", "Tessera has one forward DCT (islow); drop -dct",
            "-smooth", "Tessera has no smoothing filter; drop -smooth",
            "-arithmetic", "Tessera writes Huffman-coded files only; drop -arithmetic",
            "-scale", "-scale is a decompress option (tessera decompress --scale M/N)"),
        "decompress", Map.of(
            "-quality", "-quality is a compress option (tessera compress -q N)",
            "-optimize", "-optimize is a compress option; decompress writes PNG, BMP, PPM, PGM or TIFF",
            "-progressive", "-progressive is a compress option (tessera compress --progressive)",
            "-bmp", "use --format bmp",
            "-pnm", "use --format ppm (or pgm)",
            "-targa", "Tessera does not write Targa; use --format png, bmp, ppm, pgm or tif",
            "-gif", "Tessera does not write GIF; use --format png",
            "-dct", "Tessera has one inverse DCT (islow, as djpeg's default); drop -dct",
            "-fast", "Tessera has no fast mode; --scale 1/2 (or 1/4, 1/8) decodes faster"),
        "optimize", Map.of(
            "-rotate", "optimize does not turn images; use tessera transform --rotate",
            "-flip", "optimize does not mirror images; use tessera transform --flip",
            "-crop", "optimize does not crop; use tessera transform --crop",
            "-grayscale", "optimize keeps every component; use tessera transform --grayscale",
            "-restart", "optimize drops restart markers, as jpegtran does without -restart; drop -restart",
            "-perfect", "-perfect is a transform option (tessera transform --perfect)",
            "-trim", "-trim is a transform option (tessera transform --trim)"),
        "transform", Map.of(
            "-progressive", "transform writes the smaller of sequential and progressive; tessera optimize "
                + "--progressive rewrites a file as progressive",
            "-arithmetic", "transform writes Huffman coding; tessera optimize --arithmetic rewrites a file with "
                + "arithmetic coding",
            "-restart", "transform drops restart markers, as jpegtran does without -restart; drop -restart",
            "-wipe", "Tessera has no -wipe; --crop keeps a region",
            "-drop", "Tessera has no -drop",
            "-scale", "-scale is a decompress option (tessera decompress --scale M/N)"));

    private Usage() {
    }

    /**
     * The arguments with cjpeg/djpeg spellings translated; a spelling without equivalent is turned into a
     * usage error by returning arguments picocli will reject with the hint as its message.
     */
    static String[] rewrite(CommandLine root, String[] args) {
        if (args.length == 0 || !root.getSubcommands().containsKey(args[0])) {
            return args;
        }
        String command = args[0];
        CommandLine sub = root.getSubcommands().get(command);
        Map<String, String> same = SAME.getOrDefault(command, Map.of());
        Map<String, String> hints = HINTS.getOrDefault(command, Map.of());
        List<String> result = new ArrayList<>();
        result.add(command);
        boolean endOfOptions = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (endOfOptions || !a.startsWith("-") || a.startsWith("--") || a.length() <= 2
                || sub.getCommandSpec().findOption(a) != null) {
                endOfOptions |= a.equals("--");
                result.add(a);
                continue;
            }
            String word = a.toLowerCase(Locale.ROOT);
            if (same.containsKey(word)) {
                String option = same.get(word);
                if (option.isEmpty()) {
                    continue;
                }
                result.add(option);
                if (word.equals("-sample") && i + 1 < args.length) {
                    result.add(sampleToSubsampling(args[++i]));
                }
            } else if (hints.containsKey(word)) {
                // An argument picocli cannot accept, carrying the hint; handle() prints it as one line.
                return new String[] {command, HINT_PREFIX + a + ": " + hints.get(word)};
            } else {
                result.add(a);
            }
        }
        return result.toArray(String[]::new);
    }

    private static final String HINT_PREFIX = "--tessera-hint=";

    /** cjpeg's {@code -sample 2x2} (luma sampling factors H x V) as a {@code --subsampling} value. */
    static String sampleToSubsampling(String value) {
        String v = value.toLowerCase(Locale.ROOT).replace(",1x1", "");
        return switch (v) {
            case "1x1" -> "444";
            case "2x1" -> "422";
            case "2x2" -> "420";
            case "1x2" -> "440";
            case "4x1" -> "411";
            default -> value; // the subsampling converter names the accepted values
        };
    }

    /**
     * Prints an argument error as {@code tessera: MESSAGE} and {@code see `tessera help COMMAND`}, not the
     * whole usage text; returns exit code 2.
     */
    static int handle(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = e.getMessage();
        for (String a : args) {
            if (a.startsWith(HINT_PREFIX)) {
                message = a.substring(HINT_PREFIX.length());
            }
        }
        String name = cl.getCommandSpec().qualifiedName(" ");
        String command = name.startsWith("tessera ") ? name.substring("tessera ".length()) : "";
        err.println("tessera: " + oneLine(message));
        err.println("see `tessera help" + (command.isEmpty() ? "" : " " + command) + "`");
        err.flush();
        return Main.EXIT_USAGE;
    }

    private static String oneLine(String text) {
        String t = text == null ? "bad arguments" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        // picocli: "Invalid value for option '--quality': quality must ..." reads well as it is.
        return t.isEmpty() ? "bad arguments" : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
}
