package dev.tessera.jpeg.color;

import static dev.tessera.jpeg.color.ColorConverter.CB_G;
import static dev.tessera.jpeg.color.ColorConverter.CB_R;
import static dev.tessera.jpeg.color.ColorConverter.CHROMA_OFFSET;
import static dev.tessera.jpeg.color.ColorConverter.CHROMA_ROUNDING;
import static dev.tessera.jpeg.color.ColorConverter.CR_B;
import static dev.tessera.jpeg.color.ColorConverter.CR_G;
import static dev.tessera.jpeg.color.ColorConverter.HALF;
import static dev.tessera.jpeg.color.ColorConverter.SHIFT;
import static dev.tessera.jpeg.color.ColorConverter.Y_B;
import static dev.tessera.jpeg.color.ColorConverter.Y_G;
import static dev.tessera.jpeg.color.ColorConverter.Y_R;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * The table-driven scalar converters (planar, interleaved bytes at any stride and band order, packed ints) give
 * the multiply-add samples they replaced for every one of the 2^24 colours.
 */
class ColorConverterTableTest {
    /** The previous multiply-add form, kept as the oracle: Y, Cb and Cr of one colour. */
    private static void oracle(int r, int g, int b, int[][] out, int i) {
        out[0][i] = (Y_R * r + Y_G * g + Y_B * b + HALF) >> SHIFT;
        out[1][i] = (-CB_R * r - CB_G * g + (b << (SHIFT - 1)) + CHROMA_OFFSET + CHROMA_ROUNDING) >> SHIFT;
        out[2][i] = ((r << (SHIFT - 1)) - CR_G * g - CR_B * b + CHROMA_OFFSET + CHROMA_ROUNDING) >> SHIFT;
    }

    @Test
    void everyColourMatchesTheMultiplyAddForm() {
        int[][] expected = new int[3][256];
        int[] red = new int[256];
        int[] green = new int[256];
        int[] blue = new int[256];
        byte[] rgb = new byte[3 * 256];
        byte[] abgr = new byte[5 + 4 * 256];
        int[] packed = new int[3 + 256];
        int[][][] got = new int[4][3][7 + 256];
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                for (int b = 0; b < 256; b++) {
                    oracle(r, g, b, expected, b);
                    red[b] = r;
                    green[b] = g;
                    blue[b] = b;
                    rgb[3 * b] = (byte) r;
                    rgb[3 * b + 1] = (byte) g;
                    rgb[3 * b + 2] = (byte) b;
                    int p = 5 + 4 * b; // 4-byte ABGR after a 5-byte offset
                    abgr[p] = (byte) 0x7F;
                    abgr[p + 1] = (byte) b;
                    abgr[p + 2] = (byte) g;
                    abgr[p + 3] = (byte) r;
                    packed[3 + b] = 0xA5000000 | b << 16 | g << 8 | r; // blue high, red low
                }
                ColorConverter.rgbToYCbCr(red, green, blue, 0, 256, got[0][0], got[0][1], got[0][2], 7);
                ColorConverter.rgbToYCbCr(rgb, 0, 256, got[1][0], got[1][1], got[1][2], 7);
                ColorConverter.interleavedToYCbCr(abgr, 5, 4, 3, 2, 1, 256, got[2][0], got[2][1], got[2][2], 7);
                ColorConverter.packedToYCbCr(packed, 3, 0, 8, 16, 256, got[3][0], got[3][1], got[3][2], 7);
                for (int[][] planes : got) {
                    for (int c = 0; c < 3; c++) {
                        int[] samples = java.util.Arrays.copyOfRange(planes[c], 7, 7 + 256);
                        int red0 = r;
                        int green0 = g;
                        assertArrayEquals(expected[c], samples, () -> "r " + red0 + " g " + green0);
                    }
                }
            }
        }
    }
}
