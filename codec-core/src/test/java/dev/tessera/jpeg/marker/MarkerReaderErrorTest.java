package dev.tessera.jpeg.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.error.UnsupportedJpegException.Feature;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.spec.Marker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per error MarkerReader raises, on bytes built by hand: the exception's type, the offset it
 * reports (the 0xFF of the segment's marker, computed from how the bytes were built), the marker it names,
 * and the problem. A comment segment of varying size comes first so that offsets differ from test to test.
 */
class MarkerReaderErrorTest {
    private static <T extends JpegException> T fails(Class<T> type, long offset, Marker marker, String problem,
                                                     Executable body) {
        JpegException e = assertThrows(JpegException.class, body);
        assertEquals(type, e.getClass(), e::toString);
        assertEquals(offset, e.offset(), "offset");
        assertEquals(marker, e.marker(), "marker");
        assertTrue(e.getMessage().contains(problem), () -> "message '" + e.getMessage() + "' lacks '" + problem + "'");
        // JpegException's format: "offset N (MARKER): problem".
        String head = marker == null ? "offset " + offset + ": " : "offset " + offset + " (" + marker.name() + "): ";
        assertTrue(e.getMessage().startsWith(head), e.getMessage());
        return type.cast(e);
    }

    /** SOI and a COM segment of {@code n} bytes, so the next marker starts at 6 + n. */
    private static StreamBuilder after(int n) {
        return new StreamBuilder().soi().comment(n);
    }

    /** Reads SOI and the comment, then the next marker, which must be {@code code}. */
    private static Harness open(byte[] data, int code) throws JpegException {
        return open(data, code, Long.MAX_VALUE);
    }

    private static Harness open(byte[] data, int code, long maxMarkerMemory) throws JpegException {
        Harness h = new Harness(data, maxMarkerMemory);
        assertEquals(0xFE, h.start());
        h.reader.readApplication(0xFE, true);
        assertEquals(code, h.next());
        return h;
    }

    private static void assertWarning(Harness h, long offset, JpegWarning.Kind kind) {
        assertEquals(1, h.warnings.size(), h.warnings::toString);
        assertEquals(offset, h.warnings.get(0).offset());
        assertEquals(kind, h.warnings.get(0).kind());
    }

    private static void assertNoWarning(Harness h) {
        assertTrue(h.warnings.isEmpty(), h.warnings::toString);
    }

    // ---------------------------------------------------------------- SOI (B.2.1)

    @Test
    void emptyInput() {
        Harness h = new Harness(new byte[0]);
        fails(MalformedJpegException.class, 0, null, "empty input", h.reader::readStartOfImage);
    }

    @Test
    void streamNotStartingWithSoi() {
        // A PNG signature.
        Harness h = new Harness(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        fails(MalformedJpegException.class, 0, null, "not a JPEG file: starts with 0x89 0x50",
            h.reader::readStartOfImage);
    }

    // ---------------------------------------------------------------- SOFn (B.2.2)

    /** A SOFn segment with Lf computed from the components given (each id, HV byte, Tq). */
    private static StreamBuilder sof(StreamBuilder b, int code, int precision, int height, int width, int... comps) {
        int n = comps.length / 3;
        b.marker(code).u16(8 + 3 * n).u8(precision).u16(height).u16(width).u8(n);
        return b.u8(comps);
    }

    private static final int[] GREY = {1, 0x11, 0};

    @Test
    void frameWithWidthZero() throws JpegException {
        StreamBuilder b = after(3);
        int at = b.offset();
        Harness h = open(sof(b, 0xC0, 8, 10, 0, GREY).eoi().bytes(), 0xC0);
        fails(MalformedJpegException.class, at, Marker.SOF0, "empty image: 0x10, 1 components",
            () -> h.reader.readFrameHeader(0xC0, Long.MAX_VALUE, false));
    }

    @Test
    void frameWithNoComponents() throws JpegException {
        StreamBuilder b = after(4);
        int at = b.offset();
        Harness h = open(sof(b, 0xC1, 8, 16, 17).eoi().bytes(), 0xC1);
        // Checked even when only reading headers: libjpeg's JERR_EMPTY_IMAGE.
        fails(MalformedJpegException.class, at, Marker.SOF1, "empty image: 17x16, 0 components",
            () -> h.reader.readFrameHeader(0xC1, Long.MAX_VALUE, true));
    }

    @Test
    void frameWithHeightZeroNeedsDnl() throws JpegException {
        StreamBuilder b = after(5);
        int at = b.offset();
        byte[] data = sof(b, 0xC0, 8, 0, 33, GREY).eoi().bytes();
        Harness h = open(data, 0xC0);
        UnsupportedJpegException e = fails(UnsupportedJpegException.class, at, Marker.SOF0, "number of lines is 0",
            () -> h.reader.readFrameHeader(0xC0, Long.MAX_VALUE, false));
        assertEquals(Feature.NUMBER_OF_LINES, e.feature());
        // B.2.5: Y = 0 is valid syntax, so reading headers only accepts it.
        Harness info = open(data, 0xC0);
        FrameHeader frame = info.reader.readFrameHeader(0xC0, Long.MAX_VALUE, true);
        assertEquals(0, frame.height());
        assertEquals(33, frame.width());
    }

    @Test
    void frameLengthTooShort() throws JpegException {
        StreamBuilder b = after(6);
        int at = b.offset();
        // Three components need Lf = 8 + 9 = 17; the segment says 16.
        b.marker(0xC0).u16(16).u8(8).u16(8).u16(8).u8(3).u8(1, 0x11, 0, 2, 0x11, 0, 3, 0x11).eoi();
        Harness h = open(b.bytes(), 0xC0);
        fails(MalformedJpegException.class, at, Marker.SOF0, "bad segment length 16 for 3 components",
            () -> h.reader.readFrameHeader(0xC0, Long.MAX_VALUE, false));
    }

    @Test
    void frameLengthTooLong() throws JpegException {
        StreamBuilder b = after(7);
        int at = b.offset();
        // One trailing byte after the only component: libjpeg's JERR_BAD_LENGTH too.
        b.marker(0xC2).u16(12).u8(8).u16(8).u16(8).u8(1).u8(GREY).u8(0).eoi();
        Harness h = open(b.bytes(), 0xC2);
        fails(MalformedJpegException.class, at, Marker.SOF2, "bad segment length 12 for 1 components",
            () -> h.reader.readFrameHeader(0xC2, Long.MAX_VALUE, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17, 255})
    void samplePrecisionOutsideTwoToSixteen(int precision) throws JpegException {
        StreamBuilder b = after(8);
        int at = b.offset();
        Harness h = open(sof(b, 0xC3, precision, 8, 8, GREY).eoi().bytes(), 0xC3);
        fails(MalformedJpegException.class, at, Marker.SOF3, "sample precision " + precision + " is outside 2..16",
            () -> h.reader.readFrameHeader(0xC3, Long.MAX_VALUE, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xC0, 0xC1, 0xC2, 0xC9, 0xCA})
    void samplePrecisionNotAllowedForDct(int code) throws JpegException {
        StreamBuilder b = after(9);
        int at = b.offset();
        byte[] data = sof(b, code, 10, 8, 8, GREY).eoi().bytes();
        Harness h = open(data, code);
        fails(MalformedJpegException.class, at, Marker.of(code), "sample precision 10 is not allowed for DCT",
            () -> h.reader.readFrameHeader(code, Long.MAX_VALUE, false));
        // Only decoding needs 8 or 12 bits; reading headers reports what the file says.
        assertEquals(10, open(data, code).reader.readFrameHeader(code, Long.MAX_VALUE, true).precision());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 16})
    void losslessTakesAnyPrecisionFromTwoToSixteen(int precision) throws JpegException {
        Harness h = open(sof(after(0), 0xC3, precision, 8, 8, GREY).eoi().bytes(), 0xC3);
        assertEquals(precision, h.reader.readFrameHeader(0xC3, Long.MAX_VALUE, false).precision());
    }

    @Test
    void moreComponentsThanLibjpegSupports() throws JpegException {
        StreamBuilder b = after(10);
        int at = b.offset();
        int[] comps = new int[3 * 11];
        for (int i = 0; i < 11; i++) {
            comps[3 * i] = i + 1;
            comps[3 * i + 1] = 0x11;
        }
        byte[] data = sof(b, 0xC1, 8, 8, 8, comps).eoi().bytes();
        Harness h = open(data, 0xC1);
        UnsupportedJpegException e = fails(UnsupportedJpegException.class, at, Marker.SOF1,
            "11 components; at most 10 are supported", () -> h.reader.readFrameHeader(0xC1, Long.MAX_VALUE, false));
        assertEquals(Feature.COMPONENT_COUNT, e.feature());
        assertEquals(11, open(data, 0xC1).reader.readFrameHeader(0xC1, Long.MAX_VALUE, true).components().size());
    }

    @Test
    void pixelLimitCheckedBeforeComponents() throws JpegException {
        StreamBuilder b = after(11);
        int at = b.offset();
        byte[] data = sof(b, 0xC0, 8, 100, 100, GREY).eoi().bytes();
        Harness h = open(data, 0xC0);
        fails(JpegLimitException.class, at, Marker.SOF0, "100x100 exceeds the limit of 9999 pixels",
            () -> h.reader.readFrameHeader(0xC0, 9999, false));
        assertEquals(100, open(data, 0xC0).reader.readFrameHeader(0xC0, 10000, false).width());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x10, 0x00, 0x51, 0x15, 0xF4})
    void samplingFactorsOutsideOneToFour(int hv) throws JpegException {
        StreamBuilder b = after(12);
        int at = b.offset();
        // The second component is the bad one; the offset is still the segment's.
        Harness h = open(sof(b, 0xC2, 8, 8, 8, 1, 0x22, 0, 9, hv, 1).eoi().bytes(), 0xC2);
        fails(MalformedJpegException.class, at, Marker.SOF2,
            "bad sampling factors " + (hv >> 4) + "x" + (hv & 15) + " for component 9",
            () -> h.reader.readFrameHeader(0xC2, Long.MAX_VALUE, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xC5, 0xC6, 0xC7, 0xCB, 0xCD, 0xCE, 0xCF})
    void processesTheDecoderDoesNotImplement(int code) throws JpegException {
        StreamBuilder b = after(13);
        int at = b.offset();
        byte[] data = sof(b, code, 8, 8, 8, GREY).eoi().bytes();
        Harness h = open(data, code);
        UnsupportedJpegException e = fails(UnsupportedJpegException.class, at, Marker.of(code), "not supported",
            () -> h.reader.readFrameHeader(code, Long.MAX_VALUE, false));
        assertEquals(code == 0xCB ? Feature.LOSSLESS : Feature.HIERARCHICAL, e.feature());
        assertEquals(Marker.of(code), open(data, code).reader.readFrameHeader(code, Long.MAX_VALUE, true).process());
    }

    @Test
    void frameTruncatedBeforeItsComponents() throws JpegException {
        StreamBuilder b = after(14);
        int at = b.offset();
        // The data ends after Nf: ByteSource supplies FF D9 (a fake EOI, as libjpeg's source manager does),
        // so the component reads id 0xFF and sampling 0xD9, 13x9.
        byte[] data = b.marker(0xC0).u16(11).u8(8).u16(8).u16(8).u8(1).bytes();
        Harness h = open(data, 0xC0);
        fails(MalformedJpegException.class, at, Marker.SOF0, "bad sampling factors 13x9 for component 255",
            () -> h.reader.readFrameHeader(0xC0, Long.MAX_VALUE, false));
        assertWarning(h, data.length, JpegWarning.Kind.PREMATURE_END_OF_FILE);
    }

    @Test
    void duplicateComponentIdsAreToleratedAsLibjpegDoes() throws JpegException {
        // T.81 B.2.2 asks for unique Ci, but libjpeg-turbo reads such frames, and so does this reader: a scan
        // then selects frame components by position (the n-th use of an id is the n-th component with it).
        StreamBuilder b = after(1);
        sof(b, 0xC0, 8, 8, 8, 1, 0x22, 0, 1, 0x11, 1, 1, 0x11, 1);
        b.marker(0xDA).u16(10).u8(2).u8(1, 0x00, 1, 0x11).u8(0, 63, 0).eoi();
        Harness h = open(b.bytes(), 0xC0);
        FrameHeader frame = h.reader.readFrameHeader(0xC0, Long.MAX_VALUE, false);
        assertEquals(List.of(new ComponentSpec(1, 2, 2, 0), new ComponentSpec(1, 1, 1, 1),
            new ComponentSpec(1, 1, 1, 1)), frame.components());
        assertEquals(0xDA, h.next());
        assertEquals(List.of(0, 1), h.reader.readScanHeader(frame, false).frameIndices());
        assertNoWarning(h);
    }

    // ---------------------------------------------------------------- DQT (B.2.4.1)

    @ParameterizedTest
    @ValueSource(ints = {0x04, 0x0F, 0x14})
    void quantTableDestinationOutOfRange(int pqTq) throws JpegException {
        StreamBuilder b = after(15);
        int at = b.offset();
        int bytes = (pqTq >> 4) == 0 ? 64 : 128;
        b.marker(0xDB).u16(3 + bytes).u8(pqTq).fill(bytes, 1).eoi();
        Harness h = open(b.bytes(), 0xDB);
        fails(MalformedJpegException.class, at, Marker.DQT,
            "quantization table destination " + (pqTq & 15) + " out of range 0..3", h.reader::readQuantTables);
    }

    @Test
    void quantSegmentTooShortForItsTable() throws JpegException {
        StreamBuilder b = after(16);
        int at = b.offset();
        // An 8-bit table takes 65 bytes after Lq; Lq = 66 leaves room for 64.
        b.marker(0xDB).u16(66).u8(0x00).fill(64, 2).eoi();
        Harness h = open(b.bytes(), 0xDB);
        fails(MalformedJpegException.class, at, Marker.DQT, "bad segment length 66", h.reader::readQuantTables);
    }

    @Test
    void sixteenBitTableInALengthSizedForEightBits() throws JpegException {
        StreamBuilder b = after(17);
        int at = b.offset();
        b.marker(0xDB).u16(67).u8(0x10).fill(128, 2).eoi();
        Harness h = open(b.bytes(), 0xDB);
        fails(MalformedJpegException.class, at, Marker.DQT, "bad segment length 67", h.reader::readQuantTables);
    }

    @Test
    void quantSegmentWithTrailingBytes() throws JpegException {
        StreamBuilder b = after(18);
        int at = b.offset();
        // One byte more than the table: it is read as the start of a second table, which overruns Lq.
        b.marker(0xDB).u16(68).u8(0x00).fill(64, 3).u8(0x01).fill(64, 4).eoi();
        Harness h = open(b.bytes(), 0xDB);
        fails(MalformedJpegException.class, at, Marker.DQT, "bad segment length 68", h.reader::readQuantTables);
        assertNoWarning(h);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void quantLengthBelowTwo(int length) throws JpegException {
        StreamBuilder b = after(19);
        int at = b.offset();
        b.marker(0xDB).u16(length).eoi();
        Harness h = open(b.bytes(), 0xDB);
        fails(MalformedJpegException.class, at, Marker.DQT, "bad segment length " + length, h.reader::readQuantTables);
    }

    @Test
    void emptyQuantSegmentDefinesNothing() throws JpegException {
        Harness h = open(after(0).marker(0xDB).u16(2).eoi().bytes(), 0xDB);
        assertEquals(List.of(), h.reader.readQuantTables());
        assertEquals(0xD9, h.next());
        assertNoWarning(h);
    }

    @Test
    void quantTableTruncatedByTheEndOfData() throws JpegException {
        StreamBuilder b = after(20);
        b.marker(0xDB).u16(67).u8(0x01);
        for (int k = 0; k < 10; k++) {
            b.u8(k + 1);
        }
        byte[] data = b.bytes();
        Harness h = open(data, 0xDB);
        // As libjpeg with its stdio source: one warning, and the missing bytes read as FF D9 FF D9 ...
        MarkerReader.QuantDefinition q = h.reader.readQuantTables().get(0);
        assertWarning(h, data.length, JpegWarning.Kind.PREMATURE_END_OF_FILE);
        assertEquals(1, q.slot());
        for (int k = 0; k < 64; k++) {
            int expected = k < 10 ? k + 1 : (k - 10) % 2 == 0 ? 0xFF : 0xD9;
            assertEquals(expected, q.table().getZigZag(k), "zig-zag " + k);
        }
        // The 54 fake bytes were consumed; the next pair is a fake EOI.
        assertEquals(0xD9, h.next());
        assertEquals(data.length + 54, h.reader.markerOffset());
    }

    @Test
    void precisionAboveOneIsReadAsSixteenBitsAsLibjpegDoes() throws JpegException {
        // T.81 B.2.4.1 defines Pq 0 and 1 only; libjpeg's get_dqt reads 16-bit values for any Pq != 0.
        StreamBuilder b = after(0).marker(0xDB).u16(131).u8(0x22);
        for (int k = 0; k < 64; k++) {
            b.u16(300 + k);
        }
        Harness h = open(b.eoi().bytes(), 0xDB);
        MarkerReader.QuantDefinition q = h.reader.readQuantTables().get(0);
        assertEquals(2, q.slot());
        assertEquals(300, q.table().getZigZag(0));
        assertEquals(363, q.table().getZigZag(63));
        assertEquals(0xD9, h.next());
        assertNoWarning(h);
    }

    // ---------------------------------------------------------------- DHT (B.2.4.2)

    private static int[] counts(int... lengthsAndCounts) {
        int[] c = new int[16];
        for (int i = 0; i < lengthsAndCounts.length; i += 2) {
            c[lengthsAndCounts[i] - 1] = lengthsAndCounts[i + 1];
        }
        return c;
    }

    @Test
    void huffmanTableWithMoreThan256Values() throws JpegException {
        StreamBuilder b = after(21);
        int at = b.offset();
        // 2 + 255 = 257 codes of 15 and 16 bits (they would fit the code space).
        b.marker(0xC4).u16(2 + 17 + 257).u8(0x10).u8(counts(15, 2, 16, 255)).fill(257, 1).eoi();
        Harness h = open(b.bytes(), 0xC4);
        fails(MalformedJpegException.class, at, Marker.DHT, "bad Huffman table: 257 symbols",
            h.reader::readHuffmanTables);
    }

    @Test
    void huffmanCountsRunningPastTheSegment() throws JpegException {
        StreamBuilder b = after(22);
        int at = b.offset();
        // BITS add up to 12 values, Lh leaves room for 10.
        b.marker(0xC4).u16(2 + 17 + 10).u8(0x00).u8(counts(2, 1, 3, 5, 4, 6)).fill(10, 0).eoi();
        Harness h = open(b.bytes(), 0xC4);
        fails(MalformedJpegException.class, at, Marker.DHT, "bad Huffman table: 12 symbols",
            h.reader::readHuffmanTables);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x04, 0x14, 0x0F, 0x20, 0x21, 0xF0})
    void huffmanClassOrDestinationOutOfRange(int tcTh) throws JpegException {
        StreamBuilder b = after(23);
        int at = b.offset();
        b.marker(0xC4).u16(2 + 17 + 2).u8(tcTh).u8(counts(1, 2)).u8(0, 1).eoi();
        Harness h = open(b.bytes(), 0xC4);
        // Like libjpeg's JERR_DHT_INDEX: Tc 1 is folded away, anything else stays in the number.
        fails(MalformedJpegException.class, at, Marker.DHT,
            "Huffman table destination " + (tcTh & ~0x10) + " out of range 0..3", h.reader::readHuffmanTables);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 16})
    void huffmanSegmentWithTrailingBytes(int extra) throws JpegException {
        StreamBuilder b = after(24);
        int at = b.offset();
        int length = 2 + 17 + 3 + extra;
        b.marker(0xC4).u16(length).u8(0x01).u8(counts(2, 3)).u8(4, 5, 6).fill(extra, 0).eoi();
        Harness h = open(b.bytes(), 0xC4);
        fails(MalformedJpegException.class, at, Marker.DHT, "bad segment length " + length,
            h.reader::readHuffmanTables);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 18})
    void huffmanLengthTooShortForATable(int length) throws JpegException {
        StreamBuilder b = after(25);
        int at = b.offset();
        b.marker(0xC4).u16(length).u8(0x00).u8(counts()).eoi();
        Harness h = open(b.bytes(), 0xC4);
        fails(MalformedJpegException.class, at, Marker.DHT, "bad segment length " + length,
            h.reader::readHuffmanTables);
    }

    @Test
    void overSubscribedHuffmanTableIsKeptWithItsProblem() throws JpegException {
        // Three 1-bit codes cannot exist (T.81 C.2). libjpeg only fails when a scan uses the table, so the
        // reader returns the definition with its problem and reads the next table of the segment.
        StreamBuilder b = after(0);
        b.marker(0xC4).u16(2 + 17 + 3 + 17 + 1).u8(0x12).u8(counts(1, 3)).u8(1, 2, 3);
        b.u8(0x03).u8(counts(1, 1)).u8(9).eoi();
        Harness h = open(b.bytes(), 0xC4);
        var defs = h.reader.readHuffmanTables();
        assertEquals(2, defs.size());
        assertTrue(defs.get(0).ac());
        assertEquals(2, defs.get(0).slot());
        assertNull(defs.get(0).spec());
        assertTrue(defs.get(0).problem().contains("over-subscribed"), defs.get(0).problem());
        assertEquals(false, defs.get(1).ac());
        assertEquals(3, defs.get(1).slot());
        assertEquals(9, defs.get(1).spec().symbol(0));
        assertNull(defs.get(1).problem());
        assertEquals(0xD9, h.next());
        assertNoWarning(h);
    }

    // ---------------------------------------------------------------- DAC (B.2.4.3)

    @Test
    void arithmeticConditioningDestinationOutOfRange() throws JpegException {
        StreamBuilder b = after(26);
        int at = b.offset();
        b.marker(0xCC).u16(6).u8(0x01, 0x10).u8(32, 5).eoi();
        Harness h = open(b.bytes(), 0xCC);
        fails(MalformedJpegException.class, at, Marker.DAC, "arithmetic table destination 32 out of range",
            h.reader::readArithmeticConditioning);
    }

    @Test
    void arithmeticDcLowerBoundAboveUpper() throws JpegException {
        StreamBuilder b = after(27);
        int at = b.offset();
        // F.1.4.4.1.3: L (low nibble) 15 > U (high nibble) 1.
        b.marker(0xCC).u16(4).u8(0x02, 0x1F).eoi();
        Harness h = open(b.bytes(), 0xCC);
        fails(MalformedJpegException.class, at, Marker.DAC, "bogus DAC value 0x1f: L 15 exceeds U 1",
            h.reader::readArithmeticConditioning);
    }

    @Test
    void arithmeticConditioningOddLength() throws JpegException {
        StreamBuilder b = after(28);
        int at = b.offset();
        b.marker(0xCC).u16(5).u8(0x00, 0x00, 0x11, 0x00).eoi();
        Harness h = open(b.bytes(), 0xCC);
        fails(MalformedJpegException.class, at, Marker.DAC, "bad segment length 5",
            h.reader::readArithmeticConditioning);
    }

    @Test
    void arithmeticConditioningValues() throws JpegException {
        // Tc 0 Tb 1: L 2, U 5; Tc 1 Tb 3: Kx 5. An AC value is not checked against L <= U.
        Harness h = open(after(0).marker(0xCC).u16(6).u8(0x01, 0x52, 0x13, 0x05).eoi().bytes(), 0xCC);
        var tables = h.reader.readArithmeticConditioning();
        assertEquals(List.of(new dev.tessera.jpeg.model.ArithmeticConditioning(false, 1, 0x52),
            new dev.tessera.jpeg.model.ArithmeticConditioning(true, 3, 5)), tables);
        assertEquals(2, tables.get(0).lower());
        assertEquals(5, tables.get(0).upper());
    }

    // ---------------------------------------------------------------- DRI (B.2.4.4)

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3, 5, 6})
    void restartIntervalLengthNotFour(int length) throws JpegException {
        StreamBuilder b = after(29);
        int at = b.offset();
        b.marker(0xDD).u16(length).u16(8).u16(0).eoi();
        Harness h = open(b.bytes(), 0xDD);
        fails(MalformedJpegException.class, at, Marker.DRI, "bad segment length " + length,
            h.reader::readRestartInterval);
    }

    // ---------------------------------------------------------------- SOS (B.2.3)

    private static final FrameHeader THREE = new FrameHeader(Marker.SOF0, 8, 16, 16, List.of(
        new ComponentSpec(1, 2, 2, 0), new ComponentSpec(2, 1, 1, 1), new ComponentSpec(3, 1, 1, 1)));

    @Test
    void scanBeforeFrame() throws JpegException {
        StreamBuilder b = after(30);
        int at = b.offset();
        b.marker(0xDA).u16(8).u8(1, 1, 0x00, 0, 63, 0).eoi();
        Harness h = open(b.bytes(), 0xDA);
        fails(MalformedJpegException.class, at, Marker.SOS, "SOS before SOF", () -> h.reader.readScanHeader(null, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 9, 10})
    void scanLengthNotSixPlusTwiceNs(int length) throws JpegException {
        StreamBuilder b = after(31);
        int at = b.offset();
        b.marker(0xDA).u16(length).u8(1, 1, 0x00, 0, 63, 0).eoi();
        Harness h = open(b.bytes(), 0xDA);
        fails(MalformedJpegException.class, at, Marker.SOS, "bad segment length " + length + " for 1 components",
            () -> h.reader.readScanHeader(THREE, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void scanComponentCountOutsideOneToFour(int n) throws JpegException {
        StreamBuilder b = after(32);
        int at = b.offset();
        // Ls agrees with Ns, but B.2.3 allows 1..4 components.
        b.marker(0xDA).u16(6 + 2 * n).u8(n);
        for (int i = 0; i < n; i++) {
            b.u8(i + 1, 0);
        }
        b.u8(0, 63, 0).eoi();
        Harness h = open(b.bytes(), 0xDA);
        fails(MalformedJpegException.class, at, Marker.SOS, "bad segment length " + (6 + 2 * n) + " for " + n
            + " components", () -> h.reader.readScanHeader(THREE, true));
    }

    private static Harness scan(int at, int... ids) throws JpegException {
        StreamBuilder b = after(at - 6);
        assertEquals(at, b.offset());
        b.marker(0xDA).u16(6 + 2 * ids.length).u8(ids.length);
        for (int id : ids) {
            b.u8(id, 0x00);
        }
        return open(b.u8(0, 63, 0).eoi().bytes(), 0xDA);
    }

    @Test
    void scanNamingAComponentNotInTheFrame() throws JpegException {
        Harness h = scan(40, 1, 7);
        fails(MalformedJpegException.class, 40, Marker.SOS, "bad component id 7 in scan",
            () -> h.reader.readScanHeader(THREE, true));
    }

    @Test
    void scanNamingAComponentTwice() throws JpegException {
        // B.2.3: each Csj shall be different from the others.
        Harness h = scan(41, 2, 2);
        fails(MalformedJpegException.class, 41, Marker.SOS, "bad component id 2 in scan",
            () -> h.reader.readScanHeader(THREE, false));
    }

    @Test
    void scanComponentsOutOfFrameOrder() throws JpegException {
        // B.2.3: the scan components shall be ordered as in the frame header.
        Harness h = scan(42, 3, 1);
        fails(MalformedJpegException.class, 42, Marker.SOS, "bad component id 1 in scan",
            () -> h.reader.readScanHeader(THREE, false));
    }

    @Test
    void fifthFrameComponentIsOnlySelectableWhenReadingHeaders() throws JpegException {
        List<ComponentSpec> five = new java.util.ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            five.add(new ComponentSpec(id, 1, 1, 0));
        }
        FrameHeader frame = new FrameHeader(Marker.SOF1, 8, 8, 8, five);
        Harness h = scan(43, 5);
        // libjpeg searches only the first MAX_COMPS_IN_SCAN (4) frame components.
        fails(MalformedJpegException.class, 43, Marker.SOS, "bad component id 5 in scan",
            () -> h.reader.readScanHeader(frame, false));
        assertEquals(List.of(4), scan(43, 5).reader.readScanHeader(frame, true).frameIndices());
    }

    // ---------------------------------------------------------------- APPn and COM (B.2.4.6)

    @Test
    void metadataBeyondTheMarkerMemoryLimit() throws JpegException {
        StreamBuilder b = after(0);
        b.marker(0xE1).u16(2 + 40).fill(40, 'e');
        // APP5 is not kept, so its 500 bytes do not count.
        b.marker(0xE5).u16(2 + 500).fill(500, 'f');
        b.marker(0xE2).u16(2 + 50).fill(50, 'i');
        b.marker(0xFE).u16(2 + 10).fill(10, 'c');
        int at = b.offset();
        b.marker(0xEE).u16(2 + 1).u8(0).eoi();
        // The empty first comment, 40, 50 and 10 bytes make exactly 100, the limit; one more byte does not fit.
        Harness h = open(b.bytes(), 0xE1, 100);
        assertEquals(40, h.reader.readApplication(0xE1, true).payload().length);
        assertEquals(0xE5, h.next());
        assertEquals(32, h.reader.readApplication(0xE5, true).payload().length);
        assertEquals(0xE2, h.next());
        assertEquals(50, h.reader.readApplication(0xE2, true).payload().length);
        assertEquals(0xFE, h.next());
        assertEquals(10, h.reader.readApplication(0xFE, true).payload().length);
        assertEquals(0xEE, h.next());
        fails(JpegLimitException.class, at, Marker.APP14, "marker memory limit of 100 bytes",
            () -> h.reader.readApplication(0xEE, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void applicationLengthBelowTwoIsAnEmptySegment(int length) throws JpegException {
        // libjpeg's skip_variable skips nothing for such a length; the next marker follows the length field.
        StreamBuilder b = after(2);
        int app = b.offset();
        b.marker(0xE3).u16(length);
        int next = b.offset();
        b.marker(0xDD).u16(4).u16(7).eoi();
        Harness h = open(b.bytes(), 0xE3);
        MarkerReader.ApplicationData data = h.reader.readApplication(0xE3, true);
        assertEquals(app, data.offset());
        assertEquals(length, data.length());
        assertEquals(0, data.payload().length);
        assertEquals(0xDD, h.next());
        assertEquals(next, h.reader.markerOffset());
        assertEquals(7, h.reader.readRestartInterval());
        assertNoWarning(h);
    }

    @Test
    void applicationSegmentTruncatedByTheEndOfData() throws JpegException {
        StreamBuilder b = after(3);
        b.marker(0xE1).u16(2 + 100).fill(30, 'x');
        byte[] data = b.bytes();
        Harness h = open(data, 0xE1);
        MarkerReader.ApplicationData app = h.reader.readApplication(0xE1, true);
        assertEquals(102, app.length());
        assertEquals(30, app.payload().length);
        assertWarning(h, data.length, JpegWarning.Kind.PREMATURE_END_OF_FILE);
        // 70 fake bytes skipped (FF D9 ...); the next fake pair is read as EOI.
        assertEquals(0xD9, h.next());
        assertEquals(data.length + 70, h.reader.markerOffset());
    }

    @Test
    void segmentsNotKeptKeepA32BytePrefix() throws JpegException {
        StreamBuilder b = after(4);
        b.marker(0xEB).u16(2 + 40);
        for (int i = 0; i < 40; i++) {
            b.u8('A' + i % 26);
        }
        int next = b.offset();
        b.eoi();
        Harness h = open(b.bytes(), 0xEB);
        MarkerReader.ApplicationData app = h.reader.readApplication(0xEB, true);
        assertEquals(32, app.payload().length);
        assertEquals(false, app.complete());
        assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF", h.reader.segments().get(2).label());
        assertEquals(0xD9, h.next());
        assertEquals(next, h.reader.markerOffset());
    }

    // ---------------------------------------------------------------- between segments (B.1.1.2)

    @Test
    void bytesBetweenSegmentsAreSkippedWithAWarning() throws JpegException {
        StreamBuilder b = after(5);
        int garbage = b.offset();
        b.u8(0x12, 0x00, 0x34);
        int at = b.offset();
        b.marker(0xDD).u16(4).u16(9).eoi();
        Harness h = open(b.bytes(), 0xDD);
        assertEquals(at, h.reader.markerOffset());
        assertWarning(h, garbage, JpegWarning.Kind.EXTRANEOUS_DATA);
        assertTrue(h.warnings.get(0).detail().contains("3 extraneous bytes before marker 0xdd"),
            h.warnings.get(0).detail());
        assertEquals(9, h.reader.readRestartInterval());
    }

    @Test
    void fillBytesBeforeAMarkerAreLegal() throws JpegException {
        StreamBuilder b = after(6).u8(0xFF, 0xFF, 0xFF);
        int at = b.offset();
        b.u8(0xFF, 0xDD).u16(4).u16(1).eoi();
        Harness h = open(b.bytes(), 0xDD);
        assertEquals(at, h.reader.markerOffset());
        assertNoWarning(h);
    }
}
