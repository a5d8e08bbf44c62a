package dev.tessera.jpeg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The build runs the tests twice (codec-core/pom.xml): without {@code jdk.incubator.vector}, where the scalar
 * code must be chosen, and with it, where the vector kernels must be, so that the second run cannot quietly test
 * the scalar code again. Each run says which it expects in the system property {@value #EXPECT}.
 */
public class VectorSupportTest {
    /** {@code true} or {@code false}: the path the surefire execution must have chosen; unset in an IDE. */
    public static final String EXPECT = "tessera.expectVector";

    /**
     * Whether the vector kernels are to be tested: fails when the build said the module is there but the vector
     * path was not chosen, skips (an assumption) when the run has no vector module.
     */
    public static boolean requireVector() {
        String expected = System.getProperty(EXPECT);
        if (Boolean.parseBoolean(expected)) {
            assumeTrue(!VectorSupport.narrowHardware(), "this CPU cannot run the kernels: " + VectorSupport.status());
            assertTrue(VectorSupport.enabled(), "this run adds jdk.incubator.vector but " + VectorSupport.status());
        }
        assumeTrue(VectorSupport.enabled(), VectorSupport.status());
        return true;
    }

    @Test
    void choosesThePathTheBuildExpects() {
        String expected = System.getProperty(EXPECT);
        assumeTrue(expected != null, EXPECT + " not set (not run by the build)");
        assumeTrue(!VectorSupport.narrowHardware(), "this CPU cannot run the kernels: " + VectorSupport.status());
        assertEquals(Boolean.parseBoolean(expected), VectorSupport.enabled(), VectorSupport.status());
    }

    @Test
    void statusSaysWhichPathAndWhy() {
        String status = VectorSupport.status();
        assertTrue(status.startsWith(VectorSupport.enabled() ? "vector: " : "scalar: "), status);
    }
}
