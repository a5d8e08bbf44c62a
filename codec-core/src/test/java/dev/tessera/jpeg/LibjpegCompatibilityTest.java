package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Named tests for libjpeg-turbo 2.1.5 behaviours the decoder reproduces, each on a minimal edit of a file
 * from our encoder (the reference test covers them on real files).
 */
class LibjpegCompatibilityTest {
    static byte[] baseline() throws IOException {
        return new JpegEncoderFixture().encoded();
    }

    static int find(byte[] data, int marker) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new IllegalArgumentException("no marker");
    }

    static int segmentEnd(byte[] data, int at) {
        return at + 2 + (((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF));
    }

    @Test
    void scanSelectingAComponentTwiceIsRejected() throws IOException {
        byte[] data = baseline();
        int sos = find(data, 0xDA);
        data[sos + 5 + 2 * 2] = data[sos + 5]; // third scan component selects the first again
        MalformedJpegException e = assertThrows(MalformedJpegException.class, () -> new JpegDecoder().decode(data));
        assertEquals(sos, e.offset());
        assertEquals(Marker.SOS, e.marker());
    }

    @Test
    void duplicateComponentIdentifiersSelectSuccessiveComponents() throws IOException {
        // Frame ids 1, 2, 3, 1 with a scan listing 1, 2, 3, 1: libjpeg-turbo 2.1.5 decodes it.
        byte[] data = Corpus.resource("/jpeg/duplicate-component-ids.jpg");
        assertEquals(4, new JpegDecoder().readInfo(data).components().size());
        new JpegDecoder().decode(data);
    }

    @Test
    void bogusArithmeticConditioningIsRejected() throws IOException {
        byte[] good = baseline();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(good, 0, 2);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xCC, 0, 4, 0, 3}); // DC table 0: L = 3 > U = 0
        out.write(good, 2, good.length - 2);
        MalformedJpegException e = assertThrows(MalformedJpegException.class,
            () -> new JpegDecoder().decode(out.toByteArray()));
        assertEquals(2, e.offset());
        assertEquals(Marker.DAC, e.marker());
    }

    @Test
    void framesWithoutHuffmanTablesUseTheStandardOnes() throws IOException {
        // Motion-JPEG frames omit DHT; libjpeg-turbo fills slots 0 and 1 with the T.81 K.3 tables.
        byte[] data = new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(false).withOptimizeHuffman(false))
            .encode(JpegEncoderFixture.image());
        ByteArrayOutputStream stripped = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xC4) {
                i = segmentEnd(data, i);
                continue;
            }
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xDA) {
                stripped.write(data, i, data.length - i);
                break;
            }
            stripped.write(data[i++]);
        }
        assertTrue(stripped.size() < data.length);
        assertArrayEquals(DjpegReferenceTest.pnmBytes(new JpegDecoder().decode(data)),
            DjpegReferenceTest.pnmBytes(new JpegDecoder().decode(stripped.toByteArray())));
    }

    @Test
    void aSecondScanInASingleScanFileIsRejectedAfterTheFirst() throws IOException {
        byte[] data = baseline();
        int sos = find(data, 0xDA);
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.write(data, 0, data.length - 2);
        twice.write(data, sos, data.length - sos); // the scan again, then EOI
        MalformedJpegException e = assertThrows(MalformedJpegException.class,
            () -> new JpegDecoder().decode(twice.toByteArray()));
        assertEquals(data.length - 2, e.offset());
    }

    @Test
    void heightZeroIsUnsupportedLikeLibjpeg() throws IOException {
        byte[] data = baseline();
        int sof = find(data, 0xC0);
        data[sof + 5] = 0;
        data[sof + 6] = 0;
        UnsupportedJpegException e = assertThrows(UnsupportedJpegException.class,
            () -> new JpegDecoder().decode(data));
        assertEquals(UnsupportedJpegException.Feature.NUMBER_OF_LINES, e.feature());
        assertEquals(0, new JpegDecoder().readInfo(data).height());
    }

    @Test
    void extraneousBytesBeforeAMarkerAreSkippedWithAWarning() throws IOException {
        byte[] good = baseline();
        int dqt = find(good, 0xDB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(good, 0, dqt);
        out.write(new byte[] {1, 2, 3});
        out.write(good, dqt, good.length - dqt);
        java.util.List<JpegWarning> warnings = new java.util.ArrayList<>();
        byte[] pixels = DjpegReferenceTest.pnmBytes(new JpegDecoder(DecoderOptions.DEFAULT.withListener(warnings::add))
            .decode(out.toByteArray()));
        assertArrayEquals(DjpegReferenceTest.pnmBytes(new JpegDecoder().decode(good)), pixels);
        assertEquals(JpegWarning.Kind.EXTRANEOUS_DATA, warnings.get(0).kind());
        assertEquals(dqt, warnings.get(0).offset());
    }
}
