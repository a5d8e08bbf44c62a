package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.model.RestartInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 point 2: decoder warnings reach standard error, once per kind per file; --strict fails the file. */
class WarningOutputTest {
    private static final Pattern LINE = Pattern.compile("tessera: (\\S+): warning: offset (\\d+): (.*)");

    @TempDir
    Path dir;

    private byte[] jpeg(EncoderOptions options) throws IOException {
        return new JpegEncoder(options.withQuality(90)).encode(TestImages.gradient(96, 64));
    }

    /** The decoder's own warnings for {@code data}, as the library reports them. */
    private static List<JpegWarning> warnings(byte[] data) throws IOException {
        List<JpegWarning> found = new ArrayList<>();
        new JpegDecoder(DecoderOptions.DEFAULT.withListener(found::add)).decode(data);
        return found;
    }

    @Test
    void truncatedFileDecodesWithOneLinePerKind() throws IOException {
        byte[] whole = jpeg(EncoderOptions.DEFAULT.withProgressive(false));
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        List<JpegWarning> expected = warnings(Files.readAllBytes(cut));
        assertFalse(expected.isEmpty());

        Cli.Result result = Cli.run("decompress", cut, "-o", dir.resolve("cut.png"));

        assertEquals(0, result.exitCode(), "warnings do not fail a file: " + result.err());
        assertTrue(Files.exists(dir.resolve("cut.png")));
        List<String> lines = result.err().lines().filter(l -> l.contains(": warning: ")).toList();
        assertEquals(expected.stream().map(JpegWarning::kind).distinct().count(), lines.size(), result.err());
        for (JpegWarning w : expected) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("offset " + w.offset() + ": " + w.detail())),
                w + " in " + result.err());
        }
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(cut.toString(), m.group(1));
        }
        assertTrue(result.err().contains("premature end of JPEG file"), result.err());
    }

    @Test
    void strictFailsTheFileAndWritesNothing() throws IOException {
        byte[] whole = jpeg(EncoderOptions.DEFAULT);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 40));
        Path good = dir.resolve("good.jpg");
        Files.write(good, whole);

        Cli.Result result = Cli.run("decompress", "--strict", cut, good, "--out-dir", dir.resolve("out"));

        assertEquals(Main.EXIT_FAILED, result.exitCode(), result.err());
        assertFalse(Files.exists(dir.resolve("out/cut.png")));
        assertTrue(Files.exists(dir.resolve("out/good.png")));
        assertEquals(1, result.errLines(), result.err());
        assertTrue(result.err().contains("strict mode"), result.err());
    }

    @Test
    void repeatedDamageIsCountedOnOneLine() throws IOException {
        // Restart markers every MCU, then every RSTn byte turned into RST0: each interval after the first
        // finds the wrong restart marker, and the decoder reports one RESTART_RESYNC warning each time.
        byte[] data = jpeg(EncoderOptions.DEFAULT.withProgressive(false).withRestartInterval(RestartInterval.mcus(1)));
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) >= 0xD1 && (data[i + 1] & 0xFF) <= 0xD7) {
                data[i + 1] = (byte) 0xD0;
            }
        }
        long resyncs = warnings(data).stream().filter(w -> w.kind() == JpegWarning.Kind.RESTART_RESYNC).count();
        assertTrue(resyncs > 1, "the mutation must repeat a warning: " + resyncs);
        Path file = dir.resolve("resync.jpg");
        Files.write(file, data);

        Cli.Result result = Cli.run("decompress", file, "-o", dir.resolve("resync.png"));

        assertEquals(0, result.exitCode(), result.err());
        List<String> resyncLines = result.err().lines().filter(l -> l.contains("instead of RST")).toList();
        assertEquals(1, resyncLines.size(), result.err());
        String times = resyncs >= WarningReport.REPORTED_PER_KIND ? "(" + resyncs + " or more times)"
            : "(" + resyncs + " times)";
        assertTrue(resyncLines.get(0).endsWith(times), resyncLines.get(0));
    }

    @Test
    void compressFromADamagedJpegWarnsToo() throws IOException {
        byte[] whole = jpeg(EncoderOptions.DEFAULT);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        Cli.Result result = Cli.run("compress", cut, "-o", dir.resolve("again.jpg"));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("tessera: " + cut + ": warning: offset "), result.err());
        assertTrue(result.err().contains("premature end of JPEG file"), result.err());

        Cli.Result strict = Cli.run("compress", "--strict", cut, "-o", dir.resolve("strict.jpg"));
        assertEquals(Main.EXIT_FAILED, strict.exitCode());
        assertFalse(Files.exists(dir.resolve("strict.jpg")));
    }

    @Test
    void quietSilencesWarningsButNotErrors() throws IOException {
        byte[] whole = jpeg(EncoderOptions.DEFAULT);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        Cli.Result result = Cli.run("decompress", "--quiet", cut, dir.resolve("missing.jpg"), "--out-dir",
            dir.resolve("out"));
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertEquals(List.of("tessera: " + dir.resolve("missing.jpg") + ": no such file or directory"),
            result.err().lines().toList());
        assertEquals("", result.out());
    }

    @Test
    void infoReportsWarningsOfTheMarkers() throws IOException {
        byte[] whole = jpeg(EncoderOptions.DEFAULT);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        Cli.Result result = Cli.run("info", cut);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("tessera: " + cut + ": warning: offset " + whole.length / 2
            + ": premature end of JPEG file"), result.err());
        assertEquals(Main.EXIT_FAILED, Cli.run("info", "--strict", cut).exitCode());
    }
}
