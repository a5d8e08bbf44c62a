package dev.tessera.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.Preset;
import dev.tessera.metrics.Psnr;
import dev.tessera.metrics.Ssim;
import dev.tessera.metrics.Ssimulacra2;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare job: one row per image and setting with the library's figures, and a summary computed from them. */
class CompareJobTest {
    @TempDir
    Path work;

    @Test
    void rowsHoldTheLibrarysFiguresAndTheSummaryIsComputedFromThem() throws IOException {
        Path in = Files.createDirectories(work.resolve("in/sub"));
        Files.copy(TestData.testImages().resolve("colorbars.png"), in.resolve("colorbars.png"));
        Files.copy(TestData.testImages().resolve("text-edges.png"), work.resolve("in/text-edges.png"));
        Files.copy(TestData.broken().resolve("random.jpg"), work.resolve("in/random.jpg"));
        Path report = work.resolve("report");
        BatchJobTest.Run run = BatchJobTest.job("compare", "--input", work.resolve("in").toString(), "--report",
            report.toString(), "--qualities", "50,90", "--presets", "fast", "--target-ssimulacra2", "60");
        assertEquals(BatchJob.EXIT_FAILED, run.code(), "random.jpg is an error row: " + run.err());
        assertTrue(run.err().contains("random.jpg"), run.err());

        SparkSession spark = TestSpark.session();
        List<Row> rows = spark.read().parquet(report.resolve("images.parquet").toString()).collectAsList();
        // 2 images x 2 qualities, and one error row for the file that is not an image.
        assertEquals(5, rows.size());
        assertEquals(5, spark.read().option("header", "true").csv(report.resolve("images.csv").toString()).count());
        JpegDecoder decoder = new JpegDecoder();
        Map<String, List<Double>> scores = new TreeMap<>();
        Map<String, List<Double>> bpps = new TreeMap<>();
        for (Row r : rows) {
            String input = r.getString(r.fieldIndex("input"));
            if (input.endsWith("random.jpg")) {
                assertNull(r.get(r.fieldIndex("preset")));
                assertNotNull(r.getString(r.fieldIndex("error")));
                continue;
            }
            assertTrue(r.isNullAt(r.fieldIndex("error")), String.valueOf(r.get(r.fieldIndex("error"))));
            String preset = r.getString(r.fieldIndex("preset"));
            int quality = r.getInt(r.fieldIndex("quality"));
            BufferedImage original = ImageIO.read(new java.io.File(input.replaceFirst("^file:", "")));
            byte[] jpeg = new JpegEncoder(Setting.DEFAULT.withPreset(Setting.parsePreset(preset))
                .withQuality(quality).options()).encode(original);
            BufferedImage decoded = decoder.decode(jpeg);
            String where = input + " " + preset + " q" + quality;
            assertEquals(jpeg.length, r.getLong(r.fieldIndex("bytes")), where);
            assertEquals(jpeg.length * 8.0 / (original.getWidth() * original.getHeight()),
                r.getDouble(r.fieldIndex("bpp")), 1e-12, where);
            assertEquals(Psnr.luma(original, decoded), r.getDouble(r.fieldIndex("psnr_y")), where);
            assertEquals(Psnr.rgb(original, decoded), r.getDouble(r.fieldIndex("psnr_rgb")), where);
            assertEquals(Ssim.luma(original, decoded), r.getDouble(r.fieldIndex("ssim")), where);
            double score = Ssimulacra2.score(original, decoded);
            assertEquals(score, r.getDouble(r.fieldIndex("ssimulacra2")), where);
            assertTrue(r.getDouble(r.fieldIndex("encode_ms")) > 0, where);
            scores.computeIfAbsent(preset + " " + quality, k -> new ArrayList<>()).add(score);
            bpps.computeIfAbsent(preset + " " + quality, k -> new ArrayList<>()).add(
                r.getDouble(r.fieldIndex("bpp")));
        }
        assertEquals(2, scores.size());

        List<Row> summary = spark.read().parquet(report.resolve("summary.parquet").toString()).collectAsList();
        assertEquals(2, summary.size());
        assertEquals(2, spark.read().option("header", "true").csv(report.resolve("summary.csv").toString()).count());
        double previousBpp = 0;
        for (Row s : summary) {
            String key = s.getString(0) + " " + s.getInt(1);
            List<Double> score = scores.get(key);
            assertEquals(2, s.getLong(s.fieldIndex("images")), key);
            assertEquals(mean(bpps.get(key)), s.getDouble(s.fieldIndex("mean_bpp")), 1e-9, key);
            assertEquals(mean(score), s.getDouble(s.fieldIndex("mean_ssimulacra2")), 1e-9, key);
            assertEquals(percentile(score, 0.05), s.getDouble(s.fieldIndex("p5_ssimulacra2")), 1e-9, key);
            assertTrue(s.getDouble(s.fieldIndex("mean_bpp")) >= previousBpp, "cheapest first");
            previousBpp = s.getDouble(s.fieldIndex("mean_bpp"));
        }
        String expectedAnswer = summary.stream().filter(s -> s.getDouble(s.fieldIndex("p5_ssimulacra2")) >= 60)
            .findFirst().map(s -> s.getString(0) + " q" + s.getInt(1)).orElse("no setting");
        assertTrue(run.out().contains(expectedAnswer), expectedAnswer + " in " + run.out());

        // A second run neither appends to nor replaces the report; --overwrite replaces it.
        BatchJobTest.Run again = BatchJobTest.job("compare", "--input", work.resolve("in").toString(), "--report",
            report.toString(), "--qualities", "50");
        assertEquals(BatchJob.EXIT_FAILED, again.code());
        assertTrue(again.err().contains("exists"), again.err());
        assertEquals(5, spark.read().parquet(report.resolve("images.parquet").toString()).count());
        BatchJobTest.Run replaced = BatchJobTest.job("compare", "--input", work.resolve("in").toString(), "--report",
            report.toString(), "--qualities", "50", "--presets", "fast", "--overwrite", "--glob", "*.png");
        assertEquals(0, replaced.code(), replaced.err());
        assertEquals(2, spark.read().parquet(report.resolve("images.parquet").toString()).count());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Spark's percentile: linear interpolation between the closest ranks, position p * (n - 1). */
    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        double position = p * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
    }
}
