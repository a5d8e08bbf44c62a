package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.StandardTables;
import org.junit.jupiter.api.Test;

class HuffmanTableTest {
    @Test
    void derivesCanonicalCodesPerC2() {
        // Two codes of length 2, one of length 3, two of length 4.
        int[] bits = new int[16];
        bits[1] = 2;
        bits[2] = 1;
        bits[3] = 2;
        HuffmanTable t = new HuffmanTable(new HuffmanSpec(bits, new int[] {7, 3, 9, 1, 200}));
        assertEquals(0b00, t.codeOf(7));
        assertEquals(0b01, t.codeOf(3));
        assertEquals(0b100, t.codeOf(9));
        assertEquals(0b1010, t.codeOf(1));
        assertEquals(0b1011, t.codeOf(200));
        assertEquals(4, t.lengthOf(200));
        assertEquals(0, t.lengthOf(5));
    }

    @Test
    void codesArePrefixFreeForTheStandardTables() {
        for (HuffmanSpec spec : new HuffmanSpec[] {StandardTables.LUMINANCE_DC, StandardTables.CHROMINANCE_DC,
            StandardTables.LUMINANCE_AC, StandardTables.CHROMINANCE_AC}) {
            HuffmanTable t = new HuffmanTable(spec);
            for (int i = 0; i < t.size(); i++) {
                for (int j = 0; j < t.size(); j++) {
                    if (i != j && t.lengthAt(i) <= t.lengthAt(j)) {
                        int prefix = t.codeAt(j) >>> (t.lengthAt(j) - t.lengthAt(i));
                        assertTrue(prefix != t.codeAt(i), "code " + i + " is a prefix of code " + j);
                    }
                }
                // No code is all ones (T.81 C.2 leaves that sequence unused).
                assertTrue(t.codeAt(i) != (1 << t.lengthAt(i)) - 1, "all-ones code " + i);
            }
        }
    }

    @Test
    void rejectsOverSubscribedLengths() {
        int[] bits = new int[16];
        bits[0] = 3; // three 1-bit codes cannot exist
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new HuffmanSpec(bits, new int[] {0, 1, 2}));
        assertTrue(e.getMessage().contains("over-subscribed"));
    }

    @Test
    void rejectsMismatchedSymbolCount() {
        int[] bits = new int[16];
        bits[1] = 2;
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits, new int[] {0}));
    }
}
