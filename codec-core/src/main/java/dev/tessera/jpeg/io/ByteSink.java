package dev.tessera.jpeg.io;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A buffered byte output that counts what it has written. Marker segments and entropy-coded data both go
 * through one sink, so their order on the stream is the order of the calls.
 */
public final class ByteSink {
    private static final int DEFAULT_CAPACITY = 1 << 16;
    /** Eight bytes of a {@code byte[]} as one big-endian {@code long} store. */
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final OutputStream out;
    private final int capacity;
    private final byte[] buffer;
    private int position;
    private long flushed;

    public ByteSink(OutputStream out) {
        this(out, DEFAULT_CAPACITY);
    }

    /** A sink with a buffer of {@code capacity} bytes (at least 4): small for a few marker segments. */
    public ByteSink(OutputStream out, int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be at least 4, found " + capacity);
        }
        this.out = out;
        this.capacity = capacity;
        this.buffer = new byte[capacity];
    }

    /** Writes the low 8 bits of {@code b}. */
    public void write(int b) throws IOException {
        if (position == capacity) {
            drain();
        }
        buffer[position++] = (byte) b;
    }

    /** Writes a 32-bit big-endian value. */
    public void writeInt(int v) throws IOException {
        if (position > capacity - 4) {
            drain();
        }
        buffer[position] = (byte) (v >>> 24);
        buffer[position + 1] = (byte) (v >>> 16);
        buffer[position + 2] = (byte) (v >>> 8);
        buffer[position + 3] = (byte) v;
        position += 4;
    }

    /** Writes a 64-bit big-endian value. */
    public void writeLong(long v) throws IOException {
        if (position > capacity - 8) {
            drain();
        }
        if (capacity < 8) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
            return;
        }
        LONG_BE.set(buffer, position, v);
        position += 8;
    }

    /** Writes a 16-bit big-endian value (T.81 B.1.1.1: all parameters are big-endian). */
    public void writeShort(int v) throws IOException {
        write(v >>> 8);
        write(v);
    }

    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > capacity - position) {
            drain();
            if (length > capacity) {
                out.write(bytes, offset, length);
                flushed += length;
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    public void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /** Bytes written through this sink so far. */
    public long count() {
        return flushed + position;
    }

    /** Hands buffered bytes to the underlying stream and flushes it. */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (position > 0) {
            out.write(buffer, 0, position);
            flushed += position;
            position = 0;
        }
    }
}
