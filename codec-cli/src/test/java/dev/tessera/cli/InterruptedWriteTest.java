package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tessera compress} run as a separate process and stopped in the middle of writing its output: with
 * SIGTERM the shutdown hook removes the temporary file; with SIGKILL a hidden temporary file may remain, never
 * the output, and the next run removes it once stale. The input is never touched.
 */
class InterruptedWriteTest {
    private static final int SIDE = 3000;
    @TempDir
    static Path shared;
    private static Path input;
    private static byte[] inputBytes;

    @BeforeAll
    static void bigInput() throws IOException {
        // A 27 MB binary PPM of noise-like texture: seconds of progressive encoding, quick to write.
        input = shared.resolve("big.ppm");
        try (OutputStream out = Files.newOutputStream(input)) {
            out.write(("P6\n" + SIDE + " " + SIDE + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[SIDE * 3];
            long seed = 1;
            for (int y = 0; y < SIDE; y++) {
                for (int i = 0; i < row.length; i++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    row[i] = (byte) ((seed >>> 56) + (i / 3 + y) % 256);
                }
                out.write(row);
            }
        }
        inputBytes = Files.readAllBytes(input);
    }

    @Test
    void sigtermMidwayLeavesNoOutputAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out.jpg");
        Process p = compress(output);
        assumeTrue(waitForTemporary(dir, p), "the write finished before it could be interrupted");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(output), "no output after an interrupted write");
        assertEquals(List.of(), temporaries(dir), "the shutdown hook removed the temporary file");
        assertArrayEquals(inputBytes, Files.readAllBytes(input), "the input is untouched");
    }

    @Test
    void sigkillMidwayLeavesNoOutputAndTheNextRunRemovesTheStaleTemporary(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out.jpg");
        Process p = compress(output);
        assumeTrue(waitForTemporary(dir, p), "the write finished before it could be interrupted");
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(output), "no output after a killed write");
        assertArrayEquals(inputBytes, Files.readAllBytes(input), "the input is untouched");
        List<Path> left = temporaries(dir);
        for (Path temp : left) {
            Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minus(SafeOutput.STALE).minusSeconds(60)));
        }
        // A fresh temporary of another writer in the same directory must survive the cleanup.
        Path fresh = Files.createFile(dir.resolve(".other.jpg.tessera-0123abcd.tmp"));

        Path small = TestImages.writePng(dir.resolve("small.png"), TestImages.gradient(32, 32));
        Cli.Result r = Cli.run("compress", small.toString(), "-o", dir.resolve("small.jpg").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(fresh), temporaries(dir), "stale temporaries removed, a fresh one kept: " + left);
    }

    @Test
    void existingOutputIsNeverReplacedWithoutForceAndTheErrorNamesIt(@TempDir Path dir) throws Exception {
        Path small = TestImages.writePng(dir.resolve("small.png"), TestImages.gradient(16, 16));
        Path output = Files.writeString(dir.resolve("small.jpg"), "keep me");
        Cli.Result r = Cli.run("compress", small.toString(), "-o", output.toString());
        assertEquals(Main.EXIT_FAILED, r.exitCode());
        assertTrue(r.err().contains(output.toString()), r.err());
        assertEquals("keep me", Files.readString(output));
        assertEquals(List.of(), temporaries(dir));
    }

    private static Process compress(Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
            "dev.tessera.cli.Main", "compress", "--progressive", "-q", "95", "--subsampling", "444",
            input.toString(), "-o", output.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits until the process has created its temporary file; false if it ended first. */
    private static boolean waitForTemporary(Path dir, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!temporaries(dir).isEmpty()) {
                Thread.sleep(100); // let it write some bytes
                return p.isAlive();
            }
            if (!p.isAlive()) {
                return false;
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static List<Path> temporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> SafeOutput.TEMP_NAME.matcher(f.getFileName().toString()).matches()).toList();
        }
    }
}
