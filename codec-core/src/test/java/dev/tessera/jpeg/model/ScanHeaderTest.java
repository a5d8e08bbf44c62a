package dev.tessera.jpeg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ScanHeader and ScanComponent against T.81 B.2.3. */
class ScanHeaderTest {
    private static final List<ScanComponent> ONE = List.of(new ScanComponent(1, 0, 0));

    @ParameterizedTest
    @CsvSource({"-1, 0, 0", "256, 0, 0", "1, -1, 0", "1, 16, 0", "1, 0, -1", "1, 0, 16"})
    void scanComponentRejects(int id, int td, int ta) {
        // B.2.3: Csj one byte; Tdj and Taj are 4-bit fields.
        assertThrows(IllegalArgumentException.class, () -> new ScanComponent(id, td, ta));
    }

    @Test
    void scanComponentAcceptsTheBounds() {
        ScanComponent c = new ScanComponent(255, 15, 3);
        assertEquals(255, c.componentId());
        assertEquals(15, c.dcTableSlot());
        assertEquals(3, c.acTableSlot());
        assertEquals(0, new ScanComponent(0, 0, 0).componentId());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void scanNeedsOneToFourComponents(int n) {
        List<ScanComponent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new ScanComponent(i + 1, 0, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> new ScanHeader(list, 0, 63, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScanHeader(null, 0, 63, 0, 0));
        List<ScanComponent> four = Collections.nCopies(4, new ScanComponent(1, 0, 0));
        assertEquals(4, new ScanHeader(four, 0, 63, 0, 0).components().size());
    }

    @ParameterizedTest
    @CsvSource({"-1, 63, 0, 0", "256, 63, 0, 0", "0, -1, 0, 0", "0, 256, 0, 0", "0, 63, -1, 0", "0, 63, 16, 0",
        "0, 63, 0, -1", "0, 63, 0, 16"})
    void scanRejectsFieldsOutsideTheirBytesAndNibbles(int ss, int se, int ah, int al) {
        assertThrows(IllegalArgumentException.class, () -> new ScanHeader(ONE, ss, se, ah, al));
    }

    @Test
    void scanAcceptsFieldBounds() {
        ScanHeader s = new ScanHeader(ONE, 255, 255, 15, 15);
        assertEquals(255, s.spectralStart());
        assertEquals(255, s.spectralEnd());
        assertEquals(15, s.approxHigh());
        assertEquals(15, s.approxLow());
    }

    @Test
    void sequentialScanCoversAllCoefficients() {
        ScanHeader s = ScanHeader.sequential(ONE);
        assertEquals(new ScanHeader(ONE, 0, 63, 0, 0), s);
    }

    @Test
    void componentListIsCopiedIn() {
        List<ScanComponent> list = new ArrayList<>(ONE);
        ScanHeader s = new ScanHeader(list, 1, 5, 0, 2);
        list.add(new ScanComponent(2, 1, 1));
        assertEquals(ONE, s.components());
        assertThrows(UnsupportedOperationException.class, () -> s.components().clear());
    }

    @Test
    void equalityIsByValue() {
        ScanHeader a = new ScanHeader(ONE, 1, 5, 2, 1);
        assertEquals(a, new ScanHeader(new ArrayList<>(List.of(new ScanComponent(1, 0, 0))), 1, 5, 2, 1));
        assertEquals(a.hashCode(), new ScanHeader(List.of(new ScanComponent(1, 0, 0)), 1, 5, 2, 1).hashCode());
        assertNotEquals(a, new ScanHeader(ONE, 1, 5, 2, 0));
        assertNotEquals(a, new ScanHeader(List.of(new ScanComponent(1, 0, 1)), 1, 5, 2, 1));
    }
}
