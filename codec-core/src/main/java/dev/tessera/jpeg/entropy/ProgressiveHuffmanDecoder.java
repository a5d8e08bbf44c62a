package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.JpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.spec.ZigZag;

/**
 * Decodes one scan of a progressive Huffman frame (T.81 G.1.2): a DC first scan (G.1.2.1), a DC refinement
 * (G.1.2.1, one bit per block), an AC first scan with end-of-band runs (G.1.2.2) or an AC refinement
 * (G.1.2.3). The kind is fixed when the scan starts. Coefficients refine in place, in natural order.
 */
public final class ProgressiveHuffmanDecoder implements EntropyDecoder {
    private static final int[] NATURAL = ZigZag.zigZagToNaturalPadded();

    private enum Kind { DC_FIRST, DC_REFINE, AC_FIRST, AC_REFINE }

    private final BitReader bits;
    private final Kind kind;
    private final HuffmanLookup[] dcTables;
    private final HuffmanLookup acTable;
    private final int[] membership;
    private final int[] predictions;
    private final int spectralStart;
    private final int spectralEnd;
    private final int approxLow;
    /** EOBRUN (G.1.2.2): blocks still to skip in an end-of-band run. */
    private int endOfBandRun;

    /**
     * @param dcTables      DC tables per scan component (DC first scans), else ignored
     * @param acTable       the AC table (AC scans have one component), else ignored
     * @param membership    per MCU block, the index of its scan component
     * @param spectralStart Ss
     * @param spectralEnd   Se
     * @param approxHigh    Ah (0 for a first scan)
     * @param approxLow     Al
     */
    public ProgressiveHuffmanDecoder(BitReader bits, HuffmanLookup[] dcTables, HuffmanLookup acTable,
                                     int[] membership, int spectralStart, int spectralEnd,
                                     int approxHigh, int approxLow) {
        this.bits = bits;
        this.dcTables = dcTables == null ? null : dcTables.clone();
        this.acTable = acTable;
        this.membership = membership.clone();
        this.predictions = new int[4];
        this.spectralStart = spectralStart;
        this.spectralEnd = spectralEnd;
        this.approxLow = approxLow;
        boolean dc = spectralStart == 0;
        kind = dc ? (approxHigh == 0 ? Kind.DC_FIRST : Kind.DC_REFINE)
            : (approxHigh == 0 ? Kind.AC_FIRST : Kind.AC_REFINE);
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

    @Override
    public void restart() {
        java.util.Arrays.fill(predictions, 0);
        endOfBandRun = 0;
    }

    private void dcFirst(short[][] blocks, int[] offsets) throws JpegException {
        for (int b = 0; b < membership.length; b++) {
            int ci = membership[b];
            // T.81 G.1.2.1: the DC difference as in F.2.2.1, then the point transform: shift left by Al.
            int s = dcTables[ci].decode(bits);
            if (s != 0) {
                s = HuffmanLookup.extend(bits.getBits(s), s);
            }
            predictions[ci] += s;
            blocks[b][offsets[b]] = (short) (predictions[ci] << approxLow);
        }
    }

    private void dcRefine(short[][] blocks, int[] offsets) throws JpegException {
        int bit = 1 << approxLow;
        for (int b = 0; b < membership.length; b++) {
            // T.81 G.1.2.1: one raw correction bit per block.
            if (bits.getBit() != 0) {
                blocks[b][offsets[b]] |= (short) bit;
            }
        }
    }

    private void acFirst(short[] block, int base) throws JpegException {
        if (endOfBandRun > 0) {
            endOfBandRun--;
            return;
        }
        int[] fast = acTable.fastTable();
        for (int k = spectralStart; k <= spectralEnd; k++) {
            // Code and magnitude bits in one look-up when they are short (EOB0 included, ZRL as below).
            int e = fast[bits.peekBits(HuffmanLookup.FAST_BITS)];
            if (e != 0) {
                bits.skipBits(e & 31);
                if ((e & (HuffmanLookup.FAST_EOB | HuffmanLookup.FAST_ZRL)) == 0) {
                    k += (e >> 8) & 15;
                    block[base + NATURAL[k]] = (short) ((e >> 16) << approxLow);
                } else if ((e & HuffmanLookup.FAST_ZRL) != 0) {
                    k += 15;
                } else {
                    // EOB0: a run of one band, this one; nothing left to skip.
                    break;
                }
                continue;
            }
            int rs = acTable.decode(bits);
            int r = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += r;
                int v = HuffmanLookup.extend(bits.getBits(s), s);
                block[base + NATURAL[k]] = (short) (v << approxLow);
            } else if (r == 15) {
                k += 15;
            } else {
                // T.81 G.1.2.2: EOBr, a run of 2^r + (r more bits) bands, this one included.
                endOfBandRun = 1 << r;
                if (r != 0) {
                    endOfBandRun += bits.getBits(r);
                }
                endOfBandRun--;
                break;
            }
        }
    }

    private void acRefine(short[] block, int base) throws JpegException {
        int p1 = 1 << approxLow;
        int m1 = -1 << approxLow;
        int k = spectralStart;
        if (endOfBandRun == 0) {
            for (; k <= spectralEnd; k++) {
                int rs = acTable.decode(bits);
                int r = rs >> 4;
                int s = rs & 15;
                if (s != 0) {
                    // T.81 G.1.2.3: a newly non-zero coefficient has magnitude 1 << Al; one bit gives its sign.
                    if (s != 1) {
                        bits.reportBadCode();
                    }
                    s = bits.getBit() != 0 ? p1 : m1;
                } else if (r != 15) {
                    endOfBandRun = 1 << r;
                    if (r != 0) {
                        endOfBandRun += bits.getBits(r);
                    }
                    break;
                }
                // Skip r zero-history coefficients, appending a correction bit to each non-zero one passed.
                do {
                    int pos = base + NATURAL[k];
                    short coef = block[pos];
                    if (coef != 0) {
                        if (bits.getBit() != 0 && (coef & p1) == 0) {
                            block[pos] = (short) (coef >= 0 ? coef + p1 : coef + m1);
                        }
                    } else {
                        if (--r < 0) {
                            break;
                        }
                    }
                    k++;
                } while (k <= spectralEnd);
                if (s != 0) {
                    block[base + NATURAL[k]] = (short) s;
                }
            }
        }
        if (endOfBandRun > 0) {
            // Inside an end-of-band run: only correction bits for coefficients already non-zero (G.1.2.3),
            // taken in order from a 16-bit look-ahead and consumed together (the same bits as one at a time).
            int window = bits.peekBits(16);
            int used = 0;
            for (; k <= spectralEnd; k++) {
                int pos = base + NATURAL[k];
                short coef = block[pos];
                if (coef != 0) {
                    if (used == 16) {
                        bits.skipBits(16);
                        window = bits.peekBits(16);
                        used = 0;
                    }
                    int bit = (window >>> (15 - used)) & 1;
                    used++;
                    if (bit != 0 && (coef & p1) == 0) {
                        block[pos] = (short) (coef >= 0 ? coef + p1 : coef + m1);
                    }
                }
            }
            bits.skipBits(used);
            endOfBandRun--;
        }
    }
}
