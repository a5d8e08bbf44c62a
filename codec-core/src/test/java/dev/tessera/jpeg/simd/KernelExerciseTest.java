package dev.tessera.jpeg.simd;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every vector kernel's warm-up exercise runs without throwing. The vector tests switch the warm-up off (so that
 * every decode they check goes through the vector code), and an exercise that threw would otherwise leave
 * production on the scalar kernel with no test failing. Fails (not skips) in the build's run with
 * {@code jdk.incubator.vector} if the vector path is off.
 */
class KernelExerciseTest {
    /** The classes that own a {@code static final VectorWarmup WARMUP}. */
    private static final List<String> KERNELS = List.of("dev.tessera.jpeg.sample.VectorFancyH2V1", "dev.tessera.jpeg.sample.VectorHalf",
        "dev.tessera.jpeg.sample.VectorHalfWidth",
        "dev.tessera.jpeg.dct.VectorGroupFdct", "dev.tessera.jpeg.dct.VectorInverseDct",
        "dev.tessera.jpeg.dct.VectorGroupIdct", "dev.tessera.jpeg.quant.VectorQuantizer",
        "dev.tessera.jpeg.color.VectorRgbToYcc", "dev.tessera.jpeg.color.VectorFancyH2V2YccToBgr",
        "dev.tessera.jpeg.color.VectorYccToBgr", "dev.tessera.jpeg.color.VectorGray");

    @Test
    void everyKernelsExerciseRuns() throws ReflectiveOperationException {
        VectorSupportTest.requireVector();
        for (String name : KERNELS) {
            Field field = Class.forName(name).getDeclaredField("WARMUP");
            field.setAccessible(true);
            VectorWarmup warmup = (VectorWarmup) field.get(null);
            assertNotNull(warmup, name);
            Runnable exercise = warmup.exercise();
            for (int i = 0; i < 200; i++) {
                exercise.run();
            }
        }
    }
}
