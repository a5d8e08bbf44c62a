package dev.tessera.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The binary standard input and output that {@code -} names on the command line ({@link Inputs},
 * {@link Outputs}). Text for standard output (help, {@code info}) goes through picocli's writer over the same
 * stream; a command that writes image bytes to standard output prints nothing else there.
 *
 * @param in  standard input
 * @param out standard output
 */
record StandardStreams(InputStream in, OutputStream out) {
    /** The process's file descriptors 0 and 1, unbuffered by {@code System.out}'s encoder. */
    static StandardStreams system() {
        return new StandardStreams(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    }
}
