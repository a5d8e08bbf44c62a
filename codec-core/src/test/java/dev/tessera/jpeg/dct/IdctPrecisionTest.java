package dev.tessera.jpeg.dct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 12-bit inverse DCTs (PASS1_BITS 1, level shift 2048, range 0..4095) against the T.81 A.3.3 formula. */
class IdctPrecisionTest {
    private static final int[] UNIT = new int[64];

    static {
        java.util.Arrays.fill(UNIT, 1);
    }

    /** Blocks with 12-bit magnitudes: 16 times the 8-bit test's ranges. */
    private static short[] randomBlock(Random r) {
        short[] c = new short[64];
        for (int i = 0; i < 64; i++) {
            int u = i % 8;
            int v = i / 8;
            int range = Math.max(1, 9600 / (1 + u + v) / (1 + u + v));
            c[i] = (short) (r.nextInt(3) == 0 ? 0 : r.nextInt(2 * range + 1) - range);
        }
        c[0] = (short) (r.nextInt(25600) - 12800);
        return c;
    }

    private static int reference12(short[] c, double x, double y) {
        double v = (InverseDctTest.reference(c, UNIT, x, y) - 128) + 2048;
        return (int) Math.max(0, Math.min(4095, Math.round(v)));
    }

    @Test
    void twelveBitIslowIsWithinOneOfTheFormula() {
        Random r = new Random(12);
        IdctKernel idct = InverseDct.forSize(8, IdctPrecision.TWELVE);
        short[] out = new short[64];
        int worst = 0;
        for (int n = 0; n < 2000; n++) {
            short[] c = randomBlock(r);
            idct.transform(c, 0, UNIT, out, 0, 8);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    worst = Math.max(worst, Math.abs(out[y * 8 + x] - reference12(c, x, y)));
                }
            }
        }
        assertTrue(worst <= 1, "largest difference from the A.3.3 formula: " + worst);
    }

    @Test
    void twelveBitScaledKernelsApproximateTheFormula() {
        Random r = new Random(13);
        for (int size : new int[] {4, 2, 1}) {
            IdctKernel k = InverseDct.forSize(size, IdctPrecision.TWELVE);
            short[] out = new short[size * size];
            int step = 8 / size;
            int worst = 0;
            for (int n = 0; n < 500; n++) {
                short[] c = randomBlock(r);
                k.transform(c, 0, UNIT, out, 0, size);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        // The N-point output sample sits at the centre of a step x step square of the 8x8 block.
                        double cx = x * step + (step - 1) / 2.0;
                        double cy = y * step + (step - 1) / 2.0;
                        worst = Math.max(worst, Math.abs(out[y * size + x] - reference12(c, cx, cy)));
                    }
                }
            }
            // A reduced IDCT drops the high frequencies, so it only approximates the full formula.
            assertTrue(worst < 16 * 40, "size " + size + ": worst " + worst);
        }
    }

    @Test
    void twelveBitRangeLimitClampsAndWrapsLikeLibjpeg() {
        IdctPrecision p = IdctPrecision.TWELVE;
        assertEquals(16383, p.rangeMask);
        assertEquals(2048, p.limit(0));
        assertEquals(4095, p.limit(2047));
        assertEquals(4095, p.limit(8191));
        assertEquals(0, p.limit(8192));
        assertEquals(0, p.limit(-2048));
        assertEquals(2047, p.limit(-1));
        assertEquals(0, p.limit(16384 - 2048));
    }

    @Test
    void twelveBitMultipliersAreNotTruncatedTo16Bits() {
        int[] q = new int[64];
        q[0] = 40000;
        assertEquals(40000, InverseDct.multipliers(q, IdctPrecision.TWELVE)[0]);
        assertEquals((short) 40000, InverseDct.multipliers(q, IdctPrecision.EIGHT)[0]);
    }
}
