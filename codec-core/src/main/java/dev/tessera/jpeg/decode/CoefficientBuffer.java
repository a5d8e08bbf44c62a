package dev.tessera.jpeg.decode;

/**
 * Quantized DCT coefficients of one component, 64 {@code short}s per block in natural order, blocks in
 * raster order. Holds either the whole component (progressive and multi-scan files, where every scan
 * refines it and the IDCT runs once at the end) or a window of block rows that is reused (single-scan
 * sequential files, decoded and transformed one iMCU row at a time); rows are addressed modulo the window.
 */
final class CoefficientBuffer {
    final short[] data;
    final int blocksWide;
    final int rowsHeld;

    CoefficientBuffer(int blocksWide, int rowsHeld) {
        this.blocksWide = blocksWide;
        this.rowsHeld = rowsHeld;
        this.data = new short[Math.multiplyExact(Math.multiplyExact(blocksWide, rowsHeld), 64)];
    }

    /** Offset of block (row, column) in {@link #data}. */
    int offset(int blockRow, int blockColumn) {
        return ((blockRow % rowsHeld) * blocksWide + blockColumn) * 64;
    }

    /** Zeroes the block rows of the window starting at {@code firstRow}. */
    void clearRows(int firstRow, int count) {
        for (int r = firstRow; r < firstRow + count; r++) {
            int start = offset(r, 0);
            java.util.Arrays.fill(data, start, start + blocksWide * 64, (short) 0);
        }
    }
}
