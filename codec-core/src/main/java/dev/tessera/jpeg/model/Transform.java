package dev.tessera.jpeg.model;

/**
 * The eight rotations and mirrorings of a rectangle (the dihedral group of order 8), as jpegtran names them.
 * A lossless JPEG transform moves 8x8 blocks and, inside each block, transposes the coefficients and changes the
 * sign of those of odd frequency in the mirrored direction.
 */
public enum Transform {
    /** No change. */
    NONE(false),
    /** Mirror left to right ({@code jpegtran -flip horizontal}). */
    FLIP_HORIZONTAL(false),
    /** Mirror top to bottom ({@code jpegtran -flip vertical}). */
    FLIP_VERTICAL(false),
    /** Mirror across the top-left to bottom-right diagonal ({@code jpegtran -transpose}). */
    TRANSPOSE(true),
    /** Mirror across the top-right to bottom-left diagonal ({@code jpegtran -transverse}). */
    TRANSVERSE(true),
    /** Rotate 90 degrees clockwise ({@code jpegtran -rotate 90}). */
    ROTATE_90(true),
    /** Rotate 180 degrees. */
    ROTATE_180(false),
    /** Rotate 270 degrees clockwise (90 counter-clockwise). */
    ROTATE_270(true);

    private final boolean transposes;

    Transform(boolean transposes) {
        this.transposes = transposes;
    }

    /** Whether width and height (and the sampling factors H and V) trade places. */
    public boolean transposes() {
        return transposes;
    }

    /**
     * Where the pixel at column x, row y of a {@code width} by {@code height} image goes: {@code {x', y'}} in
     * the transformed image (whose size is swapped when {@link #transposes()}).
     */
    public int[] map(int x, int y, int width, int height) {
        return switch (this) {
            case NONE -> new int[] {x, y};
            case FLIP_HORIZONTAL -> new int[] {width - 1 - x, y};
            case FLIP_VERTICAL -> new int[] {x, height - 1 - y};
            case TRANSPOSE -> new int[] {y, x};
            case TRANSVERSE -> new int[] {height - 1 - y, width - 1 - x};
            case ROTATE_90 -> new int[] {height - 1 - y, x};
            case ROTATE_180 -> new int[] {width - 1 - x, height - 1 - y};
            case ROTATE_270 -> new int[] {y, width - 1 - x};
        };
    }
}
