package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.model.HuffmanSpec;
import java.util.Arrays;

/**
 * The decoding form of a Huffman table (T.81 F.2.2.3, Figure F.16): a 9-bit lookup table for the common
 * short codes and MAXCODE / VALPTR - MINCODE arrays for the procedure DECODE on longer ones. Immutable.
 */
public final class HuffmanLookup {
    /** Bits resolved by one table look-up. */
    static final int LOOKAHEAD = 9;

    /** {@code lookup[bits] = length << 8 | symbol} for codes of at most 9 bits, else 0. */
    private final int[] lookup = new int[1 << LOOKAHEAD];
    /** MAXCODE[l]: the largest code of length l, or -1 when there is none (F.2.2.3). */
    private final int[] maxCode = new int[18];
    /** VALPTR[l] - MINCODE[l], so that HUFFVAL[code + valueOffset[l]] is the symbol. */
    private final int[] valueOffset = new int[18];
    private final int[] symbols;

    /** Bits resolved by one look-up in {@link #fast}. */
    static final int FAST_BITS = 10;
    /** {@link #fast} entry flag: end of block (AC symbol 0x00). */
    static final int FAST_EOB = 1 << 6;
    /** {@link #fast} entry flag: sixteen zeros (AC symbol 0xF0, ZRL). */
    static final int FAST_ZRL = 1 << 7;
    /**
     * Code and magnitude bits together, for every code whose length plus its symbol's size SSSS fits in
     * {@value #FAST_BITS} bits: {@code value << 16 | run << 8 | flags | bits consumed}, where {@code value} is
     * the coefficient (T.81 F.2.2.1 EXTEND of the magnitude bits), {@code run} RRRR (0 for DC tables), and the
     * flags mark EOB and ZRL; 0 where the code is longer, unknown, or another SSSS = 0 symbol.
     */
    private final int[] fast = new int[1 << FAST_BITS];

    /** {@link #sequential} entry flag: a code of at most {@value #FAST_BITS} bits whose magnitude bits do not fit. */
    static final int SPLIT = 1 << 5;
    /** {@link #sequential} entry: a code longer than {@value #FAST_BITS} bits (or no code), decoded the long way. */
    static final int LONG = SPLIT | FAST_EOB | FAST_ZRL;
    /**
     * The sequential decoder's table, indexed as {@link #fast}: its entries where those are non-zero, and
     * otherwise {@code size << 16 | run << 8 | SPLIT | code length} when the code fits but its magnitude bits
     * do not (the decoder then reads SSSS bits itself), or {@link #LONG} (also for AC symbols RRRR/0 with
     * RRRR 1..14, undefined in sequential scans, which the long way reads as EOB, as libjpeg does).
     */
    private final int[] sequential = new int[1 << FAST_BITS];

    private HuffmanLookup(HuffmanSpec spec, boolean dc) {
        symbols = spec.symbols();
        int[] counts = spec.counts();
        // T.81 C.2 (Figure C.2) derives the codes; Figure F.15 derives MINCODE, MAXCODE and VALPTR.
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            int n = counts[length - 1];
            if (n == 0) {
                maxCode[length] = -1;
            } else {
                valueOffset[length] = index - code;
                for (int i = 0; i < n; i++) {
                    if (length <= LOOKAHEAD) {
                        int shift = LOOKAHEAD - length;
                        int first = code << shift;
                        for (int j = 0; j < (1 << shift); j++) {
                            lookup[first + j] = (length << 8) | symbols[index];
                        }
                    }
                    code++;
                    index++;
                }
                maxCode[length] = code - 1;
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE; // sentinel: every 17-bit string ends the search
        buildFast(counts, dc);
    }

    private void buildFast(int[] counts, boolean dc) {
        Arrays.fill(sequential, LONG);
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            for (int i = 0; i < counts[length - 1]; i++, code++, index++) {
                if (length > FAST_BITS) {
                    continue;
                }
                int symbol = symbols[index];
                int run = dc ? 0 : symbol >> 4;
                int size = dc ? symbol : symbol & 15;
                int entry;
                int total = length + size;
                int first = code << (FAST_BITS - length);
                if (total > FAST_BITS) {
                    Arrays.fill(sequential, first, first + (1 << (FAST_BITS - length)),
                        size << 16 | run << 8 | SPLIT | length);
                    continue;
                }
                for (int j = 0; j < (1 << (FAST_BITS - length)); j++) {
                    if (size != 0) {
                        int magnitude = (j >> (FAST_BITS - total)) & ((1 << size) - 1);
                        entry = extend(magnitude, size) << 16 | run << 8 | total;
                    } else if (dc) {
                        entry = total;
                    } else if (run == 0) {
                        entry = FAST_EOB | total;
                    } else if (run == 15) {
                        entry = FAST_ZRL | total;
                    } else {
                        entry = 0; // EOBn of progressive scans: decoded the long way
                    }
                    fast[first + j] = entry;
                    sequential[first + j] = entry != 0 ? entry : LONG;
                }
            }
            code <<= 1;
        }
    }

    /** {@code length << 8 | symbol} of the code the next {@value #LOOKAHEAD} bits start with, 0 if longer. */
    int[] lookupTable() {
        return lookup;
    }

    /** The combined table (see {@link #fast}), indexed by the next {@value #FAST_BITS} bits. */
    int[] fastTable() {
        return fast;
    }

    /** The sequential decoder's table (see {@link #sequential}), indexed by the next {@value #FAST_BITS} bits. */
    int[] sequentialTable() {
        return sequential;
    }

    /**
     * Builds the decoding table, checking what libjpeg's {@code jpeg_make_d_derived_tbl} checks: no code
     * may be all 1-bits (T.81 C.2, so a complete code is rejected), and DC symbols must be 0..15.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static HuffmanLookup of(HuffmanSpec spec, boolean dc) {
        return of(spec, dc ? 15 : 255);
    }

    /**
     * Builds the decoding table of a lossless scan (T.81 H.2: DC-style tables whose symbols, the difference
     * categories SSSS, are 0..16), checked as libjpeg-turbo 3 checks it.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static HuffmanLookup forLossless(HuffmanSpec spec) {
        return of(spec, 16);
    }

    private static HuffmanLookup of(HuffmanSpec spec, int maxSymbol) {
        long code = 0;
        for (int length = 1; length <= 16; length++) {
            code += spec.countOfLength(length);
            if (code >= (1L << length)) {
                throw new IllegalArgumentException("bad Huffman table: code lengths leave no all-ones-free code");
            }
            code <<= 1;
        }
        for (int i = 0; i < spec.symbolCount(); i++) {
            if (spec.symbol(i) > maxSymbol) {
                throw new IllegalArgumentException("bad Huffman table: DC symbol " + spec.symbol(i) + " > "
                    + maxSymbol);
            }
        }
        return new HuffmanLookup(spec, maxSymbol != 255);
    }

    /**
     * Decodes one symbol (T.81 F.2.2.3 DECODE). A bit string that is no code consumes 17 bits, warns and
     * yields symbol 0, as libjpeg's {@code jpeg_huff_decode} does.
     */
    public int decode(BitReader bits) throws MalformedJpegException {
        int look = bits.peekBits(LOOKAHEAD);
        int entry = lookup[look];
        if (entry != 0) {
            bits.skipBits(entry >> 8);
            return entry & 0xFF;
        }
        int window = bits.peekBits(16);
        for (int length = LOOKAHEAD + 1; length <= 16; length++) {
            int c = window >>> (16 - length);
            if (c <= maxCode[length]) {
                bits.skipBits(length);
                return symbols[(c + valueOffset[length]) & 0xFF];
            }
        }
        bits.skipBits(16);
        bits.getBit();
        bits.reportBadCode();
        return 0;
    }

    /**
     * DECODE as {@link #decode(BitReader)} does it, on the bits of {@code w} from its most significant on (at
     * least 16 of them data or zero bits): {@code length << 8 | symbol}, or -1 when they start no code.
     */
    int decode(long w) {
        int entry = lookup[(int) (w >>> (64 - LOOKAHEAD))];
        if (entry != 0) {
            return entry;
        }
        for (int length = LOOKAHEAD + 1; length <= 16; length++) {
            int code = (int) (w >>> (64 - length));
            if (code <= maxCode[length]) {
                return length << 8 | symbols[(code + valueOffset[length]) & 0xFF];
            }
        }
        return -1;
    }

    /**
     * T.81 F.2.2.1 EXTEND: the signed value of the {@code size}-bit (1..15) magnitude category value {@code v}.
     * No branch on the sign, which is random: adds {@code 1 - 2^size} when {@code v} is below {@code 2^(size-1)}.
     */
    public static int extend(int v, int size) {
        return v + (((v - (1 << (size - 1))) >> 31) & (1 - (1 << size)));
    }
}
