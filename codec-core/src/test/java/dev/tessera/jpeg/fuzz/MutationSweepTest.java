package dev.tessera.jpeg.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whole-corpus mutation sweep: every JPEG of {@code ../shared/corpus} (any file starting with SOI) and of the
 * TwelveMonkeys test jar ({@code jpeg}, {@code exif}, {@code broken-jpeg}, {@code jpeg-lossless}) is decoded
 * cut at every 1/64 of its length and with {@value #MUTANTS} seeded byte-flip mutants. The only outcomes
 * allowed are an image (perhaps with warnings) or a {@link JpegException}, each within a second of CPU time.
 *
 * <p>{@code mvn verify} sweeps every {@value #CI_STRIDE}th file (about a minute's work spread over the
 * sample); {@code -Dtessera.fullSweep=true} sweeps all of them. The tally is printed and written to
 * {@code target/mutation-sweep.txt}.
 */
class MutationSweepTest {
    static final int MUTANTS = 4;
    static final int CI_STRIDE = 16;
    /**
     * The time bound, in CPU time of the decoding thread: the machine running the tests may be busy with
     * other work, which stretches wall-clock time but not the decoder's own.
     */
    private static final Duration LIMIT = Duration.ofSeconds(1);
    /** A wall-clock bound that only a hang exceeds. */
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** As in RobustnessTest: the corpus has 8500 x 8146 files that would take seconds to decode in full. */
    private static final JpegDecoder DECODER =
        new JpegDecoder(DecoderOptions.DEFAULT.withLimits(Limits.DEFAULT.withMaxPixels(1L << 25)));

    @Test
    void truncationsAndByteFlipsGiveAnImageOrAJpegException() throws IOException {
        boolean full = Boolean.getBoolean("tessera.fullSweep");
        List<String> names = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        for (String folder : List.of("jpeg", "exif", "broken-jpeg", "jpeg-lossless")) {
            for (String name : Corpus.twelveMonkeys(folder)) {
                names.add("twelvemonkeys" + name);
                files.add(Corpus.resource(name));
            }
        }
        Optional<Path> shared = Corpus.shared("corpus");
        if (shared.isEmpty()) {
            System.out.println("MutationSweepTest: ../shared/corpus is absent: sweeping the TwelveMonkeys files only");
        } else {
            try (Stream<Path> s = Files.walk(shared.get())) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    if (startsWithSoi(p)) {
                        names.add(shared.get().relativize(p).toString());
                        files.add(Files.readAllBytes(p));
                    }
                }
            }
        }
        warmUp(files);
        Map<String, Integer> tally = new TreeMap<>();
        AtomicInteger decodes = new AtomicInteger();
        int swept = 0;
        for (int i = 0; i < files.size(); i++) {
            if (!full && i % CI_STRIDE != 0) {
                continue;
            }
            swept++;
            byte[] data = files.get(i);
            String name = names.get(i);
            Random random = new Random(name.hashCode());
            for (int k = 1; k < 64; k++) {
                int end = (int) ((long) data.length * k / 64);
                sweep(name + " cut at " + end, Arrays.copyOf(data, end), tally, decodes);
            }
            for (int m = 0; m < MUTANTS; m++) {
                byte[] copy = data.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
                }
                sweep(name + " mutant " + m, copy, tally, decodes);
            }
        }
        String report = String.format("mutation sweep (%s): %d of %d files, %d decodes: %s%n",
            full ? "full" : "every " + CI_STRIDE + "th file", swept, files.size(), decodes.get(), tally);
        System.out.print(report);
        Files.writeString(Path.of("target", "mutation-sweep.txt"), report);
        assertEquals(decodes.get(), tally.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static void sweep(String what, byte[] data, Map<String, Integer> tally, AtomicInteger decodes) {
        decodes.incrementAndGet();
        String outcome = assertTimeoutPreemptively(HANG, () -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            String result;
            try {
                DECODER.decode(data);
                result = "image";
            } catch (JpegException e) {
                assertTrue(e.getMessage().startsWith("offset "), what + ": " + e.getMessage());
                result = e.getClass().getSimpleName();
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw new AssertionError(what + ": not a JpegException: " + e, e);
            }
            long millis = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            assertTrue(millis <= LIMIT.toMillis(), () -> what + " took " + millis + " ms of CPU time");
            return result;
        }, () -> what + " still running after " + HANG.toSeconds() + " s");
        tally.merge(outcome, 1, Integer::sum);
    }

    /** Lets the JIT compile the hot paths so that the time limit measures the decoder, not start-up. */
    private static void warmUp(List<byte[]> files) {
        for (int i = 0; i < Math.min(20, files.size()); i++) {
            try {
                DECODER.decode(files.get(i));
            } catch (JpegException e) {
                // outcomes are checked in the sweep
            }
        }
    }

    private static boolean startsWithSoi(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.read() == 0xFF && in.read() == 0xD8;
        }
    }
}
