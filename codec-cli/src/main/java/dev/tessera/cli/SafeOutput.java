package dev.tessera.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a partial write.
 *
 * <p>The bytes go to a hidden temporary file in the target's directory ({@code .NAME.tessera-XXXXXXXX.tmp}), which is
 * flushed to disk and then renamed onto the target. An existing target is replaced only when {@code force} is
 * set, and then by an atomic rename where the file system has one. Without {@code force} the temporary file is
 * published with a hard link, which fails if the target appeared meanwhile, so a file created by someone else
 * between the check and the rename is never clobbered. On any failure the temporary file is deleted and the
 * target is left as it was.
 *
 * <p>Interruptions: a shutdown hook deletes the temporary files still being written when the JVM stops on
 * SIGTERM or SIGINT (Ctrl-C). SIGKILL and power loss run no code, so a temporary file can remain; it is hidden,
 * named {@code .NAME.tessera-XXXXXXXX.tmp}, and the first write into that directory by a later run deletes such
 * files when they are older than {@link #STALE} (no live write takes that long to be renamed).
 */
public final class SafeOutput {
    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Moves the finished temporary file onto the target; replaceable in tests to inject failures. */
    @FunctionalInterface
    interface Publisher {
        void publish(Path temp, Path target, boolean replace) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Age after which a temporary file of this class's naming pattern is taken as left by a killed run. */
    static final Duration STALE = Duration.ofMinutes(30);
    /** Hidden temporary names: {@code .NAME.tessera-XXXXXXXX.tmp}, eight lower-case hex digits. */
    static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.tessera-[0-9a-f]{8}\\.tmp");
    /** Temporary files being written now; the shutdown hook deletes them. */
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();
    /** Directories already cleaned of stale temporary files by this process. */
    private static final Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SafeOutput::deleteActive, "tessera-temp-cleanup"));
    }

    private final Publisher publisher;

    public SafeOutput() {
        this(SafeOutput::publish);
    }

    SafeOutput(Publisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Fails early if {@code target} cannot be written: it exists and {@code force} is not set, or it is a
     * directory, or its directory does not exist.
     */
    public static void checkTarget(Path target, boolean force) throws IOException {
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists (use --force to overwrite)");
        }
        Path dir = directoryOf(target);
        if (!Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null, "no such directory");
        }
    }

    /**
     * Writes {@code content} to {@code target} through a temporary file.
     *
     * @param force replace an existing target
     * @throws FileAlreadyExistsException if the target exists and {@code force} is not set
     * @throws IOException                on any other failure; the target is then untouched
     */
    public void write(Path target, boolean force, Content content) throws IOException {
        checkTarget(target, force);
        Path temp = createTemp(target);
        ACTIVE.add(temp);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                // Data on disk before the rename, so a crash cannot leave a renamed but empty file.
                channel.force(true);
            }
            publisher.publish(temp, target, force);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            ACTIVE.remove(temp);
        }
    }

    /** Deletes the temporary files of writes still in progress (the JVM is stopping). */
    static void deleteActive() {
        for (Path temp : ACTIVE) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The JVM is exiting; nothing better to do than leave it for the stale-file cleanup.
            }
        }
    }

    /**
     * Deletes temporary files of this class's naming pattern older than {@link #STALE} in {@code dir}: what a
     * run killed by SIGKILL leaves behind. Once per directory per process.
     */
    static void deleteStaleTemps(Path dir) {
        if (!CLEANED.add(dir)) {
            return;
        }
        Instant cutoff = Instant.now().minus(STALE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.tessera-*.tmp")) {
            for (Path p : entries) {
                if (TEMP_NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p,
                    LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // Cleaning is a courtesy: a directory we cannot list or a file we cannot delete is left alone.
        }
    }

    private static Path directoryOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent != null ? parent : target.toAbsolutePath().getRoot();
    }

    /** Creates an empty temporary file beside the target with the permissions a new file would get. */
    private static Path createTemp(Path target) throws IOException {
        Path dir = directoryOf(target);
        deleteStaleTemps(dir);
        String name = target.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            byte[] suffix = new byte[4];
            RANDOM.nextBytes(suffix);
            Path temp = dir.resolve("." + name + ".tessera-" + HexFormat.of().formatHex(suffix) + ".tmp");
            try {
                // CREATE_NEW, not Files.createTempFile: that one makes the file 0600, and the rename would keep it.
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Renames the temporary file onto the target: atomically replacing it, or only if it does not exist. */
    static void publish(Path temp, Path target, boolean replace) throws IOException {
        if (replace) {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        try {
            // link(2) refuses an existing target, unlike rename(2): no window to clobber a file created meanwhile.
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists (use --force to overwrite)");
        } catch (UnsupportedOperationException | FileSystemException e) {
            // No hard links here (FAT, some network file systems): a move that checks for the target first.
            Files.move(temp, target);
            return;
        }
        Files.delete(temp);
    }
}
