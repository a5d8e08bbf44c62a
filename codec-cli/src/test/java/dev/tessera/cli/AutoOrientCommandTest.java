package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.Transform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decompress --auto-orient} and the orientation line of {@code info}. */
class AutoOrientCommandTest {
    @TempDir
    Path dir;

    /** A big-endian TIFF structure whose IFD0 holds only Orientation = {@code value}. */
    static byte[] exif(int value) {
        return new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) value, 0, 0,
            0, 0, 0, 0};
    }

    static Path jpeg(Path dir, String name, int width, int height, int orientation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.DEFAULT.withQuality(90)).encode(TestImages.gradient(width, height),
            new ImageMetadata(JfifHeader.DEFAULT, orientation == 0 ? null : exif(orientation), null, List.of()), out);
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void decompressTurnsTheImageUprightOnlyWhenAsked() throws IOException {
        for (int v : new int[] {3, 6, 7}) {
            Path in = jpeg(dir, "o" + v + ".jpg", 37, 21, v);
            Path plain = dir.resolve("o" + v + ".png");
            Path upright = dir.resolve("o" + v + "-upright.png");
            assertEquals(0, Cli.run("decompress", in, "-o", plain, "--quiet").exitCode());
            Cli.Result r = Cli.run("decompress", in, "-o", upright, "--auto-orient", "--quiet");
            assertEquals(0, r.exitCode(), r.err());
            BufferedImage a = ImageIO.read(plain.toFile());
            BufferedImage b = ImageIO.read(upright.toFile());
            Transform t = dev.tessera.jpeg.model.Orientation.ofTag(v).orElseThrow().toUpright();
            assertEquals(t.transposes() ? 21 : 37, b.getWidth());
            for (int y = 0; y < 21; y++) {
                for (int x = 0; x < 37; x++) {
                    int[] p = t.map(x, y, 37, 21);
                    assertEquals(a.getRGB(x, y), b.getRGB(p[0], p[1]), "orientation " + v + " at " + x + "," + y);
                }
            }
            BufferedImage decoded = new JpegDecoder().decode(in);
            assertEquals(decoded.getRGB(5, 7), a.getRGB(5, 7), "without the flag the stored image");
        }
    }

    @Test
    void infoShowsTheOrientation() throws IOException {
        Path in = jpeg(dir, "six.jpg", 16, 16, 6);
        Cli.Result text = Cli.run("info", in);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("orientation: 6 (right-top, upright by rotate 90)"), text.out());
        Cli.Result json = Cli.run("info", "--json", in);
        assertTrue(json.out().contains("\"orientation\": 6"), json.out());
        Path none = jpeg(dir, "none.jpg", 16, 16, 0);
        assertTrue(!Cli.run("info", none).out().contains("orientation"));
        assertTrue(Cli.run("info", "--json", none).out().contains("\"orientation\": null"));
    }
}
