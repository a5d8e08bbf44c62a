package dev.tessera.jpeg.color;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorConverterTest {
    /** 16-bit coefficients are each within 2^-17 of T.871's: three channels of 255 add at most 0.006. */
    private static final double COEFFICIENT_ERROR = 3 * 255 / 131072.0;

    @Test
    void matchesT871WithinRoundingOverTheRgbCube() {
        // Every 3rd level of each channel: 86^3 colours.
        int n = 0;
        byte[] rgb = new byte[86 * 86 * 86 * 3];
        for (int r = 0; r < 256; r += 3) {
            for (int g = 0; g < 256; g += 3) {
                for (int b = 0; b < 256; b += 3) {
                    rgb[n++] = (byte) r;
                    rgb[n++] = (byte) g;
                    rgb[n++] = (byte) b;
                }
            }
        }
        int count = n / 3;
        int[] y = new int[count];
        int[] cb = new int[count];
        int[] cr = new int[count];
        ColorConverter.rgbToYCbCr(rgb, 0, count, y, cb, cr, 0);
        for (int i = 0; i < count; i++) {
            int r = rgb[3 * i] & 0xFF;
            int g = rgb[3 * i + 1] & 0xFF;
            int b = rgb[3 * i + 2] & 0xFF;
            // T.871 clause 7.
            double ey = 0.299 * r + 0.587 * g + 0.114 * b;
            double ecb = -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
            double ecr = 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
            assertTrue(Math.abs(y[i] - ey) <= 0.5 + COEFFICIENT_ERROR, "Y of " + r + "," + g + "," + b);
            assertTrue(Math.abs(cb[i] - ecb) <= 0.5 + COEFFICIENT_ERROR, "Cb of " + r + "," + g + "," + b);
            assertTrue(Math.abs(cr[i] - ecr) <= 0.5 + COEFFICIENT_ERROR, "Cr of " + r + "," + g + "," + b);
            assertTrue(y[i] >= 0 && y[i] <= 255 && cb[i] >= 0 && cb[i] <= 255 && cr[i] >= 0 && cr[i] <= 255);
        }
    }

    @Test
    void grayAxisHasNeutralChroma() {
        byte[] rgb = new byte[256 * 3];
        for (int v = 0; v < 256; v++) {
            rgb[3 * v] = rgb[3 * v + 1] = rgb[3 * v + 2] = (byte) v;
        }
        int[] y = new int[256];
        int[] cb = new int[256];
        int[] cr = new int[256];
        ColorConverter.rgbToYCbCr(rgb, 0, 256, y, cb, cr, 0);
        for (int v = 0; v < 256; v++) {
            assertTrue(y[v] == v && cb[v] == 128 && cr[v] == 128, "gray " + v);
        }
    }

    /** {@link ColorConverter#grayToYGrouped} puts each sample of {@link ColorConverter#grayToY} at its grouped place. */
    @Test
    void grayToYGroupedRegroupsTheSamples() {
        java.util.Random random = new java.util.Random(8);
        for (int count : new int[] {1, 8, 63, 64, 65, 130, 192}) {
            byte[] gray = new byte[5 + count];
            random.nextBytes(gray);
            int padded = dev.tessera.jpeg.simd.BlockGroups.roundUpToGroups(count);
            int[] plain = new int[3 + padded];
            int[] grouped = new int[3 + padded];
            ColorConverter.grayToY(gray, 5, count, plain, 3);
            ColorConverter.grayToYGrouped(gray, 5, count, grouped, 3);
            for (int i = 0; i < count; i++) {
                org.junit.jupiter.api.Assertions.assertEquals(plain[3 + i],
                    grouped[3 + dev.tessera.jpeg.simd.BlockGroups.samplePosition(i)], count + ": sample " + i);
            }
        }
    }
}
