package dev.tessera.jpeg.io;

import java.io.IOException;

/**
 * Writes entropy-coded data: bit strings packed most significant bit first, with a 0x00 stuffed after
 * every 0xFF byte (T.81 F.1.2.3, B.1.1.5), and restart markers at byte boundaries.
 * This is the only encoder class that knows about byte stuffing.
 */
public final class BitWriter {
    private final ByteSink sink;
    /** Pending bits, right-aligned: the low {@code pendingCount} bits are the next to go out. */
    private long pending;
    private int pendingCount;

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
        pending = (pending << length) | (bits & 0xFFFFFFFFL);
        pendingCount += length;
        if (pendingCount >= 32) {
            emitWord();
        }
    }

    /** Writes the oldest 32 pending bits as four bytes, stuffing after any 0xFF; keeps the rest pending. */
    private void emitWord() throws IOException {
        pendingCount -= 32;
        int word = (int) (pending >>> pendingCount);
        pending &= (1L << pendingCount) - 1;
        int inverted = ~word;
        if (((inverted - 0x01010101) & ~inverted & 0x80808080) == 0) {
            sink.writeInt(word); // no 0xFF byte: nothing to stuff
            return;
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            int b = (word >>> shift) & 0xFF;
            sink.write(b);
            if (b == 0xFF) {
                sink.write(0); // T.81 F.1.2.3: stuff a zero byte after 0xFF
            }
        }
    }

    private void emitWholeBytes() throws IOException {
        while (pendingCount >= 8) {
            pendingCount -= 8;
            int b = (int) (pending >>> pendingCount) & 0xFF;
            sink.write(b);
            if (b == 0xFF) {
                sink.write(0); // T.81 F.1.2.3: stuff a zero byte after 0xFF
            }
        }
        pending &= (1L << pendingCount) - 1;
    }

    /**
     * Pads the last partial byte with 1-bits (T.81 F.1.2.3) and writes it out. Call before a marker or at the
     * end of a scan.
     */
    public void flushToByteBoundary() throws IOException {
        int fill = (8 - (pendingCount & 7)) & 7;
        if (fill > 0) {
            writeBits((1 << fill) - 1, fill);
        }
        emitWholeBytes();
    }

    /** Ends the current restart interval: pads to a byte and writes marker RSTn, n = {@code index} mod 8 (B.2.1). */
    public void writeRestartMarker(int index) throws IOException {
        flushToByteBoundary();
        sink.write(0xFF);
        sink.write(0xD0 + (index & 7));
    }
}
