package dev.tessera.jpeg.simd;

import java.util.Optional;

/**
 * Whether the Vector API kernels run: decided once per JVM, in this one place, and read by every
 * {@code choose(...)} that has a vector variant (so a call site only ever sees one class).
 *
 * <p>The kernels ({@code jdk.incubator.vector}, compiled into codec-core but never linked unless chosen) run
 * when all of these hold, else the scalar code runs and gives the same bytes:
 * <ul>
 *   <li>the system property {@value #PROPERTY} is not {@code false};</li>
 *   <li>the module {@code jdk.incubator.vector} is in the boot layer (the JVM was started with
 *       {@code --add-modules jdk.incubator.vector}) and this class's module reads it (always so on the class
 *       path; on the module path {@code requires static} gives the edge when the module is resolved);</li>
 *   <li>the CPU's preferred vector size is at least 256 bits (AVX2 or better; the kernels use 256-bit vectors,
 *       which narrower hardware would only emulate).</li>
 * </ul>
 * This class names no vector type, so it loads without the module; {@link VectorProbe} does, and is only
 * touched after the module check.
 */
public final class VectorSupport {
    /** The system property that turns the vector kernels off when {@code false}. */
    public static final String PROPERTY = "dev.tessera.simd";
    /** The vector module's name. */
    public static final String MODULE = "jdk.incubator.vector";
    /** The vector size the kernels are written for, in bits. */
    public static final int KERNEL_BITS = 256;

    private static final String STATUS;
    private static final boolean ENABLED;
    private static final boolean NARROW_HARDWARE;

    static {
        String status;
        boolean enabled = false;
        boolean narrow = false;
        String property = property();
        Optional<Module> module = ModuleLayer.boot().findModule(MODULE);
        if ("false".equalsIgnoreCase(property)) {
            status = "scalar: -D" + PROPERTY + "=false";
        } else if (module.isEmpty()) {
            status = "scalar: module " + MODULE + " not present (start the JVM with --add-modules " + MODULE + ")";
        } else if (!VectorSupport.class.getModule().canRead(module.get())) {
            status = "scalar: " + VectorSupport.class.getModule() + " does not read " + MODULE;
        } else {
            int bits;
            try {
                bits = VectorProbe.preferredBits();
            } catch (LinkageError | RuntimeException e) {
                bits = -1;
            }
            if (bits < KERNEL_BITS) {
                narrow = bits >= 0;
                status = bits < 0 ? "scalar: the Vector API did not initialise"
                    : "scalar: preferred vector size " + bits + " bits, below " + KERNEL_BITS;
            } else {
                enabled = true;
                status = "vector: " + KERNEL_BITS + "-bit kernels (preferred size " + bits + " bits)";
            }
        }
        ENABLED = enabled;
        NARROW_HARDWARE = narrow;
        STATUS = status;
    }

    private VectorSupport() {
    }

    private static String property() {
        try {
            return System.getProperty(PROPERTY);
        } catch (SecurityException e) {
            return null;
        }
    }

    /** Whether the vector kernels are chosen in this JVM. */
    public static boolean enabled() {
        return ENABLED;
    }

    /**
     * Whether the module is there but the CPU's vectors are narrower than the kernels' (no AVX2): the one reason
     * for the scalar path that is the machine's, not the configuration's.
     */
    public static boolean narrowHardware() {
        return NARROW_HARDWARE;
    }

    /** Which path runs and why, for diagnostics: {@code "vector: ..."} or {@code "scalar: <reason>"}. */
    public static String status() {
        return STATUS;
    }
}
