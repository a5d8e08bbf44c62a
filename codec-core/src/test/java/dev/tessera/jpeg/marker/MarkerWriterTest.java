package dev.tessera.jpeg.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.StandardTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arguments MarkerWriter cannot encode in the field T.81 gives them. Packed into a nibble or truncated to the
 * field's width, they would silently say something else (Tq 16 becomes Pq 1, Th 17 an AC table 1, Ri 65536
 * no restarts), so the writer rejects them and writes nothing.
 */
class MarkerWriterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ByteSink sink = new ByteSink(bytes, 16);
    private final MarkerWriter writer = new MarkerWriter(sink);

    private void assertNothingWritten() throws IOException {
        sink.flush();
        assertEquals(0, bytes.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4, 16, 17})
    void quantTableDestinationOutsideZeroToThree(int slot) throws IOException {
        // B.2.4.1: Tq 0..3 in the low nibble, next to Pq.
        QuantTable table = QuantTable.ofNatural(StandardTables.LUMINANCE_QUANT.toNaturalArray());
        assertThrows(IllegalArgumentException.class, () -> writer.writeQuantTable(slot, table));
        assertNothingWritten();
    }

    @ParameterizedTest
    @CsvSource({"0, 4", "1, -1", "0, 17", "2, 0", "-1, 0", "16, 0"})
    void huffmanClassOrDestinationOutOfRange(int tableClass, int slot) throws IOException {
        // B.2.4.2: Tc 0 or 1 in the high nibble, Th 0..3 in the low one.
        assertThrows(IllegalArgumentException.class,
            () -> writer.writeHuffmanTable(tableClass, slot, StandardTables.LUMINANCE_DC));
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536})
    void restartIntervalOutsideSixteenBits(int mcus) throws IOException {
        // B.2.4.4: Ri is a 16-bit field.
        assertThrows(IllegalArgumentException.class, () -> writer.writeRestartInterval(mcus));
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 256, 258})
    void adobeTransformOutsideAByte(int transform) throws IOException {
        assertThrows(IllegalArgumentException.class, () -> writer.writeAdobe(transform));
        assertNothingWritten();
    }

    @Test
    void boundsAreWritten() throws IOException {
        writer.writeQuantTable(3, StandardTables.CHROMINANCE_QUANT);
        writer.writeHuffmanTable(1, 3, StandardTables.CHROMINANCE_AC);
        writer.writeRestartInterval(65535);
        writer.writeAdobe(255);
        sink.flush();
        byte[] b = bytes.toByteArray();
        assertEquals(0x03, b[4]);
        int dht = 4 + 67;
        assertEquals(0xC4, b[dht - 1] & 0xFF);
        assertEquals(0x13, b[dht + 2]);
        int dri = dht + 2 + 17 + StandardTables.CHROMINANCE_AC.symbolCount();
        assertEquals(0xDD, b[dri + 1] & 0xFF);
        assertEquals(0xFFFF, ((b[dri + 4] & 0xFF) << 8) | (b[dri + 5] & 0xFF));
        assertEquals(255, b[b.length - 1] & 0xFF);
        assertEquals(dri + 6 + 16, b.length, Arrays.toString(b));
    }
}
