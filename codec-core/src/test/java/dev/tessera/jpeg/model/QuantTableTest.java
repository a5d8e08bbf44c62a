package dev.tessera.jpeg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** QuantTable against T.81 B.2.4.1 (Qk 1..255 or 1..65535, in zig-zag order in the segment) and Figure A.6. */
class QuantTableTest {
    private static int[] filled(int v) {
        int[] a = new int[64];
        Arrays.fill(a, v);
        return a;
    }

    private static int[] ramp() {
        int[] a = new int[64];
        for (int i = 0; i < 64; i++) {
            a[i] = 100 + i;
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void encoderTablesRejectStepsOutsideOneTo65535(int bad) {
        int[] a = filled(16);
        a[37] = bad;
        assertThrows(IllegalArgumentException.class, () -> QuantTable.ofNatural(a));
        assertThrows(IllegalArgumentException.class, () -> QuantTable.ofZigZag(a));
    }

    @Test
    void tablesNeed64Values() {
        assertThrows(IllegalArgumentException.class, () -> QuantTable.ofNatural(null));
        assertThrows(IllegalArgumentException.class, () -> QuantTable.ofNatural(new int[63]));
        assertThrows(IllegalArgumentException.class, () -> QuantTable.ofZigZag(Arrays.copyOf(filled(1), 65)));
        assertThrows(IllegalArgumentException.class, () -> QuantTable.decoded(null));
        assertThrows(IllegalArgumentException.class, () -> QuantTable.decoded(new int[65]));
    }

    @Test
    void decodedTablesAcceptZeroAsLibjpegDoes() {
        QuantTable t = QuantTable.decoded(filled(0));
        assertEquals(0, t.get(0));
        int[] a = filled(1);
        a[3] = 65536;
        assertThrows(IllegalArgumentException.class, () -> QuantTable.decoded(a));
        a[3] = -1;
        assertThrows(IllegalArgumentException.class, () -> QuantTable.decoded(a));
    }

    @Test
    void zigZagOrderIsFigureA6() {
        // Figure A.6: zig-zag positions 0..5 are (row, column) (0,0), (0,1), (1,0), (2,0), (1,1), (0,2);
        // 63 is (7,7) and 62 is (7,6).
        int[] natural = {0, 1, 8, 16, 9, 2};
        QuantTable t = QuantTable.ofZigZag(ramp());
        for (int k = 0; k < natural.length; k++) {
            assertEquals(100 + k, t.get(natural[k]), "zig-zag " + k);
            assertEquals(100 + k, t.getZigZag(k));
        }
        assertEquals(163, t.get(63));
        assertEquals(162, t.get(62));
        assertEquals(QuantTable.decoded(ramp()), t);
        QuantTable n = QuantTable.ofNatural(ramp());
        assertEquals(108, n.getZigZag(2));
        assertEquals(116, n.getZigZag(3));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        int[] a = ramp();
        QuantTable natural = QuantTable.ofNatural(a);
        QuantTable zigZag = QuantTable.ofZigZag(a);
        QuantTable decoded = QuantTable.decoded(a);
        a[0] = 1;
        a[63] = 1;
        assertEquals(100, natural.get(0));
        assertEquals(100, zigZag.getZigZag(0));
        assertEquals(163, decoded.getZigZag(63));
        natural.toNaturalArray()[5] = 7;
        assertArrayEquals(ramp(), natural.toNaturalArray());
    }

    @Test
    void precisionIsSixteenBitsOnlyWhenAValueNeedsIt() {
        assertEquals(0, QuantTable.ofNatural(filled(255)).precision());
        int[] a = filled(1);
        a[63] = 256;
        assertEquals(1, QuantTable.ofNatural(a).precision());
        assertEquals(1, QuantTable.ofNatural(filled(65535)).precision());
    }

    @Test
    void equalityIsByContent() {
        QuantTable a = QuantTable.ofNatural(ramp());
        int[] zz = new int[64];
        for (int k = 0; k < 64; k++) {
            zz[k] = a.getZigZag(k);
        }
        QuantTable b = QuantTable.ofZigZag(zz);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, QuantTable.ofZigZag(ramp()));
        assertNotEquals(a, QuantTable.ofNatural(filled(100)));
    }
}
