package dev.tessera.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.simd.BlockGroups;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks that each benchmark measures a working path: both encoders turn the benchmark's image into a file
 * ImageIO decodes at the right size, and the stage inputs are what the stages produce. No timing here.
 */
class BenchmarkSetupTest {

    @ParameterizedTest
    @CsvSource({"default, standard, baseline", "default, optimized, baseline", "default, optimized, default",
        "synthetic, standard, baseline", "synthetic, optimized, default"})
    void bothEncodersWriteDecodableFiles(String image, String huffman, String options) throws IOException {
        EncodeBenchmark bench = new EncodeBenchmark();
        bench.image = image;
        bench.huffman = huffman;
        bench.options = options;
        bench.setUp();
        try {
            BufferedImage source = bench.pixels;
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, source.getType());
            assertEquals(EncodeBenchmark.JDK_WRITER, bench.imageIoWriter.getClass().getName());

            int tesseraSize = bench.tessera();
            assertDecodes(bench.lastOutput(), tesseraSize, source, "tessera");
            int imageIoSize = bench.imageIo();
            assertDecodes(bench.lastOutput(), imageIoSize, source, "imageio");

            // The reused stream is reset per operation: a second operation gives the same bytes, not more.
            byte[] first = bench.lastOutput();
            bench.imageIo();
            assertArrayEquals(first, bench.lastOutput());
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void optimizedTablesGiveSmallerFilesForBothEncoders() throws IOException {
        int[] standard = sizes("standard");
        int[] optimized = sizes("optimized");
        assertTrue(optimized[0] < standard[0], "tessera: optimized " + optimized[0] + ", standard " + standard[0]);
        assertTrue(optimized[1] < standard[1], "imageio: optimized " + optimized[1] + ", standard " + standard[1]);
    }

    @Test
    void defaultIsTheKodakFileWhenTheCorpusIsPresent() {
        Path kodak = Path.of("..").resolve(BenchImage.DEFAULT_PATH);
        Assumptions.assumeTrue(Files.isRegularFile(kodak), "shared corpus absent: " + kodak.toAbsolutePath());
        BenchImage image = BenchImage.load(BenchImage.DEFAULT);
        assertTrue(image.source().endsWith("kodim01.png"), image.source());
        assertEquals(768, image.image().getWidth());
        assertEquals(512, image.image().getHeight());
    }

    @Test
    void syntheticImageIsDeterministic() {
        BufferedImage a = BenchImage.synthetic().image();
        BufferedImage b = BenchImage.synthetic().image();
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, a.getType());
        assertArrayEquals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
            b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }

    @Test
    void aNamedFileThatIsMissingFailsInsteadOfFallingBack() {
        assertThrows(UncheckedIOException.class, () -> BenchImage.load("no/such/image.png"));
    }

    @Test
    void stageInputsFollowThePipeline() throws IOException, InterruptedException {
        StageInput in = new StageInput(BenchImage.load(BenchImage.DEFAULT));
        // 4:2:0: four Y blocks and one each of Cb and Cr per 16x16 pixels.
        assertEquals(in.width / 16 * 6, in.blockCount);
        assertEquals(in.width / 16 * 4, in.lumaBlockCount);

        DctQuantizeBenchmark dct = new DctQuantizeBenchmark();
        dct.image = BenchImage.DEFAULT;
        dct.setUp();
        dct.fdctQuantize();
        assertArrayEquals(in.coefficients, dct.out);

        ColorConvertBenchmark color = new ColorConvertBenchmark();
        color.image = BenchImage.DEFAULT;
        color.setUp();
        color.rgbToYCbCr();
        assertArrayEquals(in.y, color.y);
        assertArrayEquals(in.cr, color.cr);

        // Every ratio, plain and grouped (the build's test JVM has no vector module): the same samples, and 2x2's
        // are the pipeline's.
        for (String ratio : List.of("2x2", "2x1", "1x2", "4x1")) {
            int[] plainOut = null;
            for (String kernel : List.of("plain", "grouped")) {
                DownsampleBenchmark down = new DownsampleBenchmark();
                down.image = BenchImage.DEFAULT;
                down.ratio = ratio;
                down.kernel = kernel;
                down.setUp();
                down.strip();
                int[] cb = down.cbOut.clone();
                int outWidth = down.width / (ratio.charAt(0) - '0');
                if (kernel.equals("grouped")) {
                    for (int at = 0; at < cb.length; at += outWidth) {
                        BlockGroups.regroupInPlace(cb, at, outWidth); // the swap is its own inverse
                    }
                }
                if (plainOut == null) {
                    plainOut = cb;
                } else {
                    assertArrayEquals(plainOut, cb, ratio);
                }
                if (ratio.equals("2x2")) {
                    int half = in.width / 2;
                    for (int y = 0; y < StageInput.ROWS / 2; y++) {
                        assertArrayEquals(Arrays.copyOfRange(in.cbHalf, y * half, (y + 1) * half),
                            Arrays.copyOfRange(cb, y * outWidth, y * outWidth + half), kernel + " row " + y);
                    }
                }
            }
        }

        // The scalar kernel (the build's test JVM has no vector module; the vector one is the kernel test's).
        FancyUpsampleBenchmark fancy = new FancyUpsampleBenchmark();
        fancy.kernel = "scalar";
        fancy.samples = "photo";
        fancy.setUp();
        assertEquals(3 * FancyUpsampleBenchmark.WIDTH * FancyUpsampleBenchmark.ROWS, fancy.strip().length);
        assertEquals(3 * FancyUpsampleBenchmark.WIDTH * FancyUpsampleBenchmark.ROWS, fancy.yccToBgr().length);

        HuffmanBenchmark huffman = new HuffmanBenchmark();
        huffman.image = BenchImage.DEFAULT;
        huffman.setUp();
        huffman.encode();
        assertTrue(huffman.count() > 0, "EOB count");
    }

    private static int[] sizes(String huffman) throws IOException {
        EncodeBenchmark bench = new EncodeBenchmark();
        bench.image = BenchImage.DEFAULT;
        bench.huffman = huffman;
        bench.setUp();
        try {
            return new int[] {bench.tessera(), bench.imageIo()};
        } finally {
            bench.tearDown();
        }
    }

    private static void assertDecodes(byte[] jpeg, int reportedSize, BufferedImage source, String encoder)
        throws IOException {
        assertEquals(jpeg.length, reportedSize, encoder + ": returned size");
        assertTrue(jpeg.length > 2 && (jpeg[0] & 0xFF) == 0xFF && (jpeg[1] & 0xFF) == 0xD8, encoder + ": SOI");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertNotNull(decoded, encoder + ": ImageIO found no reader");
        assertEquals(source.getWidth(), decoded.getWidth(), encoder + ": width");
        assertEquals(source.getHeight(), decoded.getHeight(), encoder + ": height");
        // Not a quality test: a loose bound that only a broken path (wrong colours, garbage) fails.
        double error = meanAbsoluteError(source, decoded);
        assertTrue(error < 8, encoder + ": mean absolute error per channel " + error);
    }

    private static double meanAbsoluteError(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        int[] pa = a.getRGB(0, 0, w, h, null, 0, w);
        int[] pb = b.getRGB(0, 0, w, h, null, 0, w);
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                sum += Math.abs(((pa[i] >> shift) & 0xFF) - ((pb[i] >> shift) & 0xFF));
            }
        }
        return sum / (3.0 * pa.length);
    }
}
