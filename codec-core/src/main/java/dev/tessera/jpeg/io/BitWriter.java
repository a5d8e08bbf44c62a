package dev.tessera.jpeg.io;

import java.io.IOException;

/**
 * Writes entropy-coded data: bit strings packed most significant bit first, with a 0x00 stuffed after
 * every 0xFF byte (T.81 F.1.2.3, B.1.1.5), and restart markers at byte boundaries.
 * This is the only encoder class that knows about byte stuffing.
 */
public final class BitWriter {
    private static final long LOW_BYTES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final ByteSink sink;
    /**
     * Pending bits, right-aligned: the low {@code 64 - free} bits are the next to go out, oldest first. Bits
     * above them may hold leftovers of a value already written; they are shifted out before they could be.
     */
    private long buffer;
    /** Room left in {@link #buffer}, 0..64. */
    private int free = 64;

    public BitWriter(ByteSink sink) {
        this.sink = sink;
    }

    /**
     * Appends the low {@code length} bits of {@code bits}, most significant first.
     *
     * @param bits   the value; bits above {@code length} must be zero
     * @param length 0..32
     */
    public void writeBits(int bits, int length) throws IOException {
        long value = bits & 0xFFFFFFFFL;
        int room = free - length;
        if (room >= 0) {
            // length < 64 here, so the shift is exact (a shift by 64 would be one by 0).
            buffer = (buffer << length) | value;
            free = room;
            return;
        }
        // The first `length + room` bits complete the buffer; the last `-room` start the next one.
        int over = -room;
        emitLong((buffer << (length - over)) | (value >>> over));
        buffer = value;
        free = 64 - over;
    }

    /**
     * The pending bits, right-aligned (see {@link #freeBits()}), for a coder that keeps the buffer in locals
     * across a block: it takes them with {@link #freeBits()}, appends as {@link #writeBits} does, passes each
     * full 64 bits to {@link #emitLong} and hands the rest back through {@link #restore}.
     */
    public long pendingBits() {
        return buffer;
    }

    /** Room left in the buffer, 0..64: the low {@code 64 - freeBits()} bits of {@link #pendingBits()} are pending. */
    public int freeBits() {
        return free;
    }

    /** Sets the buffer a coder kept in locals (see {@link #pendingBits()}); {@code free} 0..64. */
    public void restore(long pending, int free) {
        this.buffer = pending;
        this.free = free;
    }

    /** Writes 64 bits as eight bytes, stuffing a zero after any 0xFF (T.81 F.1.2.3). */
    public void emitLong(long word) throws IOException {
        // A byte of `word` is 0xFF exactly when that byte of ~word is zero.
        long inverted = ~word;
        if (((inverted - LOW_BYTES) & word & HIGH_BITS) == 0) {
            sink.writeLong(word); // no 0xFF byte: nothing to stuff
            return;
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            int b = (int) (word >>> shift) & 0xFF;
            sink.write(b);
            if (b == 0xFF) {
                sink.write(0); // T.81 F.1.2.3: stuff a zero byte after 0xFF
            }
        }
    }

    /**
     * Pads the last partial byte with 1-bits (T.81 F.1.2.3) and writes out every pending byte. Call before a
     * marker or at the end of a scan.
     */
    public void flushToByteBoundary() throws IOException {
        int fill = free & 7;
        if (fill > 0) {
            writeBits((1 << fill) - 1, fill);
        }
        for (int count = 64 - free; count > 0; count -= 8) {
            int b = (int) (buffer >>> (count - 8)) & 0xFF;
            sink.write(b);
            if (b == 0xFF) {
                sink.write(0); // T.81 F.1.2.3: stuff a zero byte after 0xFF
            }
        }
        buffer = 0;
        free = 64;
    }

    /** Ends the current restart interval: pads to a byte and writes marker RSTn, n = {@code index} mod 8 (B.2.1). */
    public void writeRestartMarker(int index) throws IOException {
        flushToByteBoundary();
        sink.write(0xFF);
        sink.write(0xD0 + (index & 7));
    }
}
