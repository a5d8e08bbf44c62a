package dev.tessera.jpeg.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tessera.jpeg.spec.Marker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** FrameHeader and ComponentSpec against T.81 B.2.2. */
class FrameHeaderTest {
    private static final ComponentSpec Y = new ComponentSpec(1, 2, 2, 0);
    private static final List<ComponentSpec> GREY = List.of(new ComponentSpec(1, 1, 1, 0));

    @ParameterizedTest
    @CsvSource({"-1, 1, 1, 0", "256, 1, 1, 0", "1, 0, 1, 0", "1, 5, 1, 0", "1, 1, 0, 0", "1, 1, 5, 0",
        "1, 1, 1, -1", "1, 1, 1, 256"})
    void componentSpecRejects(int id, int h, int v, int tq) {
        // B.2.2: Ci 0..255, Hi and Vi 1..4; Tqi is one byte (0..3 checked only when a scan uses it).
        assertThrows(IllegalArgumentException.class, () -> new ComponentSpec(id, h, v, tq));
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 1, 0", "255, 4, 4, 3", "7, 1, 4, 255", "9, 4, 1, 0"})
    void componentSpecAcceptsTheBounds(int id, int h, int v, int tq) {
        ComponentSpec c = new ComponentSpec(id, h, v, tq);
        assertEquals(id, c.id());
        assertEquals(h, c.horizontalSampling());
        assertEquals(v, c.verticalSampling());
        assertEquals(tq, c.quantTableSlot());
    }

    @ParameterizedTest
    @EnumSource(value = Marker.class, names = {"SOF0", "SOF1", "SOF2", "SOF3", "SOF5", "SOF6", "SOF7", "SOF9",
        "SOF10", "SOF11", "SOF13", "SOF14", "SOF15"})
    void everySofMarkerNamesAProcess(Marker process) {
        assertEquals(process, new FrameHeader(process, 8, 1, 1, GREY).process());
    }

    @ParameterizedTest
    @EnumSource(value = Marker.class, names = {"DHT", "JPG", "DAC", "SOS", "SOI", "APP0", "DQT"})
    void nonSofMarkersAreRejected(Marker notAFrame) {
        // B.1.1.3: C4 (DHT), C8 (JPG) and CC (DAC) sit among the SOFn codes but are not frames.
        assertThrows(IllegalArgumentException.class, () -> new FrameHeader(notAFrame, 8, 1, 1, GREY));
    }

    @Test
    void processMustNotBeNull() {
        assertThrows(IllegalArgumentException.class, () -> new FrameHeader(null, 8, 1, 1, GREY));
    }

    @ParameterizedTest
    @CsvSource({"1, 8, 8", "17, 8, 8", "8, -1, 8", "8, 65536, 8", "8, 8, 0", "8, 8, -1", "8, 8, 65536"})
    void frameRejectsPrecisionAndSizeOutOfRange(int precision, int height, int width) {
        assertThrows(IllegalArgumentException.class, () -> new FrameHeader(Marker.SOF1, precision, height, width, GREY));
    }

    @Test
    void frameAcceptsTheBounds() {
        // B.2.2: P 2..16 (lossless), Y 0..65535 (0 defined later by DNL), X 1..65535.
        assertDoesNotThrow(() -> new FrameHeader(Marker.SOF3, 2, 0, 1, GREY));
        assertDoesNotThrow(() -> new FrameHeader(Marker.SOF3, 16, 65535, 65535, GREY));
    }

    @Test
    void frameNeedsOneTo255Components() {
        assertThrows(IllegalArgumentException.class, () -> new FrameHeader(Marker.SOF0, 8, 8, 8, null));
        assertThrows(IllegalArgumentException.class, () -> new FrameHeader(Marker.SOF0, 8, 8, 8, List.of()));
        List<ComponentSpec> many = new ArrayList<>(Collections.nCopies(255, new ComponentSpec(1, 1, 1, 0)));
        assertEquals(255, new FrameHeader(Marker.SOF0, 8, 8, 8, many).components().size());
        many.add(new ComponentSpec(2, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameHeader(Marker.SOF0, 8, 8, 8, many));
    }

    @Test
    void componentListIsCopiedIn() {
        List<ComponentSpec> list = new ArrayList<>(List.of(Y, new ComponentSpec(2, 1, 1, 1)));
        FrameHeader frame = new FrameHeader(Marker.SOF0, 8, 8, 8, list);
        list.set(0, new ComponentSpec(9, 4, 4, 3));
        list.add(new ComponentSpec(3, 1, 1, 1));
        assertEquals(List.of(Y, new ComponentSpec(2, 1, 1, 1)), frame.components());
        assertThrows(UnsupportedOperationException.class, () -> frame.components().add(Y));
    }

    @Test
    void maximumSamplingFactors() {
        // A.1.1: Hmax and Vmax over all components, whichever component holds them.
        FrameHeader frame = new FrameHeader(Marker.SOF2, 8, 8, 8, List.of(new ComponentSpec(1, 1, 3, 0),
            new ComponentSpec(2, 4, 1, 0), new ComponentSpec(3, 2, 2, 0)));
        assertEquals(4, frame.maxHorizontalSampling());
        assertEquals(3, frame.maxVerticalSampling());
    }

    @Test
    void componentLookupById() {
        ComponentSpec cb = new ComponentSpec(2, 1, 1, 1);
        FrameHeader frame = new FrameHeader(Marker.SOF0, 8, 8, 8, List.of(Y, cb, new ComponentSpec(2, 1, 1, 2)));
        assertSame(Y, frame.component(1));
        // The first component with that id.
        assertSame(cb, frame.component(2));
        assertNull(frame.component(3));
    }

    @Test
    void equalityIsByValue() {
        FrameHeader a = new FrameHeader(Marker.SOF0, 8, 480, 640, List.of(Y));
        FrameHeader b = new FrameHeader(Marker.SOF0, 8, 480, 640, new ArrayList<>(List.of(new ComponentSpec(1, 2, 2, 0))));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new FrameHeader(Marker.SOF1, 8, 480, 640, List.of(Y)));
        assertNotEquals(a, new FrameHeader(Marker.SOF0, 12, 480, 640, List.of(Y)));
        assertNotEquals(a, new FrameHeader(Marker.SOF0, 8, 481, 640, List.of(Y)));
        assertNotEquals(a, new FrameHeader(Marker.SOF0, 8, 480, 640, List.of(new ComponentSpec(1, 2, 1, 0))));
        assertNotEquals(new ComponentSpec(1, 2, 2, 0), new ComponentSpec(1, 2, 2, 1));
    }
}
