package dev.tessera.jpeg.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.simd.VectorSupportTest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API h2v1 fancy upsampler writes exactly the scalar one's samples, and nothing past the row, for
 * every width and for samples of any 16 bits. Fails (not skips) in the build's run with
 * {@code jdk.incubator.vector} if the vector path was not chosen.
 */
class VectorFancyH2V1Test {
    @Test
    void chooseGivesTheVectorUpsamplerWhenEnabled() {
        VectorSupportTest.requireVector();
        Upsampler up = Upsampler.choose(new SamplePlane(16, 1), 1, 8, 1, 1, 2, 1, true);
        assertEquals(VectorFancyH2V1.class, up.getClass(), VectorSupport.status());
    }

    @Test
    void everyWidthAndSampleRangeGivesTheScalarSamples() {
        VectorSupportTest.requireVector();
        Random random = new Random(422);
        for (int columns = 3; columns <= 60; columns++) {
            for (int range : new int[] {256, 4096, 65536}) {
                compare(columns, random, range);
            }
        }
        // Enough for C2 to compile both.
        for (int round = 0; round < 2000; round++) {
            compare(300 + random.nextInt(40), random, 256);
        }
    }

    private static void compare(int columns, Random random, int range) {
        SamplePlane plane = new SamplePlane(columns + 9, 3);
        short[] d = plane.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (short) (random.nextBoolean() ? random.nextInt(range) : (random.nextBoolean() ? range - 1 : 0));
        }
        Upsampler scalar = new Upsampler.FancyH2V1(plane, 3, columns);
        Upsampler vector = new VectorFancyH2V1(plane, 3, columns);
        for (int width = 2 * columns - 1; width <= 2 * columns; width++) {
            for (int y = 0; y < 3; y++) {
                short[] expected = new short[width + 20];
                short[] actual = new short[width + 20];
                Arrays.fill(expected, (short) 0x5A5A);
                Arrays.fill(actual, (short) 0x5A5A);
                scalar.row(y, expected, width);
                vector.row(y, actual, width);
                assertArrayEquals(expected, actual, "columns " + columns + " width " + width + " range " + range);
            }
        }
    }
}
