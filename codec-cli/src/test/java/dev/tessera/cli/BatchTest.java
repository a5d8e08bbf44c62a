package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchTest {
    @TempDir
    Path dir;

    @Test
    void resultsComeBackInJobOrderAndFailuresAreIsolated() {
        StringWriter err = new StringWriter();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Batch.Job<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            jobs.add(new Batch.Job<>(Path.of("f" + i), () -> {
                threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
                if (n % 10 == 3) {
                    throw new IOException("broken " + n);
                }
                if (n == 17) {
                    throw new OutOfMemoryError("Java heap space");
                }
                Thread.sleep(40 - n);
                return new Batch.Done<>(n, 10, 5, "");
            }));
        }
        Batch.Summary<Integer> summary = new Batch(4, Progress.none(), new PrintWriter(err), false).run(jobs);

        List<Integer> expected = IntStream.range(0, 40).filter(n -> n % 10 != 3 && n != 17).boxed().toList();
        assertEquals(expected, summary.values());
        assertEquals(5, summary.failures());
        assertEquals(40, summary.files());
        assertEquals(35 * 10, summary.bytesIn());
        assertEquals(35 * 5, summary.bytesOut());
        assertTrue(err.toString().contains("tessera: f13: broken 13"), err.toString());
        assertTrue(err.toString().contains("tessera: f17: image too large"), err.toString());
        assertTrue(threads.size() > 1, "ran on one thread only");
        assertTrue(summary.describe().startsWith("40 files: 35 done, 5 failed; 350 B in, 175 B out (ratio 2.00:1)"),
            summary.describe());
    }

    @Test
    void progressLinesCountEveryFile() {
        StringWriter lines = new StringWriter();
        Progress progress = Progress.choose(false, false, "test", new PrintWriter(lines));
        List<Batch.Job<Integer>> jobs = List.of(
            new Batch.Job<>(Path.of("a"), () -> new Batch.Done<>(1, 1, 1, "ok")),
            new Batch.Job<>(Path.of("b"), () -> {
                throw new IOException("no");
            }));
        new Batch(1, progress, new PrintWriter(new StringWriter()), false).run(jobs);
        assertEquals(List.of("[1/2] a ok", "[2/2] b FAILED"), lines.toString().lines().toList());
    }

    @Test
    void directoriesExpandToTheirImagesSorted() throws IOException {
        Path top = Files.createDirectories(dir.resolve("in"));
        Files.createDirectories(top.resolve("sub/deeper"));
        Files.createDirectories(top.resolve(".hidden"));
        for (String name : List.of("b.png", "a.JPG", "notes.txt", "sub/c.tif", "sub/deeper/d.bmp", ".hidden/e.png",
            ".f.png")) {
            Files.writeString(top.resolve(name), "x");
        }
        Path loose = dir.resolve("loose.dat");

        List<InputFiles.Entry> flat = InputFiles.expand(List.of(top, loose), false, InputFiles.IMAGE_EXTENSIONS);
        assertEquals(List.of(top.resolve("a.JPG"), top.resolve("b.png"), loose),
            flat.stream().map(InputFiles.Entry::file).toList());

        List<InputFiles.Entry> deep = InputFiles.expand(List.of(top), true, InputFiles.IMAGE_EXTENSIONS);
        assertEquals(List.of(top.resolve("a.JPG"), top.resolve("b.png"), top.resolve("sub/c.tif"),
            top.resolve("sub/deeper/d.bmp")), deep.stream().map(InputFiles.Entry::file).toList());
        assertEquals(Path.of("sub/deeper"), deep.get(3).relativeDir());
        assertFalse(deep.stream().anyMatch(e -> e.file().toString().contains("hidden")));
    }
}
