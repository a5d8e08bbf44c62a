package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.DensityUnit;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCarryTest {
    /** A real non-sRGB RGB profile that ships with every JDK. */
    private static final byte[] LINEAR_RGB = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    private static final byte[] EXIF = TestImages.minimalExif("tessera test");

    @TempDir
    Path dir;

    /** A JPEG input with EXIF, an ICC profile and 300 dpi, written by our own encoder. */
    private Path jpegWithMetadata(BufferedImage image) throws IOException {
        Path file = dir.resolve("camera.jpg");
        ImageMetadata metadata = ImageMetadata.NONE.withExif(EXIF).withIccProfile(LINEAR_RGB)
            .withJfif(JfifHeader.dotsPerInch(300, 300));
        try (OutputStream out = Files.newOutputStream(file)) {
            new JpegEncoder(EncoderOptions.DEFAULT.withQuality(95)).encode(image, metadata, out);
        }
        return file;
    }

    @Test
    void exifAndIccFromJpegAreKept() throws IOException {
        Path input = jpegWithMetadata(TestImages.gradient(32, 32));

        Cli.Result result = Cli.run("compress", input, "-o", dir.resolve("out.jpg"));

        assertEquals(0, result.exitCode(), result.err());
        List<TestImages.Segment> segments = TestImages.segments(dir.resolve("out.jpg"));
        assertArrayEquals(EXIF, TestImages.exif(segments));
        assertArrayEquals(LINEAR_RGB, TestImages.icc(segments));
        TestImages.Segment jfif = segments.get(0);
        assertEquals(0xFFE0, jfif.marker());
        // T.871 10.1: units 1 (dots per inch), Xdensity 300.
        assertEquals(DensityUnit.DOTS_PER_INCH.code(), jfif.payload()[7]);
        assertEquals(300, (jfif.payload()[8] & 0xFF) << 8 | jfif.payload()[9] & 0xFF);
    }

    @Test
    void stripMetadataDropsExifAndIcc() throws IOException {
        Path input = jpegWithMetadata(TestImages.gradient(32, 32));

        Cli.Result result = Cli.run("compress", "--strip-metadata", input, "-o", dir.resolve("out.jpg"));

        assertEquals(0, result.exitCode(), result.err());
        List<TestImages.Segment> segments = TestImages.segments(dir.resolve("out.jpg"));
        assertTrue(segments.stream().noneMatch(s -> s.marker() == 0xFFE1 || s.marker() == 0xFFE2));
        assertEquals(32, ImageIO.read(dir.resolve("out.jpg").toFile()).getWidth());
    }

    @Test
    void exifFromCameraJpegIsKeptByteForByte() throws IOException {
        Path input = TestImages.resource("/jpeg/jfif-jfif-and-exif-thumbnail-sharpshot-iphone.jpg", dir);
        byte[] exif = TestImages.exif(TestImages.segments(input));
        assertNotNull(exif);

        Cli.Result result = Cli.run("compress", input);

        assertEquals(0, result.exitCode(), result.err());
        Path output = dir.resolve("jfif-jfif-and-exif-thumbnail-sharpshot-iphone.tessera.jpg");
        assertArrayEquals(exif, TestImages.exif(TestImages.segments(output)));
    }

    @Test
    void multiChunkCmykProfileIsNotCarriedIntoAnRgbOutput() throws IOException {
        Path input = TestImages.resource("/jpeg/cmyk-sample-multiple-chunk-icc.jpg", dir);

        Cli.Result result = Cli.run("compress", "--verbose", input, "-o", dir.resolve("out.jpg"));

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("profile dropped"), result.err());
        assertNull(TestImages.icc(TestImages.segments(dir.resolve("out.jpg"))));
    }

    @Test
    void iccSamplesAreCarriedUnconverted() throws IOException {
        // Linear-light (200, 100, 50) would become about (228, 170, 124) if converted to sRGB.
        Path input = jpegWithMetadata(TestImages.solid(16, 16, 0xC86432));

        assertEquals(0, Cli.run("compress", "-q", "100", input, "-o", dir.resolve("out.jpg")).exitCode());

        assertMeanColour(0xC86432, dir.resolve("out.jpg"));
    }

    @Test
    void iccAndExifFromPngAreKeptAndSamplesUnconverted() throws IOException {
        byte[] png = Files.readAllBytes(TestImages.writePng(dir.resolve("plain.png"),
            TestImages.solid(16, 16, 0xC86432)));
        png = TestImages.insertPngChunk(png, "iCCP", TestImages.iccpChunk("linear", LINEAR_RGB));
        png = TestImages.insertPngChunk(png, "eXIf", EXIF);
        // PNG 11.3.5.3 pHYs: 11811 pixels per metre is 300 dpi.
        png = TestImages.insertPngChunk(png, "pHYs",
            ByteBuffer.allocate(9).putInt(11811).putInt(11811).put((byte) 1).array());
        Path input = Files.write(dir.resolve("profiled.png"), png);

        Cli.Result result = Cli.run("compress", "-q", "100", input);

        assertEquals(0, result.exitCode(), result.err());
        Path output = dir.resolve("profiled.jpg");
        List<TestImages.Segment> segments = TestImages.segments(output);
        assertArrayEquals(LINEAR_RGB, TestImages.icc(segments));
        assertArrayEquals(EXIF, TestImages.exif(segments));
        assertEquals(300, (segments.get(0).payload()[8] & 0xFF) << 8 | segments.get(0).payload()[9] & 0xFF);
        assertMeanColour(0xC86432, output);
    }

    @Test
    void adobeRgbProfileFromCameraJpegIsKeptWithUnconvertedSamples() throws IOException {
        Path input = TestImages.resource("/jpeg/cmm-exception-adobe-rgb.jpg", dir);
        byte[] profile = TestImages.icc(TestImages.segments(input));
        assertNotNull(profile);

        Cli.Result result = Cli.run("compress", "-q", "100", "--subsampling", "444", input, "-o", dir.resolve("o.jpg"));

        assertEquals(0, result.exitCode(), result.err());
        assertArrayEquals(profile, TestImages.icc(TestImages.segments(dir.resolve("o.jpg"))));
        assertMeanColour(meanColour(input), dir.resolve("o.jpg"));
    }

    /** Decodes {@code jpeg} with its APP2 segments removed, so no decoder can apply the profile. */
    private static void assertMeanColour(int expected, Path jpeg) throws IOException {
        int got = meanColour(jpeg);
        for (int shift = 16; shift >= 0; shift -= 8) {
            int want = expected >> shift & 0xFF;
            int found = got >> shift & 0xFF;
            assertTrue(Math.abs(found - want) <= 3, "channel at bit " + shift + ": expected about " + want
                + ", found " + found);
        }
    }

    /** The mean 0xRRGGBB of {@code jpeg} decoded with its APP2 segments removed. */
    private static int meanColour(Path jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(TestImages.withoutApp2(Files.readAllBytes(jpeg))));
        long r = 0;
        long g = 0;
        long b = 0;
        int n = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                r += rgb >> 16 & 0xFF;
                g += rgb >> 8 & 0xFF;
                b += rgb & 0xFF;
            }
        }
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }
}
