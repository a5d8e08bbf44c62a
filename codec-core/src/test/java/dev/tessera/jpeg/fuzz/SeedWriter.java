package dev.tessera.jpeg.fuzz;

import java.io.ByteArrayOutputStream;

/**
 * Writes small lossless (SOF3, T.81 Annex H) and 12-bit DCT (SOF1, P = 12) files for the fuzz seed corpus,
 * which Tessera's encoder does not produce. Minimal on purpose: one Huffman table pair, every symbol coded in
 * five bits, interleaved components sampled 1x1. Test code only.
 */
final class SeedWriter {
    /** DC/difference categories 0..16 (T.81 Table H.2 goes to 16), each a five-bit code (32 codes, none all ones). */
    private static final int CATEGORIES = 17;
    /** AC symbols used: EOB (0x00) and run 0 with sizes 1..14 (T.81 F.1.2.2.1 for 12-bit data). */
    private static final int AC_SYMBOLS = 15;

    private SeedWriter() {
    }

    /**
     * A lossless file: {@code samples[c][y * width + x]} of {@code precision} bits, predictor 1..7
     * (T.81 Table H.1), point transform 0.
     */
    static byte[] lossless(int width, int height, int precision, int predictor, int[][] samples) {
        int components = samples.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, 0xD8);
        frame(out, 0xC3, precision, width, height, components);
        dht(out, 0x00, CATEGORIES);
        scan(out, components, predictor, 0);
        Bits bits = new Bits(out);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < components; c++) {
                    int[] s = samples[c];
                    int prediction = predict(s, width, x, y, precision, predictor);
                    // T.81 H.1.2.1: the difference modulo 2^16, coded like a DC difference.
                    int difference = (short) (s[y * width + x] - prediction);
                    codeDifference(bits, difference == -32768 ? 32768 : difference);
                }
            }
        }
        bits.flush();
        marker(out, 0xD9);
        return out.toByteArray();
    }

    /** T.81 H.1.2.1: Px from Ra (left), Rb (above), Rc (above left); the first row and column use Ra or Rb. */
    private static int predict(int[] s, int width, int x, int y, int precision, int predictor) {
        if (x == 0 && y == 0) {
            return 1 << (precision - 1);
        }
        if (y == 0) {
            return s[x - 1];
        }
        if (x == 0) {
            return s[(y - 1) * width];
        }
        int a = s[y * width + x - 1];
        int b = s[(y - 1) * width + x];
        int c = s[(y - 1) * width + x - 1];
        return switch (predictor) {
            case 1 -> a;
            case 2 -> b;
            case 3 -> c;
            case 4 -> a + b - c;
            case 5 -> a + ((b - c) >> 1);
            case 6 -> b + ((a - c) >> 1);
            default -> (a + b) >> 1;
        };
    }

    /**
     * A 12-bit extended sequential file (SOF1): each 8x8 block of {@code samples[c]} (0..4095, dimensions
     * multiples of 8) coded with its mean as DC and the first horizontal AC term, quantizer 2 throughout.
     */
    static byte[] twelveBit(int width, int height, int[][] samples) {
        int components = samples.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, 0xD8);
        // DQT: one 8-bit table, every entry 2 (T.81 B.2.4.1).
        marker(out, 0xDB);
        out.write(0);
        out.write(67);
        out.write(0);
        for (int i = 0; i < 64; i++) {
            out.write(2);
        }
        frame(out, 0xC1, 12, width, height, components);
        dht(out, 0x00, CATEGORIES - 1); // DCT DC categories stop at 15 (T.81 F.1.2.1.1)
        dht(out, 0x10, AC_SYMBOLS);
        scan(out, components, 0, 63);
        Bits bits = new Bits(out);
        int[] previousDc = new int[components];
        for (int by = 0; by < height / 8; by++) {
            for (int bx = 0; bx < width / 8; bx++) {
                for (int c = 0; c < components; c++) {
                    long sum = 0;
                    long left = 0;
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            int v = samples[c][(by * 8 + y) * width + bx * 8 + x] - 2048; // level shift, A.3.1
                            sum += v;
                            left += x < 4 ? v : -v;
                        }
                    }
                    int dc = (int) Math.round(sum / 8.0 / 2); // F(0,0) = sum / 8, quantizer 2
                    int ac = (int) Math.max(-8000, Math.min(8000, Math.round(left / 16.0)));
                    codeDifference(bits, dc - previousDc[c]);
                    previousDc[c] = dc;
                    if (ac != 0) {
                        int size = 32 - Integer.numberOfLeadingZeros(Math.abs(ac));
                        bits.write(size, 5); // symbol (run 0, size): code index = size
                        bits.write(ac < 0 ? ac - 1 : ac, size);
                    }
                    bits.write(0, 5); // EOB, code index 0
                }
            }
        }
        bits.flush();
        marker(out, 0xD9);
        return out.toByteArray();
    }

    /** T.81 F.1.2.1.1: category (code index = category), then the magnitude bits; category 16 has none. */
    private static void codeDifference(Bits bits, int difference) {
        int size = difference == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(difference));
        bits.write(size, 5);
        if (size > 0 && size < 16) {
            bits.write(difference < 0 ? difference - 1 : difference, size);
        }
    }

    private static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    private static void frame(ByteArrayOutputStream out, int sof, int precision, int width, int height, int n) {
        marker(out, sof);
        int length = 8 + 3 * n;
        out.write(length >> 8);
        out.write(length);
        out.write(precision);
        out.write(height >> 8);
        out.write(height);
        out.write(width >> 8);
        out.write(width);
        out.write(n);
        for (int c = 0; c < n; c++) {
            out.write(id(c, n));
            out.write(0x11);
            out.write(0);
        }
    }

    /** A table whose symbols 0..count-1 (AC: 0x00, then 0x01..) all have five-bit codes (T.81 B.2.4.2). */
    private static void dht(ByteArrayOutputStream out, int classAndId, int count) {
        marker(out, 0xC4);
        int length = 2 + 1 + 16 + count;
        out.write(length >> 8);
        out.write(length);
        out.write(classAndId);
        for (int l = 1; l <= 16; l++) {
            out.write(l == 5 ? count : 0);
        }
        for (int s = 0; s < count; s++) {
            out.write(s);
        }
    }

    /** Component identifiers 'R', 'G', 'B' for three components, which libjpeg reads as RGB without JFIF. */
    private static int id(int c, int n) {
        return n == 3 ? "RGB".charAt(c) : c + 1;
    }

    private static void scan(ByteArrayOutputStream out, int n, int ss, int se) {
        marker(out, 0xDA);
        int length = 6 + 2 * n;
        out.write(length >> 8);
        out.write(length);
        out.write(n);
        for (int c = 0; c < n; c++) {
            out.write(id(c, n));
            out.write(0x00);
        }
        out.write(ss);
        out.write(se);
        out.write(0);
    }

    /** MSB-first bit packing with 0xFF byte stuffing (T.81 F.1.2.3), padded with ones. */
    private static final class Bits {
        private final ByteArrayOutputStream out;
        private long buffer;
        private int count;

        Bits(ByteArrayOutputStream out) {
            this.out = out;
        }

        void write(int value, int length) {
            buffer = (buffer << length) | (value & ((1L << length) - 1));
            count += length;
            while (count >= 8) {
                int b = (int) (buffer >>> (count - 8)) & 0xFF;
                out.write(b);
                if (b == 0xFF) {
                    out.write(0);
                }
                count -= 8;
            }
        }

        void flush() {
            if (count > 0) {
                write((1 << (8 - count)) - 1, 8 - count);
            }
        }
    }
}
