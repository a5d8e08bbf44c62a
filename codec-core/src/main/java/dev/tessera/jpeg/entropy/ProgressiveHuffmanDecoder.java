package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.spec.ZigZag;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes one scan of a progressive Huffman frame (T.81 G.1.2): a DC first scan (G.1.2.1), a DC refinement
 * (G.1.2.1, one bit per block), an AC first scan with end-of-band runs (G.1.2.2) or an AC refinement
 * (G.1.2.3). The kind is fixed when the scan starts. Coefficients refine in place, in natural order.
 */
public final class ProgressiveHuffmanDecoder implements EntropyDecoder {
    private static final int[] NATURAL = ZigZag.zigZagToNaturalPadded();

    private enum Kind { DC_FIRST, DC_REFINE, AC_FIRST, AC_REFINE }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** As {@code HuffmanDecoder}'s: bytes that must follow a block's start for the direct path. */
    private static final int DIRECT_MARGIN = 64 * 31 / 8 * 2 + 32;
    /** As {@code HuffmanDecoder}'s: a code of up to 16 bits and 15 magnitude (or EOBr run) bits are held. */
    private static final int REFILL_BELOW = 32;

    private final BitReader bits;
    private final Kind kind;
    private final HuffmanLookup[] dcTables;
    private final HuffmanLookup acTable;
    /**
     * AC scans: per block (its offset / 64), bit k set when zig-zag coefficient k is non-zero; kept by every
     * AC scan of the component, so refinement scans find the coefficients with a history without testing.
     */
    private final long[] nonZero;
    private final int[] membership;
    private final int[] predictions;
    private final int spectralStart;
    private final int spectralEnd;
    private final int approxLow;
    /** Bits resolved by one look-up in {@link #refineTable}. */
    private static final int REFINE_BITS = 10;
    /** {@link #refineTable} entry flags: a new coefficient (RS = r, 1), and its sign bit is 1. */
    private static final int REFINE_NEW = 1 << 12;
    private static final int REFINE_ONE = 1 << 13;
    /**
     * AC refinement scans: per next {@value #REFINE_BITS} bits, {@code flags | r << 8 | bits consumed} for a
     * code of RS = (r, 1) followed by its sign bit, or for EOB0 (RS = 0x00) or ZRL (0xF0), when code and sign
     * fit in the look-up; 0 otherwise (EOBr with r > 0, long codes, invalid sizes: decoded the long way).
     */
    private final int[] refineTable;
    /** EOBRUN (G.1.2.2): blocks still to skip in an end-of-band run. */
    private int endOfBandRun;
    /** Set once a coefficient past Se was written (corrupt data; see {@link #wroteOutsideBand()}). */
    private boolean outsideBand;

    /**
     * @param dcTables      DC tables per scan component (DC first scans), else ignored
     * @param acTable       the AC table (AC scans have one component), else ignored
     * @param nonZero       AC scans: the component's non-zero masks (see {@link #nonZero}), all zero before
     *                      its first AC scan and shared by its later ones; else ignored
     * @param membership    per MCU block, the index of its scan component
     * @param spectralStart Ss
     * @param spectralEnd   Se
     * @param approxHigh    Ah (0 for a first scan)
     * @param approxLow     Al
     */
    public ProgressiveHuffmanDecoder(BitReader bits, HuffmanLookup[] dcTables, HuffmanLookup acTable,
                                     long[] nonZero, int[] membership, int spectralStart, int spectralEnd,
                                     int approxHigh, int approxLow) {
        this.bits = bits;
        this.dcTables = dcTables == null ? null : dcTables.clone();
        this.acTable = acTable;
        this.nonZero = nonZero;
        this.membership = membership.clone();
        this.predictions = new int[4];
        this.spectralStart = spectralStart;
        this.spectralEnd = spectralEnd;
        this.approxLow = approxLow;
        boolean dc = spectralStart == 0;
        kind = dc ? (approxHigh == 0 ? Kind.DC_FIRST : Kind.DC_REFINE)
            : (approxHigh == 0 ? Kind.AC_FIRST : Kind.AC_REFINE);
        refineTable = kind == Kind.AC_REFINE ? refineTable(acTable) : null;
    }

    /** Builds {@link #refineTable} from the table's 9-bit code look-up. */
    private static int[] refineTable(HuffmanLookup table) {
        int[] lookup = table.lookupTable();
        int[] quick = new int[1 << REFINE_BITS];
        int shift = REFINE_BITS - HuffmanLookup.LOOKAHEAD;
        for (int i = 0; i < quick.length; i++) {
            int e = lookup[i >> shift];
            int length = e >> 8;
            int r = (e >> 4) & 15;
            int size = e & 15;
            if (e == 0) {
                continue;
            }
            if (size == 1 && length < REFINE_BITS) {
                int sign = (i >> (REFINE_BITS - length - 1)) & 1;
                quick[i] = REFINE_NEW | (sign != 0 ? REFINE_ONE : 0) | r << 8 | (length + 1);
            } else if (size == 0 && (r == 0 || r == 15)) {
                quick[i] = r << 8 | length;
            }
        }
        return quick;
    }

    @Override
    public void decodeMcu(short[][] blocks, int[] offsets) throws JpegException {
        switch (kind) {
            case DC_FIRST -> dcFirst(blocks, offsets);
            case DC_REFINE -> dcRefine(blocks, offsets);
            case AC_FIRST -> acFirst(blocks[0], offsets[0]);
            default -> acRefine(blocks[0], offsets[0]);
        }
    }

    /**
     * Whether this scan wrote a coefficient past its band (Se): corrupt data whose run lengths overshoot it, which
     * libjpeg follows without a warning. A scan decoded beside another scan of the same component must not.
     */
    public boolean wroteOutsideBand() {
        return outsideBand;
    }

    @Override
    public void restart() {
        java.util.Arrays.fill(predictions, 0);
        endOfBandRun = 0;
    }

    private void dcFirst(short[][] blocks, int[] offsets) throws JpegException {
        for (int b = 0; b < membership.length; b++) {
            int ci = membership[b];
            // T.81 G.1.2.1: the DC difference as in F.2.2.1, then the point transform: shift left by Al.
            // Code and magnitude bits in one look-up when they are short and 16 bits are held (then the
            // reader's DECODE would not fill either, so fills and warnings come where they came before).
            int held = bits.bitsHeld();
            int e = held >= 16 ? dcTables[ci].fastTable()[(int) (bits.heldBits() >>> (held - HuffmanLookup.FAST_BITS))
                & ((1 << HuffmanLookup.FAST_BITS) - 1)] : 0;
            int s;
            if (e != 0) {
                bits.skipBits(e & 31);
                s = e >> 16;
            } else {
                s = dcTables[ci].decode(bits);
                if (s != 0) {
                    s = HuffmanLookup.extend(bits.getBits(s), s);
                }
            }
            predictions[ci] += s;
            blocks[b][offsets[b]] = (short) (predictions[ci] << approxLow);
        }
    }

    private void dcRefine(short[][] blocks, int[] offsets) throws JpegException {
        int bit = 1 << approxLow;
        int count = membership.length;
        int held = bits.bitsHeld();
        if (held >= count) {
            // All the MCU's bits are held, so reading them one by one would not fill: take them at once.
            long w = bits.heldBits() << (64 - held);
            for (int b = 0; b < count; b++) {
                blocks[b][offsets[b]] |= (short) ((int) (w >>> 63) << approxLow);
                w <<= 1;
            }
            bits.skipBits(count);
            return;
        }
        for (int b = 0; b < count; b++) {
            // T.81 G.1.2.1: one raw correction bit per block.
            if (bits.getBit() != 0) {
                blocks[b][offsets[b]] |= (short) bit;
            }
        }
    }

    /**
     * T.81 G.1.2.2. The bit buffer is kept in locals as in {@link #acRefine}: w holds the unread bits
     * left-aligned, n of them valid; the reader is brought up to date before every call into it and fills
     * where {@code peekBits(FAST_BITS)} before each code would fill, so warnings come at the same offsets.
     */
    private void acFirst(short[] block, int base) throws JpegException {
        if (endOfBandRun > 0) {
            endOfBandRun--;
            return;
        }
        if (acFirstDirect(block, base)) {
            return;
        }
        BitReader bits = this.bits;
        int[] fast = acTable.fastTable();
        long mask = nonZero[base >> 6];
        int al = approxLow;
        int end = spectralEnd;
        int held = bits.bitsHeld();
        int n = held;
        long w = bits.heldBits() << (64 - n);
        for (int k = spectralStart; k <= end; k++) {
            if (n < HuffmanLookup.FAST_BITS) {
                bits.skipBits(held - n);
                bits.fillTo(HuffmanLookup.FAST_BITS);
                held = bits.bitsHeld();
                n = held;
                w = bits.heldBits() << (64 - n);
            }
            // Code and magnitude bits in one look-up when they are short (EOB0 included, ZRL as below).
            int e = fast[(int) (w >>> (64 - HuffmanLookup.FAST_BITS))];
            if (e != 0) {
                w <<= e & 31;
                n -= e & 31;
                if ((e & (HuffmanLookup.FAST_EOB | HuffmanLookup.FAST_ZRL)) == 0) {
                    k += (e >> 8) & 15;
                    outsideBand |= k > end;
                    mask = store(block, base, k, (e >> 16) << al, mask);
                } else if ((e & HuffmanLookup.FAST_ZRL) != 0) {
                    k += 15;
                } else {
                    // EOB0: a run of one band, this one; nothing left to skip.
                    break;
                }
                continue;
            }
            bits.skipBits(held - n);
            int rs = acTable.decode(bits);
            int r = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += r;
                int v = HuffmanLookup.extend(bits.getBits(s), s);
                outsideBand |= k > end;
                mask = store(block, base, k, v << al, mask);
            } else if (r == 15) {
                k += 15;
            } else {
                // T.81 G.1.2.2: EOBr, a run of 2^r + (r more bits) bands, this one included.
                endOfBandRun = 1 << r;
                if (r != 0) {
                    endOfBandRun += bits.getBits(r);
                }
                endOfBandRun--;
                held = bits.bitsHeld();
                n = held;
                break;
            }
            held = bits.bitsHeld();
            n = held;
            w = bits.heldBits() << (64 - n);
        }
        bits.skipBits(held - n);
        nonZero[base >> 6] = mask;
    }

    /**
     * {@link #acFirst} reading the data bytes straight from the array, as {@code HuffmanDecoder}'s direct
     * path does (the same refill; see there). Returns false, having changed nothing the caller can see, when
     * the reader cannot hand out its bytes, a marker or two close stuffed bytes come before the block ends, or
     * a code is no code of the table; {@link #acFirst} then decodes the block through the reader.
     */
    private boolean acFirstDirect(short[] block, int base) throws JpegException {
        BitReader bits = this.bits;
        int pos = bits.directPosition(DIRECT_MARGIN);
        if (pos < 0) {
            return false;
        }
        byte[] data = bits.data();
        int n = bits.bitsHeld();
        long w = n == 0 ? 0 : bits.heldBits() << (64 - n);
        int[] fast = acTable.fastTable();
        long mask = nonZero[base >> 6];
        int al = approxLow;
        int end = spectralEnd;
        int run = 0;
        for (int k = spectralStart; k <= end; k++) {
            if (n < REFILL_BELOW) {
                long y = (long) LONGS.get(data, pos);
                if (BitReader.noMarkerByte(y)) {
                    int count = (63 - n) >> 3;
                    w |= y >>> n;
                    pos += count;
                    n += count << 3;
                } else {
                    int take = BitReader.stuffedRefill(y, data, pos, (63 - n) >> 3);
                    if (take < 0) {
                        return false;
                    }
                    w |= (y & (-1L << (64 - ((take & 0xFF) << 3)))) >>> n;
                    n += (take & 0xFF) << 3;
                    pos += take >>> 8;
                    if (n < REFILL_BELOW) {
                        y = (long) LONGS.get(data, pos);
                        if (!BitReader.noMarkerByte(y)) {
                            return false;
                        }
                        int count = (63 - n) >> 3;
                        w |= y >>> n;
                        pos += count;
                        n += count << 3;
                    }
                }
            }
            int e = fast[(int) (w >>> (64 - HuffmanLookup.FAST_BITS))];
            if (e != 0) {
                w <<= e & 31;
                n -= e & 31;
                if ((e & (HuffmanLookup.FAST_EOB | HuffmanLookup.FAST_ZRL)) == 0) {
                    k += (e >> 8) & 15;
                    outsideBand |= k > end;
                    mask = store(block, base, k, (e >> 16) << al, mask);
                } else if ((e & HuffmanLookup.FAST_ZRL) != 0) {
                    k += 15;
                } else {
                    break; // EOB0
                }
                continue;
            }
            int symbol = acTable.decode(w);
            if (symbol < 0) {
                return false;
            }
            w <<= symbol >>> 8;
            n -= symbol >>> 8;
            int r = (symbol >> 4) & 15;
            int s = symbol & 15;
            if (s != 0) {
                k += r;
                int v = HuffmanLookup.extend((int) (w >>> (64 - s)), s);
                w <<= s;
                n -= s;
                outsideBand |= k > end;
                mask = store(block, base, k, v << al, mask);
            } else if (r == 15) {
                k += 15;
            } else {
                // T.81 G.1.2.2: EOBr, a run of 2^r + (r more bits) bands, this one included.
                run = 1 << r;
                if (r != 0) {
                    run += (int) (w >>> (64 - r));
                    w <<= r;
                    n -= r;
                }
                run--;
                break;
            }
        }
        endOfBandRun = run;
        bits.commit(w, n, pos);
        nonZero[base >> 6] = mask;
        return true;
    }

    /**
     * Stores zig-zag coefficient k (coefficient 63 when k passed 63 on corrupt data, as the padded table
     * sends it) and returns the block's mask with that coefficient's bit updated to the stored 16-bit value.
     */
    private static long store(short[] block, int base, int k, int value, long mask) {
        short v = (short) value;
        block[base + NATURAL[k]] = v;
        int z = Math.min(k, 63);
        return (mask & ~(1L << z)) | ((long) ((v | -v) >>> 31) << z);
    }

    /**
     * T.81 G.1.2.3. The bit buffer is kept in locals as in {@link HuffmanDecoder}: w holds the unread bits
     * left-aligned, n of them valid, and the reader is brought up to date (held - n bits consumed) before
     * every call into it. Fills happen where reading each bit through the reader would fill (fewer bits held
     * than the read needs), so warnings come at the same offsets.
     *
     * <p>The walk over the band does not test coefficients one by one: the block's non-zero mask (coefficients
     * with a history) gives the ones that take a correction bit and the position of the r-th zero-history
     * coefficient, so the loops run once per correction bit, not once per coefficient with a data-dependent
     * branch; correction bits are applied without branches.
     */
    private void acRefine(short[] block, int base) throws JpegException {
        BitReader bits = this.bits;
        int p1 = 1 << approxLow;
        int m1 = -1 << approxLow;
        int k = spectralStart;
        int end = spectralEnd;
        long band = -1L >>> (63 - end); // zig-zag indices 0 .. Se (Ss >= 1 for AC scans)
        long history = nonZero[base >> 6];
        int held = bits.bitsHeld();
        int n = held;
        long w = bits.heldBits() << (64 - n);
        if (endOfBandRun == 0) {
            int[] lookup = acTable.lookupTable();
            int[] quick = refineTable;
            for (; k <= end; k++) {
                int r;
                int s;
                int e;
                if (n >= REFINE_BITS && (e = quick[(int) (w >>> (64 - REFINE_BITS))]) != 0) {
                    // Code and sign bit (or EOB0 / ZRL) in one look-up. With this many bits held the reader
                    // would fill neither for the code nor for the sign bit, so fills come where they did.
                    w <<= e & 31;
                    n -= e & 31;
                    r = (e >> 8) & 15;
                    if ((e & REFINE_NEW) != 0) {
                        s = (e & REFINE_ONE) != 0 ? p1 : m1;
                    } else if (r == 15) {
                        s = 0;
                    } else {
                        endOfBandRun = 1; // EOB0: this band only
                        break;
                    }
                } else {
                    if (n < HuffmanLookup.LOOKAHEAD) {
                        bits.skipBits(held - n);
                        bits.fillTo(HuffmanLookup.LOOKAHEAD);
                        held = bits.bitsHeld();
                        n = held;
                        w = bits.heldBits() << (64 - n);
                    }
                    e = lookup[(int) (w >>> (64 - HuffmanLookup.LOOKAHEAD))];
                    int rs;
                    if (e != 0) {
                        w <<= e >> 8;
                        n -= e >> 8;
                        rs = e & 0xFF;
                    } else {
                        bits.skipBits(held - n);
                        rs = acTable.decode(bits);
                        held = bits.bitsHeld();
                        n = held;
                        w = bits.heldBits() << (64 - n);
                    }
                    r = rs >> 4;
                    s = rs & 15;
                    if (s != 0) {
                        // A newly non-zero coefficient has magnitude 1 << Al; one bit gives its sign.
                        if (s != 1) {
                            bits.skipBits(held - n);
                            held = n;
                            bits.reportBadCode();
                        }
                        if (n < 1) {
                            bits.skipBits(held - n);
                            bits.fillTo(1);
                            held = bits.bitsHeld();
                            n = held;
                            w = bits.heldBits() << (64 - n);
                        }
                        s = w < 0 ? p1 : m1;
                        w <<= 1;
                        n--;
                    } else if (r != 15) {
                        // EOBr: a run of 2^r + (r more bits) bands, this one included.
                        endOfBandRun = 1 << r;
                        if (r != 0) {
                            if (n < r) {
                                bits.skipBits(held - n);
                                bits.fillTo(r);
                                held = bits.bitsHeld();
                                n = held;
                                w = bits.heldBits() << (64 - n);
                            }
                            endOfBandRun += (int) (w >>> (64 - r));
                            w <<= r;
                            n -= r;
                        }
                        break;
                    }
                }
                // Skip r zero-history coefficients: stop at the (r + 1)-th from k, or after the band when it
                // has fewer; every coefficient with a history passed on the way takes a correction bit.
                int target = k + r;
                long passed;
                if (target <= end && (history & ((2L << target) - (1L << k))) == 0) {
                    passed = 0; // no history from k to k + r: the common case past the low frequencies
                } else {
                    long zeros = ~history & band & (-1L << k);
                    for (int i = 0; i < r; i++) {
                        zeros &= zeros - 1;
                    }
                    target = zeros == 0 ? end + 1 : Long.numberOfTrailingZeros(zeros);
                    passed = history & (-1L << k) & (target == 64 ? -1L : ~(-1L << target));
                }
                if (Long.bitCount(passed) <= n) {
                    // Every correction bit is held: the loop below would not fill.
                    while (passed != 0) {
                        int pos = base + NATURAL[Long.numberOfTrailingZeros(passed)];
                        passed &= passed - 1;
                        block[pos] = correct(block[pos], (int) (w >> 63), p1);
                        w <<= 1;
                        n--;
                    }
                }
                while (passed != 0) {
                    int pos = base + NATURAL[Long.numberOfTrailingZeros(passed)];
                    passed &= passed - 1;
                    if (n < 1) {
                        bits.skipBits(held - n);
                        bits.fillTo(1);
                        held = bits.bitsHeld();
                        n = held;
                        w = bits.heldBits() << (64 - n);
                    }
                    block[pos] = correct(block[pos], (int) (w >> 63), p1);
                    w <<= 1;
                    n--;
                }
                k = target;
                if (s != 0) {
                    // k = Se + 1 on corrupt data: the padded table sends it past the band (as libjpeg).
                    outsideBand |= k > end;
                    block[base + NATURAL[k]] = (short) s;
                    history |= 1L << Math.min(k, 63);
                }
            }
        }
        if (endOfBandRun > 0) {
            // Inside an end-of-band run: only correction bits for coefficients with a history (G.1.2.3).
            // Filled where a 16-bit look-ahead, renewed every 16 bits, would fill.
            if (n < 16) {
                bits.skipBits(held - n);
                bits.fillTo(16);
                held = bits.bitsHeld();
                n = held;
                w = bits.heldBits() << (64 - n);
            }
            int used = 0;
            long passed = k > end ? 0 : history & band & (-1L << k);
            while (passed != 0) {
                int pos = base + NATURAL[Long.numberOfTrailingZeros(passed)];
                passed &= passed - 1;
                if (used == 16) {
                    if (n < 16) {
                        bits.skipBits(held - n);
                        bits.fillTo(16);
                        held = bits.bitsHeld();
                        n = held;
                        w = bits.heldBits() << (64 - n);
                    }
                    used = 0;
                }
                block[pos] = correct(block[pos], (int) (w >> 63), p1);
                w <<= 1;
                n--;
                used++;
            }
            endOfBandRun--;
        }
        nonZero[base >> 6] = history;
        bits.skipBits(held - n);
    }

    /**
     * A coefficient with a history after its correction bit (T.81 G.1.2.3): when the bit is 1 and bit Al of
     * the magnitude is still 0, the magnitude grows by 1 << Al. Without branches, since the bits are random.
     *
     * @param bit -1 for a 1 bit, 0 for a 0 bit
     */
    private static short correct(short coef, int bit, int p1) {
        int sign = coef >> 31;
        int step = (p1 ^ sign) - sign; // p1 or -p1, away from zero
        int apply = bit & (((coef & p1) - 1) >> 31);
        return (short) (coef + (step & apply));
    }
}
