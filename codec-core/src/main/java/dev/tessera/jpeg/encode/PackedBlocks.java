package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.entropy.HuffmanEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Quantized blocks kept between the two passes of optimized Huffman coding (T.81 K.2), in scan order, as the
 * symbols the first pass counted ({@link HuffmanEncoder#countAndWriteSymbols}: a header with the DC value, then
 * one int per AC symbol with its extra bits). At usual qualities most AC coefficients are zero, so a block
 * takes far fewer than the 64 coefficients it has unpacked, and the coding pass only looks up each symbol's code
 * instead of finding the run lengths and magnitude categories again. Chunks of {@value #FIRST_CHUNK} ints, each
 * twice the one before up to {@value #LARGEST_CHUNK} (a small stripe takes a small chunk); a block never spans
 * two, and a chunk may end early where packs made on different threads were joined ({@link #append}).
 */
final class PackedBlocks {
    private static final int FIRST_CHUNK = 1 << 12;
    private static final int LARGEST_CHUNK = 1 << 16;
    /** The largest block: its header and at most 63 AC symbols ({@link HuffmanEncoder#countAndWriteSymbols}). */
    private static final int MAX_BLOCK = 1 + 63;

    private final List<int[]> chunks = new ArrayList<>();
    /** Per chunk, where its blocks end (set when the next chunk is started or blocks are appended after it). */
    private final List<Integer> ends = new ArrayList<>();
    private int[] chunk;
    /** Where the next block goes in {@link #chunk}. */
    private int position;
    /** Ints of the chunks allocated by this pack and taken from appended ones. */
    private long ints;

    /**
     * Appends one block, in natural order in the group layout ({@code block[offset + 8 * n]} for coefficient n,
     * {@code simd.BlockGroups}) with {@code mask} its nonzero ACs in zig-zag order, and counts its Huffman symbols
     * as {@link HuffmanEncoder#countBlock} does, in one walk over the mask.
     */
    void countAndAdd(int[] block, int offset, long mask, int previousDc, long[] dcCounts, long[] acCounts) {
        if (chunk == null || position > chunk.length - MAX_BLOCK) {
            closeChunk();
            chunk = new int[chunk == null ? FIRST_CHUNK : Math.min(LARGEST_CHUNK, 2 * chunk.length)];
            chunks.add(chunk);
            ints += chunk.length;
            position = 0;
        }
        position = HuffmanEncoder.countAndWriteSymbols(block, offset, mask, previousDc, dcCounts, acCounts, chunk,
            position);
    }

    /** The bytes of the chunks held (allocated, whether filled or not). */
    long bytes() {
        return ints * Integer.BYTES;
    }

    /** Records where the current chunk's blocks end. */
    private void closeChunk() {
        if (chunk != null) {
            ends.add(position);
        }
    }

    /**
     * Appends {@code other}'s blocks after these, taking its chunks (a stripe packed on another thread); neither
     * may be added to afterwards, except that this may take further appends.
     */
    void append(PackedBlocks other) {
        closeChunk();
        other.closeChunk();
        chunks.addAll(other.chunks);
        ends.addAll(other.ends);
        ints += other.ints;
        chunk = null;
        other.chunks.clear();
        other.ends.clear();
        other.chunk = null;
        other.ints = 0;
    }

    /** A reader from the first block; no block may be added afterwards. */
    Reader reader() {
        closeChunk();
        chunk = null;
        return new Reader();
    }

    /** Reads the blocks back in the order added; releases each chunk once read past. */
    final class Reader {
        private int index = -1;
        private int end;
        /** The chunk being read and the position of the next block in it. */
        int[] chunk;
        int position;

        /**
         * Moves to the chunk of the next block, which {@link #chunk} then holds from {@link #position}; the caller
         * sets {@link #position} past each block it reads.
         */
        void next() {
            if (index < 0 || position >= end) {
                if (index >= 0) {
                    chunks.set(index, null); // let coded chunks go
                }
                index++;
                chunk = chunks.get(index);
                end = ends.get(index);
                position = 0;
            }
        }
    }
}
