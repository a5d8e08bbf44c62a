package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompressCommandTest {
    @TempDir
    Path dir;

    private static BufferedImage decode(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " did not decode");
        return image;
    }

    /** Files in the directory whose names mark them as SafeOutput temporaries. */
    private List<Path> temporaries(Path where) throws IOException {
        try (Stream<Path> files = Files.list(where)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void compressesPngBesideTheInput() throws IOException {
        Path png = TestImages.writePng(dir.resolve("gradient.png"), TestImages.gradient(37, 21));
        byte[] before = Files.readAllBytes(png);

        Cli.Result result = Cli.run("compress", png);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.out(), "nothing but data goes to standard output");
        assertEquals(0, result.errLines(), "no message: " + result.err());
        BufferedImage decoded = decode(dir.resolve("gradient.jpg"));
        assertEquals(37, decoded.getWidth());
        assertEquals(21, decoded.getHeight());
        assertArrayEquals(before, Files.readAllBytes(png), "input must not change");
        assertTrue(temporaries(dir).isEmpty());
    }

    @Test
    void writesToOutputFile() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(16, 16));
        Path out = dir.resolve("chosen-name.jpeg");

        Cli.Result result = Cli.run("compress", png, "-o", out);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(16, decode(out).getWidth());
        assertFalse(Files.exists(dir.resolve("a.jpg")));
    }

    @Test
    void writesEachInputIntoOutDir() throws IOException {
        Path a = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(8, 9));
        Path b = TestImages.writePng(dir.resolve("b.png"), TestImages.gradient(10, 11));
        Path outDir = dir.resolve("out/nested");

        Cli.Result result = Cli.run("compress", "--out-dir", outDir, a, b);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(9, decode(outDir.resolve("a.jpg")).getHeight());
        assertEquals(11, decode(outDir.resolve("b.jpg")).getHeight());
    }

    @Test
    void outputOptionWithSeveralInputsIsAUsageError() throws IOException {
        Path a = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(8, 8));
        Path b = TestImages.writePng(dir.resolve("b.png"), TestImages.gradient(8, 8));

        Cli.Result result = Cli.run("compress", a, b, "-o", dir.resolve("x.jpg"));

        assertEquals(2, result.exitCode());
        assertFalse(Files.exists(dir.resolve("x.jpg")));
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(8, 8));
        Path existing = dir.resolve("a.jpg");
        byte[] old = "precious bytes".getBytes(StandardCharsets.US_ASCII);
        Files.write(existing, old);

        Cli.Result result = Cli.run("compress", png);

        assertEquals(1, result.exitCode());
        assertEquals(1, result.errLines(), result.err());
        assertTrue(result.err().contains("--force"), result.err());
        assertArrayEquals(old, Files.readAllBytes(existing));
        assertTrue(temporaries(dir).isEmpty());
    }

    @Test
    void forceOverwrites() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(12, 10));
        Path existing = dir.resolve("a.jpg");
        Files.writeString(existing, "old");

        Cli.Result result = Cli.run("compress", "--force", png);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(12, decode(existing).getWidth());
    }

    @Test
    void jpegInputGetsTesseraSuffixInsteadOfReplacingItself() throws IOException {
        Path png = TestImages.writePng(dir.resolve("photo.png"), TestImages.gradient(16, 16));
        Path jpg = dir.resolve("photo.jpg");
        assertEquals(0, Cli.run("compress", png).exitCode());
        byte[] before = Files.readAllBytes(jpg);

        Cli.Result result = Cli.run("compress", "--force", jpg);

        assertEquals(0, result.exitCode(), result.err());
        assertArrayEquals(before, Files.readAllBytes(jpg), "the input must never be replaced");
        assertEquals(16, decode(dir.resolve("photo.tessera.jpg")).getWidth());
    }

    @Test
    void outputEqualToInputIsRefusedEvenWithForce() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(8, 8));
        byte[] before = Files.readAllBytes(png);

        Cli.Result result = Cli.run("compress", "--force", png, "-o", png);

        assertEquals(1, result.exitCode());
        assertArrayEquals(before, Files.readAllBytes(png));
    }

    @Test
    void twoInputsWithOneOutputNameDoNotOverwriteEachOther() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(8, 8));
        Path bmp = dir.resolve("a.bmp");
        assertTrue(ImageIO.write(TestImages.gradient(20, 20), "bmp", bmp.toFile()));

        Cli.Result result = Cli.run("compress", "--force", png, bmp);

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("a.bmp"), result.err());
        assertEquals(8, decode(dir.resolve("a.jpg")).getWidth());
    }

    @Test
    void corruptInputIsReportedInOneLineAndOthersStillConvert() throws IOException {
        Path first = TestImages.writePng(dir.resolve("first.png"), TestImages.gradient(8, 8));
        Path last = TestImages.writePng(dir.resolve("last.png"), TestImages.gradient(9, 9));
        // A PNG cut off inside its image data: the signature is right, so a reader accepts it and then fails.
        byte[] good = Files.readAllBytes(TestImages.writePng(dir.resolve("tmp.png"), TestImages.gradient(64, 64)));
        Path broken = dir.resolve("broken.png");
        Files.write(broken, Arrays.copyOf(good, good.length / 2));
        Path garbage = dir.resolve("garbage.png");
        Files.writeString(garbage, "this is not an image");

        Cli.Result result = Cli.run("compress", first, broken, garbage, last);

        assertNotEquals(0, result.exitCode());
        List<String> lines = result.err().lines().filter(l -> l.startsWith("tessera: ")).toList();
        assertEquals(2, lines.size(), result.err());
        // Files run in parallel, so failures are reported in the order they happen.
        assertEquals(1, lines.stream().filter(l -> l.contains("broken.png")).count(), result.err());
        assertEquals(1, lines.stream().filter(l -> l.contains("garbage.png")).count(), result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace without --verbose");
        assertFalse(result.err().contains("Exception"), result.err());
        assertTrue(Files.exists(dir.resolve("first.jpg")));
        assertTrue(Files.exists(dir.resolve("last.jpg")));
        assertFalse(Files.exists(dir.resolve("broken.jpg")));
        assertFalse(Files.exists(dir.resolve("garbage.jpg")));
        assertTrue(temporaries(dir).isEmpty());
    }

    @Test
    void verbosePrintsStackTraces() throws IOException {
        Path garbage = dir.resolve("garbage.png");
        Files.writeString(garbage, "this is not an image");

        Cli.Result result = Cli.run("compress", "--verbose", garbage);

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("\tat "), result.err());
    }

    @Test
    void missingInputIsReported() {
        Cli.Result result = Cli.run("compress", dir.resolve("nope.png"));

        assertEquals(1, result.exitCode());
        assertEquals(1, result.errLines(), result.err());
        assertTrue(result.err().contains("nope.png"), result.err());
    }

    @Test
    void outDirThatIsAFileFailsWithoutWriting() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(8, 8));
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");

        Cli.Result result = Cli.run("compress", "--out-dir", notADir, png);

        assertEquals(1, result.exitCode());
        assertEquals(1, result.errLines(), result.err());
        assertEquals("x", Files.readString(notADir));
        assertTrue(temporaries(dir).isEmpty());
    }

    @Test
    void outputIntoMissingDirectoryFails() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(8, 8));

        Cli.Result result = Cli.run("compress", png, "-o", dir.resolve("missing/a.jpg"));

        assertEquals(1, result.exitCode());
        assertEquals(1, result.errLines(), result.err());
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bmp", "gif", "tiff", "ppm", "pgm", "jpeg"})
    void readsOtherInputFormats(String format) throws IOException {
        BufferedImage image = TestImages.gradient(13, 7);
        Path input = dir.resolve("input." + format);
        switch (format) {
            case "ppm" -> Files.write(input, pnm("P6", image));
            case "pgm" -> Files.write(input, pnm("P5", image));
            default -> assertTrue(ImageIO.write(image, format, input.toFile()), "no writer for " + format);
        }

        Cli.Result result = Cli.run("compress", input, "-o", dir.resolve("out.jpg"));

        assertEquals(0, result.exitCode(), result.err());
        BufferedImage decoded = decode(dir.resolve("out.jpg"));
        assertEquals(13, decoded.getWidth());
        assertEquals(7, decoded.getHeight());
    }

    /** Netpbm P6 (RGB) or P5 (gray, from the green channel), maxval 255. */
    private static byte[] pnm(String magic, BufferedImage image) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write((magic + "\n" + image.getWidth() + " " + image.getHeight() + "\n255\n")
            .getBytes(StandardCharsets.US_ASCII));
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (magic.equals("P6")) {
                    out.write(rgb >> 16 & 0xFF);
                    out.write(rgb >> 8 & 0xFF);
                    out.write(rgb & 0xFF);
                } else {
                    out.write(rgb >> 8 & 0xFF);
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void threadsPerImageWritesTheSameFile() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(300, 200));
        for (String restart : new String[] {"0", "1"}) {
            Path one = dir.resolve("one-" + restart + ".jpg");
            Path three = dir.resolve("three-" + restart + ".jpg");

            assertEquals(0, Cli.run("compress", "--restart", restart, png, "-o", one).exitCode());
            Cli.Result result = Cli.run("compress", "--threads-per-image", "3", "--restart", restart, png,
                "-o", three);

            assertEquals(0, result.exitCode(), result.err());
            assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three), "restart " + restart);
        }
    }

    @Test
    void restartOneWritesDri() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(40, 40));

        Cli.Result result = Cli.run("compress", "--restart", "1", png);

        assertEquals(0, result.exitCode(), result.err());
        List<TestImages.Segment> segments = TestImages.segments(dir.resolve("a.jpg"));
        TestImages.Segment dri = segments.stream().filter(s -> s.marker() == 0xFFDD).findFirst().orElseThrow();
        // T.81 B.2.4.4: Ri in MCUs; one MCU row of a 40-pixel-wide 4:2:0 image is 3 MCUs of 16 pixels.
        assertEquals(3, (dri.payload()[0] & 0xFF) << 8 | dri.payload()[1] & 0xFF);
        assertEquals(40, decode(dir.resolve("a.jpg")).getWidth());
    }

    @Test
    void restartInMcusWritesDri() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(40, 40));

        assertEquals(0, Cli.run("compress", "--restart", "2B", png).exitCode());

        TestImages.Segment dri = TestImages.segments(dir.resolve("a.jpg")).stream()
            .filter(s -> s.marker() == 0xFFDD).findFirst().orElseThrow();
        assertEquals(2, (dri.payload()[0] & 0xFF) << 8 | dri.payload()[1] & 0xFF);
    }

    @Test
    void noRestartByDefault() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(40, 40));

        assertEquals(0, Cli.run("compress", png).exitCode());

        assertTrue(TestImages.segments(dir.resolve("a.jpg")).stream().noneMatch(s -> s.marker() == 0xFFDD));
    }

    @Test
    void subsampling444GivesOneByOneLuma() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(24, 24));

        assertEquals(0, Cli.run("compress", "--subsampling", "444", png).exitCode());

        assertEquals(0x11, lumaSampling(dir.resolve("a.jpg")));
    }

    @Test
    void defaultWritesTheSmallerCodingAndTheFlagsForceOne() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(40, 24));
        Path plain = dir.resolve("plain.jpg");
        Path progressive = dir.resolve("progressive.jpg");
        Path annexK = dir.resolve("annex-k.jpg");
        Path sequential = dir.resolve("sequential.jpg");
        Path annexKProgressive = dir.resolve("annex-k-progressive.jpg");

        assertEquals(0, Cli.run("compress", png, "-o", plain).exitCode());
        assertEquals(0, Cli.run("compress", "--progressive", png, "-o", progressive).exitCode());
        assertEquals(0, Cli.run("compress", "--no-optimize", png, "-o", annexK).exitCode());
        assertEquals(0, Cli.run("compress", "--no-progressive", png, "-o", sequential).exitCode());
        assertEquals(0, Cli.run("compress", "--no-optimize", "--progressive", png, "-o", annexKProgressive)
            .exitCode());

        // A tiny image: the sequential coding of the default's coefficients is the smaller file.
        assertEquals(List.of(0xFFC0), frameMarkers(plain));
        assertArrayEquals(Files.readAllBytes(sequential), Files.readAllBytes(plain));
        assertEquals(List.of(0xFFC2), frameMarkers(progressive));
        assertTrue(Files.size(plain) < Files.size(progressive));
        assertEquals(List.of(0xFFC0), frameMarkers(annexK));
        assertEquals(List.of(0xFFC0), frameMarkers(sequential));
        assertEquals(List.of(0xFFC2), frameMarkers(annexKProgressive));

        // A 2-megapixel camera photo: progressive is the smaller file.
        Path photo = TestImages.resource("/jpeg/cmm-exception-srgb.jpg", dir); // 1800x1200
        Path photoOut = dir.resolve("photo.jpg");
        assertEquals(0, Cli.run("compress", photo, "-o", photoOut).exitCode());
        assertEquals(List.of(0xFFC2), frameMarkers(photoOut));
    }

    private static List<Integer> frameMarkers(Path jpeg) throws IOException {
        return TestImages.segments(jpeg).stream().map(TestImages.Segment::marker)
            .filter(m -> m >= 0xFFC0 && m <= 0xFFC2).toList();
    }

    @Test
    void defaultSubsamplingIs420() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(24, 24));

        assertEquals(0, Cli.run("compress", png).exitCode());

        assertEquals(0x22, lumaSampling(dir.resolve("a.jpg")));
    }

    @Test
    void progressiveWritesSof2ThatTheJdkDecodes() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(40, 24));

        assertEquals(0, Cli.run("compress", "--progressive", png).exitCode());

        Path jpeg = dir.resolve("a.jpg");
        assertTrue(TestImages.segments(jpeg).stream().anyMatch(seg -> seg.marker() == 0xFFC2), "SOF2");
        assertTrue(TestImages.segments(jpeg).stream().noneMatch(seg -> seg.marker() == 0xFFC0), "no SOF0");
        java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(jpeg.toFile());
        assertEquals(40, decoded.getWidth());
        assertEquals(24, decoded.getHeight());
    }

    /**
     * T.81 B.2.2: a frame header (SOF0, or SOF2 for the progressive default) is P, Y, X, Nf, then Ci, Hi/Vi, Tqi
     * per component; returns Hi/Vi of component 1.
     */
    private static int lumaSampling(Path jpeg) throws IOException {
        TestImages.Segment sof = TestImages.segments(jpeg).stream()
            .filter(s -> s.marker() == 0xFFC0 || s.marker() == 0xFFC2).findFirst().orElseThrow();
        assertEquals(1, sof.payload()[6], "first component id");
        return sof.payload()[7] & 0xFF;
    }

    @Test
    void qualityChangesSize() throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(64, 64));
        Path low = dir.resolve("low.jpg");
        Path high = dir.resolve("high.jpg");

        assertEquals(0, Cli.run("compress", "-q", "10", png, "-o", low).exitCode());
        assertEquals(0, Cli.run("compress", "--quality", "95", "--no-optimize", png, "-o", high).exitCode());

        assertTrue(Files.size(low) < Files.size(high));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-q=0", "-q=101", "-q=abc", "--subsampling=423", "--restart=x", "--restart=70000",
        "--bogus", "--threads-per-image=0", "--threads-per-image=257", "--threads-per-image=x"})
    void badArgumentsAreUsageErrors(String argument) throws IOException {
        Path png = TestImages.writePng(dir.resolve("a.png"), TestImages.gradient(8, 8));

        Cli.Result result = Cli.run("compress", argument, png);

        assertEquals(2, result.exitCode());
        assertFalse(result.err().isBlank());
        assertFalse(Files.exists(dir.resolve("a.jpg")));
    }

    @Test
    void noInputIsAUsageError() {
        assertEquals(2, Cli.run("compress").exitCode());
        assertEquals(2, Cli.run().exitCode());
    }
}
