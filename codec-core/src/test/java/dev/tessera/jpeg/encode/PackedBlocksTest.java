package dev.tessera.jpeg.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link PackedBlocks}: blocks read back in the order added, each with its DC, mask and nonzero values, also when
 * packs made separately (stripes on worker threads) are joined with {@link PackedBlocks#append}, whatever chunk
 * boundaries they end on.
 */
class PackedBlocksTest {
    /** A block in zig-zag order with about {@code density} of its ACs nonzero, and its mask. */
    private static long randomBlock(SplittableRandom random, short[] block, double density) {
        long mask = 0;
        block[0] = (short) (random.nextInt(2047) - 1023);
        for (int k = 1; k < 64; k++) {
            block[k] = random.nextDouble() < density ? (short) (random.nextBoolean() ? 1 + random.nextInt(200)
                : -1 - random.nextInt(200)) : 0;
            if (block[k] != 0) {
                mask |= 1L << k;
            }
        }
        return mask;
    }

    @Test
    void joinedPacksReadBackInOrder() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            List<short[]> expected = new ArrayList<>();
            PackedBlocks all = new PackedBlocks();
            int packs = 1 + random.nextInt(5);
            for (int p = 0; p < packs; p++) {
                PackedBlocks pack = new PackedBlocks();
                // From none to several chunks' worth (a chunk holds 65536 shorts, a dense block 68).
                int blocks = random.nextInt(4) == 0 ? 0 : random.nextInt(3000);
                double density = random.nextDouble();
                for (int b = 0; b < blocks; b++) {
                    short[] block = new short[64];
                    long mask = randomBlock(random, block, density);
                    pack.countAndAdd(block, 0, mask, 0, new long[256], new long[256]);
                    expected.add(block);
                }
                all.append(pack);
            }
            PackedBlocks.Reader reader = all.reader();
            int length = 0;
            for (int b = 0; b < expected.size(); b++) {
                reader.next(length);
                short[] chunk = reader.chunk;
                int p = reader.position;
                long mask = (chunk[p + 1] & 0xFFFFL) | (chunk[p + 2] & 0xFFFFL) << 16
                    | (chunk[p + 3] & 0xFFFFL) << 32 | (chunk[p + 4] & 0xFFFFL) << 48;
                short[] block = expected.get(b);
                assertEquals(block[0], chunk[p], "trial " + trial + " block " + b + " DC");
                int v = p + 5;
                for (int k = 1; k < 64; k++) {
                    assertEquals(block[k] != 0, (mask >>> k & 1) != 0, "trial " + trial + " block " + b + " mask");
                    if (block[k] != 0) {
                        assertEquals(block[k], chunk[v++], "trial " + trial + " block " + b + " AC " + k);
                    }
                }
                length = 5 + Long.bitCount(mask);
            }
        }
    }
}
