package dev.tessera.jpeg.dct;

/**
 * The forward DCT as it was written before the encoder's regrouped kernel (one LL&amp;M 1-D transform per row and
 * column, level shift on every sample, rounding per output), kept as the oracle the regrouped
 * {@link ForwardDct#transform(int[], int, int, int[])} is compared with.
 */
final class ForwardDctOracle {
    private ForwardDctOracle() {
    }

    private static int descale(int x, int n) {
        return (x + (1 << (n - 1))) >> n;
    }

    /**
     * Transforms one block in place.
     *
     * @param block 64 ints at {@code offset}: samples 0..255 in, coefficients (scaled by 8) out
     */
    static void transform(int[] block, int offset) {
        // Pass 1: rows. Outputs carry ForwardDct.PASS1_BITS extra fraction bits and a factor sqrt(8).
        for (int row = offset; row < offset + 64; row += 8) {
            int d0 = block[row] - ForwardDct.CENTER;
            int d1 = block[row + 1] - ForwardDct.CENTER;
            int d2 = block[row + 2] - ForwardDct.CENTER;
            int d3 = block[row + 3] - ForwardDct.CENTER;
            int d4 = block[row + 4] - ForwardDct.CENTER;
            int d5 = block[row + 5] - ForwardDct.CENTER;
            int d6 = block[row + 6] - ForwardDct.CENTER;
            int d7 = block[row + 7] - ForwardDct.CENTER;
            transform1d(block, row, 1, d0, d1, d2, d3, d4, d5, d6, d7,
                ForwardDct.CONST_BITS - ForwardDct.PASS1_BITS, -ForwardDct.PASS1_BITS);
        }
        // Pass 2: columns. Removes ForwardDct.PASS1_BITS and leaves the overall factor 8.
        for (int col = offset; col < offset + 8; col++) {
            transform1d(block, col, 8, block[col], block[col + 8], block[col + 16], block[col + 24],
                block[col + 32], block[col + 40], block[col + 48], block[col + 56],
                ForwardDct.CONST_BITS + ForwardDct.PASS1_BITS, ForwardDct.PASS1_BITS);
        }
    }

    /**
     * One 8-point LL&M DCT. Even outputs 0 and 4 need no multiplication; they are scaled by a shift:
     * left by {@code -evenShift} when negative, or descaled right when positive.
     */
    private static void transform1d(int[] out, int base, int stride,
                                    int d0, int d1, int d2, int d3, int d4, int d5, int d6, int d7,
                                    int descaleBits, int evenShift) {
        int tmp0 = d0 + d7;
        int tmp7 = d0 - d7;
        int tmp1 = d1 + d6;
        int tmp6 = d1 - d6;
        int tmp2 = d2 + d5;
        int tmp5 = d2 - d5;
        int tmp3 = d3 + d4;
        int tmp4 = d3 - d4;

        // Even part: a 4-point DCT on the sums.
        int tmp10 = tmp0 + tmp3;
        int tmp13 = tmp0 - tmp3;
        int tmp11 = tmp1 + tmp2;
        int tmp12 = tmp1 - tmp2;
        if (evenShift < 0) {
            out[base] = (tmp10 + tmp11) << -evenShift;
            out[base + 4 * stride] = (tmp10 - tmp11) << -evenShift;
        } else {
            out[base] = descale(tmp10 + tmp11, evenShift);
            out[base + 4 * stride] = descale(tmp10 - tmp11, evenShift);
        }
        int z1 = (tmp12 + tmp13) * ForwardDct.C_0_541196100;
        out[base + 2 * stride] = descale(z1 + tmp13 * ForwardDct.C_0_765366865, descaleBits);
        out[base + 6 * stride] = descale(z1 - tmp12 * ForwardDct.C_1_847759065, descaleBits);

        // Odd part: the rotations of LL&M figure 1 on the differences.
        int z1o = tmp4 + tmp7;
        int z2 = tmp5 + tmp6;
        int z3 = tmp4 + tmp6;
        int z4 = tmp5 + tmp7;
        int z5 = (z3 + z4) * ForwardDct.C_1_175875602;
        int t4 = tmp4 * ForwardDct.C_0_298631336;
        int t5 = tmp5 * ForwardDct.C_2_053119869;
        int t6 = tmp6 * ForwardDct.C_3_072711026;
        int t7 = tmp7 * ForwardDct.C_1_501321110;
        z1o *= -ForwardDct.C_0_899976223;
        z2 *= -ForwardDct.C_2_562915447;
        z3 = z3 * -ForwardDct.C_1_961570560 + z5;
        z4 = z4 * -ForwardDct.C_0_390180644 + z5;
        out[base + 7 * stride] = descale(t4 + z1o + z3, descaleBits);
        out[base + 5 * stride] = descale(t5 + z2 + z4, descaleBits);
        out[base + 3 * stride] = descale(t6 + z2 + z3, descaleBits);
        out[base + stride] = descale(t7 + z1o + z4, descaleBits);
    }
}
