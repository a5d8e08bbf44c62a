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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 19 point 6 and the messages of its "Why": familiar flags, one-line argument errors, --quiet. */
class UsageTest {
    @TempDir
    Path dir;

    private Path png() throws IOException {
        return TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(33, 20));
    }

    private Path jpeg() throws IOException {
        Path file = dir.resolve("b.jpg");
        Files.write(file, new JpegEncoder(EncoderOptions.DEFAULT.withQuality(85)).encode(TestImages.gradient(48, 32)));
        return file;
    }

    /** cjpeg spellings give the same file as the Tessera options. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-quality 80             | --quality 80",
        "-quality 80 -optimize   | -q 80",
        "-progressive            | --progressive",
        "-sample 1x1             | --subsampling 444",
        "-sample 2x1             | --subsampling 422",
        "-restart 1              | --restart 1"})
    void cjpegSpellingsMeanTheSame(String cjpeg, String tessera) throws IOException {
        Path png = png();
        Cli.Result a = Cli.run(args("compress", png, "-o", dir.resolve("a.jpg"), "--quiet", cjpeg));
        Cli.Result b = Cli.run(args("compress", png, "-o", dir.resolve("b.jpg"), "--quiet", tessera));
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("b.jpg")), Files.readAllBytes(dir.resolve("a.jpg")));
    }

    @Test
    void outfileAndDjpegScale() throws IOException {
        Path jpeg = jpeg();
        Cli.Result a = Cli.run("decompress", "-scale", "1/2", "-outfile", dir.resolve("a.png"), jpeg, "--quiet");
        Cli.Result b = Cli.run("decompress", "--scale", "1/2", "-o", dir.resolve("b.png"), jpeg, "--quiet");
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("b.png")), Files.readAllBytes(dir.resolve("a.png")));
        Cli.Result gray = Cli.run("decompress", "-grayscale", jpeg, "-o", dir.resolve("g.pgm"), "--quiet");
        assertEquals(0, gray.exitCode(), gray.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "compress   | -grayscale | compress has no gray conversion",
        "compress   | -baseline  | --preset baseline",
        "decompress | -quality   | compress option",
        "decompress | -bmp       | --format bmp"})
    void spellingsWithoutEquivalentGetAOneLineHint(String command, String flag, String hint) throws IOException {
        Cli.Result result = Cli.run(command, flag, "x");
        assertEquals(Main.EXIT_USAGE, result.exitCode());
        List<String> lines = result.err().lines().toList();
        assertEquals(2, lines.size(), result.err());
        assertTrue(lines.get(0).startsWith("tessera: " + flag + ": ") && lines.get(0).contains(hint), lines.get(0));
        assertEquals("see `tessera help " + command + "`", lines.get(1));
        assertEquals("", result.out());
    }

    @Test
    void argumentErrorsPrintOneLineNotTheHelp() {
        Cli.Result result = Cli.run("compress", "-q", "0", "x.png");
        assertEquals(Main.EXIT_USAGE, result.exitCode());
        assertEquals(List.of("tessera: invalid value for option '--quality': quality must be 1..100, found 0",
            "see `tessera help compress`"), result.err().lines().toList());
        Cli.Result unknown = Cli.run("decompress", "--frobnicate", "x.jpg");
        assertEquals(Main.EXIT_USAGE, unknown.exitCode());
        assertEquals(2, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("--frobnicate"), unknown.err());
        Cli.Result none = Cli.run();
        assertEquals(Main.EXIT_USAGE, none.exitCode());
        assertEquals("see `tessera help`", none.err().lines().reduce((a, b) -> b).orElse(""), none.err());
    }

    @Test
    void missingFileIsNamedOnce() {
        Path missing = dir.resolve("nope.png");
        Cli.Result result = Cli.run("compress", missing);
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertEquals(List.of("tessera: " + missing + ": no such file or directory"),
            result.err().lines().filter(l -> l.startsWith("tessera: ")).toList());
    }

    @Test
    void outDirThatIsAFileIsNotAnExistingOutput() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        Cli.Result result = Cli.run("compress", png(), "--out-dir", file, "--force");
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertEquals(List.of("tessera: " + file + ": not a directory (--out-dir needs a directory)"),
            result.err().lines().toList());
        assertFalse(result.err().contains("--force to overwrite"));
    }

    @Test
    void quietPrintsNothingForATarget() throws IOException {
        Cli.Result result = Cli.run("compress", "--quiet", "--target-size", "2k", png());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertEquals("", result.err());
    }

    private static Object[] args(Object... parts) {
        List<Object> all = new java.util.ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String s && s.contains(" ")) {
                all.addAll(List.of(s.trim().split("\\s+")));
            } else {
                all.add(p);
            }
        }
        return all.toArray();
    }
}
