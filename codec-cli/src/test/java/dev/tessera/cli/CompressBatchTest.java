package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.metrics.Ssimulacra2;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compress} over many files and directories, and with quality targets. */
class CompressBatchTest {
    @TempDir
    Path dir;

    @Test
    void compressesADirectoryTreeIntoAMirroredOutDirOnManyThreads() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in/sub"));
        for (int i = 0; i < 6; i++) {
            TestImages.writePng(dir.resolve("in/a" + i + ".png"), TestImages.gradient(20 + i, 17));
        }
        TestImages.writePng(in.resolve("deep.png"), TestImages.gradient(9, 9));
        Files.writeString(dir.resolve("in/broken.png"), "not a png");
        Path out = dir.resolve("out");

        Cli.Result result = Cli.run("compress", "--recursive", "--threads", "3", "--out-dir", out, dir.resolve("in"));

        assertEquals(Main.EXIT_FAILED, result.exitCode(), "one input is broken");
        assertEquals(1, result.errLines(), result.err());
        assertTrue(result.err().contains("broken.png"), result.err());
        for (int i = 0; i < 6; i++) {
            BufferedImage image = ImageIO.read(out.resolve("a" + i + ".jpg").toFile());
            assertEquals(20 + i, image.getWidth());
        }
        assertTrue(Files.isRegularFile(out.resolve("sub/deep.jpg")));
        assertFalse(Files.exists(out.resolve("broken.jpg")));
        assertEquals("", result.out(), "progress and summary go to standard error");
        assertTrue(result.err().contains("8 files: 7 done, 1 failed;"), result.err());
        assertTrue(result.err().contains("[8/8]"), result.err());
    }

    @Test
    void quietPrintsNothingButErrors() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(16, 16));
        Cli.Result result = Cli.run("compress", "--quiet", png, dir.resolve("missing.png"));
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertEquals("", result.out());
        assertEquals(1, result.errLines(), result.err());
        assertTrue(Files.isRegularFile(dir.resolve("a.jpg")));
    }

    @Test
    void directoryWithoutRecursiveTakesOnlyItsOwnFiles() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        TestImages.writePng(dir.resolve("top.png"), TestImages.gradient(8, 8));
        TestImages.writePng(dir.resolve("sub/inner.png"), TestImages.gradient(8, 8));
        Cli.Result result = Cli.run("compress", "--quiet", dir);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(dir.resolve("top.jpg")));
        assertFalse(Files.exists(dir.resolve("sub/inner.jpg")));
    }

    @Test
    void targetSizeWritesTheHighestQualityThatFits() throws IOException {
        BufferedImage image = TestImages.gradient(96, 64);
        Path png = TestImages.writePng(dir.resolve("a.png"), image);
        long budget = new JpegEncoder(EncoderOptions.DEFAULT.withQuality(70)).encode(image).length + 20;

        Cli.Result result = Cli.run("compress", "--target-size", String.valueOf(budget), "--strip-metadata", png);

        assertEquals(0, result.exitCode(), result.err());
        byte[] written = Files.readAllBytes(dir.resolve("a.jpg"));
        assertTrue(written.length <= budget);
        int quality = chosenQuality(result.err());
        assertArrayEquals(new JpegEncoder(EncoderOptions.DEFAULT.withQuality(quality)).encode(image), written);
        if (quality < 100) {
            assertTrue(new JpegEncoder(EncoderOptions.DEFAULT.withQuality(quality + 1)).encode(image).length > budget);
        }
        assertTrue(result.err().contains(written.length + " bytes (target <= " + budget + ")"), result.err());
        assertEquals(1, result.err().lines().filter(line -> line.contains("target <=")).count(),
            "the result is printed once: " + result.err());
    }

    @Test
    void targetSizeAcceptsSuffixes() {
        assertEquals(153600L, new Converters.Size().convert("150k"));
        assertEquals(153600L, new Converters.Size().convert("150KiB"));
        assertEquals(1572864L, new Converters.Size().convert("1.5M"));
        assertEquals(2, Cli.run("compress", "--target-size", "lots", "x.png").exitCode());
    }

    @Test
    void targetScoreWritesAFileThatMeetsIt() throws IOException {
        BufferedImage image = TestImages.gradient(64, 48);
        Path png = TestImages.writePng(dir.resolve("a.png"), image);

        Cli.Result result = Cli.run("compress", "--target-ssimulacra2", "85", png);

        assertEquals(0, result.exitCode(), result.err());
        byte[] written = Files.readAllBytes(dir.resolve("a.jpg"));
        double score = Ssimulacra2.score(image, ImageIO.read(new ByteArrayInputStream(written)));
        assertTrue(score >= 85, "score " + score);
        assertTrue(result.err().contains("quality " + chosenQuality(result.err()) + ", SSIMULACRA2 "), result.err());
    }

    @Test
    void unreachableTargetWarnsAndWritesTheNearestFile() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(64, 48));
        Cli.Result result = Cli.run("compress", "--target-bpp", "0.01", png);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("warning: no quality meets the target"), result.err());
        assertTrue(result.err().contains("quality 1,"), result.err());
        assertTrue(Files.exists(dir.resolve("a.jpg")));
    }

    @Test
    void targetsExcludeQualityAndEachOther() {
        assertEquals(2, Cli.run("compress", "-q", "80", "--target-bpp", "1", "x.png").exitCode());
        assertEquals(2, Cli.run("compress", "--target-size", "10k", "--target-bpp", "1", "x.png").exitCode());
    }

    private static int chosenQuality(String out) {
        Matcher m = Pattern.compile("quality (\\d+),").matcher(out);
        assertTrue(m.find(), out);
        return Integer.parseInt(m.group(1));
    }
}
