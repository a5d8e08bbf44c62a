package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.Orientation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: after {@code decompress --auto-orient} the EXIF written beside the upright pixels (PNG eXIf) says
 * orientation 1, and the densities follow a quarter turn; without the flag the EXIF is copied unchanged.
 */
class AutoOrientMetadataTest {
    @TempDir
    Path dir;

    /** A JPEG whose EXIF says {@code orientation}, with 300 x 150 dots per inch (non-square, to see a swap). */
    private Path jpeg(int orientation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.DEFAULT.withQuality(90)).encode(TestImages.gradient(37, 21),
            new ImageMetadata(JfifHeader.dotsPerInch(300, 150), AutoOrientCommandTest.exif(orientation), null,
                List.of()), out);
        Path file = dir.resolve("o" + orientation + ".jpg");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    @Test
    void pngExifSaysOneAfterAutoOrient() throws Exception {
        for (int v : new int[] {3, 6, 8}) {
            Path in = jpeg(v);
            Path plain = dir.resolve("plain" + v + ".png");
            Path upright = dir.resolve("upright" + v + ".png");
            assertEquals(0, Cli.run("decompress", in, "-o", plain, "--quiet").exitCode());
            Cli.Result r = Cli.run("decompress", in, "-o", upright, "--auto-orient", "--quiet");
            assertEquals(0, r.exitCode(), r.err());

            Map<String, byte[]> copied = MetadataRoundTripTest.pngChunks(plain);
            Map<String, byte[]> turned = MetadataRoundTripTest.pngChunks(upright);
            assertArrayEquals(AutoOrientCommandTest.exif(v), copied.get("eXIf"), "without --auto-orient: as stored");
            byte[] exif = turned.get("eXIf");
            assertNotNull(exif, "EXIF kept: " + turned.keySet());
            assertEquals(Optional.of(Orientation.TOP_LEFT), Orientation.fromExif(exif), "orientation " + v);
            // Changed in place: only the tag's value differs from the stored EXIF.
            byte[] stored = AutoOrientCommandTest.exif(v);
            assertEquals(stored.length, exif.length);
            int differing = 0;
            for (int i = 0; i < exif.length; i++) {
                differing += exif[i] != stored[i] ? 1 : 0;
            }
            assertEquals(1, differing, "one byte of the SHORT value changes");

            byte[] a = copied.get("pHYs");
            byte[] b = turned.get("pHYs");
            boolean quarterTurn = Orientation.ofTag(v).orElseThrow().toUpright().transposes();
            assertEquals(quarterTurn ? u32(a, 4) : u32(a, 0), u32(b, 0), "x density, orientation " + v);
            assertEquals(quarterTurn ? u32(a, 0) : u32(a, 4), u32(b, 4), "y density, orientation " + v);
            assertEquals(a[8], b[8], "unit");
        }
    }

    @Test
    void standardOutputCarriesTheSameUprightPng() throws Exception {
        Path in = jpeg(6);
        Path file = dir.resolve("file.png");
        assertEquals(0, Cli.run("decompress", in, "-o", file, "--auto-orient", "--quiet").exitCode());
        Pipes.Result piped = Pipes.run(Files.readAllBytes(in), "decompress", "-", "--auto-orient", "--quiet");
        assertEquals(0, piped.exitCode(), piped.err());
        assertArrayEquals(Files.readAllBytes(file), piped.out());
    }

    @Test
    void exiftoolReadsOrientationOne() throws Exception {
        Path in = jpeg(6);
        Path upright = dir.resolve("upright.png");
        Path plain = dir.resolve("plain.png");
        assertEquals(0, Cli.run("decompress", in, "-o", upright, "--auto-orient", "--quiet").exitCode());
        assertEquals(0, Cli.run("decompress", in, "-o", plain, "--quiet").exitCode());
        Optional<String> turned = exiftoolOrientation(upright);
        assumeTrue(turned.isPresent(), "exiftool is not installed (.ci/run installs libimage-exiftool-perl): skipping");
        assertEquals("1", turned.get());
        assertEquals("6", exiftoolOrientation(plain).orElseThrow());
    }

    /** {@code exiftool -n -s3 -Orientation FILE}, or empty when exiftool cannot be run. */
    private static Optional<String> exiftoolOrientation(Path file) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("exiftool", "-n", "-s3", "-Orientation", file.toString())
                .redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(p.getInputStream().readAllBytes(), Charset.defaultCharset()).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("exiftool failed on " + file + ": " + text);
        }
        return Optional.of(text);
    }
}
