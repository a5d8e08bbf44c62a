package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.spec.ZigZag;
import java.io.IOException;

/**
 * Huffman-codes 8x8 blocks of quantized DCT coefficients for sequential scans (T.81 F.1.2.1 and F.1.2.2),
 * and counts the symbols it would emit, for table optimisation (K.2).
 *
 * <p>Blocks are {@code short} arrays in zig-zag order: index 0 is DC, 1..63 the AC coefficients.
 */
public final class HuffmanEncoder {
    private static final int ZRL = 0xF0;
    private static final int EOB = 0x00;
    /** The natural index of each zig-zag index (T.81 Figure A.6). */
    private static final int[] NATURAL_OF_ZIGZAG = ZigZag.zigZagToNatural();
    /** Where zig-zag coefficient k lies from a block's base in the group layout: 8 times its natural index. */
    private static final int[] GROUPED_OF_ZIGZAG = new int[64];

    static {
        for (int k = 0; k < 64; k++) {
            GROUPED_OF_ZIGZAG[k] = 8 * NATURAL_OF_ZIGZAG[k];
        }
    }

    private HuffmanEncoder() {
    }

    /**
     * Writes one block.
     *
     * @param block      coefficients, zig-zag order, at {@code offset}
     * @param previousDc the DC value of the previous block of this component (0 after a restart)
     */
    public static void encodeBlock(BitWriter out, short[] block, int offset, int previousDc,
                                   HuffmanTable dc, HuffmanTable ac) throws IOException {
        // The bit buffer stays in locals for the block; each append is BitWriter.writeBits written out.
        long bits = out.pendingBits();
        int free = out.freeBits();
        int[] acCodes = ac.codeAndLength();

        // T.81 F.1.2.1: DIFF as its magnitude category SSSS, then SSSS extra bits (F.1.2.1.1: negative values
        // as DIFF-1, ones' complement).
        int diff = block[offset] - previousDc;
        int sign = diff >> 31;
        int size = 32 - Integer.numberOfLeadingZeros((diff ^ sign) - sign);
        int entry = dc.codeAndLength()[size];
        long word = ((long) (entry >>> 5) << size) | ((diff + sign) & ((1 << size) - 1));
        int length = (entry & 31) + size;
        if (length <= free) {
            bits = (bits << length) | word;
            free -= length;
        } else {
            int over = length - free;
            out.emitLong((bits << free) | (word >>> over));
            bits = word;
            free = 64 - over;
        }

        // T.81 F.1.2.2: run-length of zeros and magnitude category, ZRL for 16 zeros, EOB after the last.
        // The walk visits the nonzero coefficients only, found through a mask (bit k: coefficient k != 0).
        long nonzero = nonzeroMask(block, offset);
        int last = 0;
        while (nonzero != 0) {
            int k = Long.numberOfTrailingZeros(nonzero);
            nonzero &= nonzero - 1;
            int run = k - last - 1;
            last = k;
            while (run > 15) {
                entry = acCodes[ZRL];
                length = entry & 31;
                word = entry >>> 5;
                if (length <= free) {
                    bits = (bits << length) | word;
                    free -= length;
                } else {
                    int over = length - free;
                    out.emitLong((bits << free) | (word >>> over));
                    bits = word;
                    free = 64 - over;
                }
                run -= 16;
            }
            int v = block[offset + k];
            sign = v >> 31;
            size = 32 - Integer.numberOfLeadingZeros((v ^ sign) - sign);
            entry = acCodes[(run << 4) | size];
            word = ((long) (entry >>> 5) << size) | ((v + sign) & ((1 << size) - 1));
            length = (entry & 31) + size;
            if (length <= free) {
                bits = (bits << length) | word;
                free -= length;
            } else {
                int over = length - free;
                out.emitLong((bits << free) | (word >>> over));
                bits = word;
                free = 64 - over;
            }
        }
        if (last != 63) {
            entry = acCodes[EOB];
            length = entry & 31;
            word = entry >>> 5;
            if (length <= free) {
                bits = (bits << length) | word;
                free -= length;
            } else {
                int over = length - free;
                out.emitLong((bits << free) | (word >>> over));
                bits = word;
                free = 64 - over;
            }
        }
        out.restore(bits, free);
    }

    /** Bit k (1..63) set where AC coefficient k of the block is not zero; bit 0 clear. */
    public static long nonzeroMask(short[] block, int offset) {
        long mask = 0;
        for (int k = 1; k < 64; k++) {
            int v = block[offset + k];
            // (v | -v) has its sign bit set exactly when v != 0.
            mask |= (long) ((v | -v) >>> 31) << k;
        }
        return mask;
    }

    /**
     * Counts the symbols {@link #encodeBlock} would write for one block.
     *
     * @param dcCounts 256 counters for DC categories
     * @param acCounts 256 counters for AC run/size symbols
     */
    public static void countBlock(short[] block, int offset, int previousDc, long[] dcCounts, long[] acCounts) {
        int diff = block[offset] - previousDc;
        int magnitude = diff < 0 ? -diff : diff;
        dcCounts[32 - Integer.numberOfLeadingZeros(magnitude)]++;
        long nonzero = nonzeroMask(block, offset);
        int last = 0;
        while (nonzero != 0) {
            int k = Long.numberOfTrailingZeros(nonzero);
            nonzero &= nonzero - 1;
            int run = k - last - 1;
            last = k;
            while (run > 15) {
                acCounts[ZRL]++;
                run -= 16;
            }
            int v = block[offset + k];
            int abs = v < 0 ? -v : v;
            acCounts[(run << 4) | (32 - Integer.numberOfLeadingZeros(abs))]++;
        }
        if (last != 63) {
            acCounts[EOB]++;
        }
    }

    /**
     * {@link #countBlock} for a block given in natural order in the group layout of {@code simd.BlockGroups}
     * ({@code block[offset + 8 * n]} for coefficient n, as {@code McuRowEncoder.encodeRowNatural} writes it) with
     * its {@link #nonzeroMask} in zig-zag order, that also writes the block as its symbols to
     * {@code out} from {@code at}, for {@link #encodeSymbols} (one walk over the mask for both). The first int is
     * a header, the block's DC value and its AC symbol count ({@link #symbolsDc}, {@link #symbolCount}); then per
     * AC symbol, ZRL and EOB included (T.81 F.1.2.2), {@code RRRRSSSS << 16 | extra bits}, the extra bits as
     * F.1.2.2.1 writes them (negative values as v - 1 in SSSS bits). A block takes at most 64 ints: with n
     * nonzero ACs and an EOB, at least one zero trails and at most 62 - n lie before the last nonzero, so at most
     * n + (62 - n) / 16 + 1 &lt;= 63 symbols; without an EOB at most n + (63 - n) / 16 &lt;= 63. The DC difference
     * is left to the coding pass, whose prediction may differ (a stripe counted from prediction 0,
     * {@code ParallelEncoder}).
     *
     * @return the index after the block's last int
     */
    public static int countAndWriteSymbols(int[] block, int offset, long mask, int previousDc, long[] dcCounts,
                                           long[] acCounts, int[] out, int at) {
        int[] natural = GROUPED_OF_ZIGZAG;
        int dcValue = block[offset];
        int diff = dcValue - previousDc;
        int magnitude = diff < 0 ? -diff : diff;
        dcCounts[32 - Integer.numberOfLeadingZeros(magnitude)]++;
        int p = at + 1;
        int last = 0;
        for (long nonzero = mask; nonzero != 0; nonzero &= nonzero - 1) {
            int k = Long.numberOfTrailingZeros(nonzero);
            int run = k - last - 1;
            last = k;
            while (run > 15) {
                acCounts[ZRL]++;
                out[p++] = ZRL << 16;
                run -= 16;
            }
            int v = block[offset + natural[k]];
            int sign = v >> 31;
            int size = 32 - Integer.numberOfLeadingZeros((v ^ sign) - sign);
            int symbol = (run << 4) | size;
            acCounts[symbol]++;
            out[p++] = symbol << 16 | ((v + sign) & ((1 << size) - 1));
        }
        if (last != 63) {
            acCounts[EOB]++;
            out[p++] = EOB << 16;
        }
        out[at] = dcValue << 8 | (p - at - 1);
        return p;
    }

    /** The DC value in a block header written by {@link #countAndWriteSymbols}. */
    public static int symbolsDc(int header) {
        return header >> 8;
    }

    /** The number of AC symbols after a block header written by {@link #countAndWriteSymbols}. */
    public static int symbolCount(int header) {
        return header & 0xFF;
    }

    /**
     * Writes one block from its symbols, as {@link #countAndWriteSymbols} wrote them from {@code symbols[at]}:
     * the bits {@link #encodeBlock} writes for it.
     *
     * @return the index after the block
     */
    public static int encodeSymbols(BitWriter out, int[] symbols, int at, int previousDc, HuffmanTable dc,
                                    HuffmanTable ac) throws IOException {
        // As encodeBlock: the bit buffer in locals, T.81 F.1.2.1 for DC, F.1.2.2 for AC.
        long bits = out.pendingBits();
        int free = out.freeBits();
        int header = symbols[at];
        int diff = symbolsDc(header) - previousDc;
        int sign = diff >> 31;
        int size = 32 - Integer.numberOfLeadingZeros((diff ^ sign) - sign);
        int entry = dc.codeAndLength()[size];
        long word = ((long) (entry >>> 5) << size) | ((diff + sign) & ((1 << size) - 1));
        int length = (entry & 31) + size;
        if (length <= free) {
            bits = (bits << length) | word;
            free -= length;
        } else {
            int over = length - free;
            out.emitLong((bits << free) | (word >>> over));
            bits = word;
            free = 64 - over;
        }
        long[] acCodes = ac.codeWithExtraBits();
        int end = at + 1 + symbolCount(header);
        for (int p = at + 1; p < end; p++) {
            int symbol = symbols[p];
            long code = acCodes[symbol >>> 16];
            word = (code >>> 6) | (symbol & 0xFFFF);
            length = (int) code & 63;
            if (length <= free) {
                bits = (bits << length) | word;
                free -= length;
            } else {
                int over = length - free;
                out.emitLong((bits << free) | (word >>> over));
                bits = word;
                free = 64 - over;
            }
        }
        out.restore(bits, free);
        return end;
    }
}
