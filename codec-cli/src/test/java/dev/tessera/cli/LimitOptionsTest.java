package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --max-pixels}, {@code --max-memory}, {@code --max-scans} and friends on decompress and info. */
class LimitOptionsTest {
    @TempDir
    Path dir;

    private Path jpeg(boolean progressive) throws IOException {
        Path file = dir.resolve(progressive ? "p.jpg" : "s.jpg");
        Files.write(file, new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(progressive))
            .encode(TestImages.gradient(64, 48)));
        return file;
    }

    @Test
    void decompressRefusesMorePixelsThanAllowedAndNamesTheFile() throws IOException {
        Path in = jpeg(false);
        Cli.Result r = Cli.run("decompress", "--max-pixels", "3000", in, "-o", dir.resolve("out.png"));
        assertEquals(Main.EXIT_FAILED, r.exitCode());
        assertTrue(r.err().contains(in.toString()) && r.err().contains("64x48 exceeds the limit of 3000 pixels"),
            r.err());
        assertFalse(Files.exists(dir.resolve("out.png")));
        assertEquals(0, Cli.run("decompress", "--max-pixels", "3072", in, "-o", dir.resolve("ok.png")).exitCode());
    }

    @Test
    void decompressRefusesMoreMemoryThanAllowed() throws IOException {
        Path in = jpeg(true);
        Cli.Result r = Cli.run("decompress", "--max-memory", "10k", in, "-o", dir.resolve("out.png"));
        assertEquals(Main.EXIT_FAILED, r.exitCode());
        assertTrue(r.err().contains("more than the memory limit of 10240"), r.err());
        assertEquals(0, Cli.run("decompress", "--max-memory", "1m", in, "-o", dir.resolve("ok.png")).exitCode());
    }

    @Test
    void infoHonoursTheScanLimit() throws IOException {
        Path in = jpeg(true);
        Cli.Result r = Cli.run("info", "--max-scans", "2", in);
        assertEquals(Main.EXIT_FAILED, r.exitCode());
        assertTrue(r.err().contains("more than 2 scans"), r.err());
        assertEquals(0, Cli.run("info", in).exitCode());
    }

    @Test
    void decompressAndInfoRefuseLargerInputThanAllowed() throws IOException {
        Path in = jpeg(false);
        long size = Files.size(in);
        for (String command : new String[] {"decompress", "info"}) {
            Cli.Result r = command.equals("info")
                ? Cli.run("info", "--max-input", Long.toString(size - 1), in)
                : Cli.run("decompress", "--max-input", Long.toString(size - 1), in, "-o", dir.resolve("out.png"));
            assertEquals(Main.EXIT_FAILED, r.exitCode(), command);
            assertTrue(r.err().contains(in.toString())
                && r.err().contains("input exceeds the limit of " + (size - 1) + " bytes"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("out.png")));
        assertEquals(0, Cli.run("decompress", "--max-input", Long.toString(size), in, "-o", dir.resolve("ok.png"))
            .exitCode());
    }

    @Test
    void outOfRangeLimitIsAUsageError() throws IOException {
        Path in = jpeg(false);
        Cli.Result r = Cli.run("decompress", "--max-components", "11", in);
        assertEquals(Main.EXIT_USAGE, r.exitCode());
        assertTrue(r.err().contains("component limit must be 1..10"), r.err());
    }
}
