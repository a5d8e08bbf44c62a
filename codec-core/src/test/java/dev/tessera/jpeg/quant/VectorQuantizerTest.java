package dev.tessera.jpeg.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.simd.VectorSupport;
import dev.tessera.jpeg.simd.VectorSupportTest;
import dev.tessera.jpeg.spec.ZigZag;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API quantizer gives exactly {@link Quantizer}'s values: its reciprocal formula is checked against
 * the scalar quantizer for every magnitude below its limit and every Q of 1..255 (with and without the vector
 * module), and the kernel itself on every coefficient value in that range for every Q, on random blocks and on
 * blocks past the limit (which it hands to the scalar code).
 */
class VectorQuantizerTest {
    /** Every coefficient x whose magnitude |x| + 4Q stays below the vector limit, in blocks of 64. */
    private static int[] coefficientsFor(int q) {
        int max = VectorQuantizer.LIMIT - 1 - 4 * q;
        int count = 2 * max + 1;
        int[] all = new int[(count + 63) / 64 * 64];
        for (int i = 0; i < all.length; i++) {
            all[i] = Math.min(max, -max + i);
        }
        return all;
    }

    @Test
    void theReciprocalFormulaIsTheScalarQuotientEverywhere() {
        int[] table = new int[64];
        for (int q = 1; q <= 255; q++) {
            Arrays.fill(table, q);
            Quantizer scalar = new Quantizer(QuantTable.ofNatural(table));
            int reciprocal = ((1 << 20) + q - 1) / q;
            int[] block = new int[64];
            short[] out = new short[64];
            for (int n = 4 * q; n < VectorQuantizer.LIMIT; n += 64) {
                for (int i = 0; i < 64; i++) {
                    block[i] = Math.min(VectorQuantizer.LIMIT - 1, n + i) - 4 * q; // |x| + 4Q = n + i
                }
                scalar.quantize(block, 0, out, 0);
                for (int k = 0; k < 64; k++) { // out is in zig-zag order
                    int magnitude = block[ZigZag.toNatural(k)] + 4 * q;
                    int formula = ((magnitude >> 3) * reciprocal) >>> 20;
                    assertEquals(out[k], formula, "Q " + q + ", n " + magnitude);
                }
            }
        }
    }

    @Test
    void everyCoefficientOfEveryEightBitTableGivesTheScalarValue() {
        VectorSupportTest.requireVector();
        int[] table = new int[64];
        for (int q = 1; q <= 255; q++) {
            Arrays.fill(table, q);
            table[0] = 1 + (q * 7) % 255; // a second divisor in the same block, in another lane
            QuantTable t = QuantTable.ofNatural(table);
            BlockQuantizer vector = Quantizer.forEncoder(t, true);
            assertEquals(VectorQuantizer.class, vector.getClass(), VectorSupport.status());
            Quantizer scalar = new Quantizer(t);
            int[] all = coefficientsFor(Math.max(q, table[0]));
            short[] expected = new short[64];
            short[] actual = new short[64];
            for (int at = 0; at < all.length; at += 64) {
                scalar.quantize(all, at, expected, 0);
                vector.quantize(all, at, actual, 0);
                assertArrayEquals(expected, actual, "Q " + q + ", block at " + at);
            }
        }
    }

    @Test
    void randomTablesAndBlocksPastTheLimitGiveTheScalarValues() {
        VectorSupportTest.requireVector();
        Random r = new Random(9);
        int[] table = new int[64];
        int[] block = new int[64 + 5];
        short[] expected = new short[64 + 3];
        short[] actual = new short[64 + 3];
        for (int n = 0; n < 20_000; n++) {
            for (int i = 0; i < 64; i++) {
                table[i] = 1 + r.nextInt(n % 2 == 0 ? 255 : 20);
            }
            QuantTable t = QuantTable.ofNatural(table);
            int range = n % 5 == 0 ? 1 << 16 : n % 5 == 1 ? VectorQuantizer.LIMIT : 2048;
            for (int i = 0; i < block.length; i++) {
                block[i] = r.nextInt(2 * range) - range;
            }
            if (n % 7 == 0) {
                block[5 + r.nextInt(64)] = r.nextBoolean() ? 65535 : -65535;
            }
            new Quantizer(t).quantize(block, 5, expected, 3);
            Quantizer.forEncoder(t, true).quantize(block, 5, actual, 3);
            assertArrayEquals(expected, actual, "block " + n);
        }
    }

    @Test
    void sixteenBitTablesStayScalar() {
        int[] table = new int[64];
        Arrays.fill(table, 16);
        table[9] = 256;
        assertEquals(Quantizer.class, Quantizer.forEncoder(QuantTable.ofNatural(table), true).getClass());
    }
}
