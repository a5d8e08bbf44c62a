package dev.tessera.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test images: the shared corpus beside the repository ({@code ../shared/corpus}, optional, tests skip with a
 * message when it is absent) and the TwelveMonkeys imageio-jpeg test jar (a test dependency, always there).
 */
public final class Corpus {
    private Corpus() {
    }

    /** The repository root: the nearest ancestor of the working directory holding codec-core. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("codec-core")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + dir);
    }

    /** {@code ../shared} beside the repository, or the folder named by system property {@code tessera.shared}. */
    public static Optional<Path> shared(String relative) {
        String override = System.getProperty("tessera.shared");
        Path base = override != null ? Path.of(override) : repositoryRoot().getParent().resolve("shared");
        Path p = base.resolve(relative);
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    /** A shared corpus folder; skips the calling test, with a message, when it is absent. */
    public static Path requireShared(String relative) {
        Optional<Path> p = shared(relative);
        assumeTrue(p.isPresent(), "../shared/" + relative + " is absent: skipping this test");
        return p.get();
    }

    /** The Kodak PNGs ({@code ../shared/corpus/kodak}), sorted, or an empty list when absent. */
    public static List<Path> kodak() {
        return shared("corpus/kodak").map(dir -> list(dir, ".png")).orElse(List.of());
    }

    /** Files under {@code dir} (recursively) whose names end with {@code suffix}, sorted. */
    public static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                .filter(p -> p.getFileName().toString().toLowerCase().endsWith(suffix))
                .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of a class-path resource, e.g. {@code "/jpeg/gray-sample.jpg"} from the TwelveMonkeys test jar. */
    public static byte[] resource(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Resource names in a folder of the TwelveMonkeys imageio-jpeg test jar, e.g. {@code "jpeg"},
     * {@code "broken-jpeg"}, {@code "exif"}, {@code "jpeg-lossless"}; sorted, with a leading slash.
     */
    public static List<String> twelveMonkeys(String folder) {
        URL marker = Corpus.class.getResource("/jpeg/gray-sample.jpg");
        if (marker == null) {
            throw new IllegalStateException("the TwelveMonkeys imageio-jpeg test jar is not on the class path");
        }
        try {
            String jar = marker.toURI().toString();
            Path jarPath = Path.of(new java.net.URI(jar.substring("jar:".length(), jar.indexOf("!/"))));
            try (FileSystem fs = FileSystems.newFileSystem(jarPath, Map.of())) {
                List<String> names = new ArrayList<>();
                try (Stream<Path> s = Files.list(fs.getPath("/" + folder))) {
                    s.filter(p -> {
                        String n = p.getFileName().toString().toLowerCase();
                        return n.endsWith(".jpg") || n.endsWith(".jpeg");
                    }).forEach(p -> names.add(p.toString()));
                }
                Collections.sort(names);
                return names;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
