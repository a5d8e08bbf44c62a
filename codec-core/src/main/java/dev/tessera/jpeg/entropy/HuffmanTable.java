package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.model.HuffmanSpec;

/**
 * The Huffman codes derived from a {@link HuffmanSpec} (T.81 Annex C): code lengths (C.1, HUFFSIZE), codes
 * (C.2, HUFFCODE), and, for encoding, the code and length of each symbol (C.3, EHUFCO and EHUFSI).
 * Immutable.
 */
public final class HuffmanTable {
    private final HuffmanSpec spec;
    /** HUFFSIZE and HUFFCODE, indexed like HUFFVAL. */
    private final int[] sizes;
    private final int[] codes;
    /** EHUFSI and EHUFCO, indexed by symbol; size 0 means the symbol has no code. */
    private final int[] sizeBySymbol = new int[256];
    private final int[] codeBySymbol = new int[256];
    /** Per symbol {@code EHUFCO << 5 | EHUFSI}: one load for the encoder's inner loop. */
    private final int[] codeAndLength = new int[256];
    /**
     * Per symbol its code with room below for the symbol's own extra bits (T.81 F.1.2.2.1: the low 4 bits of an AC
     * symbol, SSSS, count them): {@code (EHUFCO << SSSS) << 6 | (EHUFSI + SSSS)}, so that a coded symbol is the
     * entry's top bits ORed with its extra bits, and its length the low 6 bits.
     */
    private final long[] codeWithExtraBits = new long[256];

    public HuffmanTable(HuffmanSpec spec) {
        this.spec = spec;
        int n = spec.symbolCount();
        sizes = new int[n];
        codes = new int[n];
        // C.1 (Figure C.1): list code lengths in symbol order.
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            for (int i = 0; i < spec.countOfLength(length); i++) {
                sizes[k++] = length;
            }
        }
        // C.2 (Figure C.2): consecutive codes within a length; shift left when the length grows.
        int code = 0;
        int size = n > 0 ? sizes[0] : 0;
        for (int i = 0; i < n; i++) {
            while (sizes[i] > size) {
                code <<= 1;
                size++;
            }
            codes[i] = code++;
        }
        // C.3 (Figure C.3): order the codes by symbol. A symbol listed twice keeps its first code.
        for (int i = n - 1; i >= 0; i--) {
            int symbol = spec.symbol(i);
            sizeBySymbol[symbol] = sizes[i];
            codeBySymbol[symbol] = codes[i];
        }
        for (int symbol = 0; symbol < 256; symbol++) {
            codeAndLength[symbol] = codeBySymbol[symbol] << 5 | sizeBySymbol[symbol];
            int extra = symbol & 15;
            codeWithExtraBits[symbol] = sizeBySymbol[symbol] == 0 ? 0
                : ((long) codeBySymbol[symbol] << extra) << 6 | (sizeBySymbol[symbol] + extra);
        }
    }

    /** Per symbol {@code codeOf(s) << 5 | lengthOf(s)}, shared: callers must not modify it. */
    int[] codeAndLength() {
        return codeAndLength;
    }

    /**
     * Per symbol {@code (codeOf(s) << (s & 15)) << 6 | (lengthOf(s) + (s & 15))} (0 for a symbol without a code),
     * shared: callers must not modify it.
     */
    long[] codeWithExtraBits() {
        return codeWithExtraBits;
    }

    public HuffmanSpec spec() {
        return spec;
    }

    /** EHUFCO: the code of {@code symbol}, right-aligned in {@link #lengthOf(int)} bits. */
    public int codeOf(int symbol) {
        return codeBySymbol[symbol];
    }

    /** EHUFSI: the code length of {@code symbol}, 1..16, or 0 if the table has no code for it. */
    public int lengthOf(int symbol) {
        return sizeBySymbol[symbol];
    }

    /** HUFFCODE[i], the code of the i-th symbol of HUFFVAL. */
    public int codeAt(int i) {
        return codes[i];
    }

    /** HUFFSIZE[i], the code length of the i-th symbol of HUFFVAL. */
    public int lengthAt(int i) {
        return sizes[i];
    }

    public int size() {
        return codes.length;
    }
}
