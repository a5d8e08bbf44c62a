package dev.tessera.jpeg.sample;

/**
 * The decoded samples of one component, or a window of its rows that is reused as decoding moves down the
 * image: row {@code r} lives at {@code data[offset(r) + x]}, rows addressed modulo {@link #rowsHeld()}. The
 * inverse DCT writes whole block rows into it and the {@link Upsampler} reads it. Samples are {@code short}s
 * so that 12- and 16-bit precision fit.
 */
public final class SamplePlane {
    private final short[] data;
    private final int stride;
    private final int rowsHeld;

    /**
     * @param stride   samples per row (whole blocks)
     * @param rowsHeld rows kept; a multiple of the IDCT size so that a block's rows never wrap
     */
    public SamplePlane(int stride, int rowsHeld) {
        this.stride = stride;
        this.rowsHeld = rowsHeld;
        this.data = new short[Math.multiplyExact(stride, rowsHeld)];
    }

    public short[] data() {
        return data;
    }

    public int stride() {
        return stride;
    }

    public int rowsHeld() {
        return rowsHeld;
    }

    /** Offset in {@link #data()} of the start of image row {@code row}. */
    public int offset(int row) {
        return (row % rowsHeld) * stride;
    }
}
