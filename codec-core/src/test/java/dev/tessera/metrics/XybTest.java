package dev.tessera.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class XybTest {
    @Test
    void grayAxisHasFixedXAndB() {
        // L = M = S on the gray axis, so X = 0 and B - Y = 0: X' = 0.42, B' = 0.55.
        int[] px = {0x000000, 0x808080, 0xFFFFFF};
        float[][] xyb = Xyb.positiveXyb(LinearRgbImage.fromSrgb(px, 3, 1));
        for (int i = 0; i < 3; i++) {
            assertEquals(0.42, xyb[0][i], 1e-6);
            assertEquals(0.55, xyb[2][i], 1e-6);
        }
        assertEquals(0.01, xyb[1][0], 1e-7); // black: cbrt(bias) - cbrt(bias) = 0
        double bias = 0.0037930732552754493;
        assertEquals(Math.cbrt(1 + bias) - Math.cbrt(bias) + 0.01, xyb[1][2], 1e-6); // white: 0.855309
    }

    @Test
    void everySrgbColourLiesInTheUnitCube() {
        // The ranges SSIMULACRA 2.1 states for sRGB: X' 0.2046..0.8134, Y' 0.01..0.8553, B' 0.2723..0.9380.
        int n = 0;
        int[] px = new int[17 * 17 * 17];
        for (int r = 0; r <= 256; r += 16) {
            for (int g = 0; g <= 256; g += 16) {
                for (int b = 0; b <= 256; b += 16) {
                    px[n++] = Math.min(r, 255) << 16 | Math.min(g, 255) << 8 | Math.min(b, 255);
                }
            }
        }
        float[][] xyb = Xyb.positiveXyb(LinearRgbImage.fromSrgb(px, n, 1));
        double[][] range = {{0.204594, 0.813402}, {0.010000, 0.855308}, {0.272295, 0.938012}};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                assertTrue(xyb[c][i] >= range[c][0] - 1e-5 && xyb[c][i] <= range[c][1] + 1e-5,
                    "channel " + c + " of " + Integer.toHexString(px[i]) + ": " + xyb[c][i]);
            }
        }
    }
}
