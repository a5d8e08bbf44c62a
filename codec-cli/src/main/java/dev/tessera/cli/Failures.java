package dev.tessera.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into the one-line messages {@code tessera} prints on standard error (and codec-spark reports). */
public final class Failures {
    private Failures() {
    }

    /**
     * A single line about a failure while working on {@code subject} (printed before it as {@code subject: }),
     * without naming {@code subject} a second time.
     */
    static String describe(Throwable e, String subject) {
        String text = describe(e);
        String prefix = subject + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** A single line: what went wrong, naming the file system path involved if it is not the input. */
    public static String describe(Throwable e) {
        String text;
        if (e instanceof FileAlreadyExistsException f) {
            text = f.getFile() + " exists (use --force to overwrite)";
        } else if (e instanceof NoSuchFileException f) {
            text = f.getFile() + ": no such file or directory";
        } else if (e instanceof AccessDeniedException f) {
            text = f.getFile() + ": permission denied";
        } else if (e instanceof FileSystemException f) {
            text = f.getMessage();
        } else if (e instanceof OutOfMemoryError) {
            text = "image too large for the Java heap (raise it with java -Xmx...)";
        } else {
            text = e.getMessage();
            if (text == null || text.isBlank()) {
                text = e.getClass().getSimpleName();
            }
            Throwable cause = e.getCause();
            if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
                text += ": " + cause.getMessage();
            }
        }
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
