package dev.tessera.jpeg.encode;

/**
 * The geometry of an encoded frame (T.81 A.1.1, A.2): sampling factors, MCU size, and the padded sizes of
 * each component. A single-component scan is non-interleaved: its MCU is one 8x8 block (A.2.2).
 */
record EncodeLayout(int width, int height, int[] horizontalFactors, int[] verticalFactors) {

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
        int m = 1;
        for (int h : horizontalFactors) {
            m = Math.max(m, h);
        }
        return m;
    }

    int maxVertical() {
        int m = 1;
        for (int v : verticalFactors) {
            m = Math.max(m, v);
        }
        return m;
    }

    int mcuWidth() {
        return 8 * maxHorizontal();
    }

    int mcuHeight() {
        return 8 * maxVertical();
    }

    int mcusPerRow() {
        return (width + mcuWidth() - 1) / mcuWidth();
    }

    int mcuRows() {
        return (height + mcuHeight() - 1) / mcuHeight();
    }

    /** Width of the full-resolution strip: the image width rounded up to whole MCUs. */
    int paddedWidth() {
        return mcusPerRow() * mcuWidth();
    }

    int sampledWidth(int c) {
        return paddedWidth() / (maxHorizontal() / horizontal(c));
    }

    int sampledHeight(int c) {
        return 8 * vertical(c);
    }

    /**
     * Blocks across that hold image samples of component c: ceil(ceil(X * Hc / Hmax) / 8) (T.81 A.1.1).
     * Blocks beyond them, up to whole MCUs, are dummy blocks (A.2.4).
     */
    int realBlocksWide(int c) {
        int samples = (int) (((long) width * horizontal(c) + maxHorizontal() - 1) / maxHorizontal());
        return (samples + 7) / 8;
    }

    /** Block rows that hold image samples of component c: ceil(ceil(Y * Vc / Vmax) / 8). */
    int realBlocksHigh(int c) {
        int samples = (int) (((long) height * vertical(c) + maxVertical() - 1) / maxVertical());
        return (samples + 7) / 8;
    }

    /** Blocks per MCU row line of component c: whole MCUs, so dummy blocks at the right edge included. */
    int blocksPerLine(int c) {
        return mcusPerRow() * horizontal(c);
    }
}
