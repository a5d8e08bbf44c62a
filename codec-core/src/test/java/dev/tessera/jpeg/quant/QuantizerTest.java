package dev.tessera.jpeg.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.spec.ZigZag;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuantizerTest {
    /** Round half away from zero of x / d, by plain division. */
    private static int divide(int x, int d) {
        int q = (Math.abs(x) + d / 2) / d;
        return x < 0 ? -q : q;
    }

    @Test
    void reciprocalDivisionEqualsRoundedDivisionOverTheWholeRange() {
        for (int q : new int[] {1, 2, 3, 7, 16, 99, 121, 255, 256, 1000, 32767, 65535}) {
            int[] values = new int[64];
            Arrays.fill(values, q);
            Quantizer quantizer = new Quantizer(QuantTable.ofNatural(values));
            int[] in = new int[64];
            short[] out = new short[64];
            // FDCT outputs of 8-bit samples lie in -8192..8192.
            for (int x = -8192; x <= 8192; x += 64) {
                for (int i = 0; i < 64; i++) {
                    in[i] = x + i;
                }
                quantizer.quantize(in, 0, out, 0);
                for (int k = 0; k < 64; k++) {
                    int natural = ZigZag.toNatural(k);
                    assertEquals(divide(in[natural], 8 * q), out[k], "x=" + in[natural] + " q=" + q);
                }
            }
        }
    }

    @Test
    void outputsZigZagOrder() {
        int[] table = new int[64];
        for (int i = 0; i < 64; i++) {
            table[i] = i + 1;
        }
        Quantizer quantizer = new Quantizer(QuantTable.ofNatural(table));
        int[] in = new int[64];
        for (int n = 0; n < 64; n++) {
            in[n] = 8 * (n + 1) * (n + 1); // quantizes to n + 1
        }
        short[] out = new short[64];
        quantizer.quantize(in, 0, out, 0);
        for (int k = 0; k < 64; k++) {
            assertEquals(ZigZag.toNatural(k) + 1, out[k]);
        }
    }
}
