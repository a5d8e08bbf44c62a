package dev.tessera.jpeg.model;


/**
 * The example tables of T.81 Annex K, which baseline encoders use as their defaults.
 * Quantization tables are given in natural (row-major) order.
 */
public final class StandardTables {

    /** T.81 Table K.1: luminance quantization table, natural order. */
    public static final QuantTable LUMINANCE_QUANT = QuantTable.ofNatural(new int[] {
        16, 11, 10, 16, 24, 40, 51, 61,
        12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77,
        24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101,
        72, 92, 95, 98, 112, 100, 103, 99,
    });

    /** T.81 Table K.2: chrominance quantization table, natural order. */
    public static final QuantTable CHROMINANCE_QUANT = QuantTable.ofNatural(new int[] {
        17, 18, 24, 47, 99, 99, 99, 99,
        18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99,
        47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
    });

    /** T.81 Table K.3: luminance DC difference categories. */
    public static final HuffmanSpec LUMINANCE_DC = new HuffmanSpec(
        new int[] {0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0},
        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});

    /** T.81 Table K.4: chrominance DC difference categories. */
    public static final HuffmanSpec CHROMINANCE_DC = new HuffmanSpec(
        new int[] {0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0},
        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});

    /** T.81 Table K.5: luminance AC run/size symbols. */
    public static final HuffmanSpec LUMINANCE_AC = new HuffmanSpec(
        new int[] {0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d},
        concat(new int[] {
            0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12,
            0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
            0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08,
            0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
            0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16,
            0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
            0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39,
            0x3a},
            range(0x43, 0x4a), range(0x53, 0x5a), range(0x63, 0x6a), range(0x73, 0x7a),
            range(0x83, 0x8a), range(0x92, 0x9a), range(0xa2, 0xaa), range(0xb2, 0xba),
            range(0xc2, 0xca), range(0xd2, 0xda), range(0xe1, 0xea), range(0xf1, 0xfa)));

    /** T.81 Table K.6: chrominance AC run/size symbols. */
    public static final HuffmanSpec CHROMINANCE_AC = new HuffmanSpec(
        new int[] {0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77},
        concat(new int[] {
            0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21,
            0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71,
            0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91,
            0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0,
            0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34,
            0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26,
            0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38,
            0x39, 0x3a},
            range(0x43, 0x4a), range(0x53, 0x5a), range(0x63, 0x6a), range(0x73, 0x7a),
            range(0x82, 0x8a), range(0x92, 0x9a), range(0xa2, 0xaa), range(0xb2, 0xba),
            range(0xc2, 0xca), range(0xd2, 0xda), range(0xe2, 0xea), range(0xf2, 0xfa)));

    private StandardTables() {
    }

    private static int[] range(int first, int last) {
        int[] r = new int[last - first + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = first + i;
        }
        return r;
    }

    private static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] r = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, r, at, p.length);
            at += p.length;
        }
        return r;
    }
}
