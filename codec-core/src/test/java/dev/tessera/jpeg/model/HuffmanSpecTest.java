package dev.tessera.jpeg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** HuffmanSpec against T.81 B.2.4.2 (BITS and HUFFVAL) and Annex C (the codes they generate). */
class HuffmanSpecTest {
    /** BITS from (length, count) pairs. */
    private static int[] bits(int... lengthsAndCounts) {
        int[] c = new int[16];
        for (int i = 0; i < lengthsAndCounts.length; i += 2) {
            c[lengthsAndCounts[i] - 1] += lengthsAndCounts[i + 1];
        }
        return c;
    }

    private static int[] values(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * 37) & 255;
        }
        return v;
    }

    @Test
    void bitsNeedsSixteenCounts() {
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(null, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(new int[15], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(new int[17], new int[0]));
    }

    @Test
    void countsAreBytes() {
        int[] negative = bits(3, 2);
        negative[5] = -1;
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(negative, values(1)));
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(16, 256), values(256)));
    }

    @Test
    void atMost256Values() {
        // 256 codes of 16 bits fit the code space easily; 257 values are more than a byte can name.
        assertEquals(256, new HuffmanSpec(bits(16, 255, 15, 1), values(256)).symbolCount());
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(16, 255, 15, 2), values(257)));
    }

    @Test
    void overSubscribedLengthsAreRejected() {
        // C.2: codes of each length follow those of shorter lengths; more than 2^L codes of length L (counting
        // the space shorter codes take) cannot be generated.
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(1, 3), values(3)));
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(1, 1, 2, 3), values(4)));
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(2, 4, 16, 1), values(5)));
        // 127 codes of 7 bits and 2 of 8 fill the code space exactly; a third 8-bit code over-fills it.
        assertEquals(129, new HuffmanSpec(bits(7, 127, 8, 2), values(129)).symbolCount());
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(7, 127, 8, 3), values(130)));
    }

    @Test
    void exactlyFullCodeSpaceIsAcceptedHere() {
        // A complete code fits C.2; that no code may be all 1-bits is checked when a decoder builds its
        // lookup (HuffmanLookup, as libjpeg's jpeg_make_d_derived_tbl), not in the value.
        assertEquals(4, new HuffmanSpec(bits(2, 4), values(4)).symbolCount());
        assertEquals(3, new HuffmanSpec(bits(1, 1, 2, 1, 3, 1), values(3)).symbolCount());
        assertEquals(0, new HuffmanSpec(new int[16], new int[0]).symbolCount());
    }

    @Test
    void valuesMustMatchTheCountsAndBeBytes() {
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(3, 2), null));
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(3, 2), new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(3, 2), new int[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(3, 2), new int[] {1, 256}));
        assertThrows(IllegalArgumentException.class, () -> new HuffmanSpec(bits(3, 2), new int[] {-1, 2}));
    }

    @Test
    void accessorsFollowBitsAndHuffval() {
        HuffmanSpec s = new HuffmanSpec(bits(2, 1, 3, 2, 16, 1), new int[] {0xF0, 0, 255, 0x11});
        assertEquals(0, s.countOfLength(1));
        assertEquals(1, s.countOfLength(2));
        assertEquals(2, s.countOfLength(3));
        assertEquals(1, s.countOfLength(16));
        assertEquals(4, s.symbolCount());
        assertEquals(0xF0, s.symbol(0));
        assertEquals(255, s.symbol(2));
        assertEquals(0x11, s.symbol(3));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        int[] counts = bits(2, 2, 3, 1);
        int[] symbols = {5, 6, 7};
        HuffmanSpec s = new HuffmanSpec(counts, symbols);
        counts[1] = 0;
        counts[0] = 2;
        symbols[0] = 99;
        assertEquals(2, s.countOfLength(2));
        assertEquals(0, s.countOfLength(1));
        assertEquals(5, s.symbol(0));
        s.counts()[1] = 9;
        s.symbols()[2] = 9;
        assertArrayEquals(bits(2, 2, 3, 1), s.counts());
        assertArrayEquals(new int[] {5, 6, 7}, s.symbols());
    }

    @Test
    void equalityIsByContent() {
        HuffmanSpec a = new HuffmanSpec(bits(2, 2, 3, 1), new int[] {5, 6, 7});
        HuffmanSpec b = new HuffmanSpec(bits(2, 2, 3, 1), new int[] {5, 6, 7});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        // The same values with other lengths, or in another order, are other codes.
        assertNotEquals(a, new HuffmanSpec(bits(2, 1, 3, 2), new int[] {5, 6, 7}));
        assertNotEquals(a, new HuffmanSpec(bits(2, 2, 3, 1), new int[] {6, 5, 7}));
        assertNotEquals(a, "HuffmanSpec");
    }
}
