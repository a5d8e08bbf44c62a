package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 point 7: compare --modes takes compress's preset names with compress's meaning. */
class CompareModesTest {
    @TempDir
    Path dir;

    @Test
    void everyModeMeasuresTheFileCompressWrites() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(160, 96));
        Map<String, List<String>> modes = Map.of(
            "baseline", List.of("--preset", "baseline"),
            "fast", List.of("--preset", "fast"),
            "default", List.of(),
            "smallest", List.of("--preset", "smallest"),
            "fast+progressive", List.of("--preset", "fast", "--progressive"),
            "baseline+unoptimized", List.of("--preset", "baseline", "--no-optimize"),
            "default+sequential+no-trellis", List.of("--no-progressive", "--no-trellis"),
            "unoptimized", List.of("--no-optimize"));
        Path csv = dir.resolve("rd.csv");
        Cli.Result result = Cli.run("compare", "--qualities", "70", "--modes", String.join(",", modes.keySet()),
            "--csv", csv, "--quiet", png);
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int modeColumn = header.indexOf("mode");
        int bytesColumn = header.indexOf("bytes");
        Map<String, Long> measured = lines.stream().skip(1).map(l -> l.split(","))
            .collect(Collectors.toMap(f -> f[modeColumn], f -> Long.parseLong(f[bytesColumn])));
        assertEquals(modes.keySet(), measured.keySet(), lines.toString());
        for (Map.Entry<String, List<String>> mode : modes.entrySet()) {
            Path out = dir.resolve(mode.getKey() + ".jpg");
            List<Object> args = new java.util.ArrayList<>(List.of("compress", "-q", "70", "--strip-metadata",
                "--quiet", "-o", out, png));
            args.addAll(mode.getValue());
            Cli.Result compress = Cli.run(args.toArray());
            assertEquals(0, compress.exitCode(), compress.err());
            assertEquals(Files.size(out), measured.get(mode.getKey()), mode.getKey());
        }
    }

    @Test
    void unknownModeIsAUsageErrorNamingTheWords() {
        Cli.Result result = Cli.run("compare", "--modes", "fast+sideways", "x.png");
        assertEquals(Main.EXIT_USAGE, result.exitCode());
        assertTrue(result.err().contains("baseline, fast, default, smallest"), result.err());
        assertEquals(2, result.err().lines().count(), result.err());
    }
}
