package dev.tessera.jpeg.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
