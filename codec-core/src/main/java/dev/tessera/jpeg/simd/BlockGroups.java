package dev.tessera.jpeg.simd;

/**
 * The block-group layout in which the encoder's eight-block vector kernels find one block per lane of a 256-bit
 * vector of ints, so that both passes of the forward DCT and the quantizer work lane by lane, with no transpose.
 * A group is 8 horizontally adjacent 8x8 blocks.
 *
 * <ul>
 *   <li>Samples: rows stay rows, and within each run of 64 samples of a row (one row of a group) sample x is
 *       stored at {@link #samplePosition}: column c of block j at {@code 8 * c + j} instead of {@code 8 * j + c}.
 *       A row of a plane in this layout is a whole number of groups long.</li>
 *   <li>Coefficients: coefficient n (natural order) of block j of a group at {@code 8 * n + j}, 512 ints a group;
 *       block bx of block row v of a line of blocks at {@link #blockBase}.</li>
 * </ul>
 */
public final class BlockGroups {
    /** Blocks in a group, one per lane. */
    public static final int BLOCKS = 8;
    /** Samples in one row of a group. */
    public static final int ROW_SAMPLES = 64;
    /** Ints of one group of coefficient blocks. */
    public static final int COEFFICIENTS = 512;

    private BlockGroups() {
    }

    /** Where sample x of a row is stored in the group layout: its block (bits 3-5) and column (bits 0-2) swapped. */
    public static int samplePosition(int x) {
        return (x & ~63) | (x & 7) << 3 | (x >> 3) & 7;
    }

    /** Groups needed for {@code blocks} blocks in a line. */
    public static int groups(int blocks) {
        return (blocks + BLOCKS - 1) / BLOCKS;
    }

    /** {@code count} rounded up to whole group rows (a multiple of 64 samples). */
    public static int roundUpToGroups(int count) {
        return (count + ROW_SAMPLES - 1) & -ROW_SAMPLES;
    }

    /**
     * The index of coefficient 0 of block {@code bx} in block row {@code v} of a buffer of {@code groupsPerLine}
     * groups a block row; coefficient n is at {@code blockBase + 8 * n}.
     */
    public static int blockBase(int v, int groupsPerLine, int bx) {
        return (v * groupsPerLine + bx / BLOCKS) * COEFFICIENTS + bx % BLOCKS;
    }

    /**
     * Puts {@code count} samples (a multiple of 64) of a row written in plain order at {@code at} into the group
     * layout, in place: the position swap is its own inverse, so each pair is exchanged once.
     */
    public static void regroupInPlace(int[] row, int at, int count) {
        for (int x = 0; x < count; x++) {
            int p = samplePosition(x);
            if (p > x) {
                int t = row[at + x];
                row[at + x] = row[at + p];
                row[at + p] = t;
            }
        }
    }
}
