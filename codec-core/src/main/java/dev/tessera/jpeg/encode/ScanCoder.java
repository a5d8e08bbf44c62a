package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.entropy.HuffmanEncoder;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.simd.BlockGroups;
import java.io.IOException;
import java.util.Arrays;

/**
 * Walks the MCUs of MCU rows of a sequential interleaved scan in scan order (T.81 A.2.3), tracking DC
 * predictions and restart intervals, and either counts or codes each block. Rows are laid out as
 * {@link McuRowEncoder} writes them.
 */
final class ScanCoder {
    private final EncodeLayout layout;
    private final int restartMcus;
    private final int[] previousDc;
    private long mcuIndex;
    private int restartIndex;

    ScanCoder(EncodeLayout layout, int restartMcus) {
        this.layout = layout;
        this.restartMcus = restartMcus;
        this.previousDc = new int[layout.componentCount()];
    }

    /** Starts again at the first MCU of the scan. */
    void reset() {
        startAt(0);
    }

    /**
     * Starts at MCU {@code firstMcu} (counted in scan order from 0) with DC predictions 0. When
     * {@code firstMcu} begins a restart interval this is the state of a whole-scan walk at that MCU (T.81
     * F.1.1.5.1: the predictions reset at each interval), and the walk writes the marker RSTn that precedes
     * it, n numbered as if the intervals before it had been coded.
     */
    void startAt(long firstMcu) {
        Arrays.fill(previousDc, 0);
        mcuIndex = firstMcu;
        // T.81 B.2.1: the marker before interval k (k >= 1, counted from 0) is RST((k - 1) mod 8).
        restartIndex = restartMcus > 0 && firstMcu > 0 ? (int) ((firstMcu - 1) / restartMcus) : 0;
    }

    /** Sets the DC predictions, as a walk of the MCUs before would have left them ({@code dc} per component). */
    void predictFrom(int[] dc) {
        System.arraycopy(dc, 0, previousDc, 0, previousDc.length);
    }

    /** The DC prediction of component {@code c}: the DC of its last block walked, or 0 after a reset. */
    int previousDc(int c) {
        return previousDc[c];
    }

    /** True if MCU {@code mcu} starts a restart interval other than the first. */
    boolean startsInterval(long mcu) {
        return restartMcus > 0 && mcu > 0 && mcu % restartMcus == 0;
    }

    void count(short[][] coefs, int[] slots, long[][] dcCounts, long[][] acCounts) {
        int n = layout.componentCount();
        int mcus = layout.mcusPerRow();
        for (int mx = 0; mx < mcus; mx++) {
            if (startsInterval(mcuIndex)) {
                Arrays.fill(previousDc, 0);
            }
            mcuIndex++;
            for (int c = 0; c < n; c++) {
                int table = slots[c];
                int h = layout.horizontal(c);
                int perLine = layout.blocksPerLine(c);
                for (int v = 0; v < layout.vertical(c); v++) {
                    for (int u = 0; u < h; u++) {
                        int offset = (v * perLine + mx * h + u) * 64;
                        HuffmanEncoder.countBlock(coefs[c], offset, previousDc[c], dcCounts[table],
                            acCounts[table]);
                        previousDc[c] = coefs[c][offset];
                    }
                }
            }
        }
    }

    void encode(short[][] coefs, BitWriter bits, HuffmanTable[] dc, HuffmanTable[] ac) throws IOException {
        int n = layout.componentCount();
        int mcus = layout.mcusPerRow();
        for (int mx = 0; mx < mcus; mx++) {
            // T.81 F.1.2.3 / E.1.4: restart marker and DC prediction reset between intervals.
            if (startsInterval(mcuIndex)) {
                bits.writeRestartMarker(restartIndex++);
                Arrays.fill(previousDc, 0);
            }
            mcuIndex++;
            for (int c = 0; c < n; c++) {
                int h = layout.horizontal(c);
                int perLine = layout.blocksPerLine(c);
                for (int v = 0; v < layout.vertical(c); v++) {
                    for (int u = 0; u < h; u++) {
                        int offset = (v * perLine + mx * h + u) * 64;
                        HuffmanEncoder.encodeBlock(bits, coefs[c], offset, previousDc[c], dc[c], ac[c]);
                        previousDc[c] = coefs[c][offset];
                    }
                }
            }
        }
    }

    /**
     * As {@link #count}, and appends each block to {@code packed} in scan order; {@code masks[c]} holds the nonzero
     * AC mask of each block of {@code coefs[c]}, whose coefficients are in natural order in the group layout
     * ({@link McuRowEncoder#encodeRowNatural}).
     */
    void countAndPack(int[][] coefs, long[][] masks, int[] slots, long[][] dcCounts, long[][] acCounts,
                      PackedBlocks packed) {
        int n = layout.componentCount();
        int mcus = layout.mcusPerRow();
        for (int mx = 0; mx < mcus; mx++) {
            if (startsInterval(mcuIndex)) {
                Arrays.fill(previousDc, 0);
            }
            mcuIndex++;
            for (int c = 0; c < n; c++) {
                int table = slots[c];
                int h = layout.horizontal(c);
                int perLine = layout.blocksPerLine(c);
                int groupsPerLine = BlockGroups.groups(perLine);
                int[] blocks = coefs[c];
                long[] blockMasks = masks[c];
                for (int v = 0; v < layout.vertical(c); v++) {
                    for (int u = 0; u < h; u++) {
                        int bx = mx * h + u;
                        int offset = BlockGroups.blockBase(v, groupsPerLine, bx);
                        long mask = blockMasks[v * perLine + bx];
                        packed.countAndAdd(blocks, offset, mask, previousDc[c], dcCounts[table], acCounts[table]);
                        previousDc[c] = blocks[offset];
                    }
                }
            }
        }
    }

    /** As {@link #encode}, for the blocks of one MCU row read from {@code packed} ({@link #countAndPack}). */
    void encodePacked(PackedBlocks.Reader packed, BitWriter bits, HuffmanTable[] dc, HuffmanTable[] ac)
        throws IOException {
        int n = layout.componentCount();
        int mcus = layout.mcusPerRow();
        for (int mx = 0; mx < mcus; mx++) {
            // T.81 F.1.2.3 / E.1.4: restart marker and DC prediction reset between intervals.
            if (startsInterval(mcuIndex)) {
                bits.writeRestartMarker(restartIndex++);
                Arrays.fill(previousDc, 0);
            }
            mcuIndex++;
            for (int c = 0; c < n; c++) {
                int blocks = layout.vertical(c) * layout.horizontal(c);
                for (int b = 0; b < blocks; b++) {
                    packed.next();
                    int[] chunk = packed.chunk;
                    int p = packed.position;
                    int dcValue = HuffmanEncoder.symbolsDc(chunk[p]);
                    packed.position = HuffmanEncoder.encodeSymbols(bits, chunk, p, previousDc[c], dc[c], ac[c]);
                    previousDc[c] = dcValue;
                }
            }
        }
    }
}
