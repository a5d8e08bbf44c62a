package dev.tessera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses where {@code tessera compress} writes an input's output when no {@code -o} is given.
 *
 * <p>The output is the input's name with its extension replaced by {@code .jpg}, beside the input or in
 * {@code --out-dir}. If that path is the input itself ({@code photo.jpg} recompressed in place), the output is
 * {@code NAME.tessera.jpg} instead: the input is never a target, with or without {@code --force}.
 */
final class OutputNames {
    static final String SUFFIX = ".jpg";
    static final String COLLISION_SUFFIX = ".tessera.jpg";

    private OutputNames() {
    }

    /**
     * @param outDir the directory for outputs, or {@code null} for the input's own directory
     */
    static Path defaultOutput(Path input, Path outDir) throws IOException {
        Path dir = outDir != null ? outDir : parentOf(input);
        String stem = stem(input.getFileName().toString());
        Path candidate = dir.resolve(stem + SUFFIX);
        if (isSameFile(candidate, input)) {
            candidate = dir.resolve(stem + COLLISION_SUFFIX);
        }
        return candidate;
    }

    /** True if both paths exist and name the same file (also through links or case-folding file systems). */
    static boolean isSameFile(Path a, Path b) throws IOException {
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }

    /** The file name without its last extension; a leading dot (".hidden") is not an extension. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Path parentOf(Path input) {
        Path parent = input.getParent();
        return parent != null ? parent : Path.of("");
    }
}
