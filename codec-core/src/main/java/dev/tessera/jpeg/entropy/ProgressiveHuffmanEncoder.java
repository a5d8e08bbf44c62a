package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.io.BitWriter;
import java.io.IOException;

/**
 * Huffman coding of one progressive scan (T.81 G.1.2): DC first and refinement scans, AC first scans with
 * end-of-band runs, and AC refinement scans with correction bits. One instance codes one scan; it either
 * counts symbols (for table optimisation, K.2) or writes them, so both passes run the same procedure.
 *
 * <p>Blocks are {@code short} arrays in zig-zag order.
 */
public final class ProgressiveHuffmanEncoder {
    /** Longest end-of-band run (G.1.2.2: EOB14 with 14 extra bits codes up to 32767 bands). */
    private static final int MAX_EOB_RUN = 0x7FFF;
    /** Correction bits held back with a pending end-of-band run before the run is flushed. */
    private static final int MAX_BUFFERED_BITS = 937;
    private static final int ZRL = 0xF0;

    private final BitWriter out;
    private final HuffmanTable[] tables;
    private final long[][] counts;
    private final int spectralStart;
    private final int spectralEnd;
    private final int approxLow;

    /** Bits beyond the Huffman codes (magnitude, EOB-run and correction bits) a counting encoder has seen. */
    private long extraBits;
    private int eobRun;
    /** Correction bits (G.1.2.3) waiting for the end-of-band run they belong to, one bit a byte. */
    private final byte[] pendingBits = new byte[MAX_BUFFERED_BITS + 64];
    private int pendingCount;
    private final int[] magnitudes = new int[64];

    private ProgressiveHuffmanEncoder(BitWriter out, HuffmanTable[] tables, long[][] counts, int spectralStart,
                                      int spectralEnd, int approxLow) {
        this.out = out;
        this.tables = tables;
        this.counts = counts;
        this.spectralStart = spectralStart;
        this.spectralEnd = spectralEnd;
        this.approxLow = approxLow;
    }

    /**
     * An encoder that counts symbols into {@code counts[table][symbol]} and writes nothing.
     *
     * @param spectralStart Ss, spectralEnd Se, approxLow Al of the scan
     */
    public static ProgressiveHuffmanEncoder counting(long[][] counts, int spectralStart, int spectralEnd,
                                                     int approxLow) {
        return new ProgressiveHuffmanEncoder(null, null, counts, spectralStart, spectralEnd, approxLow);
    }

    /** An encoder that writes with {@code tables[table]}. */
    public static ProgressiveHuffmanEncoder writing(BitWriter out, HuffmanTable[] tables, int spectralStart,
                                                    int spectralEnd, int approxLow) {
        return new ProgressiveHuffmanEncoder(out, tables, null, spectralStart, spectralEnd, approxLow);
    }

    private void symbol(int table, int symbol) throws IOException {
        if (out == null) {
            counts[table][symbol]++;
        } else {
            HuffmanTable t = tables[table];
            out.writeBits(t.codeOf(symbol), t.lengthOf(symbol));
        }
    }

    private void bits(int value, int length) throws IOException {
        if (out == null) {
            extraBits += length;
        } else if (length > 0) {
            out.writeBits(value & ((1 << length) - 1), length);
        }
    }

    /**
     * For a counting encoder: the bits it saw besides Huffman codes (the SSSS magnitude bits, EOB-run
     * lengths, sign and correction bits). With the counts and a table's code lengths this gives the exact
     * entropy-coded length of the scan before byte stuffing and padding.
     */
    public long extraBits() {
        return extraBits;
    }

    /**
     * G.1.2.1: the first DC scan codes the point-transformed DC (an arithmetic shift by Al) as a difference,
     * like F.1.2.1.
     *
     * @return the point-transformed DC, the next block's predictor
     */
    public int encodeDcFirst(int table, short[] block, int offset, int predictor) throws IOException {
        int dc = block[offset] >> approxLow;
        int diff = dc - predictor;
        int magnitude = diff < 0 ? -diff : diff;
        int category = 32 - Integer.numberOfLeadingZeros(magnitude);
        symbol(table, category);
        bits(diff < 0 ? diff - 1 : diff, category);
        return dc;
    }

    /** G.1.2.1: a DC refinement scan sends bit Al of the DC as a raw bit. */
    public void encodeDcRefine(short[] block, int offset) throws IOException {
        bits((block[offset] >> approxLow) & 1, 1);
    }

    /** G.1.2.2: an AC first scan, coefficients Ss..Se divided by 2^Al (truncating toward zero). */
    public void encodeAcFirst(int table, short[] block, int offset) throws IOException {
        encodeAcFirst(table, block, offset, 63);
    }

    /**
     * {@link #encodeAcFirst(int, short[], int)} for a block whose coefficients after zig-zag index
     * {@code last} are all zero: the walk stops there, since trailing zeros only end the band.
     */
    public void encodeAcFirst(int table, short[] block, int offset, int last) throws IOException {
        int end = Math.min(spectralEnd, last);
        int run = 0;
        for (int k = spectralStart; k <= end; k++) {
            int v = block[offset + k];
            int magnitude = (v < 0 ? -v : v) >> approxLow;
            if (magnitude == 0) {
                run++;
                continue;
            }
            if (eobRun > 0) {
                closeEobRun(table, pendingCount);
            }
            while (run > 15) {
                symbol(table, ZRL);
                run -= 16;
            }
            int size = 32 - Integer.numberOfLeadingZeros(magnitude);
            symbol(table, (run << 4) | size);
            // F.1.2.2.1 sign convention: negative values are sent as value - 1 in SIZE bits.
            bits(v < 0 ? ~magnitude : magnitude, size);
            run = 0;
        }
        if (run > 0 || end < spectralEnd) {
            eobRun++;
            if (eobRun == MAX_EOB_RUN) {
                flushEobRun(table);
            }
        }
    }

    /**
     * G.1.2.3: an AC refinement scan. Coefficients that become non-zero at bit Al are coded with a run and a
     * sign bit; coefficients already non-zero get one correction bit each, sent after the next symbol (or the
     * end-of-band run) that passes them.
     */
    public void encodeAcRefine(int table, short[] block, int offset) throws IOException {
        encodeAcRefine(table, block, offset, 63);
    }

    /**
     * {@link #encodeAcRefine(int, short[], int)} for a block whose coefficients after zig-zag index
     * {@code last} are all zero: the walk stops there, since trailing zeros only end the band.
     */
    public void encodeAcRefine(int table, short[] block, int offset, int last) throws IOException {
        int end = Math.min(spectralEnd, last);
        int lastNew = -1; // the last coefficient that becomes non-zero in this scan: the end of the band
        for (int k = spectralStart; k <= end; k++) {
            int v = block[offset + k];
            int m = (v < 0 ? -v : v) >> approxLow;
            magnitudes[k] = m;
            if (m == 1) {
                lastNew = k;
            }
        }
        // Pending bits [0, runBits) belong to the blocks of the open end-of-band run (BE in G.1.2.3); bits
        // after them are this block's corrections (BR), sent after the next symbol that passes them.
        int runBits = pendingCount;
        int run = 0;
        for (int k = spectralStart; k <= end; k++) {
            int m = magnitudes[k];
            if (m == 0) {
                run++;
                continue;
            }
            // Runs of 16 zeros before a new coefficient need ZRL; past the last new one they fold into EOB.
            while (run > 15 && k <= lastNew) {
                if (eobRun > 0) {
                    closeEobRun(table, runBits);
                }
                runBits = 0;
                symbol(table, ZRL);
                run -= 16;
                sendFirst(pendingCount);
            }
            if (m > 1) {
                pendingBits[pendingCount++] = (byte) (m & 1);
                continue;
            }
            if (eobRun > 0) {
                closeEobRun(table, runBits);
            }
            runBits = 0;
            symbol(table, (run << 4) | 1);
            bits(block[offset + k] < 0 ? 0 : 1, 1);
            sendFirst(pendingCount);
            run = 0;
        }
        if (run > 0 || end < spectralEnd || pendingCount > runBits) {
            // This block ends the band early: it joins the run, its corrections join the run's bits.
            eobRun++;
            if (eobRun == MAX_EOB_RUN || pendingCount > MAX_BUFFERED_BITS) {
                flushEobRun(table);
            }
        }
    }

    /** Writes the open end-of-band run, if any, followed by its {@code runBits} correction bits. */
    private void closeEobRun(int table, int runBits) throws IOException {
        if (eobRun > 0) {
            writeEobRun(table);
            sendFirst(runBits);
        }
    }

    /** Sends the first {@code count} pending correction bits and keeps the rest, in order. */
    private void sendFirst(int count) throws IOException {
        if (count == 0) {
            return;
        }
        if (out == null) {
            // Counting: only the number of pending bits matters.
            extraBits += count;
            pendingCount -= count;
            return;
        }
        // Up to 24 bits a call, most significant first: the same bit string as one bit at a time.
        for (int i = 0; i < count; ) {
            int n = Math.min(24, count - i);
            int packed = 0;
            for (int end = i + n; i < end; i++) {
                packed = (packed << 1) | pendingBits[i];
            }
            out.writeBits(packed, n);
        }
        System.arraycopy(pendingBits, count, pendingBits, 0, pendingCount - count);
        pendingCount -= count;
    }

    private void writeEobRun(int table) throws IOException {
        // G.1.2.2: EOBn symbol n << 4 with n = floor(log2(run)), then the run's low n bits.
        int n = 31 - Integer.numberOfLeadingZeros(eobRun);
        symbol(table, n << 4);
        bits(eobRun, n);
        eobRun = 0;
    }

    /** Ends any pending end-of-band run and sends its correction bits: before a restart marker or scan end. */
    public void flushEobRun(int table) throws IOException {
        if (eobRun > 0) {
            writeEobRun(table);
        }
        sendFirst(pendingCount);
    }
}
