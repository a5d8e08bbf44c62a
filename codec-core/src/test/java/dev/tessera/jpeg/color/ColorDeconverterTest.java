package dev.tessera.jpeg.color;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** YCbCr to RGB against T.871 clause 7's formula. */
class ColorDeconverterTest {
    @Test
    void yccToRgbIsWithinOneOfTheFormula() {
        ColorDeconverter c = ColorDeconverter.yccToBgr();
        short[][] rows = new short[3][1];
        byte[] out = new byte[3];
        int worst = 0;
        for (int y = 0; y < 256; y += 5) {
            for (int cb = 0; cb < 256; cb += 3) {
                for (int cr = 0; cr < 256; cr += 3) {
                    rows[0][0] = (short) y;
                    rows[1][0] = (short) cb;
                    rows[2][0] = (short) cr;
                    c.convert(rows, 1, out, 0);
                    // T.871 7: R = Y + 1.402 (Cr - 128), G = Y - 0.344136 (Cb - 128) - 0.714136 (Cr - 128),
                    // B = Y + 1.772 (Cb - 128), each clamped to 0..255.
                    double r = y + 1.402 * (cr - 128);
                    double g = y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128);
                    double b = y + 1.772 * (cb - 128);
                    worst = Math.max(worst, Math.abs((out[2] & 0xFF) - clamp(r)));
                    worst = Math.max(worst, Math.abs((out[1] & 0xFF) - clamp(g)));
                    worst = Math.max(worst, Math.abs((out[0] & 0xFF) - clamp(b)));
                }
            }
        }
        assertTrue(worst <= 1, "largest difference " + worst);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
