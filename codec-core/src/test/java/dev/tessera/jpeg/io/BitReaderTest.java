package dev.tessera.jpeg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegWarning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** BitWriter -> BitReader round trips: byte stuffing (T.81 F.1.2.3), restart markers, markers in the data. */
class BitReaderTest {
    private ByteSink last;

    private ByteSink sink(ByteArrayOutputStream out) throws IOException {
        last = new ByteSink(out);
        return last;
    }

    private ByteSink unused(ByteArrayOutputStream out) throws IOException {
        return new ByteSink(out);
    }

    record Field(int bits, int length) {
    }

    @Test
    void readsBackWhatTheWriterWroteAcrossStuffedBytesAndRestarts() throws Exception {
        Random r = new Random(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitWriter w = new BitWriter(sink(out));
        List<List<Field>> intervals = new ArrayList<>();
        for (int interval = 0; interval < 12; interval++) {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int length = 1 + r.nextInt(16);
                // Bias towards all-ones fields so that many 0xFF bytes need stuffing.
                int bits = r.nextInt(3) == 0 ? (1 << length) - 1 : r.nextInt(1 << length);
                fields.add(new Field(bits, length));
                w.writeBits(bits, length);
            }
            intervals.add(fields);
            if (interval < 11) {
                w.writeRestartMarker(interval);
            }
        }
        w.flushToByteBoundary();
        last.flush();
        out.write(0xFF); // EOI ends the entropy-coded data, as in a stream
        out.write(0xD9);
        byte[] data = out.toByteArray();
        assertTrue(contains(data, 0xFF, 0x00), "the test data exercises stuffing");
        List<JpegWarning> warnings = new ArrayList<>();
        BitReader reader = new BitReader(new ByteSource(data, new WarningSink(warnings::add, false)),
            new WarningSink(warnings::add, false));
        reader.startScan();
        for (int interval = 0; interval < intervals.size(); interval++) {
            if (interval > 0) {
                reader.readRestartMarker();
            }
            for (Field f : intervals.get(interval)) {
                assertEquals(f.bits(), reader.getBits(f.length()));
            }
        }
        assertFalse(reader.insufficientData());
        assertTrue(warnings.isEmpty(), warnings::toString);
    }

    @Test
    void aMarkerEndsTheDataWithZeroBitsAndOneWarning() throws Exception {
        byte[] data = {(byte) 0xAB, (byte) 0xFF, (byte) 0xD9};
        List<JpegWarning> warnings = new ArrayList<>();
        WarningSink sink = new WarningSink(warnings::add, false);
        BitReader reader = new BitReader(new ByteSource(data, sink), sink);
        reader.startScan();
        assertEquals(0xAB, reader.getBits(8));
        assertFalse(reader.insufficientData());
        assertEquals(0, reader.getBits(16));
        assertTrue(reader.insufficientData());
        assertEquals(0, reader.getBits(16));
        assertEquals(1, warnings.size());
        assertEquals(JpegWarning.Kind.PREMATURE_END_OF_SCAN, warnings.get(0).kind());
        assertEquals(1, warnings.get(0).offset());
        assertEquals(0xD9, reader.finishScan());
    }

    @Test
    void fillBytesBeforeAMarkerAreSkipped() throws Exception {
        byte[] data = {0x12, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xD0, 0x34};
        WarningSink sink = new WarningSink(null, false);
        BitReader reader = new BitReader(new ByteSource(data, sink), sink);
        reader.startScan();
        assertEquals(0x12, reader.getBits(8));
        reader.readRestartMarker();
        assertEquals(0x34, reader.getBits(8));
        assertFalse(reader.insufficientData());
    }

    @Test
    void aMissingRestartMarkerIsResynchronisedAsLibjpegDoes() throws Exception {
        // Expect RST0 but find RST1: one of the next two expected, so libjpeg leaves it unread and the
        // interval decodes as zeros; the following restart then finds RST1 as expected.
        byte[] data = {0x12, (byte) 0xFF, (byte) 0xD1, 0x34};
        List<JpegWarning> warnings = new ArrayList<>();
        WarningSink sink = new WarningSink(warnings::add, false);
        BitReader reader = new BitReader(new ByteSource(data, sink), sink);
        reader.startScan();
        assertEquals(0x12, reader.getBits(8));
        reader.readRestartMarker();
        assertEquals(JpegWarning.Kind.RESTART_RESYNC, warnings.get(0).kind());
        assertEquals(0, reader.getBits(8));
        assertTrue(reader.insufficientData());
        reader.readRestartMarker();
        assertFalse(reader.insufficientData());
        assertEquals(0x34, reader.getBits(8));
    }

    @Test
    void pastTheEndTheSourceSuppliesAFakeEoi() throws Exception {
        List<JpegWarning> warnings = new ArrayList<>();
        ByteSource source = new ByteSource(new byte[] {1}, new WarningSink(warnings::add, false));
        assertEquals(1, source.read());
        assertEquals(0xFF, source.read());
        assertEquals(0xD9, source.read());
        assertEquals(0xFF, source.read());
        assertEquals(1, warnings.size());
        assertEquals(JpegWarning.Kind.PREMATURE_END_OF_FILE, warnings.get(0).kind());
    }

    private static boolean contains(byte[] data, int a, int b) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == a && (data[i + 1] & 0xFF) == b) {
                return true;
            }
        }
        return false;
    }

    /**
     * The read point (where bad-code warnings point) is the byte holding the next unread bit, a stuffed pair
     * counting as one data byte, however far the buffer has read ahead; at a marker it is the marker's offset.
     */
    @Test
    void readPointIsTheByteOfTheNextUnreadBitWhateverTheReadAhead() throws Exception {
        // A fill byte before a stuffed zero (FF FF 00) reads as one 0xFF data byte, as in libjpeg.
        byte[] data = {0x12, (byte) 0xFF, 0x00, 0x34, 0x56, (byte) 0xFF, 0x00, (byte) 0xFF, (byte) 0xFF, 0x00, 0x78,
            0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, (byte) 0xFF, (byte) 0xD9};
        // Offsets of the data bytes 12 FF 34 56 FF FF 78 01 02 ... 07, then the marker at 18.
        long[] byteOffsets = {0, 1, 3, 4, 5, 7, 10, 11, 12, 13, 14, 15, 16, 17};
        for (int consumed = 0; consumed <= byteOffsets.length * 8; consumed += 3) {
            for (int readAhead : new int[] {1, 16, 57}) {
                WarningSink warnings = new WarningSink(null, false);
                BitReader bits = new BitReader(new ByteSource(data, warnings), warnings);
                bits.startScan();
                int left = consumed;
                while (left > 0) {
                    int n = Math.min(left, 16);
                    bits.peekBits(Math.max(n, Math.min(readAhead, 16)));
                    bits.fillTo(readAhead);
                    bits.skipBits(n);
                    left -= n;
                }
                bits.fillTo(readAhead);
                long expected = consumed / 8 < byteOffsets.length ? byteOffsets[consumed / 8] : 18;
                assertEquals(expected, bits.readPoint(), consumed + " bits consumed, read ahead " + readAhead);
            }
        }
    }

    @Test
    void bitPositionCountsTheBitsConsumedWhateverTheReadAheadAndStartingByte() throws Exception {
        byte[] data = {0x12, (byte) 0xFF, 0x00, 0x34, 0x56, (byte) 0xFF, 0x00, (byte) 0xFF, (byte) 0xFF, 0x00, 0x78,
            0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, (byte) 0xFF, (byte) 0xD9};
        long[] byteOffsets = {0, 1, 3, 4, 5, 7, 10, 11, 12, 13, 14, 15, 16, 17};
        int dataBits = byteOffsets.length * 8;
        // Readers started at each data byte, as a split decode's worker starts: same bit, same position.
        for (int first = 0; first < byteOffsets.length; first++) {
            for (int consumed = 0; consumed <= dataBits - first * 8; consumed += 3) {
                for (int readAhead : new int[] {1, 16, 57}) {
                    WarningSink warnings = new WarningSink(null, false);
                    BitReader bits = new BitReader(new ByteSource(data, warnings).sibling(byteOffsets[first],
                        warnings), warnings);
                    bits.startScan();
                    int left = consumed;
                    while (left > 0) {
                        int n = Math.min(left, 16);
                        bits.peekBits(Math.max(n, Math.min(readAhead, 16)));
                        bits.fillTo(readAhead);
                        bits.skipBits(n);
                        left -= n;
                    }
                    bits.fillTo(readAhead);
                    int bit = first * 8 + consumed;
                    long expected = bit == dataBits ? 18 * 8 : byteOffsets[bit / 8] * 8 + bit % 8;
                    String label = "from data byte " + first + ", " + consumed + " bits, read ahead " + readAhead;
                    assertEquals(expected, bits.bitPosition(), label);
                    assertEquals(expected, BitReader.bitPosition(data, bits.rawPosition()), label);
                }
            }
        }
        // After a data bit past the marker was consumed there is no position.
        WarningSink warnings = new WarningSink(null, false);
        BitReader bits = new BitReader(new ByteSource(data, warnings).sibling(17, warnings), warnings);
        bits.startScan();
        bits.getBits(8);
        assertEquals(18 * 8, bits.bitPosition());
        bits.getBits(1);
        assertEquals(-1, bits.bitPosition());
    }

    @Test
    void markersDataBytesAndCleanEndsAreFoundAsTheReaderWouldReadThem() {
        byte[] data = {0x12, (byte) 0xFF, 0x00, 0x34, (byte) 0xFF, (byte) 0xFF, 0x00, 0x56, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xD9, 0x01};
        assertEquals(8, BitReader.nextMarker(data, 0));
        assertEquals(8, BitReader.nextMarker(data, 8));
        assertEquals(5, BitReader.nextMarker(new byte[] {1, (byte) 0xFF, 0, 2, (byte) 0xFF}, 0), "no marker: the end");
        byte[] longer = new byte[40];
        longer[33] = (byte) 0xFF;
        longer[34] = (byte) 0xC4;
        assertEquals(33, BitReader.nextMarker(longer, 0));
        assertEquals(3, BitReader.dataByteStart(data, 2));
        assertEquals(3, BitReader.dataByteStart(data, 3));
        assertEquals(7, BitReader.dataByteStart(data, 5));
        // From bit 7 * 8 (data byte 0x56 unread) the data does not end; within it, it ends with a fill byte and
        // EOI, which is not clean (where a reader reports the marker depends on its read-ahead).
        assertEquals(-1, BitReader.cleanEnd(data, 7 * 8));
        assertEquals(-1, BitReader.cleanEnd(data, 7 * 8 + 1));
        assertEquals(-1, BitReader.cleanEnd(data, 8 * 8));
        byte[] plain = {0x12, 0x56, (byte) 0xFF, (byte) 0xD9};
        assertEquals(-1, BitReader.cleanEnd(plain, 8));
        assertEquals(2, BitReader.cleanEnd(plain, 8 + 1));
        assertEquals(2, BitReader.cleanEnd(plain, 2 * 8));
        // Within the stuffed FF FF 00 the end is after its zero: data 0x56 follows, so not clean.
        assertEquals(-1, BitReader.cleanEnd(data, 4 * 8 + 3));
        assertEquals(-1, BitReader.cleanEnd(data, -1));
        byte[] restart = {0x12, 0x34, (byte) 0xFF, (byte) 0xD2, 0x00};
        assertEquals(-1, BitReader.cleanEnd(restart, 2 * 8), "a restart marker does not end a scan");
        byte[] stuffedLast = {0x12, (byte) 0xFF, 0x00, (byte) 0xFF, (byte) 0xD9};
        assertEquals(3, BitReader.cleanEnd(stuffedLast, 8 + 5));
        assertEquals(-1, BitReader.cleanEnd(new byte[] {0x12, 0x34}, 8), "no marker before the end of the stream");
    }
}
