package dev.tessera.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Headless Chromium (Debian package {@code chromium}) for tests of HTML output; skips tests where it is absent. */
final class Chromium {
    private Chromium() {
    }

    /** The chromium executable on the PATH, or a skipped test. */
    static String require() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        Assumptions.abort("chromium is not installed (apt-get install chromium); skipping the browser check");
        throw new AssertionError("unreachable");
    }

    /** Loads a page, runs its scripts, waits for its images, and returns the DOM as HTML. */
    static String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        String chromium = require();
        Files.createDirectories(profile);
        Path dom = profile.resolve("dom.html");
        Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--user-data-dir=" + profile.toAbsolutePath(), "--virtual-time-budget=10000", "--dump-dom",
            page.toAbsolutePath().toUri().toString())
            .redirectOutput(dom.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue());
        }
        return Files.readString(dom, StandardCharsets.UTF_8);
    }
}
