package dev.tessera.jpeg.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.Settings;
import dev.tessera.jpeg.entropy.HuffmanEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.raster.PixelSources;
import dev.tessera.jpeg.simd.BlockGroups;
import dev.tessera.jpeg.simd.VectorSupportTest;
import dev.tessera.jpeg.spec.ZigZag;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The encoder's vector kernels change no byte: for a corpus of images (the generated test images, noise,
 * extremes, odd sizes and, when present, Kodak images from {@code /work/shared/corpus/kodak}), every sampling,
 * gray, and qualities from 1 to 100, the row encoder on the Vector API path gives exactly the quantized
 * coefficients of the scalar path for every MCU row. The entropy coder after it has one implementation, so
 * equal coefficients are equal files. Fails (not skips) in the build's run with {@code jdk.incubator.vector}
 * if the vector path was not chosen.
 */
class VectorEncodeIdentityTest {
    private static final Path KODAK = Path.of("/work/shared/corpus/kodak");

    @Test
    void vectorAndScalarPathsGiveTheSameCoefficients() throws IOException {
        VectorSupportTest.requireVector();
        int compared = 0;
        for (BufferedImage image : corpus()) {
            for (Subsampling s : new Subsampling[] {Subsampling.S420, Subsampling.S422, Subsampling.S444,
                Subsampling.S411, Subsampling.S440}) {
                for (int quality : new int[] {1, 50, 90, 100}) {
                    EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withSubsampling(s)
                        .withQuality(quality);
                    compare(PixelSources.of(image, 0xFFFFFF), options, s + " q" + quality);
                    compared++;
                }
            }
            // Trellis (the default quantizeGroup, block by block) and adaptive quantization (each block's
            // samples gathered out of the group layout) on the grouped path too.
            for (EncoderOptions options : new EncoderOptions[] {
                EncoderOptions.BASELINE_COMPATIBLE.withQuality(90).withTrellis(true),
                EncoderOptions.BASELINE_COMPATIBLE.withQuality(75).withAdaptiveQuantization(true),
                EncoderOptions.BASELINE_COMPATIBLE.withQuality(80).withSubsampling(Subsampling.S422)
                    .withTrellis(true).withAdaptiveQuantization(true)}) {
                compare(PixelSources.of(image, 0xFFFFFF), options, "trellis/adaptive q" + options.quality());
                compared++;
            }
            BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_BYTE_GRAY);
            gray.getGraphics().drawImage(image, 0, 0, null);
            compare(PixelSources.of(gray, 0xFFFFFF), EncoderOptions.BASELINE_COMPATIBLE.withQuality(95), "gray");
            compared++;
        }
        assertTrue(compared > 100, "compared " + compared);
    }

    private static void compare(PixelSource source, EncoderOptions options, String label) {
        EncodePlan plan = new EncodePlan(Settings.of(options), source.width(), source.height(),
            source.sampleLayout(), ImageMetadata.NONE);
        McuRowEncoder scalar = plan.rowEncoder(source, false);
        McuRowEncoder vector = plan.rowEncoder(source, true);
        short[][] expected = plan.newRow();
        short[][] actual = plan.newRow();
        int[][] expectedNatural = plan.newNaturalRow();
        int[][] actualNatural = plan.newNaturalRow();
        long[][] expectedMasks = new long[expected.length][];
        long[][] actualMasks = new long[expected.length][];
        for (int c = 0; c < expected.length; c++) {
            expectedMasks[c] = scalar.newMaskBuffer(c);
            actualMasks[c] = vector.newMaskBuffer(c);
        }
        for (int row = 0; row < plan.layout.mcuRows(); row++) {
            scalar.encodeRow(row, expected);
            vector.encodeRow(row, actual);
            // The first pass of optimized coding: natural order and masks, also alike on both paths.
            scalar.encodeRowNatural(row, expectedNatural, expectedMasks);
            vector.encodeRowNatural(row, actualNatural, actualMasks);
            for (int c = 0; c < expected.length; c++) {
                String where = label + " " + source.width() + "x" + source.height() + ", MCU row " + row
                    + ", component " + c;
                assertArrayEquals(expected[c], actual[c], where);
                assertArrayEquals(expectedMasks[c], actualMasks[c], where + ", masks");
                // Natural order in the group layout: every block's coefficients alike on both paths and equal to
                // the zig-zag output (the lanes past the last block of a line are padding, left unspecified).
                int perLine = plan.layout.blocksPerLine(c);
                int groupsPerLine = BlockGroups.groups(perLine);
                for (int b = 0; b < expectedMasks[c].length; b++) {
                    assertEquals(HuffmanEncoder.nonzeroMask(expected[c], b * 64), expectedMasks[c][b],
                        where + ", block " + b + " mask");
                    int base = BlockGroups.blockBase(b / perLine, groupsPerLine, b % perLine);
                    for (int k = 0; k < 64; k++) {
                        int at = base + 8 * ZigZag.toNatural(k);
                        assertEquals(expected[c][b * 64 + k], expectedNatural[c][at],
                            where + ", block " + b + ", zig-zag " + k);
                        assertEquals(expectedNatural[c][at], actualNatural[c][at],
                            where + ", natural order, block " + b + ", zig-zag " + k);
                    }
                }
            }
        }
    }

    private static List<BufferedImage> corpus() throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (Map.Entry<String, Supplier<BufferedImage>> e : TestImageGenerator.all().entrySet()) {
            images.add(e.getValue().get());
        }
        Random r = new Random(16);
        for (int[] size : new int[][] {{1, 1}, {7, 3}, {17, 9}, {37, 23}, {211, 97}}) {
            BufferedImage noise = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            BufferedImage extremes = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    noise.setRGB(x, y, r.nextInt() & 0xFFFFFF);
                    int v = ((x ^ y) & 1) == 0 ? 0xFFFFFF : 0;
                    extremes.setRGB(x, y, (x / 8 + y / 8) % 3 == 0 ? v : (x / 8) % 2 == 0 ? 0xFF0000 : 0x0000FF);
                }
            }
            images.add(noise);
            images.add(extremes);
        }
        if (Files.isDirectory(KODAK)) {
            for (int i = 1; i <= 24; i += 4) {
                images.add(ImageIO.read(KODAK.resolve(String.format("kodim%02d.png", i)).toFile()));
            }
        } else {
            System.out.println("VectorEncodeIdentityTest: " + KODAK + " is missing; Kodak images skipped");
        }
        return images;
    }
}
