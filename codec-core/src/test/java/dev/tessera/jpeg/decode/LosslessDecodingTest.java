package dev.tessera.jpeg.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.Settings;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.testing.Corpus;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lossless JPEG (T.81 Annex H, SOF3) against reference samples: the T.83 compliance streams O1 (8-bit) and
 * O2 (16-bit) against the source data {A,B,C,D}16.SRC, image-rs's lossless reference PNGs (predictors 1 to 7,
 * 8, 10, 12 and 16 bits), and libjpeg-turbo's 210 lossless fuzzing seeds (2..16 bits, every predictor, point
 * transforms) for consistency: the same image coded with other predictors or point transforms must decode
 * to the same samples once the point-transformed low bits are masked.
 */
class LosslessDecodingTest {
    private static final String T83 = "corpus/conformance/itu-t83/";

    /** T.83 components A..D of the 255x257 test image: sampling 1x1, 1x2, 3x1, 1x4 (Hmax 3, Vmax 4). */
    private static final int[][] T83_SIZES = {{85, 65}, {85, 129}, {255, 65}, {85, 257}};

    /** The whole component planes (DecodePipeline.decodeSamples), as arrays. */
    static short[][] samples(byte[] jpeg) throws JpegException {
        SamplePlane[] planes = new DecodePipeline(jpeg, Settings.of(DecoderOptions.DEFAULT)).decodeSamples();
        short[][] out = new short[planes.length][];
        for (int i = 0; i < planes.length; i++) {
            out[i] = planes[i].data();
        }
        return out;
    }

    private static int[] source16(Path dir, String name) throws IOException {
        byte[] b = Files.readAllBytes(dir.resolve("reference").resolve(name + "16.SRC"));
        int[] s = new int[b.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        return s;
    }

    private static void compareT83(String stream, int shift) throws IOException {
        Path dir = Corpus.requireShared(T83);
        short[][] planes = samples(Files.readAllBytes(dir.resolve(stream)));
        assertEquals(4, planes.length);
        String[] names = {"A", "B", "C", "D"};
        for (int c = 0; c < 4; c++) {
            int[] expected = source16(dir, names[c]);
            assertEquals(T83_SIZES[c][0] * T83_SIZES[c][1], expected.length, names[c]);
            assertEquals(expected.length, planes[c].length, stream + " component " + names[c] + " size");
            for (int i = 0; i < expected.length; i++) {
                if ((planes[c][i] & 0xFFFF) != expected[i] >> shift) {
                    fail(stream + " component " + names[c] + " sample " + (i % T83_SIZES[c][0]) + ","
                        + (i / T83_SIZES[c][0]) + ": " + (planes[c][i] & 0xFFFF) + " != " + (expected[i] >> shift));
                }
            }
        }
    }

    /**
     * The T.83 streams' four components at 1x1, 1x2, 3x1 and 1x4 (Hmax 3, Vmax 4) as a 4-band CMYK image: the
     * integral ratios are upsampled by replication (libjpeg's int_upsample), so every image sample is the
     * plane sample at (x * H / Hmax, y * V / Vmax). O1 gives 8-bit samples, O2 16-bit ones (TYPE_USHORT),
     * E1 (12-bit DCT, T.83 E1.JPG) 12-bit ones.
     */
    @ParameterizedTest
    @ValueSource(strings = {"O1.JPG", "O2.JPG", "E1.JPG", "E2.JPG"})
    void t83StreamsDecodeToFourBandImagesOfTheirPlanes(String stream) throws IOException {
        Path dir = Corpus.requireShared(T83);
        byte[] jpeg = Files.readAllBytes(dir.resolve(stream));
        SamplePlane[] planes = new DecodePipeline(jpeg, Settings.of(DecoderOptions.DEFAULT)).decodeSamples();
        java.awt.image.BufferedImage image = new dev.tessera.jpeg.JpegDecoder().decode(jpeg);
        java.awt.image.Raster raster = image.getRaster();
        assertEquals(4, raster.getNumBands());
        assertEquals(255, image.getWidth());
        assertEquals(257, image.getHeight());
        int[][] factors = {{1, 1}, {1, 2}, {3, 1}, {1, 4}};
        for (int c = 0; c < 4; c++) {
            // DCT planes are padded to whole blocks: address rows through the plane's own stride.
            SamplePlane plane = planes[c];
            for (int y = 0; y < 257; y++) {
                for (int x = 0; x < 255; x++) {
                    int expected = plane.data()[plane.offset(y * factors[c][1] / 4) + x * factors[c][0] / 3] & 0xFFFF;
                    int actual = raster.getSample(x, y, c);
                    if (actual != expected) {
                        fail(stream + " band " + c + " at " + x + "," + y + ": " + actual + " != " + expected);
                    }
                }
            }
        }
    }

    @Test
    void t83StreamO1MatchesSourceDataShiftedTo8Bits() throws IOException {
        // O1: 8-bit, 4 interleaved components, restart interval of one MCU row (85 MCUs).
        compareT83("O1.JPG", 8);
    }

    @Test
    void t83StreamO2MatchesSourceData() throws IOException {
        // O2: 16-bit, one scan per component, restart interval 255.
        compareT83("O2.JPG", 0);
    }

    @Test
    void imageRsReferenceDecodesMatchExactly() throws IOException {
        Path dir = Corpus.requireShared("corpus/conformance/image-rs-jpeg-decoder/reftest/lossless");
        int compared = 0;
        for (Path jpg : Corpus.list(dir, ".jpg")) {
            Path png = jpg.resolveSibling(jpg.getFileName().toString().replace(".jpg", ".png"));
            if (!Files.exists(png)) {
                continue;
            }
            BufferedImage ours = new JpegDecoder().decode(jpg);
            BufferedImage ref = ImageIO.read(png.toFile());
            assertNotNull(ref, png.toString());
            Raster a = ours.getRaster();
            Raster b = ref.getRaster();
            assertEquals(b.getWidth(), a.getWidth(), jpg.toString());
            assertEquals(b.getHeight(), a.getHeight(), jpg.toString());
            assertEquals(b.getNumBands(), a.getNumBands(), jpg.toString());
            int[] expected = b.getPixels(0, 0, b.getWidth(), b.getHeight(), (int[]) null);
            int[] actual = a.getPixels(0, 0, a.getWidth(), a.getHeight(), (int[]) null);
            assertArrayEquals(expected, actual, jpg.toString());
            compared++;
        }
        assertTrue(compared >= 11, "compared " + compared + " files");
    }

    @Test
    void libjpegTurboSeedsDecodeConsistently() throws IOException {
        Path dir = Corpus.requireShared("corpus/conformance/libjpeg-turbo-seed-corpora/bugs-decompress/lossless");
        // randomP_WxH_lossless_psvN_ptM.jpg: the same random image of P bits and size WxH, several codings.
        Pattern name = Pattern.compile("random(\\d+)_(\\d+)x(\\d+)_lossless_psv(\\d)_pt(\\d+)\\.jpg");
        Map<String, List<int[]>> groups = new TreeMap<>();
        Map<String, List<Integer>> transforms = new TreeMap<>();
        List<Path> files = Corpus.list(dir, ".jpg");
        assertEquals(210, files.size());
        for (Path p : files) {
            Matcher m = name.matcher(p.getFileName().toString());
            assertTrue(m.matches(), p.toString());
            int precision = Integer.parseInt(m.group(1));
            int width = Integer.parseInt(m.group(2));
            int height = Integer.parseInt(m.group(3));
            int pt = Integer.parseInt(m.group(5));
            BufferedImage image = new JpegDecoder().decode(p);
            assertEquals(width, image.getWidth(), p.toString());
            assertEquals(height, image.getHeight(), p.toString());
            assertEquals(precision <= 8 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_CUSTOM, image.getType());
            Raster r = image.getRaster();
            int[] samples = r.getPixels(0, 0, width, height, (int[]) null);
            int lowBits = (1 << pt) - 1;
            for (int s : samples) {
                assertTrue(s >> precision == 0 && (s & lowBits) == 0, p + ": sample " + s);
            }
            String key = precision + "_" + width + "x" + height;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(samples);
            transforms.computeIfAbsent(key, k -> new ArrayList<>()).add(pt);
        }
        int pairs = 0;
        for (String key : groups.keySet()) {
            List<int[]> g = groups.get(key);
            List<Integer> pts = transforms.get(key);
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    int mask = -1 << Math.max(pts.get(i), pts.get(j));
                    for (int k = 0; k < g.get(i).length; k++) {
                        if ((g.get(i)[k] & mask) != (g.get(j)[k] & mask)) {
                            fail(key + ": codings " + i + " and " + j + " differ at sample " + k);
                        }
                    }
                    pairs++;
                }
            }
        }
        assertEquals(60, pairs, "groups of two codings of one image");
    }

    @Test
    void twelveMonkeysLosslessFilesDecode() throws IOException {
        List<String> names = Corpus.twelveMonkeys("jpeg-lossless");
        assertTrue(!names.isEmpty());
        for (String n : names) {
            byte[] data = Corpus.resource(n);
            BufferedImage image = new JpegDecoder().decode(data);
            assertTrue(image.getWidth() > 0 && image.getHeight() > 0, n);
        }
    }

    private static int[] samples(String resource) throws JpegException {
        Raster r = new JpegDecoder().decode(Corpus.resource(resource)).getRaster();
        return r.getPixels(0, 0, r.getWidth(), r.getHeight(), (int[]) null);
    }

    @Test
    void twelveMonkeysLosslessFilesMatchDerivedReferences() throws IOException {
        // gradient_ls.jpg: 16-bit 256x256 ramp, sample i = i; gradient_ls_pt.jpg: the same with Pt = 4.
        int[] ramp = samples("/jpeg-lossless/gradient_ls.jpg");
        int[] rampPt = samples("/jpeg-lossless/gradient_ls_pt.jpg");
        for (int i = 0; i < ramp.length; i++) {
            assertEquals(i, ramp[i], "gradient sample " + i);
            assertEquals(i & ~15, rampPt[i], "gradient_pt sample " + i);
        }
        // 8_ls.jpg is 16_ls.jpg (16-bit grey, predictor 1) reduced to its high 8 bits.
        int[] eight = samples("/jpeg-lossless/8_ls.jpg");
        int[] sixteen = samples("/jpeg-lossless/16_ls.jpg");
        assertEquals(sixteen.length, eight.length);
        for (int i = 0; i < eight.length; i++) {
            assertEquals(sixteen[i] >> 8, eight[i], "8_ls sample " + i);
        }
        // testimg_rgb.jpg: RGB, predictor 4, Pt = 1, of the IJG test image as libjpeg 6b decodes testorig.jpg.
        Path ppm = Corpus.requireShared("corpus/libjpeg-turbo/ijg-6b/testimg.ppm");
        byte[] reference = Files.readAllBytes(ppm);
        int[] rgb = samples("/jpeg-lossless/testimg_rgb.jpg");
        int header = reference.length - rgb.length;
        for (int i = 0; i < rgb.length; i++) {
            assertEquals((reference[header + i] & 0xFF) & ~1, rgb[i], "testimg_rgb sample " + i);
        }
    }

    @Test
    void corruptLosslessDataEndsInImageOrJpegException() throws IOException {
        Path dir = Corpus.requireShared("corpus/conformance/itu-t83");
        Random random = new Random(5);
        for (String stream : List.of("O1.JPG", "O2.JPG")) {
            byte[] jpeg = Files.readAllBytes(dir.resolve(stream));
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int cut = 200; cut < jpeg.length; cut += jpeg.length / 25) {
                    survive(java.util.Arrays.copyOf(jpeg, cut), stream + " cut at " + cut);
                }
                for (int trial = 0; trial < 40; trial++) {
                    byte[] broken = jpeg.clone();
                    for (int f = 0; f < 3; f++) {
                        broken[400 + random.nextInt(jpeg.length - 402)] = (byte) random.nextInt(256);
                    }
                    survive(broken, stream + " trial " + trial);
                }
            });
        }
    }

    private static void survive(byte[] data, String what) {
        try {
            assertNotNull(samples(data), what);
        } catch (JpegException e) {
            assertTrue(e.offset() >= 0, what);
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }
}
