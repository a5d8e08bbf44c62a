package dev.tessera.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RatioReport on the JSON files of a real smoke run (1 s iterations under load: the figures mean nothing). */
class RatioReportTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RatioReportTest.class.getResource("/ratio-report/" + name).toURI());
    }

    @Test
    void readsTheImageIoResultsOfAJmhFile() throws Exception {
        List<RatioReport.Result> results = RatioReport.read(resource("smoke-decode.json"));
        assertEquals(12, results.size());
        RatioReport.Result first = results.get(0);
        assertEquals("ImageIoDecodeBenchmark.imageIoReadFile", first.benchmark());
        assertEquals("tessera", first.plugin());
        assertEquals(Map.of("image", "kodak", "kind", "420"), first.params());
        assertEquals("17.0.15", first.jdk());
        assertEquals(7.613, first.opsPerSecond(), 0.001);
        assertEquals("ImageIoDecodeBenchmark.imageIoReadFile image=kodak kind=420", first.caseKey());
    }

    @Test
    void tabulatesRatiosAndMegapixelsPerSecond() throws Exception {
        List<RatioReport.Result> results = new ArrayList<>();
        for (String name : List.of("smoke-decode.json", "smoke-param.json", "smoke-encode.json")) {
            results.addAll(RatioReport.read(resource(name)));
        }
        String report = RatioReport.report(results, RatioReport::megapixels);
        // 7.613 ops/s x 0.393216 MP = 2.99 MP/s; 7.613 / 73.797 = 0.10; 7.613 / 46.126 = 0.17.
        assertTrue(report.contains("| ImageIoDecodeBenchmark.imageIoReadFile | image=kodak kind=420 | 0.39 | 2.99 |"
            + " 29.0 | 18.1 | 0.10 | 0.17 |"), report);
        // A case a reader refused has no result and no ratio.
        assertTrue(report.contains("| ImageIoDecodeParamBenchmark.readerParam | image=kodak kind=420"
            + " readParam=int-rgb | 0.39 | 6.05 | — | 10.1 | — | 0.60 |"), report);
        assertTrue(report.contains("| ImageIoEncodeBenchmark.writerExplicit | image=kodak imageType=int-rgb | 0.39 |"
            + " 10.3 | 7.43 | 21.8 | 1.38 | 0.47 |"), report);
        assertEquals(1, count(report, "### JDK"));
        // One row per case: 4 decode calls, 6 read params, 2 encodes.
        assertEquals(4 + 6 + 2, count(report, "\n| Image"));
    }

    @Test
    void showsRangesOverFilesAndATablePerJdk() throws IOException, URISyntaxException {
        List<RatioReport.Result> results = new ArrayList<>();
        Map<String, String> params = Map.of("image", "kodak", "kind", "420");
        String bench = "ImageIoDecodeBenchmark.readerMemoryStream";
        results.add(new RatioReport.Result("a.json", "17", bench, params, "tessera", 20));
        results.add(new RatioReport.Result("a.json", "17", bench, params, "jdk", 10));
        results.add(new RatioReport.Result("b.json", "17", bench, params, "tessera", 30));
        results.add(new RatioReport.Result("b.json", "17", bench, params, "jdk", 10));
        results.add(new RatioReport.Result("b.json", "17", bench, params, "direct", 40));
        results.add(new RatioReport.Result("c.json", "25", bench, params, "tessera", 10));
        results.add(new RatioReport.Result("c.json", "25", bench, params, "jdk", 10));
        String report = RatioReport.report(results, p -> 2.0);
        assertTrue(report.contains("### JDK 17 (2 file(s))"), report);
        assertTrue(report.contains("| 2.00 | 40.0–60.0 | 20.0 | 80.0 | 2.00–3.00 | 0.75 |"), report);
        assertTrue(report.contains("### All JDKs (3 files)"), report);
        assertTrue(report.contains("| 2.00 | 20.0–60.0 | 20.0 | 80.0 | 1.00–3.00 | 0.75 |"), report);
        assertTrue(RatioReport.report(results, p -> Double.NaN).contains("| ? | ? | ? | ? | 2.00–3.00 | 0.75 |"));
    }

    @Test
    void convertsThroughputUnits() {
        assertEquals(2000, RatioReport.opsPerSecond(2, "ops/ms"));
        assertEquals(1, RatioReport.opsPerSecond(60, "ops/min"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
