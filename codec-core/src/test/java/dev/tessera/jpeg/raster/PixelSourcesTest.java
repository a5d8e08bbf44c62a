package dev.tessera.jpeg.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.simd.BlockGroups;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PixelSourcesTest {
    @Test
    void divideBy255RoundsToNearestOverItsRange() {
        for (int x = 0; x <= 255 * 255; x++) {
            assertEquals((int) Math.floor(x / 255.0 + 0.5), PixelSources.divideBy255(x), "x=" + x);
        }
    }

    /** Straight alpha: out = (c * a + bg * (255 - a)) / 255, rounded. */
    private static int over(int c, int a, int bg) {
        return (int) Math.floor((c * a + bg * (255.0 - a)) / 255 + 0.5);
    }

    @Test
    void translucentPixelsAreCompositedOverTheBackground() {
        int background = 0x2050F0;
        for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_4BYTE_ABGR_PRE}) {
            BufferedImage img = new BufferedImage(256, 1, type);
            for (int a = 0; a < 256; a++) {
                img.setRGB(a, 0, (a << 24) | 0xC08010); // setRGB takes straight ARGB and premultiplies if needed
            }
            PixelSource source = PixelSources.of(img, background);
            byte[] row = new byte[256 * 3];
            source.readRow(0, row);
            for (int a = 0; a < 256; a++) {
                int[] want = {over(0xC0, a, 0x20), over(0x80, a, 0x50), over(0x10, a, 0xF0)};
                for (int ch = 0; ch < 3; ch++) {
                    int got = row[3 * a + ch] & 0xFF;
                    // Premultiplied storage rounds the colour to c * a / 255 first: one more rounding step.
                    int tolerance = type == BufferedImage.TYPE_INT_ARGB_PRE
                        || type == BufferedImage.TYPE_4BYTE_ABGR_PRE ? 1 : 0;
                    assertTrue(Math.abs(got - want[ch]) <= tolerance,
                        "type " + type + " alpha " + a + " channel " + ch + ": " + got + " vs " + want[ch]);
                }
            }
        }
    }

    /**
     * {@link PixelSource#readRowGrouped} gives each pixel's samples of {@link PixelSource#readRow(int, int[], int[],
     * int[])} at its grouped position, for the sources that override it (packed int, 3-byte and other interleaved
     * byte rasters), those that fall back to the default (alpha, raw) and widths around whole groups.
     */
    @Test
    void groupedRowsHoldThePlainSamplesAtTheirGroupedPositions() {
        java.util.Random random = new java.util.Random(64);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB}) {
            for (int width : new int[] {1, 63, 64, 65, 200, 256}) {
                BufferedImage img = new BufferedImage(width, 3, type);
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < width; x++) {
                        img.setRGB(x, y, 0xFF000000 | random.nextInt(1 << 24));
                    }
                }
                PixelSource source = PixelSources.of(img, 0xFFFFFF);
                int padded = BlockGroups.roundUpToGroups(width);
                for (int y = 0; y < 3; y++) {
                    int[] red = new int[padded];
                    int[] green = new int[padded];
                    int[] blue = new int[padded];
                    source.readRow(y, red, green, blue);
                    int[] gRed = new int[padded];
                    int[] gGreen = new int[padded];
                    int[] gBlue = new int[padded];
                    source.readRowGrouped(y, gRed, gGreen, gBlue);
                    for (int x = 0; x < width; x++) {
                        int at = BlockGroups.samplePosition(x);
                        String where = "type " + type + ", width " + width + ", pixel " + x + ", row " + y;
                        assertEquals(red[x], gRed[at], where + ", red");
                        assertEquals(green[x], gGreen[at], where + ", green");
                        assertEquals(blue[x], gBlue[at], where + ", blue");
                    }
                }
            }
        }
    }

    /** The position swap is its own inverse and a permutation of each group row; regrouping in place applies it. */
    @Test
    void groupPositionsSwapBlockAndColumn() {
        boolean[] seen = new boolean[192];
        for (int x = 0; x < 192; x++) {
            int p = BlockGroups.samplePosition(x);
            assertEquals(x / 64, p / 64, "stays in its group row, " + x);
            assertEquals(x, BlockGroups.samplePosition(p), "its own inverse, " + x);
            assertEquals((x >> 3) & 7, p & 7, "block to the low bits, " + x);
            seen[p] = true;
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
        int[] row = new int[3 + 128];
        for (int i = 0; i < row.length; i++) {
            row[i] = 1000 + i;
        }
        BlockGroups.regroupInPlace(row, 3, 128);
        for (int x = 0; x < 128; x++) {
            assertEquals(1003 + x, row[3 + BlockGroups.samplePosition(x)], "regrouped " + x);
        }
        assertEquals(1000, row[0]);
        assertEquals(0, BlockGroups.blockBase(0, 3, 0));
        assertEquals(512 + 5, BlockGroups.blockBase(0, 3, 13));
        assertEquals((3 + 2) * 512 + 7, BlockGroups.blockBase(1, 3, 23));
    }
}
