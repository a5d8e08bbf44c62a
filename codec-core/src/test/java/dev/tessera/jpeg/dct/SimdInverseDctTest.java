package dev.tessera.jpeg.dct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SIMD-width inverse DCTs equal the C-width ones whenever nothing overflows 16 bits (libjpeg-turbo
 * relies on this), and saturate where the C code wraps.
 */
class SimdInverseDctTest {
    @Test
    void equalsTheCArithmeticOnValidBlocks() {
        Random r = new Random(11);
        int[] q = new int[64];
        for (int size : new int[] {8, 4, 2, 1}) {
            IdctKernel simd = InverseDct.forSize(size, false);
            IdctKernel c = InverseDct.forSize(size, true);
            short[] a = new short[size * size];
            short[] b = new short[size * size];
            for (int n = 0; n < 3000; n++) {
                for (int i = 0; i < 64; i++) {
                    q[i] = 1 + r.nextInt(40);
                }
                short[] block = quantizedBlockOfSamples(r, q);
                if (n % 3 == 0) {
                    java.util.Arrays.fill(block, 8, 64, (short) 0); // DC row only: the shortcut paths
                }
                simd.transform(block, 0, q, a, 0, size);
                c.transform(block, 0, q, b, 0, size);
                assertArrayEquals(b, a, "size " + size + " block " + n);
            }
        }
    }

    /** The 8x8 kernel's sparse variants (rows 4..7 zero, columns 4..7 zero, both) equal the C arithmetic. */
    @Test
    void sparseBlocksEqualTheCArithmetic() {
        Random r = new Random(12);
        int[] q = new int[64];
        IdctKernel simd = InverseDct.forSize(8, false);
        IdctKernel c = InverseDct.forSize(8, true);
        short[] a = new short[64];
        short[] b = new short[64];
        for (int n = 0; n < 3000; n++) {
            for (int i = 0; i < 64; i++) {
                q[i] = 1 + r.nextInt(40);
            }
            short[] block = quantizedBlockOfSamples(r, q);
            int pattern = n % 4; // bit 0: clear rows 4..7; bit 1: clear columns 4..7
            for (int i = 0; i < 64; i++) {
                if (((pattern & 1) != 0 && i >= 32) || ((pattern & 2) != 0 && (i & 7) >= 4)) {
                    block[i] = 0;
                }
            }
            if (n % 7 == 0) {
                block[8 + r.nextInt(24)] = 0; // some columns with no AC terms: the per-column shortcut
                block[1 + 8 * r.nextInt(4)] = 0;
            }
            simd.transform(block, 0, q, a, 0, 8);
            c.transform(block, 0, q, b, 0, 8);
            assertArrayEquals(b, a, "pattern " + pattern + " block " + n);
        }
    }

    /**
     * The 8x8 kernel's mask variant equals its plain transform for the exact mask of non-zero coefficients and
     * for the supersets {@link IdctKernel} allows (random extra bits, all bits), on valid blocks of every
     * sparsity pattern and on corrupt ones whose huge coefficients overflow 16 bits (the saturating and
     * wrapping paths).
     */
    @Test
    void maskVariantEqualsThePlainTransform() {
        Random r = new Random(13);
        int[] q = new int[64];
        IdctKernel simd = InverseDct.forSize(8, false);
        short[] a = new short[64];
        short[] b = new short[64];
        for (int n = 0; n < 6000; n++) {
            for (int i = 0; i < 64; i++) {
                q[i] = n % 5 == 4 ? 1 + r.nextInt(255) : 1 + r.nextInt(40);
            }
            short[] block;
            if (n % 5 == 4) {
                block = new short[64]; // corrupt: a few coefficients anywhere, any 16-bit value
                for (int k = r.nextInt(6); k >= 0; k--) {
                    block[r.nextInt(64)] = (short) r.nextInt(65536);
                }
            } else {
                block = quantizedBlockOfSamples(r, q);
            }
            int pattern = n % 8; // rows 4..7, columns 4..7, rows 1..7 cleared
            for (int i = 0; i < 64; i++) {
                if (((pattern & 1) != 0 && i >= 32) || ((pattern & 2) != 0 && (i & 7) >= 4)
                    || ((pattern & 4) != 0 && i >= 8 && r.nextInt(3) != 0)) {
                    block[i] = 0;
                }
            }
            if (n % 7 == 0) {
                java.util.Arrays.fill(block, 8, 64, (short) 0);
            }
            long exact = 0;
            for (int i = 0; i < 64; i++) {
                if (block[i] != 0) {
                    exact |= 1L << i;
                }
            }
            simd.transform(block, 0, q, b, 0, 8);
            long[] masks;
            if (exact == 0) {
                masks = new long[] {0, r.nextLong(), -1L}; // an all-zero block: any mask
            } else if ((exact & -256L) == 0) {
                masks = new long[] {exact, exact | r.nextInt(256)}; // rows 1..7 zero: extra bits in row 0 only
            } else {
                masks = new long[] {exact, exact | r.nextLong(), exact | (1L << r.nextInt(64)), -1L};
            }
            for (long mask : masks) {
                simd.transform(block, 0, mask, q, a, 0, 8);
                assertArrayEquals(b, a, "block " + n + " mask " + Long.toHexString(mask));
            }
        }
    }

    /**
     * A block as a real 8-bit image gives it: random samples 0..255 (every other block smooth), the forward DCT
     * of T.81 A.3.3 in floating point, quantized by q.
     */
    static short[] quantizedBlockOfSamples(Random r, int[] q) {
        double[] s = new double[64];
        boolean smooth = r.nextBoolean();
        int base = r.nextInt(256);
        for (int i = 0; i < 64; i++) {
            int v = smooth ? base + (i % 8) * 4 - (i / 8) * 3 + r.nextInt(9) - 4 : r.nextInt(256);
            s[i] = Math.max(0, Math.min(255, v)) - 128;
        }
        short[] block = new short[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        sum += s[y * 8 + x] * Math.cos((2 * x + 1) * u * Math.PI / 16)
                            * Math.cos((2 * y + 1) * v * Math.PI / 16);
                    }
                }
                double cu = u == 0 ? Math.sqrt(0.5) : 1;
                double cv = v == 0 ? Math.sqrt(0.5) : 1;
                block[v * 8 + u] = (short) Math.round(cu * cv * sum / 4 / q[v * 8 + u]);
            }
        }
        return block;
    }

    @Test
    void saturatesWhereTheCCodeWraps() {
        short[] block = new short[64];
        block[0] = 2047;
        block[1] = 2047;
        int[] q = new int[64];
        java.util.Arrays.fill(q, 255);
        short[] simd = new short[64];
        short[] c = new short[64];
        InverseDct.forSize(8, false).transform(block, 0, q, simd, 0, 8);
        InverseDct.forSize(8, true).transform(block, 0, q, c, 0, 8);
        // 2047 * 255 overflows 16 bits: pmullw keeps the low half, a negative number, so djpeg's SIMD path
        // gives 0 where the C path (32-bit products, wrap-around range limit) gives something else.
        assertEquals(0, simd[0]);
        org.junit.jupiter.api.Assertions.assertNotEquals(simd[0], c[0]);
    }
}
