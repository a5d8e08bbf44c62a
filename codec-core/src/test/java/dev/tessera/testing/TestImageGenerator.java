package dev.tessera.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Makes the images in {@code testimages/}: synthetic pictures that stress one thing each. Everything is
 * computed with {@link StrictMath} and seeded {@link Random}, so every JDK makes the same pixels.
 */
public final class TestImageGenerator {
    private TestImageGenerator() {
    }

    /** Name (file name without .png) to generator, in a fixed order. */
    public static Map<String, Supplier<BufferedImage>> all() {
        Map<String, Supplier<BufferedImage>> m = new LinkedHashMap<>();
        m.put("gradient", TestImageGenerator::gradient);
        m.put("colorbars", TestImageGenerator::colorBars);
        m.put("text-edges", TestImageGenerator::textAndEdges);
        m.put("noise", TestImageGenerator::noise);
        m.put("landscape", TestImageGenerator::landscape);
        return m;
    }

    /** Writes every image as PNG into {@code dir}. */
    public static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, Supplier<BufferedImage>> e : all().entrySet()) {
            ImageIO.write(e.getValue().get(), "png", dir.resolve(e.getKey() + ".png").toFile());
        }
    }

    private static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        long r = StrictMath.round(v);
        return (int) Math.max(0, Math.min(255, r));
    }

    /** 256x256 smooth colour ramps: banding and DC precision. */
    public static BufferedImage gradient() {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                double r = x;
                double g = y;
                double b = 128 + 127 * StrictMath.sin((x + y) * StrictMath.PI / 256);
                img.setRGB(x, y, rgb(r, g, b));
            }
        }
        return img;
    }

    /** 320x240 saturated colour bars with a gray ramp below: chroma subsampling stress. */
    public static BufferedImage colorBars() {
        int[] bars = {0xC0C0C0, 0xC0C000, 0x00C0C0, 0x00C000, 0xC000C0, 0xC00000, 0x0000C0, 0x101010};
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                int v;
                if (y < 160) {
                    v = bars[x * bars.length / 320];
                } else if (y < 200) {
                    int level = x * 256 / 320;
                    v = (level << 16) | (level << 8) | level;
                } else {
                    v = ((x / 8 + y / 8) & 1) == 0 ? 0xFF0000 : 0x0000FF;
                }
                img.setRGB(x, y, v);
            }
        }
        return img;
    }

    /**
     * 320x200 black strokes on white: glyph-like bars of 1 to 4 pixels, diagonals, a fine checkerboard and
     * concentric rings: ringing around edges.
     */
    public static BufferedImage textAndEdges() {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(20261123L);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 320; x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        // Rows of "words": random glyph boxes built from vertical and horizontal strokes.
        for (int line = 0; line < 6; line++) {
            int top = 8 + line * 16;
            int x = 6;
            while (x < 300) {
                int glyph = 5 + random.nextInt(4);
                int stroke = 1 + line % 3;
                for (int gy = 0; gy < 10; gy++) {
                    for (int gx = 0; gx < glyph; gx++) {
                        boolean on = gx < stroke || (gy < stroke && random.nextInt(3) == 0)
                            || (gy >= 10 - stroke && gx < glyph - 1) || (gx == glyph / 2 && gy % 3 == 0);
                        if (on) {
                            img.setRGB(x + gx, top + gy, 0x000000);
                        }
                    }
                }
                x += glyph + 2 + (random.nextInt(6) == 0 ? 6 : 0);
            }
        }
        // Diagonal lines at several slopes.
        for (int i = 0; i < 96; i++) {
            for (int k = 1; k <= 4; k++) {
                int xx = 10 + i;
                int yy = 104 + i * k / 4;
                if (yy < 200) {
                    img.setRGB(xx + k * 20, yy, 0x000000);
                }
            }
        }
        // One-pixel checkerboard and rings.
        for (int y = 104; y < 200; y++) {
            for (int x = 130; x < 200; x++) {
                if (((x + y) & 1) == 0) {
                    img.setRGB(x, y, 0x000000);
                }
            }
            for (int x = 210; x < 316; x++) {
                double d = StrictMath.sqrt((x - 263.0) * (x - 263.0) + (y - 152.0) * (y - 152.0));
                if (((int) d / 3 & 1) == 0) {
                    img.setRGB(x, y, 0x202020);
                }
            }
        }
        return img;
    }

    /** 256x256 uniform RGB noise: the incompressible worst case. */
    public static BufferedImage noise() {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42L);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                img.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return img;
    }

    /**
     * 640x427 synthetic landscape: graded sky with a sun, fractal mountain ridges, textured ground and a lake
     * reflecting the sky: photo-like statistics without a photo.
     */
    public static BufferedImage landscape() {
        int w = 640;
        int h = 427;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ValueNoise noise = new ValueNoise(7L);
        int horizon = 250;
        int[] ridgeFar = new int[w];
        int[] ridgeNear = new int[w];
        for (int x = 0; x < w; x++) {
            ridgeFar[x] = (int) (150 + 40 * noise.fractal(x / 90.0, 0.5, 5));
            ridgeNear[x] = (int) (200 + 35 * noise.fractal(x / 60.0, 3.5, 5));
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r;
                double g;
                double b;
                int sy = y < horizon ? y : 2 * horizon - y; // reflection in the lake
                double t = sy / (double) horizon;
                // Sky: deep blue to pale near the horizon, with a sun and soft clouds.
                r = 70 + 150 * t;
                g = 110 + 120 * t;
                b = 200 + 50 * t;
                double cloud = noise.fractal(x / 120.0, sy / 40.0, 4);
                if (cloud > 0.15) {
                    double c = StrictMath.min(1, (cloud - 0.15) * 3);
                    r += (245 - r) * c;
                    g += (245 - g) * c;
                    b += (250 - b) * c;
                }
                double sun = StrictMath.hypot(x - 470.0, sy - 80.0);
                if (sun < 28) {
                    r = 255;
                    g = 240;
                    b = 190;
                } else if (sun < 60) {
                    double glow = (60 - sun) / 32;
                    r += (255 - r) * glow * 0.6;
                    g += (230 - g) * glow * 0.5;
                }
                if (sy >= ridgeFar[x]) {
                    double shade = noise.fractal(x / 25.0, sy / 25.0, 4);
                    r = 95 + 30 * shade;
                    g = 105 + 30 * shade;
                    b = 135 + 25 * shade;
                }
                if (sy >= ridgeNear[x]) {
                    double shade = noise.fractal(x / 12.0, sy / 12.0, 5);
                    r = 60 + 40 * shade;
                    g = 95 + 45 * shade;
                    b = 50 + 25 * shade;
                }
                if (y >= horizon) {
                    // Water: darker, bluer, with horizontal ripples; the shore below.
                    double ripple = StrictMath.sin(y * 0.9 + 3 * noise.fractal(x / 30.0, y / 6.0, 3));
                    r = r * 0.6 + 10 * ripple;
                    g = g * 0.65 + 10 * ripple;
                    b = b * 0.75 + 25 + 12 * ripple;
                    if (y > 340 + 20 * noise.fractal(x / 80.0, 9.0, 3)) {
                        double grass = noise.fractal(x / 3.0, y / 3.0, 3);
                        r = 70 + 50 * grass + (y - 340) * 0.3;
                        g = 110 + 60 * grass;
                        b = 40 + 20 * grass;
                    }
                }
                img.setRGB(x, y, rgb(r, g, b));
            }
        }
        return img;
    }

    /** Smooth 2-D value noise in about [-1, 1] from a seeded lattice. */
    private static final class ValueNoise {
        private static final int SIZE = 256;
        private final double[] lattice = new double[SIZE * SIZE];

        ValueNoise(long seed) {
            Random random = new Random(seed);
            for (int i = 0; i < lattice.length; i++) {
                lattice[i] = random.nextDouble() * 2 - 1;
            }
        }

        private double at(int x, int y) {
            return lattice[(y & (SIZE - 1)) * SIZE + (x & (SIZE - 1))];
        }

        double sample(double x, double y) {
            int x0 = (int) StrictMath.floor(x);
            int y0 = (int) StrictMath.floor(y);
            double fx = x - x0;
            double fy = y - y0;
            double sx = fx * fx * (3 - 2 * fx);
            double sy = fy * fy * (3 - 2 * fy);
            double top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * sx;
            double bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * sx;
            return top + (bottom - top) * sy;
        }

        double fractal(double x, double y, int octaves) {
            double sum = 0;
            double amplitude = 0.6;
            double frequency = 1;
            for (int i = 0; i < octaves; i++) {
                sum += amplitude * sample(x * frequency, y * frequency);
                amplitude *= 0.5;
                frequency *= 2.03;
            }
            return sum;
        }
    }
}
