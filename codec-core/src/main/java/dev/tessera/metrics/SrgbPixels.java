package dev.tessera.metrics;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;

/**
 * Reads the 8-bit sRGB samples of an image into packed {@code 0xRRGGBB} ints, row by row (index
 * {@code y * width + x}). Alpha is ignored.
 *
 * <p>Images whose colour model has 8-bit sRGB components (TYPE_INT_RGB, TYPE_INT_ARGB, TYPE_3BYTE_BGR,
 * TYPE_4BYTE_ABGR and the like) are read straight from the raster. An 8-bit gray image gives R = G = B = the
 * stored sample, i.e. the sample is taken as sRGB-encoded gray, as a gray PNG or JPEG is; this departs from
 * {@link BufferedImage#getRGB}, which treats TYPE_BYTE_GRAY as linear and brightens it. Every other image goes
 * through {@code getRGB}.
 */
final class SrgbPixels {
    private SrgbPixels() {
    }

    /** The packed sRGB pixels of {@code image}, {@code width * height} of them. */
    static int[] read(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        if (isEightBit(cm) && cm.getColorSpace().isCS_sRGB() && !cm.isAlphaPremultiplied()
            && (cm instanceof ComponentColorModel || cm instanceof DirectColorModel)) {
            // Bands 0, 1, 2 are R, G, B for both models (colour-space order, mask order).
            int bands = raster.getNumBands();
            int[] row = new int[w * bands];
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, row);
                for (int x = 0, i = 0; x < w; x++, i += bands) {
                    out[y * w + x] = row[i] << 16 | row[i + 1] << 8 | row[i + 2];
                }
            }
        } else if (isEightBit(cm) && cm instanceof ComponentColorModel
            && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !cm.hasAlpha()) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = row[x] * 0x010101;
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, out, y * w, w);
            }
            for (int i = 0; i < out.length; i++) {
                out[i] &= 0xFFFFFF;
            }
        }
        return out;
    }

    /** Throws IllegalArgumentException unless both images have the same width and height. */
    static void checkSameSize(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("image sizes differ: " + a.getWidth() + "x" + a.getHeight()
                + " and " + b.getWidth() + "x" + b.getHeight());
        }
    }

    private static boolean isEightBit(ColorModel cm) {
        for (int size : cm.getComponentSize()) {
            if (size != 8) {
                return false;
            }
        }
        return true;
    }
}
