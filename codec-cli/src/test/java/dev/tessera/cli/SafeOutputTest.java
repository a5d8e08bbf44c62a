package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeOutputTest {
    private static final byte[] OLD = "old content".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "new content".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesNewFile() throws IOException {
        Path target = dir.resolve("out.jpg");

        new SafeOutput().write(target, false, out -> out.write(NEW));

        assertArrayEquals(NEW, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void refusesExistingFileWithoutForce() throws IOException {
        Path target = dir.resolve("out.jpg");
        Files.write(target, OLD);

        assertThrows(FileAlreadyExistsException.class,
            () -> new SafeOutput().write(target, false, out -> out.write(NEW)));

        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void replacesExistingFileWithForce() throws IOException {
        Path target = dir.resolve("out.jpg");
        Files.write(target, OLD);

        new SafeOutput().write(target, true, out -> out.write(NEW));

        assertArrayEquals(NEW, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void fileCreatedDuringTheWriteIsNotClobbered() throws IOException {
        Path target = dir.resolve("out.jpg");

        // Someone else creates the target after the up-front check, while the content is being written.
        assertThrows(FileAlreadyExistsException.class, () -> new SafeOutput().write(target, false, out -> {
            out.write(NEW);
            Files.write(target, OLD);
        }));

        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void failureWhileWritingLeavesTargetAndNoTemporary() throws IOException {
        Path target = dir.resolve("out.jpg");
        Files.write(target, OLD);

        IOException e = assertThrows(IOException.class, () -> new SafeOutput().write(target, true, out -> {
            out.write(new byte[200_000]);
            throw new IOException("disk full (injected)");
        }));

        assertEquals("disk full (injected)", e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void runtimeFailureWhileWritingLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("out.jpg");

        assertThrows(IllegalArgumentException.class, () -> new SafeOutput().write(target, false, out -> {
            out.write(NEW);
            throw new IllegalArgumentException("image too large (injected)");
        }));

        assertFalse(Files.exists(target));
        assertEquals(List.of(), files());
    }

    @Test
    void failureWhilePublishingLeavesTargetAndNoTemporary() throws IOException {
        Path target = dir.resolve("out.jpg");
        Files.write(target, OLD);
        SafeOutput failing = new SafeOutput((temp, to, replace) -> {
            assertTrue(Files.exists(temp), "the temporary file is complete when publishing starts");
            assertArrayEquals(NEW, Files.readAllBytes(temp));
            throw new IOException("rename failed (injected)");
        });

        assertThrows(IOException.class, () -> failing.write(target, true, out -> out.write(NEW)));

        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void targetThatIsADirectoryIsRefused() throws IOException {
        Path target = Files.createDirectory(dir.resolve("out.jpg"));

        assertThrows(IOException.class, () -> new SafeOutput().write(target, true, out -> out.write(NEW)));

        assertTrue(Files.isDirectory(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void unwritableDirectoryFailsCleanly() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        assertTrue(readOnly.toFile().setWritable(false, false));
        try {
            // Root ignores directory permissions; then the write succeeds and there is nothing to check.
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(readOnly), "running as root");
            Path target = readOnly.resolve("out.jpg");

            assertThrows(IOException.class, () -> new SafeOutput().write(target, false, out -> out.write(NEW)));

            try (Stream<Path> left = Files.list(readOnly)) {
                assertEquals(0, left.count());
            }
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void newFileGetsDefaultPermissionsNotPrivateTemporaryOnes() throws IOException {
        Path target = dir.resolve("out.jpg");
        Path plain = Files.write(dir.resolve("plain"), NEW);

        new SafeOutput().write(target, false, out -> out.write(NEW));

        org.junit.jupiter.api.Assumptions.assumeTrue(
            dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }
}
