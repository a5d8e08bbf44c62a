package dev.tessera.cli;

import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.error.JpegLimitException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Input files as commands open them, where {@code -} is standard input: the bytes are read once, to their end,
 * and the format is told from them, never from a name. Shared by every command that reads images.
 */
final class Inputs {
    /** The name that stands for standard input (and, after {@code -o}, standard output). */
    static final String DASH = "-";
    /** How standard input is named in messages. */
    static final String STDIN_NAME = "<stdin>";

    private Inputs() {
    }

    static boolean isStdin(Path path) {
        return path != null && path.toString().equals(DASH);
    }

    /** A usage problem with the inputs' use of {@code -}, or {@code null}: standard input can be read once. */
    static String checkStdin(List<Path> inputs) {
        long dashes = inputs.stream().filter(Inputs::isStdin).count();
        return dashes > 1 ? "standard input (-) can be given only once" : null;
    }

    /** An input: a file, or standard input read into memory. */
    static final class Input {
        private final Path file;
        private final InputStream stdin;
        private byte[] data;

        private Input(Path file, InputStream stdin) {
            this.file = file;
            this.stdin = stdin;
        }

        /** The file, or {@code null} for standard input. */
        Path file() {
            return file;
        }

        boolean isStdin() {
            return file == null;
        }

        /** The name messages use: the path as given, or {@code <stdin>}. */
        String name() {
            return file == null ? STDIN_NAME : file.toString();
        }

        /**
         * All bytes: standard input or the file, read once (later calls return the same bytes).
         *
         * @param maxBytes refuse a longer input, before holding more than this
         */
        synchronized byte[] bytes(long maxBytes) throws IOException {
            if (data != null && data.length > maxBytes) {
                throw new JpegLimitException(maxBytes, null, "input exceeds the limit of " + maxBytes + " bytes");
            }
            if (data == null) {
                if (file == null) {
                    data = readBounded(stdin, maxBytes);
                } else {
                    requireRegularFile(file);
                    if (Files.size(file) > maxBytes) {
                        throw new JpegLimitException(maxBytes, null, "input exceeds the limit of " + maxBytes
                            + " bytes");
                    }
                    data = Files.readAllBytes(file);
                }
            }
            return data;
        }

        /** An ImageIO stream over the input (standard input is read into memory first). */
        ImageInputStream open() throws IOException {
            if (file != null) {
                requireRegularFile(file);
                ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
                if (in == null) {
                    throw new IIOException("cannot open for reading");
                }
                return in;
            }
            return new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes(Limits.DEFAULT.maxInputBytes())));
        }

        /** The size in bytes (of standard input: once read). */
        long size() throws IOException {
            return file != null ? Files.size(file) : data == null ? 0 : data.length;
        }
    }

    /** The input {@code path} names: standard input for {@code -}. */
    static Input of(Path path, StandardStreams std) {
        return isStdin(path) ? new Input(null, std.in()) : new Input(path, null);
    }

    /** An input held in memory (codec-spark's file contents); it reads as standard input does. */
    static Input ofBytes(byte[] content) {
        Input input = new Input(null, null);
        input.data = content;
        return input;
    }

    /** Fails with the messages {@code tessera} prints for a missing file or a directory. */
    static void requireRegularFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file or directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new IIOException("not a regular file");
        }
    }

    /** Whether the bytes start as a JPEG stream does: SOI followed by a marker (T.81 B.1.1.3). */
    static boolean looksLikeJpeg(byte[] head) {
        return head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF;
    }

    /** Whether the file (or standard input) starts as a JPEG stream; reads at most three bytes of a file. */
    static boolean isJpeg(Input input) throws IOException {
        if (input.isStdin()) {
            return looksLikeJpeg(input.bytes(Limits.DEFAULT.maxInputBytes()));
        }
        requireRegularFile(input.file());
        try (InputStream in = Files.newInputStream(input.file())) {
            return looksLikeJpeg(in.readNBytes(3));
        }
    }

    /** Reads to the end with plain reads (a pipe cannot seek, which some bulk reads of FileInputStream try). */
    private static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new JpegLimitException(maxBytes, null, "input exceeds the limit of " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
