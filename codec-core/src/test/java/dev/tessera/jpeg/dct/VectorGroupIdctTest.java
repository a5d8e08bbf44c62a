package dev.tessera.jpeg.dct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.simd.VectorSupportTest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The eight-block Vector API inverse DCT gives, block by block, exactly the samples of the scalar SIMD-width
 * kernel ({@link SimdInverseDct.Size8}): valid blocks of every sparsity, blocks with rows 1..7 zero (the
 * shortcut) alone and mixed with others, corrupt blocks and multipliers that overflow 16 bits, groups of 1..8
 * blocks, exact and superset masks; and it writes nothing outside the group's 8 rows of {@code count * 8}
 * samples. Fails (not skips) in the build's run with {@code jdk.incubator.vector} if the vector path is off.
 */
class VectorGroupIdctTest {
    private static final int STRIDE = 77;
    private static final int OFFSET = 3;
    private static final short[] EXTREMES = {Short.MIN_VALUE, Short.MIN_VALUE + 1, -1, 0, 1, Short.MAX_VALUE - 1,
        Short.MAX_VALUE, -2048, 2047, 1023, -1024, 8191, -8192, 8192, -8193};

    @Test
    void theKernelIsChosenWhenEnabled() {
        VectorSupportTest.requireVector();
        assertNotNull(IdctGroupKernel.vector(), VectorSupport.status());
    }

    @Test
    void validGroupsGiveTheScalarSamples() {
        VectorSupportTest.requireVector();
        Random r = new Random(31);
        Group g = new Group();
        int[] q = new int[64];
        for (int n = 0; n < 8_000; n++) {
            for (int i = 0; i < 64; i++) {
                q[i] = 1 + r.nextInt(n % 3 == 0 ? 8 : 60);
            }
            short[][] blocks = new short[8][];
            for (int j = 0; j < 8; j++) {
                short[] block = SimdInverseDctTest.quantizedBlockOfSamples(r, q);
                int pattern = r.nextInt(12);
                for (int i = 0; i < 64; i++) {
                    if (((pattern & 1) != 0 && i >= 32) || ((pattern & 2) != 0 && (i & 7) >= 4)
                        || ((pattern & 4) != 0 && i >= 8 && r.nextInt(4) != 0) || (pattern >= 8 && i >= 8)) {
                        block[i] = 0;
                    }
                }
                blocks[j] = block;
            }
            g.compare(blocks, 1 + (n % 5 == 0 ? r.nextInt(8) : 7), q, "valid group " + n);
        }
    }

    @Test
    void corruptGroupsGiveTheScalarSamples() {
        VectorSupportTest.requireVector();
        Random r = new Random(32);
        Group g = new Group();
        for (int n = 0; n < 8_000; n++) {
            int[] natural = new int[64];
            for (int i = 0; i < 64; i++) {
                natural[i] = switch (n % 4) {
                    case 0 -> 1 + r.nextInt(65535);
                    case 1 -> r.nextBoolean() ? 65535 : 1 + r.nextInt(255);
                    case 2 -> 1;
                    default -> 32767 + r.nextInt(3);
                };
            }
            int[] q = InverseDct.multipliers(natural);
            short[][] blocks = new short[8][];
            for (int j = 0; j < 8; j++) {
                short[] block = new short[64];
                switch (r.nextInt(7)) {
                    case 0 -> {
                        for (int k = r.nextInt(6); k >= 0; k--) {
                            block[r.nextInt(64)] = (short) r.nextInt(65536);
                        }
                    }
                    case 1 -> {
                        for (int i = 0; i < 64; i++) {
                            block[i] = (short) r.nextInt(65536);
                        }
                    }
                    case 2 -> {
                        for (int i = 0; i < 64; i++) {
                            block[i] = EXTREMES[r.nextInt(EXTREMES.length)];
                        }
                    }
                    case 3 -> Arrays.fill(block, r.nextBoolean() ? Short.MAX_VALUE : Short.MIN_VALUE);
                    case 4 -> {
                        block[0] = (short) r.nextInt(65536);
                        block[8 * (1 + r.nextInt(7)) + r.nextInt(8)] = EXTREMES[r.nextInt(EXTREMES.length)];
                    }
                    default -> {
                        // Row 0 only (the shortcut), with values whose pass-1 result wraps.
                        for (int i = 0; i < 8; i++) {
                            block[i] = r.nextBoolean() ? EXTREMES[r.nextInt(EXTREMES.length)]
                                : (short) r.nextInt(65536);
                        }
                    }
                }
                blocks[j] = block;
            }
            g.compare(blocks, 1 + (n % 3 == 0 ? r.nextInt(8) : 7), q, "corrupt group " + n);
        }
    }

    /** The group kernel against the scalar kernel block by block, with exact masks and allowed supersets. */
    private static final class Group {
        final IdctKernel scalar = InverseDct.forSize(8, false, false);
        final VectorGroupIdct vector = new VectorGroupIdct();
        final short[] expected = new short[OFFSET + 8 * STRIDE + 64];
        final short[] actual = new short[expected.length];
        final Random r = new Random(33);

        void compare(short[][] blocks, int count, int[] q, String what) {
            int base = 512 + 8; // a group inside a longer buffer
            short[] interleaved = new short[512 * 3];
            long[] exact = new long[16];
            long[] superset = new long[16];
            int maskAt = 5;
            Arrays.fill(expected, (short) -7);
            for (int j = 0; j < count; j++) {
                long m = 0;
                for (int k = 0; k < 64; k++) {
                    interleaved[base - 8 + k * 8 + j] = blocks[j][k];
                    if (blocks[j][k] != 0) {
                        m |= 1L << k;
                    }
                }
                exact[maskAt + j] = m;
                superset[maskAt + j] = (m & -256L) == 0 ? m | r.nextInt(256) : m | r.nextLong();
                scalar.transform(blocks[j], 0, q, expected, OFFSET + j * 8, STRIDE);
            }
            for (long[] masks : new long[][] {exact, superset}) {
                Arrays.fill(actual, (short) -7);
                vector.transform(interleaved, base - 8, masks, maskAt, count, q, actual, OFFSET, STRIDE);
                assertArrayEquals(expected, actual, what + (masks == exact ? "" : ", superset masks"));
            }
        }
    }
}
