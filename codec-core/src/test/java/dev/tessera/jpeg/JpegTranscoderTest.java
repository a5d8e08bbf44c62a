package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.model.CoefficientImage;
import dev.tessera.jpeg.model.ComponentBlocks;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.testing.Corpus;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The lossless read/write API: coefficients read and written back decode to the same pixels in every coding,
 * on the libjpeg-turbo test images (sequential, progressive, arithmetic) and images encoded here with every
 * subsampling and odd sizes; segments follow the copy policy; bad input is refused.
 */
class JpegTranscoderTest {
    private static final JpegTranscoder TRANSCODER = new JpegTranscoder();
    private static final JpegDecoder DECODER = new JpegDecoder();

    static byte[] pixels(byte[] jpeg) throws JpegException {
        BufferedImage image = DECODER.decode(jpeg);
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static byte[] libjpeg(String name) throws IOException {
        return Files.readAllBytes(Corpus.requireShared("corpus/libjpeg-turbo/" + name));
    }

    @ParameterizedTest
    @EnumSource(TranscodeOptions.Coding.class)
    void libjpegTurboImagesKeepTheirPixels(TranscodeOptions.Coding coding) throws IOException {
        for (String name : List.of("testorig.jpg", "testimgint.jpg", "testimgari.jpg")) {
            byte[] in = libjpeg(name);
            byte[] out = TRANSCODER.write(TRANSCODER.readCoefficients(in), TranscodeOptions.DEFAULT.withCoding(coding));
            assertArrayEquals(pixels(in), pixels(out), name + " " + coding);
        }
    }

    @ParameterizedTest
    @EnumSource(TranscodeOptions.Coding.class)
    void encodedImagesOfEverySamplingAndOddSizesKeepTheirPixels(TranscodeOptions.Coding coding) throws IOException {
        java.util.Random random = new java.util.Random(18);
        for (Subsampling s : Subsampling.values()) {
            for (int[] size : new int[][] {{1, 1}, {17, 9}, {33, 47}, {64, 64}, {75, 30}}) {
                BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        image.setRGB(x, y, (x * 7 + y * 3) << 16 | (x * y) << 8 | random.nextInt(256));
                    }
                }
                for (boolean progressive : new boolean[] {false, true}) {
                    EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.toBuilder().subsampling(s)
                        .progressive(progressive).build();
                    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                    new JpegEncoder(options).encode(image, bytes);
                    byte[] in = bytes.toByteArray();
                    byte[] out = TRANSCODER.write(TRANSCODER.readCoefficients(in),
                        TranscodeOptions.DEFAULT.withCoding(coding));
                    assertArrayEquals(pixels(in), pixels(out), s + " " + size[0] + "x" + size[1] + " " + coding);
                }
            }
        }
    }

    @Test
    void coefficientPlanesCoverWholeMcus() throws IOException {
        CoefficientImage image = TRANSCODER.readCoefficients(libjpeg("testorig.jpg"));
        assertEquals(227, image.width());
        assertEquals(149, image.height());
        // 4:2:0: MCUs of 16x16, 15 across and 10 down; luma 30x20 blocks (29x19 visible), chroma 15x10.
        ComponentBlocks y = image.components().get(0);
        ComponentBlocks cb = image.components().get(1);
        assertEquals(List.of(30, 20, 29, 19), List.of(y.blocksWide(), y.blocksHigh(), y.visibleBlocksWide(),
            y.visibleBlocksHigh()));
        assertEquals(List.of(15, 10, 15, 10), List.of(cb.blocksWide(), cb.blocksHigh(), cb.visibleBlocksWide(),
            cb.visibleBlocksHigh()));
    }

    @Test
    void optimizeIsNeverLargerAndDefaultCopiesEverySegment() throws IOException {
        for (String name : List.of("testorig.jpg", "testimgint.jpg", "testimgari.jpg")) {
            byte[] in = libjpeg(name);
            byte[] out = TRANSCODER.optimize(in, TranscodeOptions.DEFAULT);
            assertTrue(out.length <= in.length, name);
            assertArrayEquals(pixels(in), pixels(out), name);
            List<Integer> before = markers(TRANSCODER.readCoefficients(in));
            List<Integer> after = markers(TRANSCODER.readCoefficients(out));
            assertEquals(before, after, name);
        }
    }

    private static List<Integer> markers(CoefficientImage image) {
        List<Integer> codes = new ArrayList<>();
        for (CoefficientImage.Segment s : image.segments()) {
            codes.add(s.marker());
        }
        return codes;
    }

    @Test
    void copyPolicySelectsSegments() throws IOException {
        byte[] in = libjpeg("testorig.jpg");
        CoefficientImage image = TRANSCODER.readCoefficients(in);
        List<CoefficientImage.Segment> segments = new ArrayList<>(image.segments());
        segments.add(new CoefficientImage.Segment(0xFE, "a comment".getBytes()));
        segments.add(new CoefficientImage.Segment(0xE1, "Exif\0\0MM".getBytes()));
        segments.add(new CoefficientImage.Segment(0xE2, "ICC_PROFILE\0\1\1data".getBytes()));
        segments.add(new CoefficientImage.Segment(0xED, "Photoshop 3.0\0".getBytes()));
        image = image.withSegments(segments);
        assertEquals(List.of(0xE0), written(image, CopyPolicy.NONE));
        assertEquals(List.of(0xE0, 0xFE), written(image, CopyPolicy.COMMENTS));
        assertEquals(List.of(0xE0, 0xE2), written(image, CopyPolicy.ICC));
        assertEquals(List.of(0xE0, 0xE1), written(image, CopyPolicy.EXIF));
        assertEquals(List.of(0xE0, 0xFE, 0xE1, 0xE2, 0xED), written(image, CopyPolicy.ALL));
    }

    private static List<Integer> written(CoefficientImage image, CopyPolicy policy) throws IOException {
        return markers(TRANSCODER.readCoefficients(TRANSCODER.write(image, TranscodeOptions.DEFAULT.withCopy(policy))));
    }

    @Test
    void refusesLosslessAnd12BitAndNonJpeg() throws IOException {
        UnsupportedJpegException twelve = assertThrows(UnsupportedJpegException.class,
            () -> TRANSCODER.optimize(libjpeg("testorig12.jpg"), TranscodeOptions.DEFAULT));
        assertEquals(UnsupportedJpegException.Feature.PRECISION, twelve.feature());
        assertThrows(JpegException.class, () -> TRANSCODER.optimize("not a jpeg".getBytes(), TranscodeOptions.DEFAULT));
        for (String name : Corpus.twelveMonkeys("jpeg-lossless")) {
            UnsupportedJpegException e = assertThrows(UnsupportedJpegException.class,
                () -> TRANSCODER.readCoefficients(Corpus.resource(name)), name);
            assertEquals(Marker.SOF3, e.marker(), name);
        }
    }

    @Test
    void damagedDataIsRefusedUnlessForced() throws IOException {
        byte[] in = libjpeg("testorig.jpg");
        byte[] truncated = java.util.Arrays.copyOf(in, in.length * 2 / 3);
        MalformedJpegException e = assertThrows(MalformedJpegException.class,
            () -> TRANSCODER.optimize(truncated, TranscodeOptions.DEFAULT));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        byte[] forced = TRANSCODER.optimize(truncated, TranscodeOptions.DEFAULT.withForce(true));
        assertArrayEquals(pixels(truncated), pixels(forced));
    }

    @Test
    void smallestReturnsTheInputWhenNothingIsSmaller() throws IOException {
        byte[] once = TRANSCODER.optimize(libjpeg("testorig.jpg"), TranscodeOptions.DEFAULT);
        byte[] twice = TRANSCODER.optimize(once, TranscodeOptions.DEFAULT);
        assertTrue(twice.length <= once.length);
        if (twice.length == once.length) {
            assertSame(once, twice);
        }
    }
}
