package dev.tessera.jpeg.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fancy upsamplers against libjpeg's definitions (jdsample.c), one output sample at a time. */
class UpsamplerTest {
    /**
     * h2v1 fancy (libjpeg's h2v1_fancy_upsample): output column x from source column i = x / 2 is
     * (3 s[i] + s[i - 1] + 1) / 4 for even x and (3 s[i] + s[i + 1] + 2) / 4 for odd x, neighbours clamped
     * to the row; for every row width up to the padded plane, including odd ones and the narrowest rows.
     */
    @Test
    void h2v1FancyMatchesTheDefinition() {
        Random random = new Random(16);
        for (int columns = 3; columns <= 40; columns++) {
            int stride = columns + 7; // padding beyond the valid columns, as a plane of whole blocks has
            SamplePlane plane = new SamplePlane(stride, 2);
            short[] s = plane.data();
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) (random.nextBoolean() ? random.nextInt(256) : random.nextInt(4096));
            }
            Upsampler up = Upsampler.choose(plane, 2, columns, 1, 1, 2, 1, true);
            for (int width = 2 * columns - 1; width <= 2 * columns; width++) {
                for (int y = 0; y < 2; y++) {
                    short[] out = new short[width + 3];
                    java.util.Arrays.fill(out, (short) -7);
                    up.row(y, out, width);
                    int base = plane.offset(y);
                    for (int x = 0; x < width; x++) {
                        int i = x >> 1;
                        int near = 3 * s[base + i];
                        int expected = (x & 1) == 0
                            ? (near + s[base + Math.max(i - 1, 0)] + 1) >> 2
                            : (near + s[base + Math.min(i + 1, columns - 1)] + 2) >> 2;
                        assertEquals(expected, out[x], "columns " + columns + " width " + width + " x " + x);
                    }
                    for (int x = width; x < out.length; x++) {
                        assertEquals(-7, out[x], "written past the row at " + x);
                    }
                }
            }
        }
    }
}
