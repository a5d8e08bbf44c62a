package dev.tessera.cli;

import dev.tessera.jpeg.model.DensityUnit;
import dev.tessera.jpeg.model.JfifHeader;

/** Turns the pixel densities of input formats into JFIF APP0 density fields (T.871 10.1). */
final class Densities {
    private static final double INCHES_PER_METRE = 1 / 0.0254;

    private Densities() {
    }

    /**
     * A JFIF header from JFIF's own fields, or {@code null} if they are out of range (unknown units, zero
     * density), in which case the output keeps the default 1:1 aspect ratio.
     */
    static JfifHeader jfif(int units, int x, int y) {
        DensityUnit unit = DensityUnit.of(units);
        if (unit == null || x < 1 || y < 1 || x > 65535 || y > 65535) {
            return null;
        }
        return new JfifHeader(1, 1, unit, x, y);
    }

    /**
     * PNG pHYs (PNG 11.3.5.3): pixels per metre become dots per inch, rounded, as most tools show them; an
     * unknown unit gives the pixel aspect ratio, reduced to fit 16 bits. Returns {@code null} if unusable.
     */
    static JfifHeader fromPng(long perUnitX, long perUnitY, boolean metres) {
        if (perUnitX < 1 || perUnitY < 1) {
            return null;
        }
        if (metres) {
            long x = Math.round(perUnitX / INCHES_PER_METRE);
            long y = Math.round(perUnitY / INCHES_PER_METRE);
            return x >= 1 && y >= 1 && x <= 65535 && y <= 65535 ? JfifHeader.dotsPerInch((int) x, (int) y) : null;
        }
        long gcd = gcd(perUnitX, perUnitY);
        long x = perUnitX / gcd;
        long y = perUnitY / gcd;
        while (x > 65535 || y > 65535) {
            x = Math.max(1, x / 2);
            y = Math.max(1, y / 2);
        }
        return jfif(DensityUnit.ASPECT_RATIO.code(), (int) x, (int) y);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
