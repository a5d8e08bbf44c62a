package dev.tessera.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code tessera} in-process with captured output. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        /**
         * Message lines of standard error (starting "tessera: "); progress and summary lines, which also go to
         * standard error, are not counted.
         */
        long errLines() {
            return err.lines().filter(line -> line.startsWith("tessera: ")).count();
        }
    }

    private Cli() {
    }

    static Result run(Object... args) {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), text);
        return new Result(code, out.toString(), err.toString());
    }
}
