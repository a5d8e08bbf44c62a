package dev.tessera.jpeg.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes entropy-coded data: bit strings packed most significant bit first, with a 0x00 stuffed after
 * every 0xFF byte (T.81 F.1.2.3, B.1.1.5), and restart markers at byte boundaries.
 * This is the only encoder class that knows about byte stuffing.
 */
public final class BitWriter {
    private static final long LOW_BYTES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final ByteSink sink;
    /** False for a raw segment ({@link #raw}): words are written unstuffed, to be appended to a stuffing writer. */
    private final boolean stuffing;
    /**
     * Pending bits, right-aligned: the low {@code 64 - free} bits are the next to go out, oldest first. Bits
     * above them may hold leftovers of a value already written; they are shifted out before they could be.
     */
    private long buffer;
    /** Room left in {@link #buffer}, 0..64. */
    private int free = 64;

    public BitWriter(ByteSink sink) {
        this(sink, true);
    }

    private BitWriter(ByteSink sink, boolean stuffing) {
        this.sink = sink;
        this.stuffing = stuffing;
    }

    /**
     * A writer of a raw segment of entropy-coded bits, coded apart (on another thread) and then appended to the
     * scan's writer with {@link #appendRaw}: whole 64-bit words go to {@code sink} unstuffed; the last bits stay
     * pending ({@link #pendingBits()}, {@link #freeBits()}). Stuffing depends on byte alignment, so it is done
     * once the segment has its place in the scan.
     */
    public static BitWriter raw(ByteSink sink) {
        return new BitWriter(sink, false);
    }

    /**
     * Appends a raw segment: {@code words} big-endian 64-bit words from {@code bytes} (8 bytes each, as a
     * {@link #raw} writer wrote them), then the low {@code 64 - tailFree} bits of {@code tail}, stuffing as
     * every other write does.
     */
    public void appendRaw(byte[] bytes, int words, long tail, int tailFree) throws IOException {
        if (free == 0) {
            emitLong(buffer); // a full buffer: out first, so that fewer than 64 bits are pending below
            free = 64;
        }
        int used = 64 - free;
        for (int i = 0; i < words; i++) {
            long word = (long) LONG_BE.get(bytes, i * 8);
            if (used == 0) {
                emitLong(word);
            } else {
                // The pending bits, then the word's first 64 - used bits; its last `used` bits stay pending.
                emitLong((buffer << (64 - used)) | (word >>> used));
                buffer = word;
            }
        }
        int tailLength = 64 - tailFree;
        if (tailLength > 32) {
            int high = tailLength - 32;
            writeBits((int) (tail >>> 32) & (int) ((1L << high) - 1), high);
            writeBits((int) tail, 32);
        } else if (tailLength > 0) {
            writeBits((int) (tail & ((1L << tailLength) - 1)), tailLength);
        }
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
        if (!stuffing || ((inverted - LOW_BYTES) & word & HIGH_BITS) == 0) {
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
