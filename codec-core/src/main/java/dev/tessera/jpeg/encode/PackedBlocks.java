package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.entropy.HuffmanEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Quantized blocks kept between the two passes of optimized Huffman coding (T.81 K.2), packed in scan order:
 * per block its DC, its 64-bit mask of nonzero AC coefficients (bit k for zig-zag index k) as four shorts, then
 * the nonzero AC values in zig-zag order. At usual qualities most AC coefficients are zero, so this holds a
 * fraction of the 64 shorts a block takes unpacked (less memory to allocate and touch), and the coding pass
 * finds the nonzero coefficients from the mask without scanning the zeros. Chunks of {@value #CHUNK} shorts;
 * a block never spans two, and a chunk may end early where packs made on different threads were joined
 * ({@link #append}).
 */
final class PackedBlocks {
    private static final int CHUNK = 1 << 16;
    /** The largest block: DC, mask, 63 values. */
    private static final int MAX_BLOCK = 1 + 4 + 63;

    private final List<short[]> chunks = new ArrayList<>();
    /** Per chunk, where its blocks end (set when the next chunk is started or blocks are appended after it). */
    private final List<Integer> ends = new ArrayList<>();
    private short[] chunk;
    private int position = CHUNK;

    /**
     * Appends one block, {@code block[offset..offset + 63]} in zig-zag order with {@code mask} its nonzero ACs,
     * and counts its Huffman symbols as {@link HuffmanEncoder#countBlock} does, in one walk over the mask.
     */
    void countAndAdd(short[] block, int offset, long mask, int previousDc, long[] dcCounts, long[] acCounts) {
        int p = reserve(block, offset, mask);
        HuffmanEncoder.countAndCopyNonzero(block, offset, mask, previousDc, dcCounts, acCounts, chunk, p);
        position = p + Long.bitCount(mask);
    }

    /** Makes room for a block, writes its DC and mask, and returns where its AC values go in {@link #chunk}. */
    private int reserve(short[] block, int offset, long mask) {
        if (position > CHUNK - MAX_BLOCK) {
            closeChunk();
            chunk = new short[CHUNK];
            chunks.add(chunk);
            position = 0;
        }
        short[] c = chunk;
        int p = position;
        c[p] = block[offset];
        c[p + 1] = (short) mask;
        c[p + 2] = (short) (mask >>> 16);
        c[p + 3] = (short) (mask >>> 32);
        c[p + 4] = (short) (mask >>> 48);
        return p + 5;
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
        chunk = null;
        position = CHUNK;
        other.chunks.clear();
        other.ends.clear();
        other.chunk = null;
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
        short[] chunk;
        int position;

        /** Moves to the next block, which {@link #chunk} then holds from {@link #position}. */
        void next(int previousLength) {
            position += previousLength;
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
