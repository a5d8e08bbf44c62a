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
    /**
     * Interleaved by groups of eight blocks (a single-scan window for {@code dct.IdctGroupKernel}): block j of a
     * group, at {@link #offset} {@code g + j * 64}, has coefficient n at {@code g + n * 8 + j}.
     */
    final boolean interleaved;

    CoefficientBuffer(int blocksWide, int rowsHeld) {
        this(blocksWide, rowsHeld, false);
    }

    /** @param interleaved see {@link #interleaved}; then {@code blocksWide} is a multiple of 8 */
    CoefficientBuffer(int blocksWide, int rowsHeld, boolean interleaved) {
        if (interleaved && blocksWide % 8 != 0) {
            throw new IllegalArgumentException("interleaved rows hold whole groups of 8 blocks: " + blocksWide);
        }
        this.blocksWide = blocksWide;
        this.rowsHeld = rowsHeld;
        this.interleaved = interleaved;
        this.data = new short[Math.multiplyExact(Math.multiplyExact(blocksWide, rowsHeld), 64)];
    }

    /** Offset of block (row, column) in {@link #data}. */
    int offset(int blockRow, int blockColumn) {
        return ((blockRow % rowsHeld) * blocksWide + blockColumn) * 64;
    }

    /**
     * Where the entropy decoder writes the block at {@code offset}: the offset itself, or for an interleaved
     * buffer the group's start plus the block's place in it (coefficient n then at {@code + n * 8}).
     */
    int address(int offset) {
        return interleaved ? (offset & ~511) | (offset >> 6 & 7) : offset;
    }

    /** Zeroes the block rows of the window starting at {@code firstRow}. */
    void clearRows(int firstRow, int count) {
        for (int r = firstRow; r < firstRow + count; r++) {
            int start = offset(r, 0);
            java.util.Arrays.fill(data, start, start + blocksWide * 64, (short) 0);
        }
    }
}
