package dev.tessera.jpeg.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.entropy.HuffmanEncoder;
import dev.tessera.jpeg.spec.ZigZag;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link PackedBlocks}: blocks read back in the order added, each as its DC and AC symbols, also when packs made
 * separately (stripes on worker threads) are joined with {@link PackedBlocks#append}, whatever chunk boundaries
 * they end on; and the bytes it reports hold what it keeps, at most 4 a coefficient.
 */
class PackedBlocksTest {
    /**
     * The zig-zag block in natural order in lane 0 of a group, as {@code McuRowEncoder.encodeRowNatural} writes
     * blocks (the group layout of {@code simd.BlockGroups}).
     */
    private static int[] natural(short[] zigZag) {
        int[] natural = new int[512];
        for (int k = 0; k < 64; k++) {
            natural[8 * ZigZag.toNatural(k)] = zigZag[k];
        }
        return natural;
    }

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

    /**
     * The memory bound docs/encoder.md gives: blocks with every AC coefficient nonzero (63 symbols, no EOB) take
     * 64 ints, 4 bytes a coefficient, plus at most one chunk of slack; blocks with zero runs take fewer.
     */
    @Test
    void denseBlocksTakeAtMostFourBytesACoefficient() {
        SplittableRandom random = new SplittableRandom(11);
        for (double density : new double[] {1.0, 0.97, 0.5}) {
            PackedBlocks pack = new PackedBlocks();
            int blocks = 20_000;
            for (int b = 0; b < blocks; b++) {
                short[] block = new short[64];
                long mask = randomBlock(random, block, density);
                pack.countAndAdd(natural(block), 0, mask, 0, new long[256], new long[256]);
            }
            long coefficients = 64L * blocks;
            long slack = 4L * 65_536;
            assertTrue(pack.bytes() <= 4 * coefficients + slack,
                "density " + density + ": " + pack.bytes() + " bytes for " + coefficients + " coefficients");
        }
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
                // From none to several chunks' worth (chunks of 4096 ints doubling to 65536, a dense block 64).
                int blocks = random.nextInt(4) == 0 ? 0 : random.nextInt(3000);
                double density = random.nextDouble();
                for (int b = 0; b < blocks; b++) {
                    short[] block = new short[64];
                    long mask = randomBlock(random, block, density);
                    pack.countAndAdd(natural(block), 0, mask, 0, new long[256], new long[256]);
                    expected.add(block);
                }
                long before = all.bytes();
                all.append(pack);
                assertEquals(0, pack.bytes(), "an appended pack holds nothing");
                assertTrue(all.bytes() >= before, "bytes after append");
            }
            long symbols = 0;
            PackedBlocks.Reader reader = all.reader();
            for (int b = 0; b < expected.size(); b++) {
                reader.next();
                int[] chunk = reader.chunk;
                int p = reader.position;
                short[] block = expected.get(b);
                assertEquals(block[0], HuffmanEncoder.symbolsDc(chunk[p]), "trial " + trial + " block " + b + " DC");
                int end = p + 1 + HuffmanEncoder.symbolCount(chunk[p]);
                symbols += end - p;
                int k = 0;
                for (int i = p + 1; i < end; i++) {
                    int symbol = chunk[i] >>> 16;
                    int size = symbol & 15;
                    int extra = chunk[i] & 0xFFFF;
                    if (symbol == 0) {
                        k = 63; // EOB: the rest are zero
                        continue;
                    }
                    k += (symbol >> 4) + 1;
                    int value = size == 0 ? 0 : extra < 1 << (size - 1) ? extra - (1 << size) + 1 : extra;
                    assertEquals(block[k], value, "trial " + trial + " block " + b + " AC " + k);
                    for (int z = k - (symbol >> 4); z < k; z++) {
                        assertEquals(0, block[z], "trial " + trial + " block " + b + " zero run at " + z);
                    }
                }
                for (int z = k + 1; z < 64; z++) {
                    assertEquals(0, block[z], "trial " + trial + " block " + b + " after the last symbol");
                }
                reader.position = end;
            }
            assertTrue(all.bytes() >= 4 * symbols, all.bytes() + " bytes for " + symbols + " ints");
        }
    }
}
