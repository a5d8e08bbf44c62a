package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.io.BitWriter;
import java.io.IOException;
import java.util.Arrays;

/**
 * Arithmetic-codes the blocks of one scan (T.81 F.1.4 with the models of F.1.4.4, G.1.3 for progressive
 * scans) through a {@link BinaryArithmeticEncoder}: the inverse of {@link ArithmeticDecoder}, with the same
 * statistics bins and the default conditioning (L = 0, U = 1, Kx = 5, F.1.4.4.1.4 and F.1.4.4.2.1), so that
 * no DAC segment is needed.
 *
 * <p>Blocks are {@code short} arrays in zig-zag order. Statistics are kept per conditioning table (the scan's
 * Td or Ta); components that share a table share its bins. Everything restarts at {@link #restart}.
 */
public final class ArithmeticEncoder {
    private static final int DC_BINS = 20 + 15 + 14;
    private static final int AC_BINS = 189 + 2 * 28;
    private static final int AC_LOW_X2 = 189;
    private static final int AC_HIGH_X2 = 217;
    private static final int DC_X1 = 20;
    private static final int M_OFFSET = 14;
    /** Default conditioning: 2^L >> 1 and 2^U >> 1 for L = 0, U = 1 (Table F.4), and Kx = 5 (F.1.4.4.2.1). */
    private static final int LOWER = 0;
    private static final int UPPER = 1;
    private static final int KX = 5;

    private final BinaryArithmeticEncoder coder;
    private final BitWriter bits;
    /** Per scan component: its DC and AC statistics areas (shared by components with the same table). */
    private final byte[][] dcStats;
    private final byte[][] acStats;
    private final int[] predictions;
    /** Per scan component: the S0 bin of the DC context chosen by the previous difference. */
    private final int[] dcContext;
    private final int spectralStart;
    private final int spectralEnd;
    private final int approxLow;

    /**
     * @param dcTable       per scan component, its DC conditioning table Td, 0..3
     * @param acTable       per scan component, its AC conditioning table Ta, 0..3
     * @param spectralStart Ss, spectralEnd Se, approxLow Al of the scan (1, 63, 0 for sequential scans)
     */
    public ArithmeticEncoder(BitWriter bits, int[] dcTable, int[] acTable, int spectralStart, int spectralEnd,
                             int approxLow) {
        this.bits = bits;
        this.coder = new BinaryArithmeticEncoder(bits);
        int n = dcTable.length;
        byte[][] dcByTable = new byte[4][];
        byte[][] acByTable = new byte[4][];
        dcStats = new byte[n][];
        acStats = new byte[n][];
        for (int i = 0; i < n; i++) {
            if (dcByTable[dcTable[i]] == null) {
                dcByTable[dcTable[i]] = new byte[DC_BINS];
            }
            if (acByTable[acTable[i]] == null) {
                acByTable[acTable[i]] = new byte[AC_BINS];
            }
            dcStats[i] = dcByTable[dcTable[i]];
            acStats[i] = acByTable[acTable[i]];
        }
        predictions = new int[n];
        dcContext = new int[n];
        this.spectralStart = spectralStart;
        this.spectralEnd = spectralEnd;
        this.approxLow = approxLow;
    }

    /** T.81 F.1.4.4: one block of a sequential scan, DC difference then AC coefficients 1..63. */
    public void encodeSequential(int ci, short[] block, int offset) throws IOException {
        int dc = block[offset];
        encodeDc(ci, dc - predictions[ci]);
        predictions[ci] = dc;
        encodeAc(ci, block, offset, 1, 63, 0);
    }

    /** T.81 G.1.3.1: the DC coefficient of a first DC scan, point-transformed by Al (arithmetic shift). */
    public void encodeDcFirst(int ci, short[] block, int offset) throws IOException {
        int dc = block[offset] >> approxLow;
        encodeDc(ci, dc - predictions[ci]);
        predictions[ci] = dc;
    }

    /** T.81 G.1.3.1: a DC refinement bit, with the fixed estimate. */
    public void encodeDcRefine(short[] block, int offset) throws IOException {
        coder.encodeFixed((block[offset] >> approxLow) & 1);
    }

    /** T.81 G.1.3.2: the AC band Ss..Se of a first AC scan, point-transformed by Al. */
    public void encodeAcFirst(short[] block, int offset) throws IOException {
        encodeAc(0, block, offset, spectralStart, spectralEnd, approxLow);
    }

    /** Ends the entropy-coded segment: FLUSH, then a new segment with fresh statistics (F.1.4.1, G.1.3). */
    public void finish() throws IOException {
        coder.finish();
        for (int i = 0; i < dcStats.length; i++) {
            Arrays.fill(dcStats[i], (byte) 0);
            Arrays.fill(acStats[i], (byte) 0);
        }
        Arrays.fill(predictions, 0);
        Arrays.fill(dcContext, 0);
    }

    /** Ends a restart interval: FLUSH, marker RSTn (n = {@code index} mod 8), statistics reset (F.1.4.1). */
    public void restart(int index) throws IOException {
        finish();
        bits.writeRestartMarker(index);
    }

    /** T.81 F.1.4.4.1 (Figures F.4 to F.8): one DC difference, updating its conditioning context (Table F.4). */
    private void encodeDc(int ci, int diff) throws IOException {
        byte[] st = dcStats[ci];
        int s = dcContext[ci];
        if (diff == 0) {
            coder.encode(st, s, 0);
            dcContext[ci] = 0;
            return;
        }
        coder.encode(st, s, 1);
        int sign = diff < 0 ? 1 : 0;
        coder.encode(st, s + 1, sign); // SS
        s += 2 + sign; // SP or SN
        int sz = (diff < 0 ? -diff : diff) - 1;
        int top = 0;
        if (sz == 0) {
            coder.encode(st, s, 0);
        } else {
            coder.encode(st, s, 1);
            top = 1;
            s = DC_X1;
            while ((top << 1) <= sz) {
                coder.encode(st, s, 1);
                top <<= 1;
                s++;
            }
            coder.encode(st, s, 0);
        }
        // Table F.4 on the top bit of Sz: zero below 2^(L-1), large above 2^U, else small.
        if (top < ((1 << LOWER) >> 1)) {
            dcContext[ci] = 0;
        } else if (top > ((1 << UPPER) >> 1)) {
            dcContext[ci] = 12 + 4 * sign;
        } else {
            dcContext[ci] = 4 + 4 * sign;
        }
        magnitudeBits(st, s + M_OFFSET, top, sz);
    }

    /** F.1.4.4.1.2 (Figure F.8): the bits of Sz below its top bit, each in the Mn bin {@code m}. */
    private void magnitudeBits(byte[] st, int m, int top, int sz) throws IOException {
        for (int bit = top >> 1; bit != 0; bit >>= 1) {
            coder.encode(st, m, (sz & bit) != 0 ? 1 : 0);
        }
    }

    /**
     * T.81 F.1.4.4.2 (Figures F.5, F.6; G.1.3.2 for a first AC scan): coefficients {@code from..to} of one
     * block, each point-transformed by {@code al} (division by 2^Al, rounding toward zero).
     */
    private void encodeAc(int ci, short[] block, int offset, int from, int to, int al) throws IOException {
        byte[] st = acStats[ci];
        int end = to;
        while (end >= from && transformed(block[offset + end], al) == 0) {
            end--;
        }
        int k = from;
        while (k <= end) {
            int s = 3 * (k - 1);
            coder.encode(st, s, 0); // SE: not the end of the block
            int v = transformed(block[offset + k], al);
            while (v == 0) {
                coder.encode(st, s + 1, 0); // S0: zero coefficient
                s += 3;
                k++;
                v = transformed(block[offset + k], al);
            }
            coder.encode(st, s + 1, 1);
            coder.encodeFixed(v < 0 ? 1 : 0);
            s += 2; // SN/SP/X1
            int sz = (v < 0 ? -v : v) - 1;
            int top = 0;
            if (sz == 0) {
                coder.encode(st, s, 0);
            } else {
                coder.encode(st, s, 1);
                top = 1;
                if (sz == 1) {
                    coder.encode(st, s, 0);
                } else {
                    coder.encode(st, s, 1);
                    top = 2;
                    s = k <= KX ? AC_LOW_X2 : AC_HIGH_X2;
                    while ((top << 1) <= sz) {
                        coder.encode(st, s, 1);
                        top <<= 1;
                        s++;
                    }
                    coder.encode(st, s, 0);
                }
            }
            magnitudeBits(st, s + M_OFFSET, top, sz);
            k++;
        }
        if (k <= to) {
            coder.encode(st, 3 * (k - 1), 1); // SE: end of block
        }
    }

    /** G.1.2.2 / G.1.3.2: an AC coefficient divided by 2^Al, rounding toward zero. */
    private static int transformed(int v, int al) {
        return v < 0 ? -((-v) >> al) : v >> al;
    }

    /** T.81 G.1.3.3 (Figure G.7 and Table G.2): an AC refinement of Ss..Se in one block, bit Al. */
    public void encodeAcRefine(short[] block, int offset) throws IOException {
        byte[] st = acStats[0];
        int al = approxLow;
        // EOBx: the last coefficient made non-zero by earlier scans; EOB: the last non-zero after this one.
        int endBefore = spectralEnd;
        while (endBefore >= spectralStart && abs(block[offset + endBefore]) >> (al + 1) == 0) {
            endBefore--;
        }
        int end = spectralEnd;
        while (end >= spectralStart && abs(block[offset + end]) >> al == 0) {
            end--;
        }
        int k = spectralStart;
        while (k <= end) {
            int s = 3 * (k - 1);
            if (k > endBefore) {
                coder.encode(st, s, 0); // SE, coded only past EOBx
            }
            while (true) {
                int v = block[offset + k];
                int a = abs(v);
                if (a >> (al + 1) != 0) {
                    coder.encode(st, s + 2, (a >> al) & 1); // SC: correction bit
                    break;
                }
                if (((a >> al) & 1) != 0) {
                    coder.encode(st, s + 1, 1); // newly non-zero, then its sign
                    coder.encodeFixed(v < 0 ? 1 : 0);
                    break;
                }
                coder.encode(st, s + 1, 0);
                s += 3;
                k++;
            }
            k++;
        }
        if (k <= spectralEnd && k > endBefore) {
            coder.encode(st, 3 * (k - 1), 1); // SE: end of band
        }
    }

    private static int abs(int v) {
        return v < 0 ? -v : v;
    }
}
