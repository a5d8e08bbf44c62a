package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.spec.ZigZag;

/**
 * Decodes a sequential Huffman scan (T.81 F.2.2): per block a DC difference and up to 63 AC coefficients.
 * Coefficients are written unscaled (dequantization happens in the inverse DCT), as 16-bit values in
 * natural order; like libjpeg the DC predictor is an {@code int} and the stored value is truncated to 16 bits.
 */
public final class HuffmanDecoder implements EntropyDecoder {
    /**
     * Per zig-zag index (padded as {@link ZigZag#zigZagToNaturalPadded()}), the natural index n in the low six
     * bits (the mask bit: a long shift uses only those) and the coefficient's offset from the block's above them:
     * n, or n * 8 in a buffer interleaved by groups of eight blocks ({@code dct.IdctGroupKernel}).
     */
    private static final int[] NATURAL = codes(1);
    private static final int[] INTERLEAVED = codes(8);

    private final BitReader bits;
    private final HuffmanLookup[] dcTables;
    private final HuffmanLookup[] acTables;
    /** For block b of the MCU, the index of its component in the scan. */
    private final int[] membership;
    private final int[] predictions;
    /**
     * Per scan component, null or an array that receives, for each block decoded, the mask of its
     * coefficients written (bit n for natural index n) at index offset / 64. Every AC coefficient written is
     * non-zero (EXTEND of one or more bits), so for a block that was zero before decoding this is exactly its
     * non-zero coefficients, plus bit 0 for the DC: the mask {@code IdctKernel}'s mask variant needs.
     */
    private final long[][] masks;
    /** {@link #NATURAL} or {@link #INTERLEAVED}. */
    private final int[] natural;

    /**
     * @param dcTables   per scan component, its DC table
     * @param acTables   per scan component, its AC table
     * @param membership per MCU block, the index of its scan component
     */
    public HuffmanDecoder(BitReader bits, HuffmanLookup[] dcTables, HuffmanLookup[] acTables, int[] membership) {
        this(bits, dcTables, acTables, membership, null);
    }

    /** @param masks per scan component, where to record each block's mask (see {@link #masks}), or null */
    public HuffmanDecoder(BitReader bits, HuffmanLookup[] dcTables, HuffmanLookup[] acTables, int[] membership,
                          long[][] masks) {
        this(bits, dcTables, acTables, membership, masks, false);
    }

    /**
     * @param interleaved whether the blocks' buffers are interleaved by groups of eight blocks: the block at
     *                    {@code offsets[b]} has coefficient n at {@code offsets[b] + n * 8}, and its mask goes to
     *                    index {@code (offset >> 6) | (offset & 7)} (group starts are multiples of 512)
     */
    public HuffmanDecoder(BitReader bits, HuffmanLookup[] dcTables, HuffmanLookup[] acTables, int[] membership,
                          long[][] masks, boolean interleaved) {
        this.bits = bits;
        this.dcTables = dcTables.clone();
        this.acTables = acTables.clone();
        this.membership = membership.clone();
        this.predictions = new int[dcTables.length];
        this.masks = masks == null ? null : masks.clone();
        this.natural = interleaved ? INTERLEAVED : NATURAL;
    }

    private static int[] codes(int step) {
        int[] codes = ZigZag.zigZagToNaturalPadded();
        for (int k = 0; k < codes.length; k++) {
            codes[k] |= codes[k] * step << 6;
        }
        return codes;
    }

    @Override
    public void decodeMcu(short[][] blocks, int[] offsets) throws JpegException {
        BitReader bits = this.bits;
        int[] natural = this.natural;
        for (int b = 0; b < membership.length; b++) {
            int ci = membership[b];
            short[] block = blocks[b];
            int base = offsets[b];
            // The bit buffer lives in locals over the block: the reader holds `held` bits, n of them still
            // unread, left-aligned in w (so a look-up is one shift); held - n are consumed but not yet written
            // back to the reader (that happens once per block, and before every fill).
            bits.fillTo(HuffmanLookup.FAST_BITS);
            int held = bits.bitsHeld();
            int n = held;
            long w = bits.heldBits() << (64 - n);
            // T.81 F.2.2.1: DIFF = EXTEND(RECEIVE(SSSS)), PRED += DIFF; one look-up when code and bits are short.
            HuffmanLookup dcTable = dcTables[ci];
            int e = dcTable.sequentialTable()[(int) (w >>> (64 - HuffmanLookup.FAST_BITS))];
            int s;
            if ((e & HuffmanLookup.LONG) == 0) {
                w <<= e & 31;
                n -= e & 31;
                s = e >> 16;
            } else if (e != HuffmanLookup.LONG && inBuffer(e, n)) {
                // The code from the table, its SSSS magnitude bits from the buffer (T.81 F.2.2.1 RECEIVE).
                int size = e >>> 16;
                w <<= e & 31;
                n -= (e & 31) + size;
                s = HuffmanLookup.extend((int) (w >>> (64 - size)), size);
                w <<= size;
            } else {
                bits.skipBits(held - n);
                s = dcTable.decode(bits);
                if (s != 0) {
                    s = HuffmanLookup.extend(bits.getBits(s), s);
                }
                bits.fillTo(HuffmanLookup.FAST_BITS);
                held = bits.bitsHeld();
                n = held;
                w = bits.heldBits() << (64 - n);
            }
            predictions[ci] += s;
            block[base] = (short) predictions[ci];
            // T.81 F.2.2.2 (Figure F.13): RS = RRRRSSSS; ZRL skips 16 zeros, EOB ends the block.
            HuffmanLookup ac = acTables[ci];
            int[] table = ac.sequentialTable();
            long written = 1; // the DC coefficient
            for (int k = 1; k < 64; k++) {
                if (n < HuffmanLookup.FAST_BITS) {
                    bits.skipBits(held - n);
                    bits.fillTo(HuffmanLookup.FAST_BITS);
                    held = bits.bitsHeld();
                    n = held;
                    w = bits.heldBits() << (64 - n);
                }
                e = table[(int) (w >>> (64 - HuffmanLookup.FAST_BITS))];
                if ((e & HuffmanLookup.LONG) == 0) {
                    // Code and magnitude bits in one look-up.
                    w <<= e & 31;
                    n -= e & 31;
                    k += (e >> 8) & 15;
                    int pos = natural[k];
                    block[base + (pos >> 6)] = (short) (e >> 16);
                    written |= 1L << pos;
                    continue;
                }
                if ((e & HuffmanLookup.SPLIT) == 0) {
                    w <<= e & 31;
                    n -= e & 31;
                    if ((e & HuffmanLookup.FAST_ZRL) != 0) {
                        k += 15;
                        continue;
                    }
                    break; // EOB
                }
                if (e != HuffmanLookup.LONG && inBuffer(e, n)) {
                    // The code from the table, then its SSSS magnitude bits (T.81 F.2.2.1 RECEIVE).
                    int size = e >>> 16;
                    w <<= e & 31;
                    n -= (e & 31) + size;
                    int v = HuffmanLookup.extend((int) (w >>> (64 - size)), size);
                    w <<= size;
                    k += (e >> 8) & 15;
                    int pos = natural[k];
                    block[base + (pos >> 6)] = (short) v;
                    written |= 1L << pos;
                    continue;
                }
                // A code longer than the table, or bits beyond the buffer: through the reader.
                bits.skipBits(held - n);
                int rs = ac.decode(bits);
                int r = rs >> 4;
                s = rs & 15;
                int v = s != 0 ? HuffmanLookup.extend(bits.getBits(s), s) : 0;
                bits.fillTo(HuffmanLookup.FAST_BITS);
                held = bits.bitsHeld();
                n = held;
                w = bits.heldBits() << (64 - n);
                if (s != 0) {
                    k += r;
                    // k may pass 63 on corrupt data; the padded table sends it to coefficient 63 (as libjpeg).
                    int pos = natural[k];
                    block[base + (pos >> 6)] = (short) v;
                    written |= 1L << pos;
                } else if (r == 15) {
                    k += 15;
                } else {
                    break;
                }
            }
            bits.skipBits(held - n);
            if (masks != null) {
                masks[ci][(base >> 6) | (base & 7)] = written;
            }
        }
    }

    /**
     * Whether the {@code n} bits held cover a {@link HuffmanLookup#SPLIT} entry's code and magnitude bits without
     * a fill that {@link HuffmanLookup#decode} and {@link BitReader#getBits} would make (a code past the 9-bit
     * look-up peeks 16 bits): fills then happen where they did, so warnings name the same offsets.
     */
    private static boolean inBuffer(int e, int n) {
        int length = e & 31;
        return n >= length + (e >>> 16) && (length <= HuffmanLookup.LOOKAHEAD || n >= 16);
    }

    /** A decoder of the same scan reading from {@code other}, with its own predictions (as after a restart). */
    public HuffmanDecoder withReader(BitReader other) {
        return new HuffmanDecoder(other, dcTables, acTables, membership);
    }

    @Override
    public void restart() {
        java.util.Arrays.fill(predictions, 0);
    }
}
