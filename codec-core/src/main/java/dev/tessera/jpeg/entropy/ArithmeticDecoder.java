package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.spec.ZigZag;
import java.util.Arrays;

/**
 * Decodes one arithmetic-coded scan (T.81 Annex F.2.4 with the models of F.1.4.4, and G.1.3 for
 * progressive scans) into DCT coefficients in natural order. The kind of scan (sequential, DC first, DC
 * refinement, AC first, AC refinement) is fixed when the scan starts; binary decisions come from a
 * {@link BinaryArithmeticDecoder}.
 *
 * <p>Statistics areas are kept per conditioning table (Tb, the scan's Td or Ta): components that share a
 * table share its bins. They start in state 0 at the scan's start and at every restart (F.2.4.3, G.1.3).
 *
 * <p>Corrupt data: a magnitude category beyond 15 bits or a run past Se cannot be coded by a valid
 * encoder. As libjpeg's {@code jdarith.c} does (JWRN_ARITH_BAD_CODE), this warns once and decodes
 * nothing more until the next restart, leaving the remaining coefficients as earlier scans left them.
 */
public final class ArithmeticDecoder implements EntropyDecoder {
    private static final int[] NATURAL = ZigZag.zigZagToNaturalPadded();
    /** DC statistics bins per table: 5 contexts x (S0, SS, SP, SN), then X1..X15 and M2..M15 (F.1.4.4.1). */
    private static final int DC_BINS = 20 + 15 + 14;
    /** AC statistics bins per table: 63 x (SE, S0, SP/SN/X1), then two sets of X2..X15 and M2..M15 (F.1.4.4.2). */
    private static final int AC_BINS = 189 + 2 * 28;
    /** First X2 bin for K <= Kx, and for K > Kx (Table F.5). */
    private static final int AC_LOW_X2 = 189;
    private static final int AC_HIGH_X2 = 217;
    /** DC bin of X1 (Table F.4); bins Mn sit 14 after Xn in both models. */
    private static final int DC_X1 = 20;
    private static final int M_OFFSET = 14;
    /** Magnitudes are at most 2^15 (F.1.4.4.1.2), so the magnitude category's top bit stays below this. */
    private static final int MAGNITUDE_LIMIT = 0x8000;
    /** Returned instead of a DC difference after a bad code; no difference reaches it. */
    private static final int BAD = Integer.MIN_VALUE;

    /** The coding process of the scan. */
    public enum Kind { SEQUENTIAL, DC_FIRST, DC_REFINE, AC_FIRST, AC_REFINE }

    private final BinaryArithmeticDecoder decoder;
    private final WarningSink warnings;
    private final BitReader bits;
    private final Kind kind;
    private final int[] membership;
    /** Per scan component: its DC statistics (null when unused). */
    private final byte[][] dcStats;
    private final byte[][] acStats;
    /** Per scan component: 2^L >> 1 and 2^U >> 1, the DC conditioning bounds of Table F.4 on the magnitude category. */
    private final int[] lowerBound;
    private final int[] upperBound;
    /** Per scan component: Kx (F.1.4.4.2.1). */
    private final int[] kx;
    private final int[] predictions;
    /** Per scan component: the S0 bin of the DC context chosen by the previous difference (0, 4, 8, 12, 16). */
    private final int[] dcContext;
    private final int spectralStart;
    private final int spectralEnd;
    private final int approxLow;
    private boolean initialized;
    /** Set after a bad code: nothing more is decoded until the next restart (libjpeg: ct = -1). */
    private boolean stopped;

    /**
     * @param kind          the scan's coding process
     * @param membership    per MCU block, the index of its scan component
     * @param dcTable       per scan component, its DC conditioning table Tb (Td), 0..3
     * @param acTable       per scan component, its AC conditioning table Tb (Ta), 0..3
     * @param dcLower       per conditioning table, L (DAC, default 0)
     * @param dcUpper       per conditioning table, U (DAC, default 1)
     * @param acKx          per conditioning table, Kx (DAC, default 5)
     * @param spectralStart Ss (1 for sequential scans)
     * @param spectralEnd   Se (63 for sequential scans)
     * @param approxLow     Al (0 for sequential scans)
     */
    public ArithmeticDecoder(BitReader bits, WarningSink warnings, Kind kind, int[] membership, int[] dcTable,
                             int[] acTable, int[] dcLower, int[] dcUpper, int[] acKx, int spectralStart,
                             int spectralEnd, int approxLow) {
        this.bits = bits;
        this.warnings = warnings;
        this.decoder = new BinaryArithmeticDecoder(bits);
        this.kind = kind;
        this.membership = membership.clone();
        int n = dcTable.length;
        boolean dc = kind == Kind.SEQUENTIAL || kind == Kind.DC_FIRST;
        boolean ac = kind == Kind.SEQUENTIAL || kind == Kind.AC_FIRST || kind == Kind.AC_REFINE;
        byte[][] dcByTable = new byte[dcLower.length][];
        byte[][] acByTable = new byte[acKx.length][];
        dcStats = new byte[n][];
        acStats = new byte[n][];
        lowerBound = new int[n];
        upperBound = new int[n];
        kx = new int[n];
        for (int i = 0; i < n; i++) {
            if (dc) {
                int t = dcTable[i];
                if (dcByTable[t] == null) {
                    dcByTable[t] = new byte[DC_BINS];
                }
                dcStats[i] = dcByTable[t];
                lowerBound[i] = (1 << dcLower[t]) >> 1;
                upperBound[i] = (1 << dcUpper[t]) >> 1;
            }
            if (ac) {
                int t = acTable[i];
                if (acByTable[t] == null) {
                    acByTable[t] = new byte[AC_BINS];
                }
                acStats[i] = acByTable[t];
                kx[i] = acKx[t];
            }
        }
        this.predictions = new int[n];
        this.dcContext = new int[n];
        this.spectralStart = kind == Kind.SEQUENTIAL ? 1 : spectralStart;
        this.spectralEnd = kind == Kind.SEQUENTIAL ? 63 : spectralEnd;
        this.approxLow = kind == Kind.SEQUENTIAL ? 0 : approxLow;
    }

    @Override
    public void decodeMcu(short[][] blocks, int[] offsets) throws JpegException {
        if (!initialized) {
            // T.81 F.2.4.1 / D.2.5: INITDEC at the start of each entropy-coded segment.
            decoder.initialize();
            initialized = true;
        }
        if (stopped) {
            return;
        }
        switch (kind) {
            case SEQUENTIAL -> sequential(blocks, offsets);
            case DC_FIRST -> dcFirst(blocks, offsets);
            case DC_REFINE -> dcRefine(blocks, offsets);
            case AC_FIRST -> acFirst(blocks[0], offsets[0], 0);
            default -> acRefine(blocks[0], offsets[0]);
        }
    }

    /** T.81 F.2.4.3 and G.1.3: statistics, predictions and DC contexts reset, INITDEC before the next MCU. */
    @Override
    public void restart() {
        for (int i = 0; i < dcStats.length; i++) {
            if (dcStats[i] != null) {
                Arrays.fill(dcStats[i], (byte) 0);
            }
            if (acStats[i] != null) {
                Arrays.fill(acStats[i], (byte) 0);
            }
        }
        Arrays.fill(predictions, 0);
        Arrays.fill(dcContext, 0);
        initialized = false;
        stopped = false;
    }

    private void sequential(short[][] blocks, int[] offsets) throws JpegException {
        for (int b = 0; b < membership.length; b++) {
            int ci = membership[b];
            short[] block = blocks[b];
            int base = offsets[b];
            int diff = dcDifference(ci);
            if (diff == BAD) {
                return;
            }
            // T.81 F.2.4.1: PRED += DIFF; like libjpeg the coefficient is the prediction truncated to 16 bits.
            predictions[ci] += diff;
            block[base] = (short) predictions[ci];
            if (!acFirst(block, base, ci)) {
                return;
            }
        }
    }

    private void dcFirst(short[][] blocks, int[] offsets) throws JpegException {
        for (int b = 0; b < membership.length; b++) {
            int ci = membership[b];
            int diff = dcDifference(ci);
            if (diff == BAD) {
                return;
            }
            // T.81 G.1.3.1: the DC model of F.1.4.4.1 on the point-transformed values, shifted back by Al.
            predictions[ci] += diff;
            blocks[b][offsets[b]] = (short) (predictions[ci] << approxLow);
        }
    }

    private void dcRefine(short[][] blocks, int[] offsets) throws JpegException {
        int bit = 1 << approxLow;
        for (int b = 0; b < membership.length; b++) {
            // T.81 G.1.3.1: each correction bit is coded with the fixed estimate Qe = X'5A1D'.
            if (decoder.decodeFixed() != 0) {
                blocks[b][offsets[b]] |= (short) bit;
            }
        }
    }

    /**
     * T.81 F.1.4.4.1 (Figures F.19, F.22 to F.24 for decoding): one DC difference of scan component
     * {@code ci}, updating its conditioning context (Table F.4); {@link #BAD} after a bad code.
     */
    private int dcDifference(int ci) throws JpegException {
        byte[] st = dcStats[ci];
        int s = dcContext[ci];
        if (decoder.decode(st, s) == 0) {
            dcContext[ci] = 0; // Da = 0 is in the "zero" category
            return 0;
        }
        int sign = decoder.decode(st, s + 1); // SS
        s += 2 + sign; // SP or SN
        int top = decoder.decode(st, s); // Sz >= 1 ?
        if (top != 0) {
            s = DC_X1;
            while (decoder.decode(st, s) != 0) {
                top <<= 1;
                if (top == MAGNITUDE_LIMIT) {
                    badCode();
                    return BAD;
                }
                s++;
            }
        }
        // Table F.4 in terms of the top bit of Sz = |Da| - 1: zero if |Da| <= 2^(L-1), large if |Da| > 2^U.
        if (top < lowerBound[ci]) {
            dcContext[ci] = 0;
        } else if (top > upperBound[ci]) {
            dcContext[ci] = 12 + 4 * sign;
        } else {
            dcContext[ci] = 4 + 4 * sign;
        }
        int magnitude = magnitudeBits(st, s + M_OFFSET, top) + 1;
        return sign != 0 ? -magnitude : magnitude;
    }

    /** F.1.4.4.1.2 / Figure F.24: Sz from its top bit and the lower bits, each coded in the Mn bin {@code m}. */
    private int magnitudeBits(byte[] st, int m, int top) throws JpegException {
        int v = top;
        for (int bit = top >> 1; bit != 0; bit >>= 1) {
            if (decoder.decode(st, m) != 0) {
                v |= bit;
            }
        }
        return v;
    }

    /**
     * T.81 F.1.4.4.2 (Figures F.20 and F.21 for decoding; G.1.3.2 for a first AC scan, whose values are
     * shifted left by Al): the AC coefficients Ss..Se of one block. False after a bad code.
     */
    private boolean acFirst(short[] block, int base, int ci) throws JpegException {
        byte[] st = acStats[ci];
        for (int k = spectralStart; k <= spectralEnd; k++) {
            int s = 3 * (k - 1);
            if (decoder.decode(st, s) != 0) {
                break; // SE: end of block
            }
            while (decoder.decode(st, s + 1) == 0) { // S0: zero coefficient
                s += 3;
                if (++k > spectralEnd) {
                    badCode();
                    return false;
                }
            }
            int sign = decoder.decodeFixed();
            s += 2; // SN/SP/X1, one bin for the first two magnitude decisions
            int top = decoder.decode(st, s);
            if (top != 0 && decoder.decode(st, s) != 0) {
                top = 2;
                s = k <= kx[ci] ? AC_LOW_X2 : AC_HIGH_X2;
                while (decoder.decode(st, s) != 0) {
                    top <<= 1;
                    if (top == MAGNITUDE_LIMIT) {
                        badCode();
                        return false;
                    }
                    s++;
                }
            }
            int magnitude = magnitudeBits(st, s + M_OFFSET, top) + 1;
            int v = sign != 0 ? -magnitude : magnitude;
            block[base + NATURAL[k]] = (short) (v << approxLow);
        }
        return true;
    }

    /** T.81 G.1.3.3 (Figure G.10 and Table G.2 for decoding): an AC refinement of Ss..Se in one block. */
    private void acRefine(short[] block, int base) throws JpegException {
        byte[] st = acStats[0];
        int p1 = 1 << approxLow;
        int m1 = -1 << approxLow;
        // EOBx: the last coefficient of the band that earlier scans made non-zero.
        int endOfBandBefore = spectralEnd;
        while (endOfBandBefore > 0 && (block[base + NATURAL[endOfBandBefore]] >> approxLow) == 0) {
            endOfBandBefore--;
        }
        for (int k = spectralStart; k <= spectralEnd; k++) {
            int s = 3 * (k - 1);
            if (k > endOfBandBefore && decoder.decode(st, s) != 0) {
                break; // SE, coded only past EOBx
            }
            while (true) {
                int pos = base + NATURAL[k];
                int coef = block[pos];
                if (coef != 0) {
                    // Correction bit of a coefficient already non-zero, in bin SC.
                    if (decoder.decode(st, s + 2) != 0) {
                        block[pos] = (short) (coef + (coef < 0 ? m1 : p1));
                    }
                    break;
                }
                if (decoder.decode(st, s + 1) != 0) {
                    // Newly non-zero: magnitude 1 << Al, sign with the fixed estimate.
                    block[pos] = (short) (decoder.decodeFixed() != 0 ? m1 : p1);
                    break;
                }
                s += 3;
                if (++k > spectralEnd) {
                    badCode();
                    return;
                }
            }
        }
    }

    private void badCode() throws JpegException {
        stopped = true;
        warnings.warn(bits.offset(), JpegWarning.Kind.BAD_ARITHMETIC_CODE, "corrupt JPEG data: bad arithmetic code");
    }
}
