package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.spec.ZigZag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HuffmanEncoderBlockTest {
    /**
     * encodeBlock and encodeSymbols (from the symbols countAndWriteSymbols writes), with the bit buffer in locals, write the bytes of the one-call-per-code oracle:
     * runs of blocks (so the buffer carries across blocks and 64-bit flushes fall everywhere in a code), with
     * long zero runs (ZRL), a last nonzero at 63 (no EOB), empty blocks, values up to 12-bit precision's 2^14 - 1,
     * DC differences up to category 15, 0xFF-heavy output (stuffing), and byte-boundary flushes between runs.
     */
    @Test
    void blockCodersWriteTheOracleBytes() throws IOException {
        Random random = new Random(16);
        for (int trial = 0; trial < 400; trial++) {
            int blockCount = 1 + random.nextInt(300);
            short[] blocks = new short[64 * blockCount];
            int profile = trial % 6;
            for (int b = 0; b < blockCount; b++) {
                for (int k = 0; k < 64; k++) {
                    boolean nonzero = switch (profile) {
                        case 0 -> random.nextInt(20) == 0;
                        case 1 -> random.nextInt(3) == 0;
                        case 2 -> k == 63 || random.nextInt(40) == 0;
                        case 3 -> true;
                        case 4 -> random.nextInt(100) == 0;
                        default -> random.nextInt(8) == 0;
                    };
                    int limit = profile == 5 ? (1 << 14) - 1 : random.nextBoolean() ? 3 : 1023;
                    int v = nonzero ? (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(limit)) : 0;
                    blocks[b * 64 + k] = (short) (k == 0 ? (profile == 5 ? random.nextInt(32767) - 16383
                        : random.nextInt(4095) - 2047) : v);
                }
            }
            HuffmanTable dc;
            HuffmanTable ac;
            if (profile == 5 || trial % 2 == 1) {
                // Optimized tables (K.2) covering every symbol these blocks use, sizes up to 15.
                long[] dcCounts = new long[256];
                long[] acCounts = new long[256];
                int previous = 0;
                for (int b = 0; b < blockCount; b++) {
                    HuffmanEncoder.countBlock(blocks, b * 64, previous, dcCounts, acCounts);
                    previous = blocks[b * 64];
                }
                dc = new HuffmanTable(HuffmanOptimizer.optimize(dcCounts));
                ac = new HuffmanTable(HuffmanOptimizer.optimize(acCounts));
            } else {
                dc = new HuffmanTable(trial % 4 == 0 ? StandardTables.LUMINANCE_DC : StandardTables.CHROMINANCE_DC);
                ac = new HuffmanTable(trial % 4 == 0 ? StandardTables.LUMINANCE_AC : StandardTables.CHROMINANCE_AC);
            }
            int flushEvery = 1 + random.nextInt(40);
            assertArrayEquals(code(blocks, blockCount, dc, ac, flushEvery, 0),
                code(blocks, blockCount, dc, ac, flushEvery, 1), "encodeBlock, trial " + trial);
            assertArrayEquals(code(blocks, blockCount, dc, ac, flushEvery, 0),
                code(blocks, blockCount, dc, ac, flushEvery, 2), "encodeSymbols, trial " + trial);
        }
    }

    /** Codes the blocks in order; coder 0 the oracle, 1 encodeBlock, 2 encodeSymbols. */
    private static byte[] code(short[] blocks, int blockCount, HuffmanTable dc, HuffmanTable ac, int flushEvery,
                               int coder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteSink sink = new ByteSink(bytes, 64);
        BitWriter out = new BitWriter(sink);
        int previous = 0;
        int[] symbols = new int[3 + 65 + 5];
        for (int b = 0; b < blockCount; b++) {
            int offset = b * 64;
            switch (coder) {
                case 0 -> HuffmanEncoderOracle.encodeBlock(out, blocks, offset, previous, dc, ac);
                case 1 -> HuffmanEncoder.encodeBlock(out, blocks, offset, previous, dc, ac);
                default -> {
                    // At an offset, with a guard after: the block must take at most 64 ints.
                    java.util.Arrays.fill(symbols, 0x5A5A5A5A);
                    int[] natural = new int[512]; // the group layout, block in lane 0
                    for (int k = 0; k < 64; k++) {
                        natural[8 * ZigZag.toNatural(k)] = blocks[offset + k];
                    }
                    int end = HuffmanEncoder.countAndWriteSymbols(natural, 0,
                        HuffmanEncoder.nonzeroMask(blocks, offset), previous, new long[256], new long[256], symbols, 3);
                    assertTrue(end <= 3 + 64, "a block of " + (end - 3) + " ints");
                    assertEquals(0x5A5A5A5A, symbols[end], "written past the block's end");
                    assertEquals(end, HuffmanEncoder.encodeSymbols(out, symbols, 3, previous, dc, ac));
                }
            }
            previous = blocks[offset];
            if (b % flushEvery == flushEvery - 1) {
                out.writeRestartMarker(b / flushEvery);
                previous = 0;
            }
        }
        out.flushToByteBoundary();
        sink.flush();
        return bytes.toByteArray();
    }
}
