package dev.tessera.jpeg.io;

import dev.tessera.jpeg.error.JpegLimitException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole input into memory, refusing inputs longer than a limit before they are held: the decoder
 * needs its input as one array, and an unbounded stream must not exhaust the heap.
 */
public final class BoundedInput {
    private static final int FIRST_CHUNK = 64 * 1024;
    /**
     * The most asked of the source in one call. A file read larger than 8 KB makes the JDK's native read
     * allocate a buffer of that size and copy through it, on every call: 1 MB asked at once cost 0.5-1 ms
     * a file where 64 KB calls take 0.2 ms.
     */
    private static final int MAX_READ = 64 * 1024;

    /** A source of bytes with {@code InputStream.read(byte[], int, int)} semantics (ImageInputStream fits). */
    @FunctionalInterface
    public interface Reader {
        int read(byte[] buffer, int offset, int length) throws IOException;
    }

    private BoundedInput() {
    }

    /** The stream's remaining bytes; the stream is not closed. */
    public static byte[] read(InputStream in, long maxBytes) throws IOException {
        return read(in::read, maxBytes, -1);
    }

    /** The file's bytes, refused from its size before reading when it exceeds the limit. */
    public static byte[] read(Path path, long maxBytes) throws IOException {
        long size = Files.size(path);
        if (size > maxBytes) {
            throw tooLong(maxBytes);
        }
        if (path.getFileSystem() == FileSystems.getDefault()) {
            // A RandomAccessFile reads straight into the array; the channel behind Files.newInputStream copies
            // through a direct buffer (0.6 against 0.2 ms for a 1 MB file).
            RandomAccessFile file = null;
            try {
                file = new RandomAccessFile(path.toFile(), "r");
            } catch (FileNotFoundException e) {
                // Not opened (missing, a directory, no permission): the NIO open below throws the NIO exception
                // (NoSuchFileException, AccessDeniedException) callers of a Path expect.
            }
            if (file != null) {
                try (RandomAccessFile open = file) {
                    return read(open::read, maxBytes, size);
                }
            }
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(in::read, maxBytes, size);
        }
    }

    /**
     * Reads to the end. With {@code expectedLength} (what a file's size or a stream's length says remains;
     * negative when unknown) the array is allocated once at that length, so an expectation that is too large
     * costs that memory; one above {@code maxBytes} is ignored. Past it, or without one, the buffer grows by
     * doubling up to {@code maxBytes + 1}; reading that extra byte is how a too-long input is recognised, so at
     * most {@code maxBytes + 1} bytes are ever held.
     */
    public static byte[] read(Reader reader, long maxBytes, long expectedLength) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        long cap = Math.min(maxBytes + 1, Integer.MAX_VALUE - 8L);
        // An expected length over the limit is no use (such an input is refused) and may be a wrong one.
        boolean expected = expectedLength >= 0 && expectedLength <= maxBytes;
        byte[] buffer = new byte[(int) Math.min(expected ? expectedLength : FIRST_CHUNK, cap)];
        byte[] probe = null;
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length >= cap) {
                    break;
                }
                // Full: one byte more tells whether the input ends here before the array grows (an
                // expected length is usually exact, and then the array is returned as it is).
                if (probe == null) {
                    probe = new byte[1];
                }
                int n = reader.read(probe, 0, 1);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    continue;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(cap, Math.max(FIRST_CHUNK, 2L * buffer.length)));
                buffer[length++] = probe[0];
                continue;
            }
            int n = reader.read(buffer, length, Math.min(MAX_READ, buffer.length - length));
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
