package dev.tessera.jpeg.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.simd.VectorSupportTest;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Vector API grey converter writes exactly the scalar bytes, and nothing outside its row. Fails (not skips)
 * in the build's run with {@code jdk.incubator.vector} if the vector path was not chosen.
 */
class VectorGrayTest {
    @Test
    void grayIsTheVectorConverterWhenEnabled() {
        VectorSupportTest.requireVector();
        assertEquals(VectorGray.class, ColorDeconverter.gray().getClass(), VectorSupport.status());
        assertEquals(1, ColorDeconverter.gray().channels());
    }

    @Test
    void everyWidthAndSampleGivesTheScalarBytes() {
        VectorSupportTest.requireVector();
        Random r = new Random(5);
        for (int width = 1; width <= 70; width++) {
            compare(width, x -> r.nextInt(256), "random");
            compare(width, x -> 255, "255");
            compare(width, x -> 0, "0");
            // Beyond 0..255 (no 8-bit decode makes them): the low 8 bits, as the scalar cast keeps.
            compare(width, x -> r.nextInt(65536) - 32768, "any 16-bit value");
        }
        // Enough for C2 to compile both converters.
        for (int round = 0; round < 3000; round++) {
            compare(500 + r.nextInt(40), x -> r.nextInt(256), "round " + round);
        }
    }

    /** The row at start 3 of a longer array; output at an odd offset with untouched bytes around it. */
    private static void compare(int width, IntUnaryOperator sample, String what) {
        short[][] rows = new short[1][width + 9];
        for (int i = 0; i < rows[0].length; i++) {
            rows[0][i] = (short) sample.applyAsInt(i);
        }
        int[] starts = {3};
        int offset = 7;
        byte[] expected = new byte[offset + width + 40];
        byte[] actual = new byte[expected.length];
        Arrays.fill(expected, (byte) 0x5A);
        Arrays.fill(actual, (byte) 0x5A);
        ColorDeconverter.gray(false).convert(rows, starts, width, expected, offset);
        ColorDeconverter.gray(true).convert(rows, starts, width, actual, offset);
        assertArrayEquals(expected, actual, what + " width " + width);
    }
}
