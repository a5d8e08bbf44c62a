package dev.tessera.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each ImageIO benchmark's setup (with its correctness guards) and one invocation of each benchmark
 * method on kodim01 (768x512), for every plugin. No timing.
 */
class ImageIoBenchmarkSetupTest {

    @ParameterizedTest
    @CsvSource({"tessera, 420", "jdk, 420", "direct, 420", "tessera, gray", "jdk, progressive",
        "direct, progressive"})
    void decodeMethodsRunOnTheChosenPlugin(String plugin, String kind) throws IOException {
        ImageIoDecodeBenchmark bench = new ImageIoDecodeBenchmark();
        bench.plugin = plugin;
        bench.image = "kodak";
        bench.kind = kind;
        bench.setUp();
        try {
            if (!plugin.equals("direct")) {
                String readerClass = ImageIoPlugins.readerClass(plugin);
                assertEquals(readerClass, bench.reader.getClass().getName());
                // What ImageIO.read picks while the benchmark runs.
                try (ImageInputStream in = ImageIO.createImageInputStream(bench.input.file.toFile())) {
                    assertEquals(readerClass, ImageIO.getImageReaders(in).next().getClass().getName());
                }
            }
            BufferedImage reference = bench.readerMemoryStream();
            assertEquals(768, reference.getWidth());
            assertEquals(512, reference.getHeight());
            for (BufferedImage decoded : List.of(bench.imageIoReadFile(), bench.imageIoReadStream(),
                bench.readerFileStream())) {
                assertTrue(ImageIoInput.samePixels(reference, decoded), plugin + ": the four calls agree");
            }
        } finally {
            bench.tearDown();
        }
        assertTesseraFirst();
        assertTrue(Files.notExists(bench.input.file), "the temporary file is deleted");
    }

    @ParameterizedTest
    @CsvSource({"tessera, 420", "jdk, 420", "direct, 420", "tessera, gray", "jdk, gray", "direct, gray"})
    void everyReadParamRunsOrIsRefusedInSetup(String plugin, String kind) throws IOException {
        for (String readParam : List.of("default", "int-rgb", "3byte-bgr", "byte-gray", "region", "subsample")) {
            ImageIoDecodeParamBenchmark bench = new ImageIoDecodeParamBenchmark();
            bench.plugin = plugin;
            bench.image = "kodak";
            bench.kind = kind;
            bench.readParam = readParam;
            // The JDK's reader has no TYPE_INT_RGB; both offer gray for a colour file (its luma).
            boolean refused = readParam.equals("int-rgb") && plugin.equals("jdk");
            if (refused) {
                IllegalStateException e = assertThrows(IllegalStateException.class, bench::setUp);
                assertTrue(e.getMessage().startsWith(ImageIoDecodeParamBenchmark.REFUSED), e.getMessage());
                continue;
            }
            bench.setUp();
            try {
                BufferedImage decoded = bench.readerParam();
                int w = switch (readParam) {
                    case "region" -> plugin.equals("direct") ? 768 : 384;
                    case "subsample" -> 384;
                    default -> 768;
                };
                assertEquals(w, decoded.getWidth(), plugin + " " + readParam);
                if (readParam.equals("int-rgb") && !plugin.equals("direct")) {
                    assertEquals(BufferedImage.TYPE_INT_RGB, decoded.getType());
                }
                if (readParam.equals("byte-gray")) {
                    assertEquals(BufferedImage.TYPE_BYTE_GRAY, decoded.getType());
                }
            } finally {
                bench.tearDown();
            }
        }
        assertTesseraFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tessera", "jdk", "direct"})
    void encodeMethodsRunOnTheChosenWriter(String plugin) throws IOException {
        for (String imageType : List.of("int-rgb", "3byte-bgr", "byte-gray")) {
            ImageIoEncodeBenchmark bench = new ImageIoEncodeBenchmark();
            bench.plugin = plugin;
            bench.image = "kodak";
            bench.imageType = imageType;
            bench.setUp();
            try {
                if (!plugin.equals("direct")) {
                    assertEquals(ImageIoPlugins.writerClass(plugin), bench.writer.getClass().getName());
                    assertEquals(ImageIoPlugins.writerClass(plugin), ImageIO.getImageWriters(
                        ImageTypeSpecifier.createFromRenderedImage(bench.pixels), "jpeg").next().getClass().getName());
                }
                for (int run = 0; run < 2; run++) {
                    int size = run == 0 ? bench.imageIoWrite() : bench.writerExplicit();
                    byte[] jpeg = bench.lastOutput();
                    assertEquals(size, jpeg.length);
                    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
                    assertEquals(768, decoded.getWidth());
                    assertEquals(imageType.equals("byte-gray") ? 1 : 3, decoded.getRaster().getNumBands());
                }
            } finally {
                bench.tearDown();
            }
        }
        assertTesseraFirst();
    }

    @Test
    void tesseraThroughImageIoWritesTheDirectBytes() throws IOException {
        byte[][] outputs = new byte[2][];
        String[] plugins = {"tessera", "direct"};
        for (int i = 0; i < 2; i++) {
            ImageIoEncodeBenchmark bench = new ImageIoEncodeBenchmark();
            bench.plugin = plugins[i];
            bench.image = "kodak";
            bench.imageType = "int-rgb";
            bench.setUp();
            bench.writerExplicit();
            outputs[i] = bench.lastOutput();
            bench.tearDown();
        }
        assertArrayEquals(outputs[0], outputs[1]);
        assertEquals(90, ImageIoEncodeBenchmark.ijgQuality(0.9f));
    }

    @Test
    void aPathIsDecodedAsItIsAndAJarEntryIsCopied(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        byte[] jpeg = DecodeInputs.encode(BenchImage.synthetic().image(), "420");
        Path file = dir.resolve("x.jpg");
        Files.write(file, jpeg);
        assertThrows(IllegalArgumentException.class, () -> ImageIoInput.load(file.toString(), "420"));
        try (ImageIoInput input = ImageIoInput.load(file.toString(), ImageIoInput.AS_IS)) {
            assertArrayEquals(jpeg, input.bytes);
            assertEquals(file, input.file);
        }
        assertTrue(Files.exists(file), "a given file is not deleted");
        Path jar = dir.resolve("x.jar");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("jpeg/x.jpg"));
            zip.write(jpeg);
        }
        try (ImageIoInput input = ImageIoInput.load(jar + "!/jpeg/x.jpg", ImageIoInput.AS_IS)) {
            assertArrayEquals(jpeg, Files.readAllBytes(input.file));
            assertEquals(0.393216, input.megapixels(), 1e-9);
        }
        assertEquals(4.05504, ImageIoInput.megapixels("photo", "420"), 1e-9);
        assertTrue(Double.isNaN(ImageIoInput.megapixels("no/such.jpg", ImageIoInput.AS_IS)));
    }

    /** The benchmarks leave the registry as they found it: Tessera's plugin first. */
    private static void assertTesseraFirst() {
        ImageReader first = ImageIO.getImageReadersByFormatName("jpeg").next();
        assertEquals(ImageIoPlugins.TESSERA_READER, first.getClass().getName());
        assertEquals(ImageIoPlugins.TESSERA_WRITER,
            ImageIO.getImageWritersByFormatName("jpeg").next().getClass().getName());
    }
}
