package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.dct.BlockSmoothing;
import dev.tessera.jpeg.dct.IdctKernel;
import dev.tessera.jpeg.sample.SamplePlane;

/**
 * Interblock smoothing for progressive images whose low-frequency AC coefficients are not (yet) fully
 * known, as libjpeg-turbo 2.1 applies it by default ({@code jdcoefct.c} decompress_smooth_data, enabled by
 * {@code do_block_smoothing}). T.81 K.8 suggests predicting such coefficients from the DC values of the
 * neighbouring blocks; libjpeg-turbo uses a 5x5 neighbourhood of DC values to estimate the first nine AC
 * coefficients in zig-zag order, and when no AC scan at all has been seen for a component also re-estimates
 * the DC. An estimate replaces a coefficient only when it is still zero, and is clamped below 2^Al when Al
 * bits are still missing.
 *
 * <p>Which coefficients are incomplete comes from the progression state (coef_bits) latched after the last
 * scan; block rows past the point where the last scan ran out of data use the state from before that scan,
 * as libjpeg-turbo does with last_good_iMCU_row. This class walks the coefficient buffer; the prediction
 * itself is {@link BlockSmoothing}.
 */
final class BlockSmoother {
    /** Natural-order positions of zig-zag coefficients 1..9 (Q01, Q10, Q20, Q11, Q02, Q03, Q12, Q21, Q30). */
    private static final int[] POSITIONS = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24};
    private static final int SAVED = 10;

    private final DecodeLayout layout;
    private final int[][] latch;
    private final int[][] previousLatch;
    private final int[][] quantValues;
    private final int lastGoodRow;
    private final short[] workspace = new short[64];
    /** DC values of the 5x5 neighbourhood: [row -2..+2][column -2..+2]. */
    private final int[][] d = new int[5][5];
    private final int[] rows = new int[5];

    private BlockSmoother(DecodeLayout layout, int[][] latch, int[][] previousLatch, int[][] quantValues,
                          int lastGoodRow) {
        this.layout = layout;
        this.latch = latch;
        this.previousLatch = previousLatch;
        this.quantValues = quantValues;
        this.lastGoodRow = lastGoodRow;
    }

    /** libjpeg-turbo's smoothing_ok: a smoother, or {@code null} when smoothing does not apply. */
    static BlockSmoother create(DecodeLayout layout, int[][] coefBits, int[][] previousCoefBits,
                                int[][] quantValues, int scanNumber, int lastGoodRow) {
        int n = layout.components.length;
        boolean useful = false;
        int[][] latch = new int[n][SAVED];
        int[][] prev = new int[n][SAVED];
        for (int ci = 0; ci < n; ci++) {
            int[] q = quantValues[ci];
            if (q == null) {
                return null;
            }
            for (int pos : POSITIONS) {
                if (q[pos] == 0) {
                    return null; // would divide by zero
                }
            }
            if (coefBits[ci][0] < 0) {
                return null; // DC must be at least partly known
            }
            latch[ci][0] = coefBits[ci][0];
            for (int k = 1; k < SAVED; k++) {
                prev[ci][k] = scanNumber > 1 ? previousCoefBits[ci][k] : -1;
                latch[ci][k] = coefBits[ci][k];
                if (coefBits[ci][k] != 0) {
                    useful = true;
                }
            }
        }
        return useful ? new BlockSmoother(layout, latch, prev, quantValues, lastGoodRow) : null;
    }

    private static int dc(CoefficientBuffer buf, int row, int col) {
        return buf.data[buf.offset(row, col)];
    }

    /** The IDCT of the blocks of one iMCU row of a component, smoothing each first. */
    void transformRow(DecodeLayout.Component c, int imcu, CoefficientBuffer buf, IdctKernel kernel,
                      int[] multipliers, SamplePlane plane) {
        int[] q = quantValues[c.index];
        long q00 = q[0];
        int size = c.scaledSize;
        int lastColumn = c.blocksWide - 1;
        int lastImcu = layout.imcuRows - 1;
        short[] ws = workspace;
        int blockRows = c.v;
        if (imcu == lastImcu) {
            blockRows = c.blocksHigh % c.v;
            if (blockRows == 0) {
                blockRows = c.v;
            }
        }
        int[] bits = imcu > lastGoodRow ? previousLatch[c.index] : latch[c.index];
        boolean changeDc = true;
        for (int k = 1; k < SAVED; k++) {
            changeDc &= bits[k] == -1;
        }
        for (int br = 0; br < blockRows; br++) {
            // Neighbour rows as libjpeg-turbo 2.1 picks them: from the block row within the iMCU row and
            // the iMCU row number, so the second and second-to-last iMCU rows reuse the nearer row
            // where a true 5x5 neighbourhood would reach two rows out.
            int row = imcu * c.v + br;
            int prevRow = br > 0 || imcu > 0 ? row - 1 : row;
            int prevPrevRow = br > 1 || imcu > 1 ? row - 2 : prevRow;
            int nextRow = br < blockRows - 1 || imcu < lastImcu ? row + 1 : row;
            int nextNextRow = br < blockRows - 2 || imcu + 1 < lastImcu ? row + 2 : nextRow;
            rows[0] = prevPrevRow;
            rows[1] = prevRow;
            rows[2] = row;
            rows[3] = nextRow;
            rows[4] = nextNextRow;
            for (int r = 0; r < 5; r++) {
                int v0 = dc(buf, rows[r], 0);
                for (int x = 0; x < 5; x++) {
                    d[r][x] = v0;
                }
            }
            for (int col = 0; col <= lastColumn; col++) {
                System.arraycopy(buf.data, buf.offset(row, col), ws, 0, 64);
                if (col == 0 && col < lastColumn) {
                    // libjpeg-turbo 2.1 loads only the +1 column here; the +2 column keeps column 0's
                    // DC until the next test loads it, so two-block-wide components see column 0 on
                    // their right.
                    for (int r = 0; r < 5; r++) {
                        d[r][3] = dc(buf, rows[r], 1);
                    }
                }
                if (col + 1 < lastColumn) {
                    for (int r = 0; r < 5; r++) {
                        d[r][4] = dc(buf, rows[r], col + 2);
                    }
                }
                BlockSmoothing.smooth(ws, d, bits, q, q00, changeDc);
                kernel.transform(ws, 0, multipliers, plane.data(), plane.offset(row * size) + col * size,
                    plane.stride());
                for (int r = 0; r < 5; r++) {
                    System.arraycopy(d[r], 1, d[r], 0, 4);
                }
            }
        }
    }
}
