package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** Issue 19 point 1: '-' is standard input and '-o -' standard output; messages only on standard error. */
class PipeTest {
    @TempDir
    Path dir;

    private Path png() throws IOException {
        return TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(45, 31));
    }

    private Path jpeg() throws IOException {
        Path file = dir.resolve("b.jpg");
        Files.write(file, new JpegEncoder(EncoderOptions.DEFAULT.withQuality(85)).encode(
            TestImages.gradient(40, 27)));
        return file;
    }

    @Test
    void compressThroughRealPipesEqualsFileToFile() throws Exception {
        Path png = png();
        assertEquals(0, Cli.run("compress", png, "-o", dir.resolve("file.jpg"), "--quiet").exitCode());

        Pipes.Result piped = Pipes.process(Files.readAllBytes(png), dir, "compress", "-", "-o", "-");

        assertEquals(0, piped.exitCode(), piped.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("file.jpg")), piped.out());
        assertTrue(piped.err().contains("<stdin> -> <stdout>"), "progress on standard error: " + piped.err());
        assertFalse(Files.exists(dir.resolve("-")), "no file named '-'");
    }

    @Test
    void decompressThroughRealPipesEqualsFileToFile() throws Exception {
        Path jpeg = jpeg();
        assertEquals(0, Cli.run("decompress", jpeg, "-o", dir.resolve("file.png"), "--quiet").exitCode());

        Pipes.Result piped = Pipes.process(Files.readAllBytes(jpeg), dir, "decompress", "-", "-o", "-");

        assertEquals(0, piped.exitCode(), piped.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("file.png")), piped.out());
        assertFalse(Files.exists(dir.resolve("-")));
    }

    @Test
    void standardInputAloneWritesStandardOutput() throws IOException {
        Path jpeg = jpeg();
        assertEquals(0, Cli.run("decompress", jpeg, "-o", dir.resolve("file.ppm"), "--quiet").exitCode());

        Pipes.Result result = Pipes.run(Files.readAllBytes(jpeg), "decompress", "-", "--format", "ppm", "--quiet");

        assertEquals(0, result.exitCode(), result.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("file.ppm")), result.out());
        assertEquals("", result.err(), "--quiet prints nothing");
    }

    @Test
    void compressSniffsTheFormatFromTheBytes() throws IOException {
        // A JPEG on standard input is recompressed as a JPEG file given by name would be.
        Path jpeg = jpeg();
        assertEquals(0, Cli.run("compress", jpeg, "-o", dir.resolve("again.jpg"), "--quiet").exitCode());

        Pipes.Result result = Pipes.run(Files.readAllBytes(jpeg), "compress", "-", "-o", "-", "--quiet");

        assertEquals(0, result.exitCode(), result.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("again.jpg")), result.out());
    }

    @Test
    void infoReadsStandardInput() throws IOException {
        Path jpeg = jpeg();
        Pipes.Result result = Pipes.run(Files.readAllBytes(jpeg), "info", "-");
        assertEquals(0, result.exitCode(), result.err());
        String text = new String(result.out(), java.nio.charset.Charset.defaultCharset());
        assertTrue(text.startsWith("<stdin>"), text);
        assertTrue(text.contains("40x27"), text);
    }

    @Test
    void outputFileGetsNothingButTheImage() throws IOException {
        Pipes.Result result = Pipes.run(Files.readAllBytes(png()), "compress", "-", "-o", "-", "-v");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(0xFF, result.out()[0] & 0xFF);
        assertEquals(0xD8, result.out()[1] & 0xFF);
        assertEquals(0xD9, result.out()[result.out().length - 1] & 0xFF);
        assertTrue(result.err().contains("1 file: 1 done"), result.err());
    }

    @Test
    void standardInputTwiceIsAUsageError() {
        Pipes.Result result = Pipes.run(new byte[0], "compress", "-", "-", "--out-dir", dir);
        assertEquals(Main.EXIT_USAGE, result.exitCode());
        assertTrue(result.err().contains("standard input (-) can be given only once"), result.err());
    }

    @Test
    void emptyStandardInputFailsWithOneLine() {
        Pipes.Result result = Pipes.run(new byte[0], "decompress", "-", "-o", "-");
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertEquals(1, result.errLines(), result.err());
        assertTrue(result.err().startsWith("tessera: <stdin>: "), result.err());
        assertEquals(0, result.out().length);
    }
}
