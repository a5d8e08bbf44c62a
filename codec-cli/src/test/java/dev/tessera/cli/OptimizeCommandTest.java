package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.JpegTranscoder;
import dev.tessera.jpeg.model.CoefficientImage;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.spec.Marker;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera optimize} through the CLI entry point: same pixels, smaller files, bad input refused. */
class OptimizeCommandTest {
    @TempDir
    Path dir;

    /** A sequential file with the standard (Annex K) tables, which optimization always shrinks. */
    private Path jpeg(String name) throws IOException {
        Path file = dir.resolve(name);
        BufferedImage image = TestImages.gradient(97, 61);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withOptimizeHuffman(false).withQuality(85)).encode(image,
            ImageMetadata.NONE.withComments(List.of("a comment")).withExif(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8,
                0, 0}), bytes);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] pixels(byte[] jpeg) throws IOException {
        return ((DataBufferByte) new JpegDecoder().decode(jpeg).getRaster().getDataBuffer()).getData();
    }

    private static List<Integer> segments(byte[] jpeg) throws IOException {
        List<Integer> codes = new ArrayList<>();
        for (CoefficientImage.Segment s : new JpegTranscoder().readCoefficients(jpeg).segments()) {
            codes.add(s.marker());
        }
        return codes;
    }

    @Test
    void rewritesInPlaceSmallerWithTheSamePixelsAndMetadata() throws IOException {
        Path in = jpeg("a.jpg");
        byte[] before = Files.readAllBytes(in);
        Cli.Result result = Cli.run("optimize", in);
        assertEquals(0, result.exitCode(), result.err());
        byte[] after = Files.readAllBytes(in);
        assertTrue(after.length < before.length, after.length + " vs " + before.length);
        assertArrayEquals(pixels(before), pixels(after));
        assertEquals(segments(before), segments(after));
        // A second run finds nothing smaller and leaves the file as it is.
        Cli.Result again = Cli.run("optimize", in);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("", again.out(), "standard output carries nothing");
        assertTrue(again.err().contains("unchanged") || Files.size(in) <= after.length, again.err());
        assertTrue(Files.size(in) <= after.length);
    }

    @Test
    void writesOutputAndLeavesInputAlone() throws IOException {
        Path in = jpeg("a.jpg");
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("b.jpg");
        Cli.Result result = Cli.run("optimize", in, "-o", out, "--copy", "none", "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        assertArrayEquals(before, Files.readAllBytes(in));
        byte[] written = Files.readAllBytes(out);
        assertArrayEquals(pixels(before), pixels(written));
        assertEquals(List.of(0xE0), segments(written), "only the JFIF APP0 is kept");
        Cli.Result comments = Cli.run("optimize", in, "-o", dir.resolve("c.jpg"), "--copy", "comments", "--quiet");
        assertEquals(0, comments.exitCode(), comments.err());
        assertEquals(List.of(0xE0, 0xFE), segments(Files.readAllBytes(dir.resolve("c.jpg"))));
    }

    @Test
    void specificCodingsAreWrittenAsAsked() throws IOException {
        Path in = jpeg("a.jpg");
        byte[] before = Files.readAllBytes(in);
        String[][] cases = {{"--progressive"}, {"--sequential"}, {"--arithmetic"}, {"--arithmetic", "--sequential"},
            {"--arithmetic", "--progressive"}};
        Marker[] expected = {Marker.SOF2, Marker.SOF0, null, Marker.SOF9, Marker.SOF10};
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("out" + i + ".jpg");
            List<Object> args = new ArrayList<>(List.of("optimize", in, "-o", out, "--quiet"));
            args.addAll(Arrays.asList(cases[i]));
            Cli.Result result = Cli.run(args.toArray());
            assertEquals(0, result.exitCode(), result.err());
            byte[] written = Files.readAllBytes(out);
            assertArrayEquals(pixels(before), pixels(written), Arrays.toString(cases[i]));
            Marker process = new JpegDecoder().readInfo(written).frame().process();
            if (expected[i] != null) {
                assertEquals(expected[i], process, Arrays.toString(cases[i]));
            } else {
                assertTrue(process == Marker.SOF9 || process == Marker.SOF10, process.toString());
            }
        }
        assertEquals(2, Cli.run("optimize", in, "--progressive", "--sequential").exitCode());
        assertEquals(2, Cli.run("optimize", in, "--copy", "some").exitCode());
    }

    @Test
    void badInputIsOneLineExitOneAndNothingWritten() throws IOException {
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "not a jpeg at all");
        Path out = dir.resolve("out.jpg");
        Cli.Result result = Cli.run("optimize", text, "-o", out, "--quiet");
        assertEquals(1, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("notes.jpg"), result.err());
        assertFalse(Files.exists(out));
        assertEquals("not a jpeg at all", Files.readString(text));

        Path lossless = dir.resolve("lossless.jpg");
        // SOI and a lossless (SOF3) frame header: 8-bit, 16x16, one component.
        Files.write(lossless, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC3, 0, 11, 8, 0, 16, 0, 16,
            1, 1, 0x11, 0});
        Cli.Result refused = Cli.run("optimize", lossless, "--quiet");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("lossless"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
    }

    @Test
    void damagedFilesNeedForce() throws IOException {
        Path in = jpeg("a.jpg");
        byte[] whole = Files.readAllBytes(in);
        byte[] truncated = Arrays.copyOf(whole, whole.length * 2 / 3);
        Files.write(in, truncated);
        Path out = dir.resolve("out.jpg");
        Cli.Result refused = Cli.run("optimize", in, "-o", out, "--quiet");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("damaged"), refused.err());
        assertFalse(Files.exists(out));
        Cli.Result forced = Cli.run("optimize", in, "-o", out, "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(forced.err().contains("warning"), forced.err());
        assertArrayEquals(pixels(truncated), pixels(Files.readAllBytes(out)));
    }

    @Test
    void directoriesGoToOutDir() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/sub"));
        Files.copy(jpeg("x.jpg"), src.resolve("x.jpg"));
        Files.copy(jpeg("y.jpg"), dir.resolve("src/y.jpeg"));
        Path outDir = dir.resolve("out");
        Cli.Result result = Cli.run("optimize", "-r", dir.resolve("src"), "--out-dir", outDir, "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(outDir.resolve("sub/x.jpg")));
        assertTrue(Files.exists(outDir.resolve("y.jpeg")));
    }
}
