package dev.tessera.jpeg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegWarning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BitReader#readArithmeticByte()}: T.81 D.2.6 BYTE_IN with stuffing, fill bytes and markers. */
class ArithmeticByteTest {
    private final List<JpegWarning> warnings = new ArrayList<>();

    private BitReader reader(int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        WarningSink sink = new WarningSink(warnings::add, false);
        BitReader r = new BitReader(new ByteSource(data, sink), sink);
        r.startScan();
        return r;
    }

    @Test
    void stuffedFfReadsAsFfAndFillBytesBeforeAMarkerAreSkipped() throws Exception {
        BitReader r = reader(0x12, 0xFF, 0x00, 0x34, 0xFF, 0xFF, 0xFF, 0xD0, 0x56);
        assertEquals(0x12, r.readArithmeticByte());
        assertEquals(0xFF, r.readArithmeticByte()); // F.1.2.3: 0xFF 0x00 is a data byte 0xFF
        assertEquals(0x34, r.readArithmeticByte());
        // B.1.1.2 fill bytes, then RST0: from here on zeros, and the marker waits for the marker reader.
        assertEquals(0, r.readArithmeticByte());
        assertEquals(0, r.readArithmeticByte());
        assertEquals(0, r.readArithmeticByte());
        assertEquals(0xD0, r.finishScan());
        assertEquals(4, r.markerOffset());
    }

    @Test
    void meetingAMarkerIsNotAnErrorInArithmeticData() throws Exception {
        // Unlike Huffman data (jdhuff.c warns "premature end of data segment"), jdarith.c supplies zeros quietly:
        // the encoder's flush (D.1.8) may drop trailing zero bytes before the marker.
        BitReader r = reader(0x80, 0xFF, 0xD9);
        assertEquals(0x80, r.readArithmeticByte());
        for (int i = 0; i < 10; i++) {
            assertEquals(0, r.readArithmeticByte());
        }
        assertFalse(r.insufficientData());
        assertTrue(warnings.isEmpty(), warnings::toString);
        assertEquals(0xD9, r.finishScan());
    }

    @Test
    void endOfStreamReadsAsTheFakeEoi() throws Exception {
        BitReader r = reader(0x01);
        assertEquals(0x01, r.readArithmeticByte());
        assertEquals(0, r.readArithmeticByte());
        assertEquals(0xD9, r.finishScan());
        assertEquals(1, warnings.size()); // ByteSource's premature end of file, once
        assertEquals(JpegWarning.Kind.PREMATURE_END_OF_FILE, warnings.get(0).kind());
    }
}
