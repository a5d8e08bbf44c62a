package dev.tessera.jpeg.io;

import dev.tessera.jpeg.error.JpegLimitException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole input into memory, refusing inputs longer than a limit before they are held: the decoder
 * needs its input as one array, and an unbounded stream must not exhaust the heap.
 */
public final class BoundedInput {
    private static final int FIRST_CHUNK = 64 * 1024;

    /** A source of bytes with {@code InputStream.read(byte[], int, int)} semantics (ImageInputStream fits). */
    @FunctionalInterface
    public interface Reader {
        int read(byte[] buffer, int offset, int length) throws IOException;
    }

    private BoundedInput() {
    }

    /** The stream's remaining bytes; the stream is not closed. */
    public static byte[] read(InputStream in, long maxBytes) throws IOException {
        return read(in::read, maxBytes);
    }

    /** The file's bytes, refused from its size before reading when it exceeds the limit. */
    public static byte[] read(Path path, long maxBytes) throws IOException {
        long size = Files.size(path);
        if (size > maxBytes) {
            throw tooLong(maxBytes);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, maxBytes);
        }
    }

    /**
     * Reads to the end. The buffer grows by doubling up to {@code maxBytes + 1}; reading that extra byte is how
     * a too-long input is recognised, so at most {@code maxBytes + 1} bytes are ever held.
     */
    public static byte[] read(Reader reader, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        long cap = Math.min(maxBytes + 1, Integer.MAX_VALUE - 8L);
        byte[] buffer = new byte[(int) Math.min(FIRST_CHUNK, cap)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length >= cap) {
                    break;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(cap, 2L * buffer.length));
            }
            int n = reader.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        if (length > maxBytes) {
            throw tooLong(maxBytes);
        }
        if (length == cap && reader.read(new byte[1], 0, 1) > 0) {
            // The limit is at the largest array: the input does not fit in one.
            throw tooLong(cap);
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    private static JpegLimitException tooLong(long maxBytes) {
        return new JpegLimitException(maxBytes, null, "input exceeds the limit of " + maxBytes + " bytes");
    }
}
