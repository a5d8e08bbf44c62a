package dev.tessera.jpeg.raster;

import dev.tessera.jpeg.model.Transform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.WritableRaster;
import java.lang.reflect.Array;

/**
 * Rotates and mirrors decoded images pixel by pixel (for EXIF auto-orientation): any {@link BufferedImage}
 * whose raster hands out primitive arrays through {@code getDataElements}, which every standard and
 * decoder-made type does (byte and 16-bit gray, BGR, 4-band CMYK, 16-bit colour).
 */
public final class ImageTransforms {
    private ImageTransforms() {
    }

    /** A new image holding {@code src} transformed by {@code t}, of the same colour model; {@code src} for NONE. */
    public static BufferedImage apply(BufferedImage src, Transform t) {
        if (t == Transform.NONE) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int outW = t.transposes() ? h : w;
        int outH = t.transposes() ? w : h;
        WritableRaster in = src.getRaster();
        WritableRaster out = in.createCompatibleWritableRaster(outW, outH);
        int n = in.getNumDataElements();
        Object from = in.getDataElements(in.getMinX(), in.getMinY(), w, h, null);
        Object to = Array.newInstance(from.getClass().getComponentType(), Array.getLength(from));
        // The map is affine: pixel (x, y) lands at index base + x * dx + y * dy of the output.
        int base = index(t.map(0, 0, w, h), outW);
        int dx = index(t.map(1, 0, w, h), outW) - base;
        int dy = index(t.map(0, 1, w, h), outW) - base;
        if (from instanceof byte[] b) {
            copy(b, (byte[]) to, w, h, n, base, dx, dy);
        } else if (from instanceof short[] s) {
            copy(s, (short[]) to, w, h, n, base, dx, dy);
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    System.arraycopy(from, (y * w + x) * n, to, (base + x * dx + y * dy) * n, n);
                }
            }
        }
        out.setDataElements(0, 0, outW, outH, to);
        ColorModel cm = src.getColorModel();
        return new BufferedImage(cm, out, cm.isAlphaPremultiplied(), null);
    }

    private static int index(int[] p, int outW) {
        return p[1] * outW + p[0];
    }

    private static void copy(byte[] from, byte[] to, int w, int h, int n, int base, int dx, int dy) {
        int i = 0;
        for (int y = 0; y < h; y++) {
            int o = base + y * dy;
            for (int x = 0; x < w; x++, o += dx) {
                for (int k = 0; k < n; k++) {
                    to[o * n + k] = from[i++];
                }
            }
        }
    }

    private static void copy(short[] from, short[] to, int w, int h, int n, int base, int dx, int dy) {
        int i = 0;
        for (int y = 0; y < h; y++) {
            int o = base + y * dy;
            for (int x = 0; x < w; x++, o += dx) {
                for (int k = 0; k < n; k++) {
                    to[o * n + k] = from[i++];
                }
            }
        }
    }
}
