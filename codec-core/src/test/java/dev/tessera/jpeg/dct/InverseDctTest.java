package dev.tessera.jpeg.dct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The integer inverse DCTs against the T.81 A.3.3 formula evaluated in floating point. */
class InverseDctTest {
    private static final int[] UNIT = new int[64];

    static {
        java.util.Arrays.fill(UNIT, 1);
    }

    /** T.81 A.3.3: s(y,x) = 1/4 sum_u sum_v C(u) C(v) S(v,u) cos((2x+1)u pi/16) cos((2y+1)v pi/16), + 128. */
    static double reference(short[] coefficients, int[] quant, double x, double y) {
        double sum = 0;
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double cu = u == 0 ? Math.sqrt(0.5) : 1;
                double cv = v == 0 ? Math.sqrt(0.5) : 1;
                sum += cu * cv * coefficients[v * 8 + u] * quant[v * 8 + u]
                    * Math.cos((2 * x + 1) * u * Math.PI / 16) * Math.cos((2 * y + 1) * v * Math.PI / 16);
            }
        }
        return sum / 4 + 128;
    }

    static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Random blocks like real ones: large low frequencies, small or zero high ones. */
    static short[] randomBlock(Random r) {
        short[] c = new short[64];
        for (int i = 0; i < 64; i++) {
            int u = i % 8;
            int v = i / 8;
            int range = Math.max(1, 600 / (1 + u + v) / (1 + u + v));
            c[i] = (short) (r.nextInt(3) == 0 ? 0 : r.nextInt(2 * range + 1) - range);
        }
        c[0] = (short) (r.nextInt(1600) - 800);
        return c;
    }

    @Test
    void islowIsWithinOneOfTheFormula() {
        Random r = new Random(1);
        InverseDct idct = new InverseDct();
        short[] out = new short[64];
        int worst = 0;
        for (int n = 0; n < 2000; n++) {
            short[] c = randomBlock(r);
            idct.transform(c, 0, UNIT, out, 0, 8);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    int d = Math.abs(out[y * 8 + x] - clamp(reference(c, UNIT, x, y)));
                    worst = Math.max(worst, d);
                }
            }
        }
        assertTrue(worst <= 1, "largest difference from the A.3.3 formula: " + worst);
    }

    @Test
    void dcOnlyBlockIsFlat() {
        short[] c = new short[64];
        c[0] = 80;
        short[] out = new short[64];
        new InverseDct().transform(c, 0, UNIT, out, 0, 8);
        for (short s : out) {
            assertEquals(138, s); // 80 / 8 + 128
        }
    }

    @Test
    void rangeLimitClampsAndWrapsLikeLibjpeg() {
        assertEquals(128, InverseDct.RANGE_LIMIT[0]);
        assertEquals(255, InverseDct.RANGE_LIMIT[127]);
        assertEquals(255, InverseDct.RANGE_LIMIT[300]);
        assertEquals(0, InverseDct.RANGE_LIMIT[700]);
        assertEquals(0, InverseDct.RANGE_LIMIT[1024 - 128]);
        assertEquals(127, InverseDct.RANGE_LIMIT[1023]);
    }

    @Test
    void scaledOutputsApproximateTheFormulaAtPixelCentres() {
        Random r = new Random(2);
        for (int size : new int[] {4, 2, 1}) {
            IdctKernel k = InverseDct.forSize(size);
            short[] out = new short[size * size];
            int worst = 0;
            for (int n = 0; n < 500; n++) {
                short[] c = randomBlock(r);
                k.transform(c, 0, UNIT, out, 0, size);
                int step = 8 / size;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        // A reduced IDCT samples the block at the centre of each step x step cell, i.e. the
                        // 8x8 formula at ((x + 0.5) * step - 0.5); its coefficients are those of the low band.
                        short[] low = new short[64];
                        for (int v = 0; v < size; v++) {
                            for (int u = 0; u < size; u++) {
                                low[v * 8 + u] = c[v * 8 + u];
                            }
                        }
                        double ref = reference(size == 1 ? low : c, UNIT, (x + 0.5) * step - 0.5,
                            (y + 0.5) * step - 0.5);
                        worst = Math.max(worst, Math.abs(out[y * size + x] - clamp(ref)));
                    }
                }
            }
            assertTrue(worst <= (size == 1 ? 1 : 40), "size " + size + ": largest difference " + worst);
        }
    }

    @Test
    void oneByOneIsTheRoundedDcTerm() {
        short[] c = new short[64];
        c[0] = -100;
        c[1] = 50; // ignored at 1/8 scale
        short[] out = new short[1];
        InverseDct.forSize(1).transform(c, 0, UNIT, out, 0, 1);
        assertEquals(128 - 12, out[0]); // round(-100 / 8) = -12 (libjpeg rounds half up: (-100 + 4) >> 3)
    }

    @Test
    void quantValuesAboveShortRangeActNegativeAsInLibjpeg() {
        int[] m = InverseDct.multipliers(new int[64]);
        assertEquals(0, m[0]);
        int[] q = new int[64];
        q[0] = 65535;
        assertEquals(-1, InverseDct.multipliers(q)[0]);
    }
}
