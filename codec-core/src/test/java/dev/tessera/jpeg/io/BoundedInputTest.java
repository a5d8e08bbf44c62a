package dev.tessera.jpeg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.error.JpegLimitException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input limit: whole inputs up to the limit, a {@link JpegLimitException} past it, never more held. */
class BoundedInputTest {
    @TempDir
    Path dir;

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** A stream that hands out at most {@code chunk} bytes per read, to exercise buffer growth. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void readsWholeInputsUpToTheLimit() throws IOException {
        for (int length : new int[] {0, 1, 65535, 65536, 65537, 300_000}) {
            byte[] data = random(length);
            assertArrayEquals(data, BoundedInput.read(new ByteArrayInputStream(data), length), "length " + length);
            assertArrayEquals(data, BoundedInput.read(trickle(data, 777), length + 5L), "length " + length);
        }
    }

    @Test
    void refusesOneByteOverTheLimit() {
        for (int length : new int[] {1, 65537, 300_000}) {
            byte[] data = random(length);
            JpegLimitException e = assertThrows(JpegLimitException.class,
                () -> BoundedInput.read(trickle(data, 1000), length - 1));
            assertEquals(length - 1, e.offset());
            assertTrue(e.getMessage().contains("input exceeds the limit of " + (length - 1) + " bytes"),
                e.getMessage());
        }
    }

    @Test
    void endlessStreamStopsAtTheLimitWithoutReadingMore() {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served[0] += len;
                return len;
            }
        };
        assertThrows(JpegLimitException.class, () -> BoundedInput.read(endless, 1 << 20));
        assertTrue(served[0] <= (1 << 20) + 1, "read " + served[0] + " bytes for a limit of 1 MiB");
    }

    @Test
    void fileIsRefusedFromItsSize() throws IOException {
        Path file = dir.resolve("big.bin");
        Files.write(file, random(10_000));
        assertEquals(10_000, BoundedInput.read(file, 10_000).length);
        JpegLimitException e = assertThrows(JpegLimitException.class, () -> BoundedInput.read(file, 9_999));
        assertEquals(9_999, e.offset());
    }

    @Test
    void decoderAppliesTheLimitToStreamsAndFiles() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        byte[] jpeg = new JpegEncoder(EncoderOptions.DEFAULT).encode(image);
        Path file = dir.resolve("small.jpg");
        Files.write(file, jpeg);
        JpegDecoder tight = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(
            Limits.DEFAULT.withMaxInputBytes(jpeg.length - 1)));
        assertThrows(JpegLimitException.class, () -> tight.decode(new ByteArrayInputStream(jpeg)));
        assertThrows(JpegLimitException.class, () -> tight.decode(file));
        assertThrows(JpegLimitException.class, () -> tight.readInfo(new ByteArrayInputStream(jpeg)));
        assertThrows(JpegLimitException.class, () -> tight.readInfo(file));
        JpegDecoder exact = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(
            Limits.DEFAULT.withMaxInputBytes(jpeg.length)));
        assertEquals(40, exact.decode(new ByteArrayInputStream(jpeg)).getWidth());
        assertEquals(30, exact.readInfo(file).height());
    }

    @Test
    void limitMustBeAPositiveArraySize() {
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withMaxInputBytes(0));
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withMaxInputBytes(Integer.MAX_VALUE));
        assertEquals(Limits.MAX_INPUT_BYTES, Limits.DEFAULT.withMaxInputBytes(Limits.MAX_INPUT_BYTES).maxInputBytes());
    }

    /** A reader over {@code data} that records the largest count asked in one call and the bytes served. */
    private static final class Recording implements BoundedInput.Reader {
        final byte[] data;
        final int chunk;
        int position;
        int largestAsk;

        /** Every third call returns 0 (a source may), when set. */
        boolean stalls;
        int calls;

        Recording(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            largestAsk = Math.max(largestAsk, length);
            if (stalls && ++calls % 3 == 0) {
                return 0;
            }
            if (position == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), data.length - position);
            System.arraycopy(data, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    /**
     * Any expected length, right, short, long, zero or unknown, gives exactly the input; no call asks for more
     * than 64 KB (a larger ask makes the JDK's file read allocate a buffer that size each call).
     */
    @Test
    void expectedLengthIsAHintOnly() throws IOException {
        for (int length : new int[] {0, 1, 65535, 65536, 65537, 300_000}) {
            byte[] data = random(length);
            for (long expected : new long[] {-1, Long.MIN_VALUE, 0, 1, length / 2, length - 1L, length, length + 1L,
                65535, 65536, 65537, 4L * length + 10, 1L << 40, Long.MAX_VALUE}) {
                for (int chunk : new int[] {777, Integer.MAX_VALUE}) {
                    for (boolean stalls : new boolean[] {false, true}) {
                        Recording source = new Recording(data, chunk);
                        source.stalls = stalls;
                        String what = "length " + length + ", expected " + expected + ", chunk " + chunk
                            + (stalls ? ", stalling" : "");
                        assertArrayEquals(data, BoundedInput.read(source, length + 10L, expected), what);
                        assertTrue(source.largestAsk <= 64 * 1024, what + ": asked " + source.largestAsk);
                    }
                }
            }
        }
    }

    /** An expected length past the limit neither lifts it nor makes more than the limit plus one byte held. */
    @Test
    void expectedLengthDoesNotLiftTheLimit() {
        byte[] data = random(200_000);
        for (long expected : new long[] {-1, 1000, 99_999, 100_000, 100_001, 1L << 40}) {
            Recording source = new Recording(data, 5000);
            JpegLimitException e = assertThrows(JpegLimitException.class,
                () -> BoundedInput.read(source, 99_999, expected), "expected " + expected);
            assertEquals(99_999, e.offset());
            assertTrue(source.position <= 100_000, "expected " + expected + ": read " + source.position);
        }
    }

    @Test
    void decoderReadsAStreamOfAnnouncedLength() throws IOException {
        byte[] jpeg = new JpegEncoder(EncoderOptions.DEFAULT).encode(
            new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR));
        JpegDecoder decoder = new JpegDecoder();
        for (long expected : new long[] {-1, 0, jpeg.length - 1, jpeg.length, jpeg.length * 3L}) {
            assertArrayEquals(jpeg, decoder.readInput(trickle(jpeg, 100), expected), "expected " + expected);
        }
        JpegDecoder tight = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(
            Limits.DEFAULT.withMaxInputBytes(jpeg.length - 1)));
        assertThrows(JpegLimitException.class, () -> tight.readInput(new ByteArrayInputStream(jpeg), jpeg.length));
    }

    /** A path that cannot be read fails with the NIO exception a Path's caller expects, as Files would throw. */
    @Test
    void unreadablePathsThrowTheNioExceptions() throws IOException {
        JpegDecoder decoder = new JpegDecoder();
        Path missing = dir.resolve("missing.jpg");
        assertThrows(java.nio.file.NoSuchFileException.class, () -> decoder.decode(missing));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> BoundedInput.read(missing, 1000));
        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        IOException e = assertThrows(IOException.class, () -> BoundedInput.read(directory, 1 << 20));
        assertFalse(e instanceof java.io.FileNotFoundException, "a java.io exception for a Path: " + e);
    }

    /** A file whose size says 0 but that has bytes (as /proc files do) is read to its end all the same. */
    @Test
    void fileLongerThanItsSizeIsReadToItsEnd() throws IOException {
        Path proc = Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(proc) && Files.size(proc) == 0,
            "skipped: no /proc/self/status of size 0 here (not Linux)");
        byte[] bytes = BoundedInput.read(proc, 1 << 20);
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).contains("Name:"),
            bytes.length + " bytes");
    }
}
