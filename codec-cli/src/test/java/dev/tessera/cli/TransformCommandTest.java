package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegTransformer;
import dev.tessera.jpeg.TransformOptions;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.Orientation;
import dev.tessera.jpeg.model.Transform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera transform}: the library's transforms from the command line, and its refusals. */
class TransformCommandTest {
    @TempDir
    Path dir;

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void writesWhatTheLibraryWritesForEachOption() throws IOException {
        Path in = AutoOrientCommandTest.jpeg(dir, "in.jpg", 61, 45, 0);
        byte[] source = Files.readAllBytes(in);
        Object[][] cases = {
            {new String[] {"--rotate", "90", "--trim"}, TransformOptions.DEFAULT.withTransform(Transform.ROTATE_90)
                .withTrim(true)},
            {new String[] {"--flip", "horizontal"}, TransformOptions.DEFAULT.withTransform(Transform.FLIP_HORIZONTAL)},
            {new String[] {"--transverse", "--crop", "30x20+5+3"}, TransformOptions.DEFAULT
                .withTransform(Transform.TRANSVERSE).withCrop(TransformOptions.Crop.parse("30x20+5+3"))},
            {new String[] {"--grayscale", "--transpose"}, TransformOptions.DEFAULT.withTransform(Transform.TRANSPOSE)
                .withGrayscale(true)},
        };
        int n = 0;
        for (Object[] c : cases) {
            String[] flags = (String[]) c[0];
            Path out = dir.resolve("out" + n++ + ".jpg");
            Object[] args = new Object[4 + flags.length];
            args[0] = "transform";
            args[1] = in;
            args[2] = "-o";
            args[3] = out;
            System.arraycopy(flags, 0, args, 4, flags.length);
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.exitCode(), String.join(" ", flags) + ": " + r.err());
            assertEquals("", r.out(), "standard output carries nothing");
            assertTrue(r.err().contains(" -> " + out), r.err());
            byte[] expected = new JpegTransformer().transform(source, (TransformOptions) c[1]);
            assertArrayEquals(pixels(new JpegDecoder().decode(expected)),
                pixels(new JpegDecoder().decode(Files.readAllBytes(out))), String.join(" ", flags));
        }
    }

    @Test
    void autoOrientTurnsTheImageAndSetsTheTagToOne() throws IOException {
        Path in = AutoOrientCommandTest.jpeg(dir, "six.jpg", 48, 32, 6);
        Path out = dir.resolve("upright.jpg");
        Cli.Result r = Cli.run("transform", in, "-o", out, "--auto-orient", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        ImageInfo info = new JpegDecoder().readInfo(out);
        assertEquals(32, info.width());
        assertEquals(48, info.height());
        assertEquals(Optional.of(Orientation.TOP_LEFT), info.orientation());
        BufferedImage stored = new JpegDecoder().decode(in);
        BufferedImage upright = new JpegDecoder().decode(out);
        byte[] rotated = new JpegTransformer().transform(Files.readAllBytes(in),
            TransformOptions.DEFAULT.withTransform(Transform.ROTATE_90));
        assertArrayEquals(pixels(new JpegDecoder().decode(rotated)), pixels(upright));
        // 48x32 is whole 16x16 iMCUs, so every block moves; decoded pixels then differ from the rotated stored
        // pixels only by the rounding of the inverse DCT and of the chroma upsampling.
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                int[] p = Transform.ROTATE_90.map(x, y, 48, 32);
                int a = stored.getRGB(x, y);
                int b = upright.getRGB(p[0], p[1]);
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF));
                    assertTrue(d <= 4, "channel difference " + d + " at " + x + "," + y);
                }
            }
        }
        assertEquals(2, Cli.run("transform", in, "-o", dir.resolve("x.jpg"), "--auto-orient", "--rotate", "90")
            .exitCode(), "auto-orient and an explicit transform are exclusive");
    }

    @Test
    void refusalsAreOneLineExitOneAndNothingWritten() throws IOException {
        Path in = AutoOrientCommandTest.jpeg(dir, "in.jpg", 61, 45, 0);
        Path notJpeg = dir.resolve("text.jpg");
        Files.writeString(notJpeg, "not a JPEG at all");
        Object[][] cases = {
            {in, new String[] {"--rotate", "90", "--perfect"}, "not perfect"},
            {in, new String[] {"--crop", "10x10+61+0"}, "outside"},
            {notJpeg, new String[] {"--flip", "vertical"}, "offset"},
        };
        for (Object[] c : cases) {
            Path out = dir.resolve("refused.jpg");
            String[] flags = (String[]) c[1];
            Object[] args = new Object[4 + flags.length];
            args[0] = "transform";
            args[1] = c[0];
            args[2] = "-o";
            args[3] = out;
            System.arraycopy(flags, 0, args, 4, flags.length);
            Cli.Result r = Cli.run(args);
            assertEquals(1, r.exitCode(), String.join(" ", flags));
            assertEquals(1, r.errLines(), r.err());
            assertTrue(r.err().startsWith("tessera: " + c[0] + ": "), r.err());
            assertTrue(r.err().contains((String) c[2]), r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", flags));
        }
        assertEquals(2, Cli.run("transform", in, "-o", dir.resolve("a.jpg"), "--rotate", "45").exitCode());
        assertEquals(2, Cli.run("transform", in, "-o", dir.resolve("a.jpg"), "--crop", "ten").exitCode());
        Path existing = dir.resolve("existing.jpg");
        Files.writeString(existing, "keep");
        assertEquals(1, Cli.run("transform", in, "-o", existing, "--rotate", "180").exitCode());
        assertEquals("keep", Files.readString(existing));
        assertEquals(0, Cli.run("transform", in, "-o", existing, "--rotate", "180", "--force", "-q").exitCode());
    }

    @Test
    void twelveBitFilesAreRefused() throws IOException {
        Path twelve = Path.of(System.getProperty("user.dir")).resolve("../../shared/corpus/libjpeg-turbo/testorig12.jpg")
            .normalize();
        assumeTrue(Files.exists(twelve), twelve + " is missing (shared corpus): skipping");
        Path out = dir.resolve("t.jpg");
        Cli.Result r = Cli.run("transform", twelve, "-o", out, "--rotate", "90");
        assertEquals(1, r.exitCode());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("testorig12.jpg"), r.err());
        assertFalse(Files.exists(out));
    }
}
