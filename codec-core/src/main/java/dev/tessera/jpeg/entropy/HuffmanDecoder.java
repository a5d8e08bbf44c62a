package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.spec.ZigZag;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /**
     * Bytes that must follow an MCU's start for {@link #decodeDirect}: per block (at most 10, T.81 B.2.3) at most
     * 64 codes of 16 bits with 15 magnitude bits, every byte possibly stuffed; and the bits held (8 bytes, 16 if
     * stuffed) and read ahead (up to 9).
     */
    private static final int DIRECT_MARGIN = 10 * (64 * 31 / 8 * 2) + 32;
    /**
     * The direct path refills below this many bits, so a code of up to 16 bits and its up to 15 magnitude bits
     * are held whenever a symbol is decoded.
     */
    private static final int REFILL_BELOW = 32;

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
    /** The state {@link #refillAroundMarkerByte} leaves: bits, how many are held, the next byte's position. */
    private long refilledBits;
    private int refilledHeld;
    private int refilledPosition;

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

    /**
     * Decodes the MCU's blocks reading the data bytes straight from the array ({@link BitReader#directPosition}),
     * with the bit buffer in locals throughout and refilled from eight bytes at a time while they hold no 0xFF,
     * and returns how many it decoded: all, or the blocks before one it cannot finish here (the reader cannot
     * hand out its bytes, a marker or fill byte comes before the block ends, or a code is no code of the table).
     * The reader is then left at that block's start, and {@link #decodeMcu} decodes it and the rest through the
     * reader, which handles those cases and warns; the block's coefficients written here are overwritten with
     * the same values.
     */
    private int decodeDirect(short[][] blocks, int[] offsets) throws JpegException {
        BitReader bits = this.bits;
        int pos = bits.directPosition(DIRECT_MARGIN);
        if (pos < 0) {
            return 0;
        }
        byte[] data = bits.data();
        // As in decodeMcu, n unread bits left-aligned in w; the bits below them are the next data bits or 0.
        // Both refills below take whole bytes when fewer than REFILL_BELOW bits are held: as many as fit from
        // eight read at once when none is 0xFF (the bits past those taken are the data bits that follow, and
        // the next refill ORs in the same); else the bytes before the first 0xFF, or up to a stuffed one, then
        // eight more if they hold no 0xFF (if they do, the reader's way). They are written out twice and have
        // no loop: a shared loop with the DC as its first step, or a refill loop in a method, compiled in some
        // JVM starts to code 20-50% slower. The rare second case is a method (refillAroundMarkerByte): out of
        // the loop, JDK 25 compiles the loop about 8% faster (JDK 17 the same).
        int n = bits.bitsHeld();
        long w = n == 0 ? 0 : bits.heldBits() << (64 - n);
        int[] natural = this.natural;
        for (int b = 0; b < membership.length; b++) {
            // The state at the start of block b, handed back to the reader if the block cannot be done here.
            long startBits = w;
            int startHeld = n;
            int startPos = pos;
            int ci = membership[b];
            short[] block = blocks[b];
            int base = offsets[b];
            if (n < REFILL_BELOW) {
                long y = (long) LONGS.get(data, pos);
                if (BitReader.noMarkerByte(y)) {
                    int count = (63 - n) >> 3;
                    w |= y >>> n;
                    pos += count;
                    n += count << 3;
                } else {
                    if (!refillAroundMarkerByte(y, data, pos, w, n)) {
                        return stop(b, startBits, startHeld, startPos);
                    }
                    w = refilledBits;
                    n = refilledHeld;
                    pos = refilledPosition;
                }
            }
            // T.81 F.2.2.1: the DC difference.
            HuffmanLookup dcTable = dcTables[ci];
            int e = dcTable.sequentialTable()[(int) (w >>> (64 - HuffmanLookup.FAST_BITS))];
            int diff;
            if ((e & HuffmanLookup.LONG) == 0) {
                w <<= e & 31;
                n -= e & 31;
                diff = e >> 16;
            } else {
                int size;
                if (e != HuffmanLookup.LONG) {
                    size = e >>> 16;
                    w <<= e & 31;
                    n -= e & 31;
                } else {
                    int symbol = dcTable.decode(w);
                    if (symbol < 0) {
                        return stop(b, startBits, startHeld, startPos);
                    }
                    w <<= symbol >>> 8;
                    n -= symbol >>> 8;
                    size = symbol & 0xFF;
                }
                diff = size == 0 ? 0 : HuffmanLookup.extend((int) (w >>> (64 - size)), size);
                w <<= size;
                n -= size;
            }
            // T.81 F.2.2.2: the AC coefficients, as in decodeMcu.
            HuffmanLookup acTable = acTables[ci];
            int[] entries = acTable.sequentialTable();
            long written = 1;
            for (int k = 1; k < 64; k++) {
                if (n < REFILL_BELOW) {
                    long y = (long) LONGS.get(data, pos);
                    if (BitReader.noMarkerByte(y)) {
                        int count = (63 - n) >> 3;
                        w |= y >>> n;
                        pos += count;
                        n += count << 3;
                    } else {
                        if (!refillAroundMarkerByte(y, data, pos, w, n)) {
                            return stop(b, startBits, startHeld, startPos);
                        }
                        w = refilledBits;
                        n = refilledHeld;
                        pos = refilledPosition;
                    }
                }
                e = entries[(int) (w >>> (64 - HuffmanLookup.FAST_BITS))];
                if ((e & HuffmanLookup.LONG) == 0) {
                    w <<= e & 31;
                    n -= e & 31;
                    k += (e >> 8) & 15;
                    int at = natural[k];
                    block[base + (at >> 6)] = (short) (e >> 16);
                    written |= 1L << at;
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
                int run;
                int size;
                if (e != HuffmanLookup.LONG) {
                    run = (e >> 8) & 15;
                    size = e >>> 16;
                    w <<= e & 31;
                    n -= e & 31;
                } else {
                    int symbol = acTable.decode(w);
                    if (symbol < 0) {
                        return stop(b, startBits, startHeld, startPos);
                    }
                    w <<= symbol >>> 8;
                    n -= symbol >>> 8;
                    run = (symbol >> 4) & 15;
                    size = symbol & 15;
                    if (size == 0) {
                        if (run == 15) {
                            k += 15;
                            continue;
                        }
                        break; // EOB, or RRRR/0 with RRRR 1..14, read as EOB as libjpeg reads it
                    }
                }
                int v = HuffmanLookup.extend((int) (w >>> (64 - size)), size);
                w <<= size;
                n -= size;
                k += run;
                int at = natural[k];
                block[base + (at >> 6)] = (short) v;
                written |= 1L << at;
            }
            predictions[ci] += diff;
            block[base] = (short) predictions[ci];
            if (masks != null) {
                masks[ci][(base >> 6) | (base & 7)] = written;
            }
        }
        bits.commit(w, n, pos);
        return membership.length;
    }

    /**
     * The rare refill of {@link #decodeDirect}, out of its loop so that the loop stays small: the eight bytes
     * {@code y} at {@code pos} hold a 0xFF. Takes the bytes before it, or up to a stuffed one (T.81 F.1.2.3), then
     * eight more if fewer than {@link #REFILL_BELOW} bits are held and they hold no 0xFF, leaving the new state in
     * {@link #refilledBits}, {@link #refilledHeld} and {@link #refilledPosition}; false when the 0xFF starts a
     * marker or is a fill byte, or another comes too soon, which only the reader handles.
     */
    private boolean refillAroundMarkerByte(long y, byte[] data, int pos, long w, int n) {
        int take = BitReader.stuffedRefill(y, data, pos, (63 - n) >> 3);
        if (take < 0) {
            return false;
        }
        w |= (y & (-1L << (64 - ((take & 0xFF) << 3)))) >>> n;
        n += (take & 0xFF) << 3;
        pos += take >>> 8;
        if (n < REFILL_BELOW) {
            long next = (long) LONGS.get(data, pos);
            if (!BitReader.noMarkerByte(next)) {
                return false; // two 0xFF close together
            }
            int count = (63 - n) >> 3;
            w |= next >>> n;
            pos += count;
            n += count << 3;
        }
        refilledBits = w;
        refilledHeld = n;
        refilledPosition = pos;
        return true;
    }

    /** Hands the state at the start of block {@code b} back to the reader: blocks 0 to b - 1 are decoded. */
    private int stop(int b, long w, int n, int pos) {
        bits.commit(w, n, pos);
        return b;
    }

    @Override
    public void decodeMcu(short[][] blocks, int[] offsets) throws JpegException {
        BitReader bits = this.bits;
        int[] natural = this.natural;
        for (int b = decodeDirect(blocks, offsets); b < membership.length; b++) {
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
     * look-up peeks 16 bits): fills then happen where the T.81 procedures' would (the extraneous bytes counted
     * at a restart marker depend on them).
     */
    private static boolean inBuffer(int e, int n) {
        int length = e & 31;
        return n >= length + (e >>> 16) && (length <= HuffmanLookup.LOOKAHEAD || n >= 16);
    }

    /** A decoder of the same scan reading from {@code other}, with its own predictions (as after a restart). */
    public HuffmanDecoder withReader(BitReader other) {
        return new HuffmanDecoder(other, dcTables, acTables, membership);
    }

    /**
     * A decoder of the same scan reading from {@code other}, with its own predictions (as after a restart),
     * writing masks and coefficients as the constructor's {@code masks} and {@code interleaved} say.
     */
    public HuffmanDecoder withReader(BitReader other, long[][] masks, boolean interleaved) {
        return new HuffmanDecoder(other, dcTables, acTables, membership, masks, interleaved);
    }

    /** The DC prediction of scan component {@code component}: the last DC value decoded (T.81 F.2.2.1). */
    public int prediction(int component) {
        return predictions[component];
    }

    /** Adds {@code delta} to the DC prediction of scan component {@code component}. */
    public void shiftPrediction(int component, int delta) {
        predictions[component] += delta;
    }

    @Override
    public void restart() {
        java.util.Arrays.fill(predictions, 0);
    }
}
