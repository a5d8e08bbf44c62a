package dev.tessera.jpeg.model;

/**
 * The quantized DCT coefficients of one component: 64 {@code short}s per 8x8 block in natural (row-major)
 * order, blocks in raster order, {@code blocksWide * blocksHigh} blocks. The plane covers whole iMCUs (T.81
 * A.2.4): for a component with sampling factors H, V in a frame with Hmax, Vmax and size X by Y,
 * {@code blocksWide = ceil(ceil(X * H / Hmax) / 8)} rounded up to a multiple of H when the frame has more
 * than one component (and likewise for the height with V), so the padding blocks of edge MCUs are present.
 * {@link #visibleBlocksWide()} and {@link #visibleBlocksHigh()} give the unpadded counts.
 *
 * <p>The array is held, not copied: this is a buffer, as a {@code Raster}'s data is.
 *
 * @param blocksWide        blocks per row, padded to whole MCUs
 * @param blocksHigh        block rows, padded to whole MCUs
 * @param visibleBlocksWide {@code ceil(ceil(X * H / Hmax) / 8)}
 * @param visibleBlocksHigh {@code ceil(ceil(Y * V / Vmax) / 8)}
 * @param coefficients      {@code blocksWide * blocksHigh * 64} quantized coefficients
 */
public record ComponentBlocks(int blocksWide, int blocksHigh, int visibleBlocksWide, int visibleBlocksHigh,
        short[] coefficients) {
    public ComponentBlocks {
        if (blocksWide < 1 || blocksHigh < 1 || visibleBlocksWide < 1 || visibleBlocksHigh < 1
            || visibleBlocksWide > blocksWide || visibleBlocksHigh > blocksHigh) {
            throw new IllegalArgumentException("bad block counts " + blocksWide + "x" + blocksHigh + " (visible "
                + visibleBlocksWide + "x" + visibleBlocksHigh + ")");
        }
        if (coefficients == null || coefficients.length != (long) blocksWide * blocksHigh * 64) {
            throw new IllegalArgumentException("need " + (long) blocksWide * blocksHigh * 64 + " coefficients");
        }
    }

    /** An all-zero plane. */
    public static ComponentBlocks zeroes(int blocksWide, int blocksHigh, int visibleBlocksWide,
            int visibleBlocksHigh) {
        return new ComponentBlocks(blocksWide, blocksHigh, visibleBlocksWide, visibleBlocksHigh,
            new short[Math.multiplyExact(Math.multiplyExact(blocksWide, blocksHigh), 64)]);
    }

    /** Index in {@link #coefficients()} of the first coefficient of block (row, column). */
    public int offset(int blockRow, int blockColumn) {
        return (blockRow * blocksWide + blockColumn) * 64;
    }
}
