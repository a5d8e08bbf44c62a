package dev.tessera.jpeg.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Time and allocation bounds for one fuzz input.
 *
 * <p>Time: when fuzzing ({@code JAZZER_FUZZ} set), libFuzzer's {@code -timeout} bounds each input and the
 * call runs on the fuzzer's thread (a JUnit {@code @Timeout} would bound the whole fuzzing run instead); in
 * regression mode each input runs under {@link org.junit.jupiter.api.Assertions#assertTimeoutPreemptively}.
 *
 * <p>Allocation: the first decode that reaches a class loads it, and under Jazzer's agent loading and
 * instrumenting allocates tens of megabytes; so an input over its bound is measured a second time, and only
 * that measurement counts.
 */
final class FuzzBounds {
    static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();
    static final Duration PER_INPUT = Duration.ofSeconds(5);

    private FuzzBounds() {
    }

    /**
     * Runs {@code call} (which returns the bytes it allocated) within the time bound and asserts that it
     * allocated at most {@code bound} bytes.
     */
    static void check(String what, long bound, ThrowingSupplier<Long> call) {
        LongSupplier once = () -> {
            try {
                return FUZZING ? call.get() : assertTimeoutPreemptively(PER_INPUT, call);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        };
        long allocated = once.getAsLong();
        if (allocated > bound) {
            allocated = once.getAsLong();
        }
        long measured = allocated;
        assertTrue(measured <= bound, () -> what + " allocated " + measured + " bytes, bound " + bound);
    }
}
