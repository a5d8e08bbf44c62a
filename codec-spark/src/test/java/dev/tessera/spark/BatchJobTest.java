package dev.tessera.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch job in local[2]: its outputs are the CLI's bytes, broken inputs are reported, re-runs change nothing. */
class BatchJobTest {
    @TempDir
    Path work;

    record Run(int code, String out, String err) {
    }

    static Run job(String... args) {
        SparkSession spark = TestSpark.session();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BatchJob.run(spark, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every file under {@code expected} has the same bytes under {@code actual}, and nothing else is there. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        assertSameTree(expected, actual, TestData.files(expected));
    }

    /** {@code names} under {@code actual} are those files, with the bytes they have under {@code expected}. */
    static void assertSameTree(Path expected, Path actual, List<String> names) throws IOException {
        assertEquals(names, TestData.files(actual), "output files");
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)),
                name + ": job output differs from tessera compress");
        }
    }

    @Test
    void compressWritesTheClisBytesForEveryInputFormatAndSubdirectory() throws IOException {
        Path out = work.resolve("out");
        Run run = job("compress", "--input", TestData.images().toString(), "--output", out.toString());
        assertEquals(0, run.code(), run.err());
        // 4 testimages (two in subfolders), 5 formats, 2 camera JPEGs with EXIF / ICC.
        assertEquals(11, TestData.files(out).size(), TestData.files(out) + "\n" + run.err());
        assertSameTree(TestData.cliDefault(), out);
        assertTrue(run.out().contains("11 written"), run.out());
    }

    @Test
    void presetQualityAndStripMetadataGiveTheClisBytes() throws IOException {
        Path in = TestData.images().resolve("photos");
        Path cli = work.resolve("cli");
        TestData.cliCompress(in, cli, "--preset", "fast", "-q", "60", "--strip-metadata");
        Path out = work.resolve("out");
        Run run = job("compress", "--input", in.toString(), "--output", out.toString(), "--preset", "fast",
            "--quality", "60", "--strip-metadata");
        assertEquals(0, run.code(), run.err());
        assertSameTree(cli, out);
    }

    @Test
    void aSsimulacra2TargetGivesTheClisBytes() throws IOException {
        Path in = work.resolve("in");
        Files.createDirectories(in);
        Files.copy(TestData.testImages().resolve("colorbars.png"), in.resolve("colorbars.png"));
        Path cli = work.resolve("cli");
        TestData.cliCompress(in, cli, "--target-ssimulacra2", "80");
        Path out = work.resolve("out");
        Run run = job("compress", "--input", in.toString(), "--output", out.toString(), "--target-ssimulacra2", "80");
        assertEquals(0, run.code(), run.err());
        assertSameTree(cli, out);
    }

    @Test
    void aRerunSkipsExistingOutputsAndOverwriteWritesTheSameBytes() throws IOException {
        Path in = TestData.images().resolve("sub");
        Path out = work.resolve("out");
        assertEquals(0, job("compress", "--input", in.toString(), "--output", out.toString()).code());
        Map<String, byte[]> first = new HashMap<>();
        Map<String, FileTime> times = new HashMap<>();
        for (String name : TestData.files(out)) {
            first.put(name, Files.readAllBytes(out.resolve(name)));
            // An old time stamp, so a rewrite would show even within the file system's time resolution.
            FileTime old = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(out.resolve(name), old);
            times.put(name, old);
        }
        assertEquals(List.of("landscape.jpg", "deeper/text-edges.jpg").stream().sorted().toList(),
            TestData.files(out));

        Run again = job("compress", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 written (0 bytes in, 0 bytes out), 2 skipped, 0 failed"), again.out());
        assertEquals(first.keySet().stream().sorted().toList(), TestData.files(out), "no temporary or extra files");
        for (String name : first.keySet()) {
            assertEquals(times.get(name), Files.getLastModifiedTime(out.resolve(name)), name + " was rewritten");
        }

        Run overwrite = job("compress", "--input", in.toString(), "--output", out.toString(), "--overwrite");
        assertEquals(0, overwrite.code(), overwrite.err());
        assertTrue(overwrite.out().contains("2 written"), overwrite.out());
        assertEquals(first.keySet().stream().sorted().toList(), TestData.files(out), "no temporary or extra files");
        for (String name : first.keySet()) {
            assertFalse(times.get(name).equals(Files.getLastModifiedTime(out.resolve(name))), name + " not rewritten");
            // The encoder is deterministic: a second run over the same input writes the same bytes.
            assertArrayEquals(first.get(name), Files.readAllBytes(out.resolve(name)), name);
        }
    }

    @Test
    void brokenInputsAreReportedAndTheOthersWritten() throws IOException {
        Path out = work.resolve("out");
        Run run = job("compress", "--input", TestData.broken().toString(), "--output", out.toString());
        assertEquals(BatchJob.EXIT_FAILED, run.code(), run.out());
        assertEquals(List.of("good.jpg"), TestData.files(out), "only the good file, no temporary files");
        assertTrue(run.out().contains("1 written") && run.out().contains("0 skipped, 5 failed"),
            run.out() + run.err());
        for (String name : List.of("empty.png", "random.jpg", "truncated.png", "sos-before-sof.jpg",
            "seven-bytes.jpg")) {
            assertTrue(run.err().lines().anyMatch(line -> line.contains(name + ": ")), name + " not reported: "
                + run.err());
        }
    }

    @Test
    void aGlobChoosesTheInputs() throws IOException {
        Path out = work.resolve("out");
        Run run = job("compress", "--input", TestData.images().toString(), "--output", out.toString(), "--glob",
            "*.{tif,ppm}");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("formats/bars-ppm.jpg", "formats/bars-tiff.jpg"), TestData.files(out));
        assertSameTree(TestData.cliDefault().resolve("formats"), out.resolve("formats"),
            List.of("bars-ppm.jpg", "bars-tiff.jpg"));
    }

    @Test
    void twoInputsWithOneOutputNameFailAsInTheCli() throws IOException {
        Path in = work.resolve("in");
        Files.createDirectories(in);
        Files.copy(TestData.images().resolve("formats/bars-bmp.bmp"), in.resolve("bars.bmp"));
        Files.copy(TestData.images().resolve("formats/bars-tiff.tif"), in.resolve("bars.tif"));
        Path out = work.resolve("out");
        Run run = job("compress", "--input", in.toString(), "--output", out.toString());
        assertEquals(BatchJob.EXIT_FAILED, run.code());
        // The first in path order is converted; the CLI also keeps the first and reports the second.
        assertEquals(List.of("bars.jpg"), TestData.files(out));
        assertArrayEquals(Files.readAllBytes(TestData.cliDefault().resolve("formats/bars-bmp.jpg")),
            Files.readAllBytes(out.resolve("bars.jpg")));
        assertTrue(run.err().contains("bars.tif: output ") && run.err().contains("is also the output of"), run.err());
    }

    @Test
    void badArgumentsExitWithTheUsageCode() {
        assertEquals(BatchJob.EXIT_USAGE, job("compress", "--input", "a", "--output", "b", "--quality", "80",
            "--target-ssimulacra2", "70").code());
        assertEquals(BatchJob.EXIT_USAGE, job("compress", "--input", "a").code());
        assertEquals(BatchJob.EXIT_USAGE, job("compress", "--input", "a", "--output", "b", "--quality", "0").code());
        assertEquals(BatchJob.EXIT_USAGE, job("compress", "--input", "a", "--output", "b", "--preset", "tiny").code());
        assertEquals(BatchJob.EXIT_USAGE, job("compress", "--input", "a", "--output", "b", "--report", "c").code());
        assertEquals(BatchJob.EXIT_USAGE, job("resize").code());
        Run missing = job("compress", "--input", work.resolve("nothing").toString(), "--output",
            work.resolve("out").toString());
        assertEquals(BatchJob.EXIT_FAILED, missing.code());
        assertNotNull(missing.err());
    }
}
