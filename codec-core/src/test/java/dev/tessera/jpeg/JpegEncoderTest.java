package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.metrics.Psnr;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.JdkJpeg;
import dev.tessera.testing.Pnm;
import dev.tessera.testing.TestImageGenerator;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JpegEncoderTest {

    private static byte[] encode(EncoderOptions options, BufferedImage image) throws IOException {
        return new JpegEncoder(options).encode(image);
    }

    private static BufferedImage convert(BufferedImage source, int type) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return out;
    }

    /** A smooth colour pattern of any size. */
    private static BufferedImage pattern(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 128 + (int) (100 * Math.sin(x / 9.0));
                int g = 128 + (int) (100 * Math.cos(y / 7.0));
                int b = 128 + (int) (100 * Math.sin((x + y) / 13.0));
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /**
     * The JDK's reader and djpeg both refuse dimensions above 65500 (libjpeg's JPEG_MAX_DIMENSION, not a
     * T.81 limit), so 65535-wide images are checked with Tessera's own decoder in JpegRoundTripTest.
     */
    private static final int JDK_READER_MAX = 65500;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1,1", "7,9", "17,8", "8,17", "1,1000", "1000,1", "65500,1", "1,65500", "33,33", "16,16"})
    void oddSizesRoundTrip(int width, int height) throws Exception {
        ExternalTool djpeg = ExternalTool.require("djpeg");
        ExternalTool cjpeg = ExternalTool.require("cjpeg");
        BufferedImage source = pattern(width, height);
        Pnm.Pixels input = Pnm.of(source);
        for (Subsampling s : Subsampling.values()) {
            byte[] jpeg = encode(EncoderOptions.BASELINE_COMPATIBLE.withQuality(90).withSubsampling(s), source);
            if (width <= JDK_READER_MAX && height <= JDK_READER_MAX) {
                JdkJpeg.Decoded decoded = JdkJpeg.decode(jpeg);
                assertEquals(List.of(), decoded.warnings());
                assertEquals(width, decoded.image().getWidth());
                assertEquals(height, decoded.image().getHeight());
            }
            ExternalTool.Result r = djpeg.run(jpeg, "-pnm");
            assertTrue(r.clean(), "djpeg: " + r.stderr());
            Pnm.Pixels ours = Pnm.read(r.stdout());
            assertEquals(width, ours.width());
            assertEquals(height, ours.height());
            double psnr = Psnr.of(input.samples(), ours.samples());
            byte[] reference = cjpeg.run(Pnm.write(input), "-quality", "90", "-optimize", "-sample",
                s.lumaHorizontal() + "x" + s.lumaVertical()).stdout();
            double referencePsnr = Psnr.of(input.samples(), Pnm.read(djpeg.run(reference, "-pnm").stdout()).samples());
            assertTrue(psnr >= referencePsnr - 0.1, s + ": PSNR " + psnr + ", cjpeg " + referencePsnr);
            // A smooth pattern at q90: below 30 dB means a misplaced block or a broken edge.
            assertTrue(psnr > 30, s + ": PSNR " + psnr);
        }
    }

    @Test
    void qualityLadderIsMonotonicAndBounded() throws Exception {
        BufferedImage source = TestImageGenerator.landscape();
        int[] qualities = {10, 25, 50, 75, 90, 95, 100};
        // Lower bounds on PSNR at each quality for 4:4:4 (measured on this image, minus about 1 dB).
        double[] minPsnr = {26, 29.5, 32.5, 35.5, 40, 43, 48};
        double previousPsnr = 0;
        int previousSize = 0;
        for (int i = 0; i < qualities.length; i++) {
            byte[] jpeg = encode(EncoderOptions.BASELINE_COMPATIBLE.withQuality(qualities[i]).withSubsampling(Subsampling.S444),
                source);
            double psnr = Psnr.rgb(source, JdkJpeg.decode(jpeg).image());
            System.out.printf("ladder q%d: %d bytes, PSNR %.2f dB%n", qualities[i], jpeg.length, psnr);
            assertTrue(psnr >= minPsnr[i], "q" + qualities[i] + ": PSNR " + psnr);
            assertTrue(psnr > previousPsnr, "PSNR must rise with quality");
            assertTrue(jpeg.length > previousSize, "size must rise with quality");
            previousPsnr = psnr;
            previousSize = jpeg.length;
        }
    }

    @Test
    void everyInputPathGivesTheSameBytes() throws Exception {
        BufferedImage base = TestImageGenerator.colorBars();
        EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE;
        byte[] expected = encode(options, base);
        int[] types = {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_4BYTE_ABGR_PRE};
        for (int type : types) {
            assertArrayEquals(expected, encode(options, convert(base, type)), "image type " + type);
        }
        byte[] rgb = Pnm.of(base).samples();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        new JpegEncoder(options).encode(rgb, base.getWidth(), base.getHeight(), PixelFormat.RGB8,
            ImageMetadata.NONE, raw);
        assertArrayEquals(expected, raw.toByteArray(), "raw RGB array");
        // A custom byte layout (R, G, B bands in that order) takes the interleaved reader.
        BufferedImage custom = new BufferedImage(
            new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(
                java.awt.color.ColorSpace.CS_sRGB), false, false, java.awt.Transparency.OPAQUE,
                java.awt.image.DataBuffer.TYPE_BYTE),
            java.awt.image.Raster.createInterleavedRaster(new DataBufferByte(rgb.clone(), rgb.length),
                base.getWidth(), base.getHeight(), 3 * base.getWidth(), 3, new int[] {0, 1, 2}, null),
            false, null);
        assertArrayEquals(expected, encode(options, custom), "custom RGB byte raster");
    }

    @Test
    void indexedImagesTakeTheGeneralPath() throws Exception {
        // A 6x6x6 colour cube palette; pixels pick entries, so the RGB version is exact.
        byte[] r = new byte[216];
        byte[] g = new byte[216];
        byte[] b = new byte[216];
        for (int i = 0; i < 216; i++) {
            r[i] = (byte) (i / 36 * 51);
            g[i] = (byte) (i / 6 % 6 * 51);
            b[i] = (byte) (i % 6 * 51);
        }
        BufferedImage indexed = new BufferedImage(90, 50, BufferedImage.TYPE_BYTE_INDEXED,
            new java.awt.image.IndexColorModel(8, 216, r, g, b));
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 90; x++) {
                indexed.getRaster().setSample(x, y, 0, (x / 5 + y * 7) % 216);
            }
        }
        BufferedImage rgb = convert(indexed, BufferedImage.TYPE_INT_RGB);
        assertArrayEquals(encode(EncoderOptions.BASELINE_COMPATIBLE, rgb), encode(EncoderOptions.BASELINE_COMPATIBLE, indexed));
    }

    @Test
    void grayInputPathsGiveTheSameOneComponentFile() throws Exception {
        int w = 70;
        int h = 45;
        BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage gray16 = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        byte[] raw = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 255 / w + y) & 0xFF;
                gray.getRaster().setSample(x, y, 0, v);
                gray16.getRaster().setSample(x, y, 0, v * 257);
                raw[y * w + x] = (byte) v;
            }
        }
        byte[] expected = encode(EncoderOptions.BASELINE_COMPATIBLE, gray);
        assertArrayEquals(expected, encode(EncoderOptions.BASELINE_COMPATIBLE, gray16), "16-bit gray");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE).encode(raw, w, h, PixelFormat.GRAY8, ImageMetadata.NONE, out);
        assertArrayEquals(expected, out.toByteArray(), "raw gray array");
        // One component in SOF0 (T.81 B.2.2 Nf = 1).
        int sof = indexOf(expected, 0xFF, 0xC0);
        assertEquals(1, expected[sof + 9]);
        assertEquals(1, JdkJpeg.decode(expected).image().getRaster().getNumBands());
    }

    @Test
    void transparentPixelsAreCompositedOntoTheBackground() throws Exception {
        BufferedImage clear = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB); // alpha 0 everywhere
        BufferedImage white = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        BufferedImage red = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                white.setRGB(x, y, 0xFFFFFF);
                red.setRGB(x, y, 0xFF0000);
            }
        }
        assertArrayEquals(encode(EncoderOptions.BASELINE_COMPATIBLE, white), encode(EncoderOptions.BASELINE_COMPATIBLE, clear));
        EncoderOptions onRed = EncoderOptions.BASELINE_COMPATIBLE.withBackground(0xFF0000);
        assertArrayEquals(encode(onRed, red), encode(onRed, clear));
    }

    @Test
    void writesMetadataSegmentsInOrder() throws Exception {
        byte[] icc = new byte[150_000]; // three APP2 chunks of at most 65519 bytes (ICC.1 B.4)
        for (int i = 0; i < icc.length; i++) {
            icc[i] = (byte) (i * 31);
        }
        byte[] exif = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0};
        ImageMetadata metadata = ImageMetadata.NONE
            .withJfif(dev.tessera.jpeg.model.JfifHeader.dotsPerInch(300, 150))
            .withExif(exif).withIccProfile(icc).withComments(List.of("made by Tessera"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE).encode(TestImageGenerator.gradient(), metadata, out);
        byte[] jpeg = out.toByteArray();

        List<Integer> markers = new ArrayList<>();
        ByteArrayOutputStream iccBack = new ByteArrayOutputStream();
        int p = 2;
        assertEquals(0xFFD8, ((jpeg[0] & 0xFF) << 8) | (jpeg[1] & 0xFF));
        while (true) {
            assertEquals(0xFF, jpeg[p] & 0xFF);
            int marker = jpeg[p + 1] & 0xFF;
            markers.add(marker);
            int length = ((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF);
            if (marker == 0xE0) {
                assertEquals("JFIF", new String(jpeg, p + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
                assertEquals(1, jpeg[p + 11]); // units: dots per inch
                assertEquals(300, ((jpeg[p + 12] & 0xFF) << 8) | (jpeg[p + 13] & 0xFF));
                assertEquals(150, ((jpeg[p + 14] & 0xFF) << 8) | (jpeg[p + 15] & 0xFF));
            } else if (marker == 0xE1) {
                assertEquals("Exif", new String(jpeg, p + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
                assertArrayEquals(exif, java.util.Arrays.copyOfRange(jpeg, p + 10, p + 2 + length));
            } else if (marker == 0xE2) {
                int sequence = jpeg[p + 16];
                assertEquals(iccBack.size() / 65519 + 1, sequence);
                assertEquals(3, jpeg[p + 17]);
                iccBack.write(jpeg, p + 18, length - 16);
            } else if (marker == 0xFE) {
                assertEquals("made by Tessera",
                    new String(jpeg, p + 4, length - 2, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            if (marker == 0xDA) {
                break;
            }
            p += 2 + length;
        }
        assertArrayEquals(icc, iccBack.toByteArray(), "ICC chunks reassemble to the profile");
        assertEquals(List.of(0xE0, 0xE1, 0xE2, 0xE2, 0xE2, 0xFE, 0xDB, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4, 0xC4, 0xDA),
            markers);
        assertEquals(0xFFD9, ((jpeg[jpeg.length - 2] & 0xFF) << 8) | (jpeg[jpeg.length - 1] & 0xFF));
        if (ExternalTool.find("djpeg").isPresent()) {
            assertTrue(ExternalTool.find("djpeg").get().run(jpeg, "-pnm").clean());
        }
    }

    @Test
    void realIccProfileIsReadBackByTheJdk() throws Exception {
        byte[] srgb = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE).encode(TestImageGenerator.gradient(), ImageMetadata.NONE.withIccProfile(srgb), out);
        JdkJpeg.Decoded d = JdkJpeg.decode(out.toByteArray());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void badArgumentsNameTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EncoderOptions.BASELINE_COMPATIBLE.withQuality(0));
        assertTrue(e.getMessage().contains("1..100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EncoderOptions.BASELINE_COMPATIBLE.withQuality(101));
        assertThrows(IllegalArgumentException.class, () -> EncoderOptions.BASELINE_COMPATIBLE.withChromaQuality(0));
        JpegEncoder encoder = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e = assertThrows(IllegalArgumentException.class,
            () -> encoder.encode(new byte[0], 0, 10, PixelFormat.GRAY8, ImageMetadata.NONE, out));
        assertTrue(e.getMessage().contains("65535"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> encoder.encode(new byte[10], 65536, 1, PixelFormat.GRAY8, ImageMetadata.NONE, out));
        assertTrue(e.getMessage().contains("65535"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> encoder.encode(new byte[10], 10, 10, PixelFormat.GRAY8, ImageMetadata.NONE, out));
        e = assertThrows(IllegalArgumentException.class, () -> encoder.encode((BufferedImage) null, out));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JpegEncoder(null));
        assertThrows(IllegalArgumentException.class, () -> RestartInterval.mcus(65536));
        assertThrows(IllegalArgumentException.class, () -> Subsampling.parse("4:3:1"));
        assertTrue(out.size() == 0, "nothing is written for rejected arguments");
    }

    @Test
    void restartIntervalInRowsIsCheckedAgainstTheDriLimit() {
        BufferedImage wide = new BufferedImage(65535, 8, BufferedImage.TYPE_BYTE_GRAY);
        JpegEncoder encoder = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withRestartInterval(RestartInterval.mcuRows(8)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> encoder.encode(wide, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("65535"), e.getMessage());
    }

    @Test
    void oneEncoderServesManyThreads() throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        TestImageGenerator.all().values().forEach(s -> images.add(s.get()));
        JpegEncoder encoder = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withQuality(85));
        List<byte[]> expected = new ArrayList<>();
        for (BufferedImage img : images) {
            expected.add(encoder.encode(img));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (BufferedImage img : images) {
                    results.add(pool.submit(() -> encoder.encode(img)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(expected.get(i % images.size()), results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int indexOf(byte[] data, int a, int b) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == a && (data[i + 1] & 0xFF) == b) {
                return i;
            }
        }
        return -1;
    }
}
