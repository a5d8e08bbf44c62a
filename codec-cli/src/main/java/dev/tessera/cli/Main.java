package dev.tessera.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code tessera} command: parses the command line with picocli and runs one subcommand.
 *
 * <p>Exit codes: 0 on success (warnings allowed), 1 when any input failed, 2 for bad arguments; a bad argument is
 * reported as one line and a pointer to the command's help ({@link Usage}).
 */
@Command(name = "tessera",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Tessera: a pure-Java JPEG codec (ITU-T T.81 / JFIF).",
    subcommands = {CompressCommand.class, OptimizeCommand.class, TransformCommand.class, DecompressCommand.class,
        InfoCommand.class, CompareCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  tessera compress photo.png             writes photo.jpg beside photo.png",
        "  tessera compress -q 90 --subsampling 444 logo.png -o logo.jpg",
        "  tessera compress --out-dir out *.png   writes out/NAME.jpg for each input",
        "  tessera optimize photo.jpg             makes photo.jpg smaller, same pixels",
        "  tessera transform a.jpg -o b.jpg --rotate 90   turns a JPEG losslessly",
        "  cat a.png | tessera compress - -o - > a.jpg   '-' is standard input or output",
        "  tessera help compress                  lists every compress option",
        "",
        "Exit codes: 0 success (warnings allowed), 1 an input failed, 2 bad arguments."
    })
public final class Main implements Runnable {
    /** Exit code when one or more inputs could not be converted. */
    public static final int EXIT_FAILED = 1;
    /** Exit code for bad arguments, as picocli reports them. */
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    /** Whether standard error is a terminal: batch commands then draw a progress bar instead of lines. */
    boolean terminal;

    /** The binary standard streams behind {@code -} on the command line. */
    StandardStreams std = StandardStreams.system();

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command with the process's standard streams and returns the exit code; never exits. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine();
        ((Main) commandLine.getCommand()).terminal = isTerminal();
        return commandLine.execute(Usage.rewrite(commandLine, args));
    }

    /** Runs the command with the given text streams and returns the exit code; never exits. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(Usage.rewrite(commandLine, args));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs the command with the given binary streams, as a process would have them: {@code -} reads {@code in}
     * and writes {@code out}; text for standard output (help, {@code info}) is written to {@code out} too,
     * messages to {@code err}. Returns the exit code; never exits.
     */
    public static int run(InputStream in, OutputStream out, OutputStream err, String... args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter outText = new PrintWriter(new OutputStreamWriter(out, charset), true);
        PrintWriter errText = new PrintWriter(new OutputStreamWriter(err, charset), true);
        CommandLine commandLine = commandLine();
        ((Main) commandLine.getCommand()).std = new StandardStreams(in, out);
        commandLine.setOut(outText);
        commandLine.setErr(errText);
        try {
            return commandLine.execute(Usage.rewrite(commandLine, args));
        } finally {
            outText.flush();
            errText.flush();
        }
    }

    /** A fresh picocli command line for {@code tessera} with its subcommands. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setParameterExceptionHandler(Usage::handle);
    }

    /** The standard streams of the command that {@code spec} belongs to (a subcommand of {@code tessera}). */
    static StandardStreams streams(Main parent) {
        return parent != null ? parent.std : StandardStreams.system();
    }

    /**
     * Whether the process talks to a terminal. From Java 22 {@link System#console()} is non-null even when
     * redirected and {@code Console.isTerminal()} tells; on Java 17 to 21 a console exists only on a terminal.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** With no subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (try: tessera compress IN...)");
    }
}
