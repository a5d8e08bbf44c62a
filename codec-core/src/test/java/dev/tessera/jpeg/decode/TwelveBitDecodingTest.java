package dev.tessera.jpeg.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.spec.ZigZag;
import dev.tessera.testing.Corpus;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 12-bit DCT-based decoding (T.81 extended and progressive with P = 12) against libjpeg-turbo built for
 * 12-bit samples and against the T.83 compliance data.
 *
 * <p>djpeg 2.1.5 on this machine cannot decode 12-bit files, so the exact references are MD5 sums from
 * libjpeg-turbo 2.0.7's own test suite ({@code CMakeLists.txt}, {@code WITH_12BIT} section, where TESTORIG is
 * {@code testorig12.jpg}): {@code djpeg -dct int -scale 1/8 -nosmooth -ppm} (MD5_PPM_420M_ISLOW_1_8) and
 * {@code djpeg -dct int -skip 15,31 -ppm} (MD5_PPM_420_ISLOW_SKIP15_31, the whole image less rows 15..31,
 * with fancy upsampling). Its 12-bit PPM writer puts each sample in two bytes, most significant first,
 * with maxval 4095.
 */
class TwelveBitDecodingTest {
    private static Path testorig12() {
        return Corpus.requireShared("corpus/libjpeg-turbo/testorig12.jpg");
    }

    /** The image as libjpeg's 16-bit-per-sample PPM writer would write it, rows {@code skipFrom..skipTo} left out. */
    static String ppmMd5(BufferedImage image, int maxval, int skipFrom, int skipTo) {
        Raster r = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int skipped = skipTo >= skipFrom ? skipTo - skipFrom + 1 : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("P6\n" + w + " " + (h - skipped) + "\n" + maxval + "\n").getBytes(StandardCharsets.US_ASCII));
        boolean wide = r.getTransferType() == DataBuffer.TYPE_USHORT;
        for (int y = 0; y < h; y++) {
            if (y >= skipFrom && y <= skipTo) {
                continue;
            }
            for (int v : r.getPixels(0, y, w, 1, (int[]) null)) {
                if (wide) {
                    out.write(v >> 8);
                }
                out.write(v & 0xFF);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void testorig12AtOneEighthMatchesLibjpegTurbo() throws IOException {
        // At 1/8 the luma IDCT is 1x1 and the 4:2:0 chroma IDCT 2x2, so no upsampling is involved and
        // -nosmooth changes nothing: this checks the 12-bit reduced IDCTs and YCbCr conversion.
        BufferedImage image = new JpegDecoder(DecoderOptions.DEFAULT.withScale(8)).decode(testorig12());
        assertEquals(29, image.getWidth());
        assertEquals(19, image.getHeight());
        assertEquals("ccaed48ac0aedefda5d4abe4013f4ad7", ppmMd5(image, 4095, 0, -1));
    }

    @Test
    void testorig12FullSizeMatchesLibjpegTurboOutsideTheSkippedRows() throws IOException {
        BufferedImage image = new JpegDecoder().decode(testorig12());
        assertEquals(BufferedImage.TYPE_CUSTOM, image.getType());
        assertEquals(DataBuffer.TYPE_USHORT, image.getRaster().getTransferType());
        assertEquals("86664cd9dc956536409e44e244d20a97", ppmMd5(image, 4095, 15, 31));
        for (int v : image.getRaster().getPixels(0, 0, 227, 149, (int[]) null)) {
            assertTrue(v >= 0 && v <= 4095, "sample " + v);
        }
    }

    @Test
    void libjpegTurboTestSuiteMd5sOf8BitFilesToo() throws IOException {
        // The same two oracles for the 8-bit builds (MD5_PPM_420M_ISLOW_1_8, MD5_PPM_420_ISLOW_SKIP15_31) and the
        // arithmetic-coded skip test (MD5_PPM_420_ISLOW_ARI_SKIP16_139), all unchanged in libjpeg-turbo 2.1.
        Path dir = Corpus.requireShared("corpus/libjpeg-turbo");
        BufferedImage eighth = new JpegDecoder(DecoderOptions.DEFAULT.withScale(8)).decode(dir.resolve("testorig.jpg"));
        assertEquals("391b3d4aca640c8567d6f8745eb2142f", ppmMd5(eighth, 255, 0, -1));
        BufferedImage full = new JpegDecoder().decode(dir.resolve("testorig.jpg"));
        assertEquals("c4c65c1e43d7275cd50328a61e6534f0", ppmMd5(full, 255, 15, 31));
        BufferedImage ari = new JpegDecoder().decode(dir.resolve("testimgari.jpg"));
        assertEquals("087c6b123db16ac00cb88c5b590bb74a", ppmMd5(ari, 255, 16, 139));
    }

    @Test
    void t83StreamsE1AndE2DecodeAlikeAndAgreeWithTheDecoderReferenceData() throws IOException {
        Path dir = Corpus.requireShared("corpus/conformance/itu-t83");
        byte[] e1 = Files.readAllBytes(dir.resolve("E1.JPG"));
        short[][] interleaved = LosslessDecodingTest.samples(e1);
        short[][] separate = LosslessDecodingTest.samples(Files.readAllBytes(dir.resolve("E2.JPG")));
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(interleaved[c], separate[c], "component " + c + ": E1 (one scan) vs E2 (four scans)");
        }
        // T.83: DREF_x12.DCT holds per block the quantized DCT of the reference reconstruction, zig-zag order.
        // The reference DCT (A.3.3) of our samples, quantized, must agree within a small tolerance; the
        // references are not the stream's literal coefficients (those differ from them by up to 3 as well).
        ImageInfo info = new JpegDecoder().readInfo(e1);
        String[] names = {"A", "B", "C", "D"};
        int[] blocksWide = {11, 11, 32, 11};
        double[][] cos = new double[8][8];
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                cos[x][u] = Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
        for (int c = 0; c < 4; c++) {
            int slot = info.components().get(c).quantTableSlot();
            int[] q = null;
            for (ImageInfo.QuantSlot s : info.quantTables()) {
                if (s.slot() == slot) {
                    q = s.table().toNaturalArray();
                }
            }
            byte[] ref = Files.readAllBytes(dir.resolve("reference/DREF_" + names[c] + "12.DCT"));
            int stride = blocksWide[c] * 8;
            int exact = 0;
            int total = 0;
            for (int b = 0; b < ref.length / 128; b++) {
                int bx = b % blocksWide[c];
                int by = b / blocksWide[c];
                for (int n = 0; n < 64; n++) {
                    int u = n % 8;
                    int v = n / 8;
                    double sum = 0;
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            sum += (interleaved[c][(by * 8 + y) * stride + bx * 8 + x] - 2048) * cos[x][u] * cos[y][v];
                        }
                    }
                    double coefficient = 0.25 * (u == 0 ? Math.sqrt(0.5) : 1) * (v == 0 ? Math.sqrt(0.5) : 1) * sum;
                    int k = ZigZag.toZigZag(n);
                    int expected = (short) (((ref[b * 128 + 2 * k] & 0xFF) << 8) | (ref[b * 128 + 2 * k + 1] & 0xFF));
                    long d = Math.abs(Math.round(coefficient / q[n]) - expected);
                    assertTrue(d <= 3, names[c] + " block " + b + " coefficient " + n + " off by " + d);
                    exact += d == 0 ? 1 : 0;
                    total++;
                }
            }
            assertTrue(exact >= total * 0.98, names[c] + ": only " + exact + " of " + total + " exact");
        }
    }

    @Test
    void other12BitFilesDecode() throws IOException {
        Path lj = Corpus.requireShared("corpus/libjpeg-turbo");
        Path seeds = Corpus.requireShared("corpus/conformance/libjpeg-turbo-seed-corpora/bugs-decompress");
        List<Path> files = List.of(lj.resolve("monkey12.jpg"),
            seeds.resolve("12bit/random12_100x91_islow_4x1_2x2_1x2_Q100_99_98_rst2.jpg"),
            seeds.resolve("12bit/random12_99x92_ifast_rgb_420_Q90_80_70_smooth50.jpg"),
            seeds.resolve("LJPGT-PT-23-01/test1.jpg")); // 12-bit with arithmetic coding (SOF9)
        for (Path p : files) {
            try {
                BufferedImage image = new JpegDecoder().decode(p);
                for (int v : image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null)) {
                    assertTrue(v >= 0 && v <= 4095, p + ": sample " + v);
                }
            } catch (JpegException e) {
                fail(p + ": " + e.getMessage(), e);
            }
        }
    }
}
