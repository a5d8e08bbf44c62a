package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.JpegTranscoder;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.model.RestartInterval;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 for the lossless commands (issue 18): {@code optimize} and {@code transform} read standard input for
 * {@code -} and write standard output for {@code -o -}, print decoder warnings as one line per kind with offset
 * and count, keep their refusal of damaged files without {@code --force}, and print nothing on standard output
 * but the image.
 */
class LosslessPlumbingTest {
    @TempDir
    Path dir;

    /** Sequential, Annex K Huffman tables: optimization always shrinks it. 97x61 is no whole number of MCUs. */
    private static byte[] plain() throws IOException {
        return new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withOptimizeHuffman(false).withQuality(85))
            .encode(TestImages.gradient(97, 61));
    }

    /**
     * Damaged: restart markers every MCU, every RSTn after the first turned into RST0 (the decoder resynchronises
     * with a warning each time, so a kind repeats), and the last third cut off.
     */
    private static byte[] damaged() throws IOException {
        byte[] data = new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(false).withQuality(85)
            .withRestartInterval(RestartInterval.mcus(1))).encode(TestImages.gradient(96, 64));
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) >= 0xD1 && (data[i + 1] & 0xFF) <= 0xD7) {
                data[i + 1] = (byte) 0xD0;
            }
        }
        return Arrays.copyOf(data, data.length * 2 / 3);
    }

    /** The warnings the library reports reading the coefficients, as optimize and transform read them. */
    private static List<JpegWarning> warnings(byte[] data) throws IOException {
        List<JpegWarning> found = new ArrayList<>();
        new JpegTranscoder(DecoderOptions.DEFAULT.withListener(found::add)).readCoefficients(data);
        return found;
    }

    private static int[] pixels(byte[] jpeg) throws IOException {
        BufferedImage image = new JpegDecoder().decode(jpeg);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private Path file(String name, byte[] data) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, data);
        return file;
    }

    /** The warning lines of {@code err} are exactly one per kind of {@code expected}, with first offset and count. */
    private static void assertWarningLines(String name, List<JpegWarning> expected, String err) {
        Map<JpegWarning.Kind, List<JpegWarning>> byKind = expected.stream()
            .collect(Collectors.groupingBy(JpegWarning::kind));
        List<String> lines = err.lines().filter(l -> l.contains(": warning: ")).toList();
        assertEquals(byKind.size(), lines.size(), err);
        for (List<JpegWarning> kind : byKind.values()) {
            JpegWarning first = kind.get(0);
            int n = kind.size();
            String times = n == 1 ? "" : n >= WarningReport.REPORTED_PER_KIND ? " (" + n + " or more times)"
                : " (" + n + " times)";
            String line = "tessera: " + name + ": warning: offset " + first.offset() + ": " + first.detail() + times;
            assertTrue(lines.contains(line), line + " in\n" + err);
        }
    }

    private static List<String> failureLines(String err) {
        return err.lines().filter(l -> l.startsWith("tessera: ") && !l.contains(": warning: ")).toList();
    }

    @Test
    void optimizeThroughRealPipesEqualsFileToFile() throws Exception {
        byte[] source = plain();
        Path in = file("a.jpg", source);
        Path out = dir.resolve("file.jpg");
        Cli.Result fileRun = Cli.run("optimize", in, "-o", out);
        assertEquals(0, fileRun.exitCode(), fileRun.err());
        assertEquals("", fileRun.out(), "progress and summary go to standard error");
        assertTrue(fileRun.err().contains("1 file: 1 done, 0 failed"), fileRun.err());
        byte[] expected = Files.readAllBytes(out);
        assertTrue(expected.length < source.length, expected.length + " vs " + source.length);

        Pipes.Result piped = Pipes.process(source, dir, "optimize", "-", "-o", "-");
        assertEquals(0, piped.exitCode(), piped.err());
        assertArrayEquals(expected, piped.out());
        assertTrue(piped.err().contains("<stdin> -> <stdout>"), piped.err());
        assertFalse(Files.exists(dir.resolve("-")), "no file named '-'");

        // Standard input alone is written to standard output; --quiet prints nothing at all.
        Pipes.Result alone = Pipes.run(source, "optimize", "-", "--quiet");
        assertEquals(0, alone.exitCode(), alone.err());
        assertArrayEquals(expected, alone.out());
        assertEquals("", alone.err());

        // With --out-dir standard input is named stdin.jpg.
        Pipes.Result named = Pipes.run(source, "optimize", "-", "--out-dir", dir.resolve("o"), "--quiet");
        assertEquals(0, named.exitCode(), named.err());
        assertArrayEquals(expected, Files.readAllBytes(dir.resolve("o/stdin.jpg")));
        assertEquals(0, named.out().length);

        assertEquals(Main.EXIT_USAGE, Pipes.run(source, "optimize", "-", "-", "-o", "-").exitCode());
    }

    @Test
    void damagedJpegIsRefusedByOptimizeWithItsWarningsAndWrittenWithForce() throws IOException {
        byte[] data = damaged();
        List<JpegWarning> expected = warnings(data);
        assertTrue(expected.stream().map(JpegWarning::kind).distinct().count() >= 2, expected.toString());
        assertTrue(expected.stream().collect(Collectors.groupingBy(JpegWarning::kind, Collectors.counting()))
            .values().stream().anyMatch(n -> n > 1), "a kind repeats: " + expected);
        Path in = file("bad.jpg", data);
        Path out = dir.resolve("out.jpg");

        Cli.Result refused = Cli.run("optimize", in, "-o", out);
        assertEquals(Main.EXIT_FAILED, refused.exitCode(), refused.err());
        assertFalse(Files.exists(out), "nothing written");
        assertWarningLines(in.toString(), expected, refused.err());
        List<String> failures = failureLines(refused.err());
        assertEquals(1, failures.size(), refused.err());
        assertTrue(failures.get(0).startsWith("tessera: " + in + ": offset "), failures.get(0));
        assertTrue(failures.get(0).contains("damaged"), failures.get(0));

        // In place (no -o): the input is left as it was.
        assertEquals(Main.EXIT_FAILED, Cli.run("optimize", in, "--quiet").exitCode());
        assertArrayEquals(data, Files.readAllBytes(in));

        Cli.Result forced = Cli.run("optimize", in, "-o", out, "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertWarningLines(in.toString(), expected, forced.err());
        assertEquals(List.of(), failureLines(forced.err()));
        assertArrayEquals(pixels(data), pixels(Files.readAllBytes(out)), "the pixels the decoder recovers");

        Path quietOut = dir.resolve("quiet.jpg");
        Cli.Result quiet = Cli.run("optimize", in, "-o", quietOut, "--force", "--quiet");
        assertEquals(0, quiet.exitCode());
        assertEquals("", quiet.err(), "--quiet prints no warnings");
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(quietOut));

        Path strictOut = dir.resolve("strict.jpg");
        Cli.Result strict = Cli.run("optimize", in, "-o", strictOut, "--force", "--strict");
        assertEquals(Main.EXIT_FAILED, strict.exitCode());
        assertTrue(strict.err().contains("strict mode"), strict.err());
        assertFalse(Files.exists(strictOut));

        // From standard input the lines name <stdin>, and the bytes are those of the file run.
        Pipes.Result piped = Pipes.run(data, "optimize", "-", "--force");
        assertEquals(0, piped.exitCode(), piped.err());
        assertWarningLines(Inputs.STDIN_NAME, expected, piped.err());
        assertArrayEquals(Files.readAllBytes(out), piped.out());
        Pipes.Result pipedRefused = Pipes.run(data, "optimize", "-");
        assertEquals(Main.EXIT_FAILED, pipedRefused.exitCode());
        assertEquals(0, pipedRefused.out().length, "nothing on standard output");
    }

    @Test
    void transformThroughRealPipesEqualsFileToFile() throws Exception {
        byte[] source = plain();
        Path in = file("a.jpg", source);
        Path out = dir.resolve("file.jpg");
        Cli.Result fileRun = Cli.run("transform", in, "-o", out, "--rotate", "90");
        assertEquals(0, fileRun.exitCode(), fileRun.err());
        assertEquals("", fileRun.out(), "the result line goes to standard error");
        assertTrue(fileRun.err().startsWith(in + " -> " + out + " (61x97, "), fileRun.err());

        Pipes.Result piped = Pipes.process(source, dir, "transform", "-", "-o", "-", "--rotate", "90");
        assertEquals(0, piped.exitCode(), piped.err());
        assertArrayEquals(Files.readAllBytes(out), piped.out());
        assertTrue(piped.err().startsWith("<stdin> -> <stdout> (61x97, "), piped.err());

        Pipes.Result alone = Pipes.run(source, "transform", "-", "--rotate", "90", "--quiet");
        assertEquals(0, alone.exitCode(), alone.err());
        assertArrayEquals(Files.readAllBytes(out), alone.out());
        assertEquals("", alone.err());

        // A file input needs -o: a usage error, one line and the pointer to the help.
        Cli.Result missing = Cli.run("transform", in, "--rotate", "90");
        assertEquals(Main.EXIT_USAGE, missing.exitCode());
        assertEquals(List.of("tessera: missing -o OUT (standard output, -o -, is the default only for standard "
            + "input, -)", "see `tessera help transform`"), missing.err().lines().toList());
    }

    @Test
    void transformRefusalsExitOneAndWriteNothing() throws IOException {
        byte[] source = plain();
        // 97x61 4:2:0 is no whole number of 16x16 iMCUs: --perfect refuses a rotation.
        Pipes.Result perfect = Pipes.run(source, "transform", "-", "-o", "-", "--rotate", "90", "--perfect");
        assertEquals(Main.EXIT_FAILED, perfect.exitCode());
        assertEquals(0, perfect.out().length, "nothing on standard output");
        assertEquals(1, perfect.errLines(), perfect.err());
        assertTrue(perfect.err().startsWith("tessera: <stdin>: "), perfect.err());
        assertTrue(perfect.err().contains("not perfect"), perfect.err());

        byte[] data = damaged();
        List<JpegWarning> expected = warnings(data);
        Path in = file("bad.jpg", data);
        Path out = dir.resolve("out.jpg");
        Cli.Result refused = Cli.run("transform", in, "-o", out, "--flip", "vertical");
        assertEquals(Main.EXIT_FAILED, refused.exitCode());
        assertFalse(Files.exists(out), "nothing written");
        assertWarningLines(in.toString(), expected, refused.err());
        List<String> failures = failureLines(refused.err());
        assertEquals(1, failures.size(), refused.err());
        assertTrue(failures.get(0).startsWith("tessera: " + in + ": offset "), failures.get(0));
        assertTrue(failures.get(0).contains("damaged"), failures.get(0));

        Cli.Result forced = Cli.run("transform", in, "-o", out, "--flip", "vertical", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertWarningLines(in.toString(), expected, forced.err());
        assertTrue(Files.exists(out));

        Path strictOut = dir.resolve("strict.jpg");
        Cli.Result strict = Cli.run("transform", in, "-o", strictOut, "--flip", "vertical", "--force", "--strict",
            "--quiet");
        assertEquals(Main.EXIT_FAILED, strict.exitCode());
        assertEquals(1, strict.err().lines().count(), "--quiet: the error line only: " + strict.err());
        assertFalse(Files.exists(strictOut));
    }

    @Test
    void jpegtranSpellingsMeanTheSame() throws IOException {
        Path in = file("a.jpg", plain());
        Function<String, Path> out = dir::resolve;
        assertEquals(0, Cli.run("transform", in, "-outfile", out.apply("t1.jpg"), "-rotate", "90", "-trim", "-copy",
            "none", "-optimize").exitCode());
        assertEquals(0, Cli.run("transform", in, "-o", out.apply("t2.jpg"), "--rotate", "90", "--trim", "--copy",
            "none").exitCode());
        assertArrayEquals(Files.readAllBytes(out.apply("t2.jpg")), Files.readAllBytes(out.apply("t1.jpg")));

        assertEquals(0, Cli.run("optimize", in, "-optimize", "-progressive", "-copy", "none", "-outfile",
            out.apply("o1.jpg"), "--quiet").exitCode());
        assertEquals(0, Cli.run("optimize", in, "--progressive", "--copy", "none", "-o", out.apply("o2.jpg"),
            "--quiet").exitCode());
        assertArrayEquals(Files.readAllBytes(out.apply("o2.jpg")), Files.readAllBytes(out.apply("o1.jpg")));

        Cli.Result hint = Cli.run("optimize", in, "-rotate", "90");
        assertEquals(Main.EXIT_USAGE, hint.exitCode());
        assertEquals(List.of("tessera: -rotate: optimize does not turn images; use tessera transform --rotate",
            "see `tessera help optimize`"), hint.err().lines().toList());
    }
}
