package dev.tessera.jpeg.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.model.ImageInfo;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lossless and 12-bit seeds {@link SeedWriter} makes are what they claim: the decoder gives back the
 * lossless samples exactly and the 12-bit block means within the quantizer's rounding; the committed
 * arithmetic-coded seeds decode to the pixels of the Huffman-coded files they were transcoded from.
 */
class SeedWriterTest {
    private static final JpegDecoder DECODER = new JpegDecoder();

    /** Smooth ramps with noise, so every predictor sees non-zero differences of several sizes. */
    static int[][] samples(int components, int width, int height, int precision, long seed) {
        Random random = new Random(seed);
        int max = (1 << precision) - 1;
        int[][] s = new int[components][width * height];
        for (int c = 0; c < components; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int ramp = (x * 3 + y * 5 + c * 40) * max / (3 * width + 5 * height + 80);
                    int noise = random.nextInt(max / 16 + 1) - max / 32;
                    s[c][y * width + x] = Math.max(0, Math.min(max, ramp + noise + (x > y ? max / 4 : 0)));
                }
            }
        }
        return s;
    }

    @Test
    void losslessSeedsDecodeExactly() throws JpegException {
        int[][] cases = {{1, 8, 1}, {3, 8, 7}, {1, 12, 4}, {1, 16, 6}, {3, 16, 5}, {1, 2, 2}};
        for (int[] k : cases) {
            int components = k[0];
            int precision = k[1];
            int predictor = k[2];
            int width = 13;
            int height = 9;
            int[][] samples = samples(components, width, height, precision, precision * 10L + predictor);
            byte[] file = SeedWriter.lossless(width, height, precision, predictor, samples);
            String label = components + " components, P=" + precision + ", predictor " + predictor;
            ImageInfo info = DECODER.readInfo(file);
            assertEquals(precision, info.frame().precision(), label);
            Raster raster = DECODER.decode(file).getRaster();
            for (int c = 0; c < components; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        assertEquals(samples[c][y * width + x], raster.getSample(x, y, c),
                            label + " at " + x + "," + y + " component " + c);
                    }
                }
            }
        }
    }

    /** jpegtran's arithmetic transcoding is lossless (same coefficients), so the pixels must be the same. */
    @Test
    void arithmeticSeedsDecodeLikeTheirHuffmanOriginals() throws IOException {
        int compared = 0;
        for (String name : new String[] {"420-q75", "progressive-420", "gray-q75", "restart-1mcu"}) {
            byte[] huffman = seed("seed-" + name);
            byte[] arithmetic = seed("seed-arithmetic-" + name);
            assertTrue(DECODER.readInfo(arithmetic).frame().process().name().matches("SOF(9|10)"), name);
            BufferedImage a = DECODER.decode(huffman);
            BufferedImage b = DECODER.decode(arithmetic);
            assertArrayEquals((byte[]) a.getRaster().getDataElements(0, 0, a.getWidth(), a.getHeight(), null),
                (byte[]) b.getRaster().getDataElements(0, 0, b.getWidth(), b.getHeight(), null), name);
            compared++;
        }
        assertEquals(4, compared);
    }

    private static byte[] seed(String name) throws IOException {
        try (InputStream in = SeedWriterTest.class.getResourceAsStream("DecoderFuzzTestInputs/decode/" + name)) {
            assertNotNull(in, name + " is missing from the committed seed corpus");
            return in.readAllBytes();
        }
    }

    @Test
    void twelveBitSeedsKeepTheirBlockMeans() throws JpegException {
        for (int components : new int[] {1, 3}) {
            int width = 24;
            int height = 16;
            int[][] samples = samples(components, width, height, 12, components);
            byte[] file = SeedWriter.twelveBit(width, height, samples);
            assertEquals(12, DECODER.readInfo(file).frame().precision());
            BufferedImage image = DECODER.decode(file);
            Raster raster = image.getRaster();
            for (int c = 0; c < components; c++) {
                for (int by = 0; by < height / 8; by++) {
                    for (int bx = 0; bx < width / 8; bx++) {
                        double source = 0;
                        double decoded = 0;
                        for (int y = by * 8; y < by * 8 + 8; y++) {
                            for (int x = bx * 8; x < bx * 8 + 8; x++) {
                                source += samples[c][y * width + x];
                                decoded += raster.getSample(x, y, c);
                            }
                        }
                        // DC = sum / 8 quantized by 2: the mean moves by at most 1/8 of a level, plus clamping
                        // of the IDCT output at 0 and 4095 and its rounding (under 1 level).
                        double error = Math.abs(source - decoded) / 64;
                        assertTrue(error <= 1.5, "component " + c + " block " + bx + "," + by + ": mean off by "
                            + error);
                    }
                }
            }
        }
    }
}
