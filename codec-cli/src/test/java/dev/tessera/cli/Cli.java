package dev.tessera.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code tessera} in-process with captured output. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        /** Non-blank lines of standard error. */
        long errLines() {
            return err.lines().filter(line -> !line.isBlank()).count();
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
