package dev.tessera.jpeg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.entropy.HuffmanTable;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandardTablesTest {
    @Test
    void quantizationTablesMatchAnnexK() {
        // T.81 Table K.1 corners and Table K.2's flat 99 region.
        assertEquals(16, StandardTables.LUMINANCE_QUANT.get(0));
        assertEquals(61, StandardTables.LUMINANCE_QUANT.get(7));
        assertEquals(72, StandardTables.LUMINANCE_QUANT.get(56));
        assertEquals(99, StandardTables.LUMINANCE_QUANT.get(63));
        assertEquals(121, StandardTables.LUMINANCE_QUANT.get(6 * 8 + 5));
        assertEquals(17, StandardTables.CHROMINANCE_QUANT.get(0));
        assertEquals(21, StandardTables.CHROMINANCE_QUANT.get(9));
        assertEquals(66, StandardTables.CHROMINANCE_QUANT.get(11));
        // Table K.2 holds 99 everywhere but the 13 lowest frequencies (rows 0..3: 4, 4, 3 and 2 values).
        int[] lowPerRow = {4, 4, 3, 2, 0, 0, 0, 0};
        for (int n = 0; n < 64; n++) {
            boolean low = n % 8 < lowPerRow[n / 8];
            assertEquals(low, StandardTables.CHROMINANCE_QUANT.get(n) != 99, "K.2 at " + n);
        }
    }

    @Test
    void dcTablesCodeTheTwelveCategories() {
        for (HuffmanSpec spec : new HuffmanSpec[] {StandardTables.LUMINANCE_DC, StandardTables.CHROMINANCE_DC}) {
            HuffmanTable t = new HuffmanTable(spec);
            for (int category = 0; category <= 11; category++) {
                assertTrue(t.lengthOf(category) > 0, "category " + category);
            }
        }
        // T.81 Table K.3: category 0 is "00", category 11 is "111111110".
        HuffmanTable luma = new HuffmanTable(StandardTables.LUMINANCE_DC);
        assertEquals(2, luma.lengthOf(0));
        assertEquals(0b00, luma.codeOf(0));
        assertEquals(9, luma.lengthOf(11));
        assertEquals(0b111111110, luma.codeOf(11));
    }

    @Test
    void acTablesCodeEveryRunSizeSymbol() {
        for (HuffmanSpec spec : new HuffmanSpec[] {StandardTables.LUMINANCE_AC, StandardTables.CHROMINANCE_AC}) {
            assertEquals(162, spec.symbolCount());
            HuffmanTable t = new HuffmanTable(spec);
            Set<Integer> symbols = new HashSet<>();
            for (int i = 0; i < spec.symbolCount(); i++) {
                symbols.add(spec.symbol(i));
            }
            // EOB, ZRL, and run 0..15 with size 1..10.
            assertTrue(symbols.contains(0x00) && symbols.contains(0xF0));
            for (int run = 0; run < 16; run++) {
                for (int size = 1; size <= 10; size++) {
                    int s = (run << 4) | size;
                    assertTrue(t.lengthOf(s) > 0, "symbol " + Integer.toHexString(s));
                }
            }
        }
        // T.81 Table K.5: EOB is "1010", ZRL is "11111111001".
        HuffmanTable luma = new HuffmanTable(StandardTables.LUMINANCE_AC);
        assertEquals(4, luma.lengthOf(0x00));
        assertEquals(0b1010, luma.codeOf(0x00));
        assertEquals(11, luma.lengthOf(0xF0));
        assertEquals(0b11111111001, luma.codeOf(0xF0));
    }
}
