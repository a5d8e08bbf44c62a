package dev.tessera.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.metrics.Psnr;
import dev.tessera.metrics.Ssim;
import dev.tessera.metrics.Ssimulacra2;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL functions in local[2] over binaryFile rows: results equal the library's and the CLI's. */
class TesseraFunctionsTest {
    @TempDir
    Path work;

    private static Dataset<Row> files(Path dir) {
        return TestSpark.session().read().format("binaryFile").option("recursiveFileLookup", "true").load(
            dir.toString());
    }

    /** The path of a binaryFile row below {@code dir}. */
    private static String relative(Path dir, String uri) {
        String base = dir.toUri().toString();
        String prefix = base.endsWith("/") ? base : base + "/";
        String plain = uri.replaceFirst("^file:/+", "/");
        String root = prefix.replaceFirst("^file:/+", "/");
        return plain.startsWith(root) ? plain.substring(root.length()) : uri;
    }

    private static String jpgName(String relative) {
        return relative.substring(0, relative.lastIndexOf('.')) + ".jpg";
    }

    @Test
    void compressInSqlGivesTheClisBytesForEveryInput() throws IOException {
        Path images = TestData.images();
        Path cli = TestData.cliDefault();
        files(images).createOrReplaceTempView("images");
        List<Row> rows = TestSpark.session().sql(
            "SELECT path, c.jpeg, c.error FROM (SELECT path, tessera_compress(content, 75) AS c FROM images)")
            .collectAsList();
        assertEquals(11, rows.size());
        for (Row row : rows) {
            String name = jpgName(relative(images, row.getString(0)));
            assertNull(row.get(2), name);
            assertArrayEquals(Files.readAllBytes(cli.resolve(name)), (byte[]) row.get(1), name);
        }
    }

    @Test
    void aPresetInSqlAndTheDataFrameHelperGiveTheClisBytes() throws IOException {
        Path in = TestData.images().resolve("photos");
        Path cli = work.resolve("cli");
        TestData.cliCompress(in, cli, "-q", "60", "--preset", "baseline");
        List<Row> rows = files(in).select(col("path"),
                TesseraFunctions.compress(col("content"), 60, "baseline").as("c"))
            .select(col("path"), col("c.jpeg"), col("c.error")).collectAsList();
        assertEquals(2, rows.size());
        for (Row row : rows) {
            String name = jpgName(relative(in, row.getString(0)));
            assertNull(row.get(2), name);
            assertArrayEquals(Files.readAllBytes(cli.resolve(name)), (byte[]) row.get(1), name);
        }
    }

    @Test
    void brokenFilesGiveAnErrorAndNoJpegWithoutFailingTheQuery() throws IOException {
        Path broken = TestData.broken();
        List<Row> rows = files(broken).select(col("path"), TesseraFunctions.compress(col("content"), 75).as("c"))
            .select(col("path"), col("c.jpeg"), col("c.error")).collectAsList();
        // Spark's file sources drop empty files: 5 of the 6 files are rows.
        assertEquals(5, rows.size());
        for (Row row : rows) {
            boolean good = row.getString(0).endsWith("good.png");
            assertEquals(good, row.get(1) != null, row.getString(0));
            assertEquals(good, row.get(2) == null, row.getString(0) + ": " + row.get(2));
        }
        SparkSession spark = TestSpark.session();
        Row nulls = spark.sql("SELECT tessera_compress(CAST(NULL AS BINARY), 75) AS a, tessera_compress(X'00', 0) AS b,"
            + " tessera_compress(X'00', 75, 'tiny') AS c, tessera_info(CAST(NULL AS BINARY)) AS d,"
            + " tessera_metrics(X'00', X'00') AS e").first();
        assertTrue(nulls.isNullAt(0), "NULL content gives NULL");
        assertTrue(nulls.getStruct(1).getString(1).contains("quality must be 1..100"), nulls.getStruct(1).toString());
        assertTrue(nulls.getStruct(2).getString(1).contains("preset"), nulls.getStruct(2).toString());
        assertTrue(nulls.isNullAt(3));
        assertTrue(nulls.getStruct(4).isNullAt(0));
        assertNotNull(nulls.getStruct(4).getString(4));
    }

    @Test
    void infoEqualsTheDecodersHeaderAndWarnings() throws IOException {
        Path cli = TestData.cliDefault();
        // Tessera's outputs, a JPEG cut in its entropy-coded data (a warning), and a file without a frame.
        Path dir = Files.createDirectories(work.resolve("jpegs"));
        Files.copy(cli.resolve("sub/landscape.jpg"), dir.resolve("landscape.jpg"));
        Files.copy(cli.resolve("photos/sony-exif.jpg"), dir.resolve("sony.jpg"));
        byte[] whole = Files.readAllBytes(cli.resolve("gradient.jpg"));
        Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length * 2 / 3));
        Files.copy(TestData.broken().resolve("seven-bytes.jpg"), dir.resolve("seven.jpg"));

        Map<String, Row> info = new HashMap<>();
        for (Row row : files(dir).select(col("path"), TesseraFunctions.info(col("content")).as("i"))
            .collectAsList()) {
            info.put(Path.of(row.getString(0).replaceFirst("^file:", "")).getFileName().toString(), row.getStruct(1));
        }
        for (String name : List.of("landscape.jpg", "sony.jpg", "cut.jpg")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            List<String> warnings = new ArrayList<>();
            JpegDecoder decoder = new JpegDecoder(DecoderOptions.DEFAULT.withListener(
                (JpegWarning w) -> warnings.add("offset " + w.offset() + ": " + w.kind() + ": " + w.detail())));
            ImageInfo expected = decoder.readInfo(bytes);
            warnings.clear();
            decoder.decode(bytes);
            Row row = info.get(name);
            assertEquals(expected.width(), row.getInt(0), name);
            assertEquals(expected.height(), row.getInt(1), name);
            assertEquals(expected.components().size(), row.getInt(2), name);
            assertEquals(expected.process().name(), row.getString(3), name);
            assertEquals(expected.colorSpace().name(), row.getString(4), name);
            String sampling = expected.components().stream()
                .map(c -> c.horizontalSampling() + "x" + c.verticalSampling()).reduce((a, b) -> a + "," + b).orElseThrow();
            assertEquals(sampling, row.getString(5), name);
            assertEquals(expected.qualityEstimate().quality(), row.getInt(6), name);
            assertEquals(warnings, row.getList(8), name);
            assertTrue(row.isNullAt(9), name + ": " + row.get(9));
        }
        assertFalse(info.get("cut.jpg").getList(8).isEmpty(), "a cut file warns");
        assertTrue(info.get("landscape.jpg").getList(8).isEmpty());
        Row seven = info.get("seven.jpg");
        assertTrue(seven.isNullAt(0));
        assertNotNull(seven.getString(9));
    }

    @Test
    void metricsEqualTheLibrarys() throws IOException {
        Path images = TestData.images();
        Path cli = TestData.cliDefault();
        Path dir = Files.createDirectories(work.resolve("pairs"));
        Files.copy(images.resolve("colorbars.png"), dir.resolve("colorbars.png"));
        Files.copy(images.resolve("sub/deeper/text-edges.png"), dir.resolve("text-edges.png"));
        SparkSession spark = TestSpark.session();
        files(dir).createOrReplaceTempView("originals");
        files(cli).createOrReplaceTempView("jpegs");
        List<Row> rows = spark.sql("SELECT o.path, m.* FROM (SELECT o.path, tessera_metrics(o.content, j.content) AS m "
            + "FROM originals o JOIN jpegs j ON regexp_extract(o.path, '([^/]+)\\\\.png$', 1) = "
            + "regexp_extract(j.path, '([^/]+)\\\\.jpg$', 1)) o").collectAsList();
        assertEquals(2, rows.size());
        JpegDecoder decoder = new JpegDecoder();
        for (Row row : rows) {
            String stem = row.getString(0).replaceFirst(".*/", "").replace(".png", "");
            BufferedImage original = ImageIO.read(dir.resolve(stem + ".png").toFile());
            Path jpeg = stem.equals("colorbars") ? cli.resolve("colorbars.jpg") : cli.resolve("sub/deeper/text-edges.jpg");
            BufferedImage decoded = decoder.decode(Files.readAllBytes(jpeg));
            assertEquals(Psnr.luma(original, decoded), row.getDouble(1), stem);
            assertEquals(Psnr.rgb(original, decoded), row.getDouble(2), stem);
            assertEquals(Ssim.luma(original, decoded), row.getDouble(3), stem);
            assertEquals(Ssimulacra2.score(original, decoded), row.getDouble(4), stem);
            assertTrue(row.isNullAt(5));
            assertTrue(row.getDouble(4) > 50 && row.getDouble(4) < 100, stem + " scores " + row.getDouble(4));
        }
    }
}
