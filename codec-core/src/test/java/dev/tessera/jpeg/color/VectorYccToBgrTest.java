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
 * The Vector API YCbCr converter writes exactly the scalar bytes, and nothing outside its row. Fails (not skips)
 * in the build's run with {@code jdk.incubator.vector} if the vector path was not chosen.
 */
class VectorYccToBgrTest {
    @Test
    void yccToBgrIsTheVectorConverterWhenEnabled() {
        VectorSupportTest.requireVector();
        assertEquals(VectorYccToBgr.class, ColorDeconverter.yccToBgr().getClass(), VectorSupport.status());
        assertEquals(true, ColorDeconverter.yccToBgr().isYccToBgr());
    }

    @Test
    void everyWidthAndSampleRangeGivesTheScalarBytes() {
        VectorSupportTest.requireVector();
        Random r = new Random(3);
        IntUnaryOperator random = x -> r.nextInt(256);
        IntUnaryOperator extreme = x -> r.nextBoolean() ? 255 : 0;
        for (int width = 1; width <= 70; width++) {
            compare(width, random, random, "random");
            compare(width, x -> 0, x -> 0, "0");
            compare(width, x -> 255, x -> 255, "255");
            compare(width, x -> 0, x -> 255, "Y 0, chroma 255");
            compare(width, x -> 255, x -> 0, "Y 255, chroma 0");
            compare(width, extreme, extreme, "0 or 255");
        }
        // Enough for C2 to compile both converters.
        for (int round = 0; round < 3000; round++) {
            compare(500 + r.nextInt(40), random, random, "round " + round);
        }
    }

    /** Rows at starts 3, 0 and 5 in longer arrays; output at an odd offset with untouched bytes around it. */
    private static void compare(int width, IntUnaryOperator luma, IntUnaryOperator chroma, String what) {
        int[] starts = {3, 0, 5};
        short[][] rows = new short[3][width + 9];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < rows[c].length; i++) {
                rows[c][i] = (short) (c == 0 ? luma : chroma).applyAsInt(i);
            }
        }
        int offset = 7;
        byte[] expected = new byte[offset + 3 * width + 40];
        byte[] actual = new byte[expected.length];
        Arrays.fill(expected, (byte) 0x5A);
        Arrays.fill(actual, (byte) 0x5A);
        ColorDeconverter.yccToBgr(false).convert(rows, starts, width, expected, offset);
        ColorDeconverter.yccToBgr(true).convert(rows, starts, width, actual, offset);
        assertArrayEquals(expected, actual, what + " width " + width);
    }
}
