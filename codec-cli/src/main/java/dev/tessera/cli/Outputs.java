package dev.tessera.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where commands write their results: a file through {@link SafeOutput} (temporary file and rename), or standard
 * output for {@code -o -}. Shared by every command that writes images; messages never go to standard output.
 */
final class Outputs {
    private Outputs() {
    }

    static boolean isStdout(Path path) {
        return path != null && path.toString().equals(Inputs.DASH);
    }

    /** The name messages use: the path, or {@code <stdout>}. */
    static String name(Path path) {
        return isStdout(path) ? "<stdout>" : String.valueOf(path);
    }

    /**
     * Fails early if {@code target} cannot be written (see {@link SafeOutput#checkTarget}); standard output
     * always can.
     */
    static void checkTarget(Path target, boolean force) throws IOException {
        if (!isStdout(target)) {
            SafeOutput.checkTarget(target, force);
        }
    }

    /**
     * Writes {@code content} to {@code target} and returns the number of bytes written: to standard output
     * (flushed, not closed), or to the file through {@code safeOutput}.
     */
    static long write(Path target, boolean force, SafeOutput safeOutput, StandardStreams std,
                      SafeOutput.Content content) throws IOException {
        if (isStdout(target)) {
            Counting counting = new Counting(std.out());
            content.writeTo(counting);
            counting.flush();
            return counting.count;
        }
        safeOutput.write(target, force, content);
        return Files.size(target);
    }

    /**
     * Creates the {@code --out-dir} directory if missing; a file in the way is reported as such (not as an
     * existing output that {@code --force} would replace).
     */
    static void createOutDir(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null, "not a directory (--out-dir needs a directory)");
        }
        Files.createDirectories(dir);
    }

    /** Counts the bytes going through; does not close the stream beneath (standard output stays open). */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
