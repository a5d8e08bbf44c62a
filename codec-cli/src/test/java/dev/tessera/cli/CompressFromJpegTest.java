package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.QuantTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera compress} of a JPEG: a warning naming optimize when it grows or raises quality; --no-larger. */
class CompressFromJpegTest {
    @TempDir
    Path dir;

    /** A cjpeg-like file (Annex K tables) at {@code quality}, whose estimated quality is exactly that. */
    private Path jpeg(String name, int quality) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withTables(QuantTables.ANNEX_K)
            .withQuality(quality)).encode(TestImages.gradient(160, 120)));
        return file;
    }

    private static long warningLines(String err) {
        return err.lines().filter(l -> l.contains("warning")).count();
    }

    @Test
    void growingOrRaisingQualityIsReportedOnOneLineNamingOptimize() throws IOException {
        Path in = jpeg("low.jpg", 30);
        Path out = dir.resolve("out.jpg");
        Cli.Result result = Cli.run("compress", in, "-o", out, "-q", "90");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.size(out) > Files.size(in), "a q30 file re-encoded at q90 grows");
        assertEquals(1, warningLines(result.err()), result.err());
        String line = result.err().lines().filter(l -> l.contains("warning")).findFirst().orElseThrow();
        // --quiet prints nothing but errors (issue 19), this warning included.
        Cli.Result quiet = Cli.run("compress", in, "-o", dir.resolve("quiet.jpg"), "-q", "90", "--quiet");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.err());
        assertTrue(line.contains("low.jpg") && line.contains("optimize") && line.contains("estimated 30")
            && line.contains("larger"), line);
    }

    @Test
    void noLargerKeepsTheInputsBytes() throws IOException {
        Path in = jpeg("low.jpg", 30);
        Path out = dir.resolve("out.jpg");
        Cli.Result result = Cli.run("compress", in, "-o", out, "-q", "90", "--no-larger");
        assertEquals(0, result.exitCode(), result.err());
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
        assertTrue(result.err().contains("input's bytes"), result.err());
    }

    @Test
    void aSmallerLowerQualityResultIsNotReported() throws IOException {
        Path in = jpeg("high.jpg", 95);
        Path out = dir.resolve("out.jpg");
        Cli.Result result = Cli.run("compress", in, "-o", out, "-q", "50", "--no-larger", "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.size(out) < Files.size(in));
        assertEquals(0, warningLines(result.err()), result.err());
        assertFalse(result.err().contains("optimize"), result.err());
    }
}
