package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.RestartInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
    @TempDir
    Path dir;

    @Test
    void showsMarkersSamplingScansAndTheIjgQuality() throws IOException {
        Path file = dir.resolve("a.jpg");
        byte[] jpeg = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withQuality(67).withProgressive(true)
            .withRestartInterval(RestartInterval.mcus(4))).encode(TestImages.gradient(40, 24));
        Files.write(file, jpeg);
        Cli.Result result = Cli.run("info", file);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("SOF2"), result.out());
        assertTrue(result.out().contains("40x24"), result.out());
        assertTrue(result.out().contains("[id 1 2x2 Tq0]"), result.out());
        assertTrue(result.out().contains("quality: 67 (IJG table)"), result.out());
        assertTrue(result.out().contains("restart interval: 4 MCUs"), result.out());
        // Oracle: the offsets of the markers as the test's own segment walker finds them.
        int offset = 2;
        for (TestImages.Segment s : TestImages.segments(jpeg)) {
            assertTrue(result.out().matches("(?s).*\\n\\s+" + offset + "\\s+.*"), "marker at " + offset);
            offset += 2 + 2 + s.payload().length;
        }
        assertTrue(result.out().contains("scan 2:"), result.out());
    }

    @Test
    void jsonFlagsNonIjgTables() throws IOException {
        int[] flat = new int[64];
        java.util.Arrays.fill(flat, 7);
        dev.tessera.jpeg.model.QuantTable table = dev.tessera.jpeg.model.QuantTable.ofNatural(flat);
        Path file = dir.resolve("flat.jpg");
        Files.write(file, new JpegEncoder(EncoderOptions.DEFAULT.withTables(table, table))
            .encode(TestImages.gradient(16, 16)));
        Cli.Result result = Cli.run("info", "--json", file);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("\"ijg\": false"), result.out());
        assertTrue(result.out().contains("\"marker\": \"SOI\", \"offset\": 0"), result.out());
    }

    @Test
    void badFileIsOneLineAndExitOne() throws IOException {
        Path file = Files.writeString(dir.resolve("x.jpg"), "nope");
        Cli.Result result = Cli.run("info", file);
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertEquals(1, result.errLines(), result.err());
    }
}
