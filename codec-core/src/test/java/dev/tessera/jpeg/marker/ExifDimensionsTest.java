package dev.tessera.jpeg.marker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** ExifDimensions: the EXIF image size rewritten in place, damaged blocks left alone. */
public class ExifDimensionsTest {
    /**
     * Big-endian TIFF: IFD0 {0x8769 -> 26}; Exif IFD at 26 {0xA002 LONG width at byte 36, 0xA003 SHORT height
     * at byte 48}.
     */
    public static byte[] tiff(int width, int height) {
        return new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1, (byte) 0x87, 0x69, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0,
            0, 2, (byte) 0xA0, 0x02, 0, 4, 0, 0, 0, 1, 0, 0, (byte) (width >> 8), (byte) width,
            (byte) 0xA0, 0x03, 0, 3, 0, 0, 0, 1, (byte) (height >> 8), (byte) height, 0, 0, 0, 0, 0, 0};
    }

    @Test
    void rewritesBothTagsInTheirOwnType() {
        byte[] out = ExifDimensions.withSize(tiff(4000, 3000), 2992, 4000);
        assertArrayEquals(tiff(2992, 4000), out);
        byte[] in = tiff(640, 480);
        ExifDimensions.withSize(in, 1, 1);
        assertArrayEquals(tiff(640, 480), in, "the input is not changed");
    }

    @Test
    void damagedBlocksComeBackUnchanged() {
        byte[] good = tiff(640, 480);
        for (int n = 0; n < good.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(good, n);
            assertEquals(n, ExifDimensions.withSize(cut, 10, 10).length);
        }
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = good.clone();
            junk[random.nextInt(junk.length)] = (byte) random.nextInt(256);
            junk[random.nextInt(junk.length)] = (byte) random.nextInt(256);
            ExifDimensions.withSize(junk, 10, 10);
        }
        byte[] noise = new byte[40];
        random.nextBytes(noise);
        assertArrayEquals(noise, ExifDimensions.withSize(noise, 10, 10));
    }
}
