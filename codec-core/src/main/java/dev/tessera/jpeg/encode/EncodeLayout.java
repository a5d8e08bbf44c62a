package dev.tessera.jpeg.encode;

/**
 * The geometry of an encoded frame (T.81 A.1.1, A.2): sampling factors, MCU size, and the padded sizes of
 * each component. A single-component scan is non-interleaved: its MCU is one 8x8 block (A.2.2). Immutable; the
 * derived sizes are computed once, as the coders ask for them per MCU.
 */
final class EncodeLayout {
    private final int width;
    private final int height;
    private final int[] horizontalFactors;
    private final int[] verticalFactors;
    private final int maxHorizontal;
    private final int maxVertical;
    private final int mcusPerRow;
    private final int mcuRows;
    private final int[] blocksPerLine;
    private final int[] realBlocksWide;
    private final int[] realBlocksHigh;

    EncodeLayout(int width, int height, int[] horizontalFactors, int[] verticalFactors) {
        this.width = width;
        this.height = height;
        this.horizontalFactors = horizontalFactors.clone();
        this.verticalFactors = verticalFactors.clone();
        int mh = 1;
        int mv = 1;
        for (int c = 0; c < horizontalFactors.length; c++) {
            mh = Math.max(mh, horizontalFactors[c]);
            mv = Math.max(mv, verticalFactors[c]);
        }
        maxHorizontal = mh;
        maxVertical = mv;
        mcusPerRow = (width + 8 * mh - 1) / (8 * mh);
        mcuRows = (height + 8 * mv - 1) / (8 * mv);
        int n = horizontalFactors.length;
        blocksPerLine = new int[n];
        realBlocksWide = new int[n];
        realBlocksHigh = new int[n];
        for (int c = 0; c < n; c++) {
            blocksPerLine[c] = mcusPerRow * horizontalFactors[c];
            // T.81 A.1.1: a component holds ceil(X * Hc / Hmax) x ceil(Y * Vc / Vmax) samples.
            int samplesWide = (int) (((long) width * horizontalFactors[c] + mh - 1) / mh);
            int samplesHigh = (int) (((long) height * verticalFactors[c] + mv - 1) / mv);
            realBlocksWide[c] = (samplesWide + 7) / 8;
            realBlocksHigh[c] = (samplesHigh + 7) / 8;
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int componentCount() {
        return horizontalFactors.length;
    }

    int horizontal(int c) {
        return horizontalFactors[c];
    }

    int vertical(int c) {
        return verticalFactors[c];
    }

    int maxHorizontal() {
        return maxHorizontal;
    }

    int maxVertical() {
        return maxVertical;
    }

    int mcuWidth() {
        return 8 * maxHorizontal;
    }

    int mcuHeight() {
        return 8 * maxVertical;
    }

    int mcusPerRow() {
        return mcusPerRow;
    }

    int mcuRows() {
        return mcuRows;
    }

    /** Width of the full-resolution strip: the image width rounded up to whole MCUs. */
    int paddedWidth() {
        return mcusPerRow * mcuWidth();
    }

    int sampledWidth(int c) {
        return paddedWidth() / (maxHorizontal / horizontal(c));
    }

    int sampledHeight(int c) {
        return 8 * vertical(c);
    }

    /**
     * Blocks across that hold image samples of component c: ceil(ceil(X * Hc / Hmax) / 8) (T.81 A.1.1).
     * Blocks beyond them, up to whole MCUs, are dummy blocks (A.2.4).
     */
    int realBlocksWide(int c) {
        return realBlocksWide[c];
    }

    /** Block rows that hold image samples of component c: ceil(ceil(Y * Vc / Vmax) / 8). */
    int realBlocksHigh(int c) {
        return realBlocksHigh[c];
    }

    /** Blocks per MCU row line of component c: whole MCUs, so dummy blocks at the right edge included. */
    int blocksPerLine(int c) {
        return blocksPerLine[c];
    }
}
