package dev.tessera.jpeg.model;

import java.util.Arrays;

/**
 * A Huffman table as a DHT segment specifies it (T.81 B.2.4.2): BITS, the number of codes of each length
 * 1..16, and HUFFVAL, the symbols in order of increasing code length. Immutable; validated on construction
 * (at most 256 symbols, and the code lengths must fit a prefix code, T.81 C.2).
 */
public final class HuffmanSpec {
    private final int[] counts;
    private final int[] symbols;

    /**
     * @param counts  BITS: {@code counts[i]} codes of length i+1, 16 entries
     * @param symbols HUFFVAL: as many symbols (0..255) as the counts add up to
     */
    public HuffmanSpec(int[] counts, int[] symbols) {
        if (counts == null || counts.length != 16) {
            throw new IllegalArgumentException("BITS needs 16 counts");
        }
        int total = 0;
        long codeSpace = 1L << 16;
        for (int i = 0; i < 16; i++) {
            if (counts[i] < 0 || counts[i] > 255) {
                throw new IllegalArgumentException("BITS count out of range: " + counts[i]);
            }
            total += counts[i];
            codeSpace -= (long) counts[i] << (15 - i);
        }
        if (total > 256) {
            throw new IllegalArgumentException("a Huffman table holds at most 256 symbols, found " + total);
        }
        // T.81 C.2: the codes of each length follow the shorter ones; more than the space allows cannot be coded.
        if (codeSpace < 0) {
            throw new IllegalArgumentException("Huffman code lengths over-subscribed");
        }
        if (symbols == null || symbols.length != total) {
            throw new IllegalArgumentException("HUFFVAL needs " + total + " symbols");
        }
        for (int s : symbols) {
            if (s < 0 || s > 255) {
                throw new IllegalArgumentException("Huffman symbol out of range: " + s);
            }
        }
        this.counts = counts.clone();
        this.symbols = symbols.clone();
    }

    /** BITS[length]: the number of codes of {@code length} bits, 1..16. */
    public int countOfLength(int length) {
        return counts[length - 1];
    }

    public int symbolCount() {
        return symbols.length;
    }

    /** HUFFVAL[i]. */
    public int symbol(int i) {
        return symbols[i];
    }

    /** A copy of BITS (16 entries, index 0 is length 1). */
    public int[] counts() {
        return counts.clone();
    }

    /** A copy of HUFFVAL. */
    public int[] symbols() {
        return symbols.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HuffmanSpec h && Arrays.equals(counts, h.counts) && Arrays.equals(symbols, h.symbols);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Arrays.hashCode(symbols);
    }

    @Override
    public String toString() {
        return "HuffmanSpec{bits=" + Arrays.toString(counts) + ", values=" + symbols.length + "}";
    }
}
