package dev.tessera.jpeg.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.sample.Upsampler;
import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.simd.VectorSupportTest;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Vector API variant of the merged 4:2:0 path writes exactly the scalar bytes, and nothing outside its row.
 * Fails (not skips) in the build's run with {@code jdk.incubator.vector} if the vector path was not chosen; skips
 * in the run without it, where the vector class cannot be linked.
 */
class VectorFancyH2V2YccToBgrTest {
    private static final int SENTINEL = 0x5A;

    @Test
    void chooseReturnsTheVectorVariantWhenEnabled() {
        VectorSupportTest.requireVector();
        SamplePlane p = new SamplePlane(64, 16);
        Upsampler full = Upsampler.choose(p, 16, 64, 2, 2, 2, 2, true);
        Upsampler half = Upsampler.choose(p, 8, 32, 1, 1, 2, 2, true);
        FancyH2V2YccToBgr chosen = FancyH2V2YccToBgr.choose(new Upsampler[] {full, half, half},
            ColorDeconverter.yccToBgr());
        assertEquals(VectorFancyH2V2YccToBgr.class, chosen.getClass(), VectorSupport.status());
    }

    @Test
    void randomPlanesOfEveryWidthGiveTheScalarBytes() {
        VectorSupportTest.requireVector();
        Random r = new Random(20261206);
        int compared = 0;
        for (int width = 1; width <= 70; width++) {
            for (int height : new int[] {1, 2, 3, 4, 7, 16}) {
                compared += compare(width, height, x -> r.nextInt(256), x -> r.nextInt(256), "random");
            }
        }
        assertTrue(compared >= 60 * (1 + 2 + 3 + 4 + 7 + 16), "compared " + compared + " rows");
    }

    /** Enough rows for C2 to compile both variants (the other tests may only run them interpreted or by C1). */
    @Test
    void compiledCodeGivesTheScalarBytes() {
        VectorSupportTest.requireVector();
        Random r = new Random(11);
        for (int round = 0; round < 40; round++) {
            int width = 600 + r.nextInt(80);
            compare(width, 64, x -> r.nextInt(256), x -> r.nextInt(256), "round " + round);
        }
    }

    @Test
    void extremeSamplesGiveTheScalarBytes() {
        VectorSupportTest.requireVector();
        Random r = new Random(7);
        for (int width : new int[] {5, 6, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 70, 127, 128, 641}) {
            for (int height : new int[] {2, 5, 9}) {
                compare(width, height, x -> 0, x -> 0, "0");
                compare(width, height, x -> 255, x -> 255, "255");
                compare(width, height, x -> 0, x -> 255, "Y 0, chroma 255");
                compare(width, height, x -> 255, x -> 0, "Y 255, chroma 0");
                // Clamping both ways in every channel: chroma swinging between the extremes.
                compare(width, height, x -> r.nextBoolean() ? 255 : 0, x -> r.nextBoolean() ? 255 : 0, "0 or 255");
                compare(width, height, x -> r.nextInt(256), x -> r.nextBoolean() ? 255 : 0, "random Y");
            }
        }
    }

    /**
     * Fills Y and the chroma planes (padded rows, as the decoder's whole blocks) and compares every output row of
     * both variants, written at an odd offset in a larger array whose other bytes must stay untouched.
     *
     * @return the rows compared (0 when fancy h2v2 does not apply at this width)
     */
    private static int compare(int width, int height, IntUnaryOperator luma, IntUnaryOperator chroma, String what) {
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        SamplePlane y = plane(width + 7, height, luma);
        SamplePlane cb = plane(cw + 5, ch, chroma);
        SamplePlane cr = plane(cw + 3, ch, chroma);
        Upsampler[] ups = {
            Upsampler.choose(y, height, width, 2, 2, 2, 2, true),
            Upsampler.choose(cb, ch, cw, 1, 1, 2, 2, true),
            Upsampler.choose(cr, ch, cw, 1, 1, 2, 2, true)};
        if (FancyH2V2YccToBgr.choose(ups, ColorDeconverter.yccToBgr()) == null) {
            return 0;
        }
        FancyH2V2YccToBgr scalar = FancyH2V2YccToBgr.create(ups, false);
        FancyH2V2YccToBgr vector = FancyH2V2YccToBgr.create(ups, true);
        assertEquals(FancyH2V2YccToBgr.class, scalar.getClass());
        assertEquals(VectorFancyH2V2YccToBgr.class, vector.getClass());
        int offset = 13;
        for (int row = 0; row < height; row++) {
            byte[] expected = new byte[offset + 3 * width + 40];
            byte[] actual = new byte[expected.length];
            java.util.Arrays.fill(expected, (byte) SENTINEL);
            java.util.Arrays.fill(actual, (byte) SENTINEL);
            scalar.row(row, width, expected, offset);
            vector.row(row, width, actual, offset);
            assertArrayEquals(expected, actual, what + " " + width + "x" + height + " row " + row);
        }
        return height;
    }

    private static SamplePlane plane(int stride, int rows, IntUnaryOperator sample) {
        SamplePlane p = new SamplePlane(stride, rows);
        short[] data = p.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (short) sample.applyAsInt(i);
        }
        return p;
    }
}
