package dev.tessera.jpeg.transform;

/**
 * One of the eight rearrangements of an 8x8 coefficient block (natural order, index 8v + u): an optional
 * transposition, then a sign change of the odd horizontal frequencies (mirroring the pixels left to right)
 * and/or of the odd vertical ones (top to bottom).
 */
final class BlockOp {
    private static final BlockOp[] ALL = new BlockOp[8];

    static {
        for (int i = 0; i < 8; i++) {
            ALL[i] = new BlockOp((i & 4) != 0, (i & 2) != 0, (i & 1) != 0);
        }
    }

    /** For each output index, the input index it takes. */
    private final int[] from = new int[64];
    /** For each output index, whether its sign changes. */
    private final boolean[] negate = new boolean[64];

    private BlockOp(boolean transpose, boolean mirrorX, boolean mirrorY) {
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                int k = v * 8 + u;
                from[k] = transpose ? u * 8 + v : k;
                negate[k] = (mirrorX && (u & 1) != 0) ^ (mirrorY && (v & 1) != 0);
            }
        }
    }

    static BlockOp of(boolean transpose, boolean mirrorX, boolean mirrorY) {
        return ALL[(transpose ? 4 : 0) | (mirrorX ? 2 : 0) | (mirrorY ? 1 : 0)];
    }

    /** Writes the rearranged block at {@code in[inAt..inAt+63]} to {@code out[outAt..outAt+63]}. */
    void apply(short[] in, int inAt, short[] out, int outAt) {
        for (int k = 0; k < 64; k++) {
            short c = in[inAt + from[k]];
            // (short) -c: -(-32768) wraps to -32768, as jpegtran's JCOEF negation does.
            out[outAt + k] = negate[k] ? (short) -c : c;
        }
    }
}
