package dev.tessera.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code tessera} with binary standard streams: in-process through {@link Main#run(java.io.InputStream,
 * java.io.OutputStream, java.io.OutputStream, String...)}, or as a separate JVM fed through real pipes. */
final class Pipes {
    /** What a run left behind: exit code, standard output bytes, standard error text. */
    record Result(int exitCode, byte[] out, String err) {
        /** Message lines of standard error (starting "tessera: "). */
        long errLines() {
            return err.lines().filter(line -> line.startsWith("tessera: ")).count();
        }
    }

    private Pipes() {
    }

    /** In-process, with {@code stdin} as standard input. */
    static Result run(byte[] stdin, Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new ByteArrayInputStream(stdin), out, err, strings(args));
        return new Result(code, out.toByteArray(), err.toString(Charset.defaultCharset()));
    }

    /**
     * A separate JVM running {@link Main} on this test's class path, its standard input and output real pipes
     * (as in {@code cat a.png | tessera compress - -o - > a.jpg}).
     */
    static Result process(byte[] stdin, Path workDir, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(strings(args)));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(err);
            } catch (IOException e) {
                // the process is gone; what was read is kept
            }
        });
        errReader.start();
        Thread feeder = new Thread(() -> {
            try (var in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the process stopped reading; its exit code tells
            }
        });
        feeder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("tessera did not finish in 120 s");
        }
        feeder.join();
        errReader.join();
        return new Result(process.exitValue(), out, err.toString(Charset.defaultCharset()));
    }

    private static String[] strings(Object... args) {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        return text;
    }
}
