package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecompressCommandTest {
    @TempDir
    Path dir;

    private Path jpeg(String name, int width, int height) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, new JpegEncoder(EncoderOptions.DEFAULT.withQuality(90)).encode(
            TestImages.gradient(width, height)));
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "ppm", "tif"})
    void writesTheDecodersPixels(String extension) throws IOException {
        Path in = jpeg("a.jpg", 37, 21);
        Path out = dir.resolve("a." + extension);
        Cli.Result result = Cli.run("decompress", in, "-o", out, "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        BufferedImage written = ImageIO.read(out.toFile());
        BufferedImage expected = new JpegDecoder().decode(in);
        assertEquals(37, written.getWidth());
        for (int y = 0; y < 21; y++) {
            for (int x = 0; x < 37; x++) {
                assertEquals(expected.getRGB(x, y), written.getRGB(x, y), extension + " at " + x + "," + y);
            }
        }
    }

    @Test
    void scalesAndWritesGrayPgm() throws IOException {
        Path in = jpeg("a.jpg", 64, 40);
        Cli.Result result = Cli.run("decompress", in, "-o", dir.resolve("a.pgm"), "--scale", "1/4", "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        String header = new String(Files.readAllBytes(dir.resolve("a.pgm")), 0, 2, java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("P5", header);
        BufferedImage image = ImageIO.read(dir.resolve("a.pgm").toFile());
        assertEquals(16, image.getWidth());
        assertEquals(10, image.getHeight());
        assertEquals(2, Cli.run("decompress", in, "--scale", "1/3").exitCode());
    }

    @Test
    void batchKeepsGoingPastABadFileAndNeverOverwrites() throws IOException {
        Path good = jpeg("good.jpg", 16, 16);
        Files.writeString(dir.resolve("bad.jpg"), "not a jpeg");
        Files.writeString(dir.resolve("exists.png"), "mine");
        jpeg("exists.jpg", 8, 8);
        Cli.Result result = Cli.run("decompress", dir);
        assertEquals(Main.EXIT_FAILED, result.exitCode());
        assertEquals(2, result.errLines(), result.err());
        assertTrue(Files.isRegularFile(dir.resolve("good.png")));
        assertEquals("mine", Files.readString(dir.resolve("exists.png")));
        assertTrue(result.err().contains("3 files: 1 done, 2 failed"), result.err());
        assertTrue(Files.exists(good));
    }
}
