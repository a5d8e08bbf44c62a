package dev.tessera.jpeg.fuzz;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the seed inputs of the decoder and ImageIO fuzz targets: small files made by Tessera's own encoder in each mode
 * (subsamplings, grey, progressive, restart intervals, standard and optimized Huffman tables, metadata), and
 * small broken ones (truncations, flipped bytes, a header declaring 65535 x 65535). Run from the repository
 * root when the encoder's output changes:
 *
 * <pre>{@code
 * mvn -q -pl codec-core test-compile
 * java -cp "codec-core/target/classes:codec-core/target/test-classes" dev.tessera.jpeg.fuzz.FuzzSeeds \
 *     codec-core/src/test/resources/dev/tessera/jpeg/fuzz
 * }</pre>
 *
 * Files are named {@code seed-*}; crashes Jazzer adds ({@code crash-*}) are kept beside them. Existing seeds are
 * kept as they are (so the corpus does not churn when the encoder's output changes); delete one to rewrite it.
 * Lossless (SOF3) and 12-bit (SOF1) seeds come from {@link SeedWriter}; arithmetic-coded seeds (SOF9, SOF10) are
 * Tessera's own seeds transcoded by {@code jpegtran -arithmetic} (libjpeg-turbo) when it is on the path.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        Map<String, byte[]> seeds = seeds();
        // Transcode the committed files, which an older encoder may have written, so each arithmetic seed has
        // the coefficients of the Huffman seed beside it (SeedWriterTest compares their pixels).
        Path committed = root.resolve("DecoderFuzzTestInputs/decode");
        for (String name : List.of("420-q75", "progressive-420", "gray-q75", "restart-1mcu")) {
            Path source = committed.resolve("seed-" + name);
            byte[] arithmetic = arithmetic(Files.exists(source) ? Files.readAllBytes(source) : seeds.get(name));
            if (arithmetic != null) {
                seeds.put("arithmetic-" + name, arithmetic);
            }
        }
        for (String method : List.of("DecoderFuzzTestInputs/decode", "DecoderFuzzTestInputs/readInfo",
            "ImageIoFuzzTestInputs/read")) {
            Path dir = Files.createDirectories(root.resolve(method));
            for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
                Path file = dir.resolve("seed-" + e.getKey());
                if (!Files.exists(file)) {
                    Files.write(file, e.getValue());
                }
            }
        }
        System.out.println(seeds.size() + " seeds in each of " + root);
    }

    /** The seeds by name; deterministic. */
    public static Map<String, byte[]> seeds() throws IOException {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        EncoderOptions base = EncoderOptions.DEFAULT;
        seeds.put("420-q75", encode(base, 24, 17, false));
        seeds.put("444-q90", encode(base.withSubsampling(Subsampling.S444).withQuality(90), 17, 9, false));
        seeds.put("422-q50-annexk", encode(base.withSubsampling(Subsampling.S422).withQuality(50)
            .withOptimizeHuffman(false), 19, 16, false));
        seeds.put("440-q30", encode(base.withSubsampling(Subsampling.S440).withQuality(30), 9, 21, false));
        seeds.put("411-q100", encode(base.withSubsampling(Subsampling.S411).withQuality(100), 33, 8, false));
        seeds.put("gray-q75", encode(base, 16, 16, true));
        seeds.put("progressive-420", encode(base.withProgressive(true), 24, 24, false));
        seeds.put("progressive-gray", encode(base.withProgressive(true).withQuality(60), 20, 11, true));
        seeds.put("progressive-444-restart", encode(base.withProgressive(true).withSubsampling(Subsampling.S444)
            .withRestartInterval(RestartInterval.mcus(2)), 17, 17, false));
        seeds.put("restart-1mcu", encode(base.withRestartInterval(RestartInterval.mcus(1)), 32, 16, false));
        seeds.put("restart-row-annexk", encode(base.withRestartInterval(RestartInterval.mcuRows(1))
            .withOptimizeHuffman(false), 16, 32, false));
        seeds.put("1x1", encode(base, 1, 1, false));
        ImageMetadata meta = ImageMetadata.NONE.withComments(List.of("tessera fuzz seed"))
            .withExif(exif()).withIccProfile(new byte[300]);
        seeds.put("metadata", encode(base.withQuality(40), 8, 8, false, meta));

        seeds.put("lossless-gray8-p1", SeedWriter.lossless(13, 9, 8, 1, SeedWriterTest.samples(1, 13, 9, 8, 1)));
        seeds.put("lossless-rgb8-p7", SeedWriter.lossless(10, 7, 8, 7, SeedWriterTest.samples(3, 10, 7, 8, 2)));
        seeds.put("lossless-gray12-p4", SeedWriter.lossless(9, 9, 12, 4, SeedWriterTest.samples(1, 9, 9, 12, 3)));
        seeds.put("lossless-rgb16-p5", SeedWriter.lossless(6, 5, 16, 5, SeedWriterTest.samples(3, 6, 5, 16, 4)));
        seeds.put("12bit-gray", SeedWriter.twelveBit(16, 16, SeedWriterTest.samples(1, 16, 16, 12, 5)));
        seeds.put("12bit-rgb", SeedWriter.twelveBit(16, 8, SeedWriterTest.samples(3, 16, 8, 12, 6)));
        byte[] good = seeds.get("420-q75");
        seeds.put("broken-truncated-header", Arrays.copyOf(good, 40));
        seeds.put("broken-truncated-scan", Arrays.copyOf(good, good.length * 3 / 4));
        byte[] progressive = seeds.get("progressive-420");
        seeds.put("broken-truncated-progressive", Arrays.copyOf(progressive, progressive.length * 2 / 3));
        Random random = new Random(8);
        for (int i = 0; i < 3; i++) {
            byte[] copy = (i == 2 ? progressive : good).clone();
            for (int k = 0; k < 4; k++) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            seeds.put("broken-flipped-" + i, copy);
        }
        // SOI, SOF0 declaring 65535 x 65535 with one component, EOI.
        seeds.put("broken-huge-frame", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 1, 0x11, 0, (byte) 0xFF, (byte) 0xD9});
        // SOI, SOF0 declaring height 0 (a DNL file, which libjpeg and Tessera do not decode), SOS, EOI.
        seeds.put("broken-height-zero", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8,
            0, 0, 0, 16, 1, 1, 0x11, 0, (byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0, 0x12, 0x34, (byte) 0xFF,
            (byte) 0xD9});
        return seeds;
    }

    private static byte[] encode(EncoderOptions options, int width, int height, boolean gray) throws IOException {
        return encode(options, width, height, gray, ImageMetadata.NONE);
    }

    private static byte[] encode(EncoderOptions options, int width, int height, boolean gray, ImageMetadata meta)
        throws IOException {
        PixelFormat format = gray ? PixelFormat.GRAY8 : PixelFormat.RGB8;
        byte[] pixels = new byte[width * height * format.bytesPerPixel()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < format.bytesPerPixel(); c++) {
                    // A diagonal ramp per channel with a sharp edge: non-trivial AC coefficients.
                    int v = (x * 255 / Math.max(1, width - 1) + c * 80 + (x > y ? 60 : 0)) & 0xFF;
                    pixels[(y * width + x) * format.bytesPerPixel() + c] = (byte) v;
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(options).encode(pixels, width, height, format, meta, out);
        return out.toByteArray();
    }

    /** The file transcoded to arithmetic coding by {@code jpegtran -arithmetic}, or null without jpegtran. */
    private static byte[] arithmetic(byte[] jpeg) throws IOException {
        Path in = Files.createTempFile("seed", ".jpg");
        try {
            Files.write(in, jpeg);
            Process p = new ProcessBuilder("jpegtran", "-copy", "none", "-arithmetic", in.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && out.length > 0 ? out : null;
        } catch (IOException e) {
            System.out.println("jpegtran not found: no arithmetic-coded seeds (" + e.getMessage() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            Files.deleteIfExists(in);
        }
    }

    /** A minimal big-endian TIFF header with no entries. */
    private static byte[] exif() {
        byte[] tiff = "MM\0*\0\0\0\b\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        return tiff;
    }
}
