package dev.tessera.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lossless optimization in the job and in SQL: the bytes {@code tessera optimize} writes; damaged files refused. */
class OptimizeTest {
    @TempDir
    Path work;

    /** in/: camera JPEG files, the JDK's JPEG (Annex K tables) in a subfolder, and two damaged files. */
    private Path inputs() throws IOException {
        Path in = Files.createDirectories(work.resolve("in/sub"));
        Path images = TestData.images();
        Files.copy(images.resolve("photos/sony-exif.jpg"), work.resolve("in/sony-exif.jpg"));
        Files.copy(images.resolve("photos/adobe-rgb.jpg"), work.resolve("in/adobe-rgb.jpg"));
        Files.copy(images.resolve("formats/bars-jpeg.jpg"), in.resolve("bars-jpeg.jpg"));
        return work.resolve("in");
    }

    @Test
    void theJobWritesTheClisBytesAndKeepsThePixels() throws IOException {
        Path in = inputs();
        Path cli = work.resolve("cli");
        TestData.cli("optimize", in, cli);
        Path out = work.resolve("out");
        BatchJobTest.Run run = BatchJobTest.job("optimize", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, run.code(), run.err());
        BatchJobTest.assertSameTree(cli, out);
        assertEquals(List.of("adobe-rgb.jpg", "sony-exif.jpg", "sub/bars-jpeg.jpg"), TestData.files(out));
        JpegDecoder decoder = new JpegDecoder();
        for (String name : TestData.files(out)) {
            byte[] before = Files.readAllBytes(in.resolve(name));
            byte[] after = Files.readAllBytes(out.resolve(name));
            assertTrue(after.length <= before.length, name);
            assertSamePixels(decoder.decode(before), decoder.decode(after), name);
        }
        // The JDK writes Annex K Huffman tables: optimized tables are smaller.
        assertTrue(Files.size(out.resolve("sub/bars-jpeg.jpg")) < Files.size(in.resolve("sub/bars-jpeg.jpg")));

        BatchJobTest.Run again = BatchJobTest.job("optimize", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("3 skipped"), again.out());
        BatchJobTest.assertSameTree(cli, out);
    }

    @Test
    void damagedAndNonJpegFilesAreFailedRows() throws IOException {
        Path in = Files.createDirectories(work.resolve("in"));
        byte[] whole = Files.readAllBytes(TestData.images().resolve("formats/bars-jpeg.jpg"));
        Files.write(in.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length * 2 / 3));
        Files.copy(TestData.broken().resolve("random.jpg"), in.resolve("random.jpg"));
        Files.copy(TestData.broken().resolve("seven-bytes.jpg"), in.resolve("seven-bytes.jpg"));
        Files.copy(TestData.images().resolve("formats/bars-jpeg.jpg"), in.resolve("good.jpg"));
        Path out = work.resolve("out");
        BatchJobTest.Run run = BatchJobTest.job("optimize", "--input", in.toString(), "--output", out.toString());
        assertEquals(BatchJob.EXIT_FAILED, run.code());
        assertEquals(List.of("good.jpg"), TestData.files(out));
        assertTrue(run.err().contains("cut.jpg: ") && run.err().contains("damaged"), run.err());
        assertTrue(run.err().contains("random.jpg: ") && run.err().contains("seven-bytes.jpg: "), run.err());

        List<Row> rows = TestSpark.session().read().format("binaryFile").load(in.toString())
            .select(col("path"), TesseraFunctions.optimize(col("content")).as("o"))
            .select(col("path"), col("o.jpeg"), col("o.error")).collectAsList();
        assertEquals(4, rows.size());
        for (Row row : rows) {
            String name = row.getString(0).substring(row.getString(0).lastIndexOf('/') + 1);
            if (name.equals("good.jpg")) {
                assertNull(row.get(2));
                assertArrayEquals(Files.readAllBytes(out.resolve("good.jpg")), (byte[]) row.get(1));
            } else {
                assertNull(row.get(1), name);
                assertNotNull(row.get(2), name);
            }
        }
    }

    private static void assertSamePixels(BufferedImage a, BufferedImage b, String name) {
        assertEquals(a.getWidth(), b.getWidth(), name);
        assertEquals(a.getHeight(), b.getHeight(), name);
        int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        assertArrayEquals(pa, pb, name + ": pixels changed");
    }
}
