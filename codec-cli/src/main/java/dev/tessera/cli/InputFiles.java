package dev.tessera.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the paths given on the command line into the files a batch works on.
 *
 * <p>A file is taken as given, whatever its name (a missing file is kept, so the batch reports it). A directory
 * contributes its regular files whose extension is one of the command's, sorted by name; with {@code recursive}
 * also those of its subdirectories, each remembering the subdirectory it came from so outputs can mirror the
 * tree. Hidden files (names starting with a dot) inside directories are skipped.
 */
final class InputFiles {
    /** Extensions of the images {@code compress} and {@code compare} read. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "bmp", "gif", "pbm", "pgm", "ppm", "pnm", "pam",
        "tif", "tiff", "jpg", "jpeg");
    /** Extensions of JPEG files. */
    static final Set<String> JPEG_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "jfif");

    /**
     * One input file.
     *
     * @param file        the file
     * @param relativeDir the directory it was found in, relative to the directory given on the command line;
     *                    empty for files given directly or found at the top of a given directory
     */
    record Entry(Path file, Path relativeDir) {
    }

    private InputFiles() {
    }

    static List<Entry> expand(List<Path> paths, boolean recursive, Set<String> extensions) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                entries.add(new Entry(path, Path.of("")));
                continue;
            }
            try (Stream<Path> found = recursive ? Files.walk(path) : Files.list(path)) {
                found.filter(Files::isRegularFile)
                    .filter(file -> accepts(path.relativize(file), extensions))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(file -> {
                        Path parent = path.relativize(file).getParent();
                        entries.add(new Entry(file, parent == null ? Path.of("") : parent));
                    });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return entries;
    }

    /** Whether a file found under a directory is taken: no hidden part in its path, a known extension. */
    private static boolean accepts(Path relative, Set<String> extensions) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
