package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    private Path png(String name) throws IOException {
        return TestImages.writePng(dir.resolve(name), TestImages.gradient(48, 40));
    }

    private static List<String[]> csvRows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(line -> line.split(",", -1)).toList();
    }

    @Test
    void printsOneTableLinePerSetting() throws IOException {
        Path a = png("a.png");
        Cli.Result result = Cli.run("compare", "--qualities", "40,80", "--modes", "baseline,progressive", a);
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("input"), result.out());
        assertEquals(1 + 4, lines.size(), result.out());
        assertTrue(result.out().contains("progressive 420 q80"), result.out());
        assertTrue(result.err().contains("1 file: 1 done, 0 failed"), result.err());
    }

    @Test
    void csvAndJsonCarryTheSameSchema() throws IOException {
        Path a = png("a.png");
        Path csv = dir.resolve("r.csv");
        Path json = dir.resolve("r.json");
        Cli.Result result = Cli.run("compare", "--from", "50", "--to", "90", "--step", "20",
            "--subsampling", "444,420", a, "--csv", csv, "--json", json, "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());

        List<String[]> rows = csvRows(csv);
        assertEquals(String.join(",", CompareFormats.FIELDS), String.join(",", rows.get(0)));
        assertEquals(1 + 6, rows.size());
        int quality = CompareFormats.FIELDS.indexOf("quality");
        int bytes = CompareFormats.FIELDS.indexOf("bytes");
        int bpp = CompareFormats.FIELDS.indexOf("bpp");
        int ssimulacra2 = CompareFormats.FIELDS.indexOf("ssimulacra2");
        for (String[] row : rows.subList(1, rows.size())) {
            assertEquals(CompareFormats.FIELDS.size(), row.length);
            // Oracle: bpp is the bytes over the pixels, and the bytes are what the encoder makes at that setting.
            assertEquals(Long.parseLong(row[bytes]) * 8.0 / (48 * 40), Double.parseDouble(row[bpp]), 1e-12);
            double score = Double.parseDouble(row[ssimulacra2]);
            assertTrue(score > 0 && score <= 100, String.join(",", row));
        }
        assertEquals(List.of("50", "70", "90", "50", "70", "90"),
            rows.subList(1, rows.size()).stream().map(r -> r[quality]).toList());
        // The default mode, default, is what compress writes by default.
        byte[] q50at444 = new JpegEncoder(EncoderOptions.DEFAULT.withQuality(50)
            .withSubsampling(dev.tessera.jpeg.model.Subsampling.S444)).encode(ImageIO.read(a.toFile()));
        assertEquals(q50at444.length, Long.parseLong(rows.get(1)[bytes]));

        String text = Files.readString(json);
        assertTrue(text.contains("\"schema\": 1"), text);
        for (String field : CompareFormats.FIELDS) {
            assertEquals(6, count(text, "\"" + field + "\": "), field);
        }
        assertTrue(text.contains("\"quality\": 70"), text);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void csvToStandardOutputReplacesTheTable() throws IOException {
        Cli.Result result = Cli.run("compare", "--qualities", "75", png("a.png"), "--csv", "-", "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("input,encoder,mode"), result.out());
        assertEquals(2, result.out().lines().count());
    }

    @Test
    void qualityListsExpandEllipses() {
        assertEquals(List.of(20, 30, 40, 50), CompareCommand.parseQualities("20,30,...,50"));
        assertEquals(List.of(20, 30, 40, 45), CompareCommand.parseQualities("20,30,...,45"));
        assertEquals(List.of(10, 95), CompareCommand.parseQualities("95, 10"));
        assertEquals(List.of(30, 40, 50, 60, 70, 80, 90, 95), CompareCommand.parseQualities("30,40,...,90,95"));
        assertEquals(2, Cli.run("compare", "--qualities", "0,50", "x.png").exitCode());
        assertEquals(2, Cli.run("compare", "--qualities", "50", "--from", "10", "x.png").exitCode());
        assertEquals(2, Cli.run("compare", "--plot", "chart.gif", "x.png").exitCode());
    }

    @Test
    void plotsPngAndSvg() throws IOException {
        Path a = png("a.png");
        Path b = png("b.png");
        Path chart = dir.resolve("rd.png");
        Path svg = dir.resolve("rd.svg");
        Cli.Result result = Cli.run("compare", "--qualities", "30,60,90", a, b, "--plot", chart, "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        BufferedImage image = ImageIO.read(chart.toFile());
        assertNotNull(image);
        assertEquals(RdChart.WIDTH, image.getWidth());
        result = Cli.run("compare", "--qualities", "30,60,90", a, b, "--plot", svg, "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
        // An existing chart is kept without --force.
        result = Cli.run("compare", "--qualities", "50", a, "--plot", svg, "--quiet");
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertEquals(text, Files.readString(svg));
    }

    @Test
    void measuresCandidatesAgainstTheirOriginal() throws IOException {
        Path a = png("photo.png");
        Path b = png("other.png");
        BufferedImage pixels = ImageIO.read(a.toFile());
        Path candidate = dir.resolve("photo-jdk.jpg");
        assertTrue(ImageIO.write(pixels, "jpeg", candidate.toFile()));
        Path stray = dir.resolve("unrelated.jpg");
        Files.copy(candidate, stray);
        Path csv = dir.resolve("r.csv");

        Cli.Result result = Cli.run("compare", "--qualities", "75", a, b, "--candidates", candidate, stray,
            "--csv", csv, "--quiet");

        assertEquals(Main.EXIT_FAILED, result.exitCode(), "the unmatched candidate fails");
        assertTrue(result.err().contains("unrelated.jpg: matches no input"), result.err());
        List<String[]> rows = csvRows(csv);
        assertEquals(1 + 3, rows.size());
        String[] row = rows.get(2);
        assertEquals(a.toString(), row[0]);
        assertEquals("candidate", row[1]);
        assertEquals(candidate.toString(), row[CompareFormats.FIELDS.indexOf("file")]);
        assertEquals(String.valueOf(Files.size(candidate)), row[CompareFormats.FIELDS.indexOf("bytes")]);
        assertEquals("", row[CompareFormats.FIELDS.indexOf("encode_ms")]);
    }

    @Test
    void badInputIsReportedAndTheOthersMeasured() throws IOException {
        Path good = png("good.png");
        Path bad = Files.writeString(dir.resolve("bad.png"), "not an image");
        Path csv = dir.resolve("r.csv");
        Cli.Result result = Cli.run("compare", "--qualities", "75", bad, good, "--csv", csv);
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertTrue(result.err().contains("bad.png"), result.err());
        assertTrue(result.err().contains("2 files: 1 done, 1 failed"), result.err());
        assertEquals(2, csvRows(csv).size());
    }

    @Test
    void htmlReportRendersEverySettingInChromium() throws Exception {
        Path a = png("a.png");
        Path b = TestImages.writePng(dir.resolve("b.png"), TestImages.solid(40, 24, 0x3366CC));
        Path candidate = dir.resolve("a-jdk.jpg");
        assertTrue(ImageIO.write(ImageIO.read(a.toFile()), "jpeg", candidate.toFile()));
        Path report = dir.resolve("report");
        Path csv = dir.resolve("r.csv");

        Cli.Result result = Cli.run("compare", "--qualities", "40,90", "--modes", "baseline,progressive", a, b,
            "--candidates", candidate, "--html", report, "--csv", csv, "--quiet");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.isRegularFile(report.resolve("rd.png")));
        String page = Files.readString(report.resolve("index.html"));
        assertFalse(page.contains("http://") || page.contains("https://"), "the report must work offline");
        int rows = csvRows(csv).size() - 1;
        assertEquals(4 + 4 + 1, rows);

        String dom = Chromium.dumpDom(report.resolve("index.html"), dir.resolve("chromium-profile"));
        for (String id : ids(page)) {
            assertTrue(dom.contains("<tr data-setting=\"" + id + "\""), "table row " + id);
            assertTrue(dom.matches("(?s).*<img [^>]*data-setting=\"" + id + "\"[^>]*data-loaded=\"1\".*"),
                "decoded image " + id);
        }
        assertEquals(rows, ids(page).size());
        assertEquals(2, count(dom, "<section class=\"viewer\""));
    }

    /** The ids of the table rows in the written page. */
    private static List<String> ids(String page) {
        return page.lines().filter(line -> line.startsWith("<tr data-setting=\""))
            .map(line -> line.substring(18, line.indexOf('"', 18))).toList();
    }

    @Test
    void htmlReportKeepsAnExistingReportWithoutForce() throws IOException {
        Path report = Files.createDirectories(dir.resolve("report"));
        Files.writeString(report.resolve("index.html"), "mine", StandardCharsets.UTF_8);
        Cli.Result result = Cli.run("compare", "--qualities", "50", png("a.png"), "--html", report, "--quiet");
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertEquals("mine", Files.readString(report.resolve("index.html")));
    }
}
