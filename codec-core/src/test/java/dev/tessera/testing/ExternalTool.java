package dev.tessera.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reference program (libjpeg-turbo's djpeg and cjpeg) with bytes on stdin and collects its output.
 * Tests that need one skip, with a message, when it is not installed ({@code .ci/run} installs it).
 */
public final class ExternalTool {
    private final Path executable;

    private ExternalTool(Path executable) {
        this.executable = executable;
    }

    /** The program on PATH, if any. */
    public static Optional<ExternalTool> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(new ExternalTool(p));
            }
        }
        return Optional.empty();
    }

    /** The program, or skip the calling test. */
    public static ExternalTool require(String name) {
        Optional<ExternalTool> t = find(name);
        assumeTrue(t.isPresent(), name + " is not installed (Debian package libjpeg-turbo-progs): skipping");
        return t.get();
    }

    /** What a run produced. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        public boolean clean() {
            return exitCode == 0 && stderr.isBlank();
        }
    }

    /** Runs with {@code args}, feeding {@code input} on stdin; fails after 60 seconds. */
    public Result run(byte[] input, String... args) throws IOException {
        return run(java.util.Map.of(), input, args);
    }

    /** Like {@link #run(byte[], String...)} with extra environment variables (e.g. JSIMD_FORCENONE=1). */
    public Result run(java.util.Map<String, String> environment, byte[] input, String... args) throws IOException {
        Path in = Files.createTempFile("tessera-in", ".bin");
        Path out = Files.createTempFile("tessera-out", ".bin");
        Path err = Files.createTempFile("tessera-err", ".txt");
        try {
            Files.write(in, input);
            List<String> command = new ArrayList<>();
            command.add(executable.toString());
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(executable + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
