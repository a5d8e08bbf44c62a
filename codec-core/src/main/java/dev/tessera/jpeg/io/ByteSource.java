package dev.tessera.jpeg.io;

import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;

/**
 * Reads the bytes of a JPEG stream held in memory and knows the absolute offset of each one.
 *
 * <p>Reading past the end does not fail: like libjpeg's stdio source manager ({@code jdatasrc.c}
 * fill_input_buffer), it warns that the file ended early and supplies a fake EOI marker, the bytes 0xFF 0xD9
 * repeated, so that a truncated file ends as if EOI had been reached. Offsets keep counting past the end.
 */
public final class ByteSource {
    private final byte[] data;
    private final int end;
    private final WarningSink warnings;
    private long position;
    private boolean warnedEof;

    /**
     * @param data     the stream; not copied, must not change during the decode
     * @param warnings where the early end of the stream is reported
     */
    public ByteSource(byte[] data, WarningSink warnings) {
        this.data = data;
        this.end = data.length;
        this.warnings = warnings;
    }

    /**
     * Another reader of the same bytes, positioned at {@code offset}, reporting to {@code warnings}: for
     * decoding restart intervals on several threads.
     */
    public ByteSource sibling(long offset, WarningSink warnings) {
        ByteSource other = new ByteSource(data, warnings);
        other.position = offset;
        return other;
    }

    /** Offset of the next byte {@link #read()} returns. */
    public long offset() {
        return position;
    }

    /** The stream's bytes, for {@link BitReader}'s bulk refill (read only). */
    byte[] array() {
        return data;
    }

    /**
     * Advances past {@code n} bytes the caller has read from {@link #array()} itself; they must all lie
     * before the end of the stream.
     */
    void advance(long n) {
        position += n;
    }

    /** Bytes in the stream. */
    public int length() {
        return end;
    }

    /** True once a read went past the last byte of the stream. */
    public boolean pastEnd() {
        return position > end;
    }

    /** Bytes left before the end of the stream. */
    public long remaining() {
        return Math.max(0, end - position);
    }

    /** The next byte, 0..255; past the end alternately 0xFF and 0xD9 (a fake EOI), with one warning. */
    public int read() throws MalformedJpegException {
        long p = position++;
        if (p < end) {
            return data[(int) p] & 0xFF;
        }
        if (!warnedEof) {
            warnedEof = true;
            warnings.warn(end, JpegWarning.Kind.PREMATURE_END_OF_FILE, "premature end of JPEG file");
        }
        // jdatasrc.c inserts FF D9 each time the file is found empty.
        return ((p - end) & 1) == 0 ? 0xFF : 0xD9;
    }

    /** A big-endian 16-bit value (T.81 B.1.1.4: lengths and parameters are most significant byte first). */
    public int readUnsigned16() throws MalformedJpegException {
        int hi = read();
        return (hi << 8) | read();
    }

    /** Skips {@code n} bytes (n may exceed what is left; the fake EOI bytes count as skipped). */
    public void skip(long n) throws MalformedJpegException {
        if (n <= 0) {
            return;
        }
        long available = Math.max(0, end - position);
        if (n <= available) {
            position += n;
            return;
        }
        position += available;
        for (long i = available; i < n; i++) {
            read();
        }
    }

    /**
     * Copies up to {@code n} bytes starting at the current position into a new array (fewer if the stream
     * ends first) and advances by {@code n}.
     */
    public byte[] readBytes(int n) throws MalformedJpegException {
        int available = (int) Math.max(0, Math.min(n, end - position));
        byte[] out = new byte[available];
        System.arraycopy(data, (int) Math.min(position, end), out, 0, available);
        position += available;
        if (available < n) {
            skip(n - available);
        }
        return out;
    }
}
