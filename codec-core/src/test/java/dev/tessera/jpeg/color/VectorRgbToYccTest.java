package dev.tessera.jpeg.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.simd.VectorSupportTest;
import org.junit.jupiter.api.Test;

/**
 * The planar RGB to YCbCr converters give the interleaved converter's samples for every one of the 2^24 colours:
 * the scalar planar form always, the Vector API one (rows of 256 pixels, and of 259 for a scalar tail) when the
 * module is there. Fails (not skips) in the build's run with {@code jdk.incubator.vector} if the vector path
 * was not chosen.
 */
class VectorRgbToYccTest {
    @Test
    void scalarPlanarEqualsInterleavedForEveryColour() {
        everyColour(ColorConverter.planar(false), 256);
    }

    @Test
    void vectorEqualsInterleavedForEveryColour() {
        VectorSupportTest.requireVector();
        ColorConverter.PlanarRgbToYcc vector = ColorConverter.planar(true);
        assertEquals(VectorRgbToYcc.class, vector.getClass(), VectorSupport.status());
        everyColour(vector, 256);
        everyColour(vector, 259);
    }

    /** Rows of {@code width} pixels: blue runs along the row (wrapping), red and green per row. */
    private static void everyColour(ColorConverter.PlanarRgbToYcc converter, int width) {
        int[] red = new int[width];
        int[] green = new int[width];
        int[] blue = new int[width];
        byte[] rgb = new byte[3 * width];
        int offset = 3;
        int[][] expected = new int[3][width + offset];
        int[][] actual = new int[3][width + offset];
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                for (int x = 0; x < width; x++) {
                    int b = (x + g) & 255;
                    red[x] = r;
                    green[x] = (g + x / 256) & 255;
                    blue[x] = b;
                    rgb[3 * x] = (byte) red[x];
                    rgb[3 * x + 1] = (byte) green[x];
                    rgb[3 * x + 2] = (byte) b;
                }
                ColorConverter.rgbToYCbCr(rgb, 0, width, expected[0], expected[1], expected[2], offset);
                converter.convert(red, green, blue, width, actual[0], actual[1], actual[2], offset);
                for (int c = 0; c < 3; c++) {
                    assertArrayEquals(expected[c], actual[c], "R " + r + ", G " + g + ", component " + c);
                }
            }
        }
    }
}
