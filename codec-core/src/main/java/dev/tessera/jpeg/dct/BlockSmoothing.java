package dev.tessera.jpeg.dct;

/**
 * The coefficient prediction of interblock smoothing (T.81 K.8), as libjpeg-turbo 2.1's
 * {@code decompress_smooth_data} computes it: the first nine AC coefficients in zig-zag order (and the DC
 * when no AC scan has been seen) estimated from a 5x5 neighbourhood of DC values. An estimate replaces a
 * coefficient only while it is zero, and is clamped below 2^Al while Al bits are still missing.
 */
public final class BlockSmoothing {
    private BlockSmoothing() {
    }

    /**
     * Predicts the still-zero low-frequency coefficients of one block from its 5x5 neighbourhood of DC values.
     *
     * @param ws       the block's 64 dequantization-ready coefficients in natural order, updated in place
     * @param d        DC values of the neighbourhood: [row -2..+2][column -2..+2]
     * @param bits     the progression state (coef_bits) of zig-zag coefficients 0..9: -1 none seen, else Al
     * @param q        the component's quantization values in natural order
     * @param q00      {@code q[0]}
     * @param changeDc true when no AC scan has been seen, so the DC is re-estimated too
     */
    public static void smooth(short[] ws, int[][] d, int[] bits, int[] q, long q00, boolean changeDc) {
        // DCnn of libjpeg-turbo: DC01..DC05 are row -2, DC06..DC10 row -1, DC11..DC15 this row, and so on.
        int dc01 = d[0][0], dc02 = d[0][1], dc03 = d[0][2], dc04 = d[0][3], dc05 = d[0][4];
        int dc06 = d[1][0], dc07 = d[1][1], dc08 = d[1][2], dc09 = d[1][3], dc10 = d[1][4];
        int dc11 = d[2][0], dc12 = d[2][1], dc13 = d[2][2], dc14 = d[2][3], dc15 = d[2][4];
        int dc16 = d[3][0], dc17 = d[3][1], dc18 = d[3][2], dc19 = d[3][3], dc20 = d[3][4];
        int dc21 = d[4][0], dc22 = d[4][1], dc23 = d[4][2], dc24 = d[4][3], dc25 = d[4][4];
        if (bits[1] != 0 && ws[1] == 0) {
            long num = q00 * (changeDc
                ? (-dc01 - dc02 + dc04 + dc05 - 3 * dc06 + 13 * dc07 - 13 * dc09 + 3 * dc10 - 3 * dc11
                    + 38 * dc12 - 38 * dc14 + 3 * dc15 - 3 * dc16 + 13 * dc17 - 13 * dc19 + 3 * dc20 - dc21
                    - dc22 + dc24 + dc25)
                : (-7 * dc11 + 50 * dc12 - 50 * dc14 + 7 * dc15));
            ws[1] = predict(num, q[1], bits[1]);
        }
        if (bits[2] != 0 && ws[8] == 0) {
            long num = q00 * (changeDc
                ? (-dc01 - 3 * dc02 - 3 * dc03 - 3 * dc04 - dc05 - dc06 + 13 * dc07 + 38 * dc08 + 13 * dc09
                    - dc10 + dc16 - 13 * dc17 - 38 * dc18 - 13 * dc19 + dc20 + dc21 + 3 * dc22 + 3 * dc23
                    + 3 * dc24 + dc25)
                : (-7 * dc03 + 50 * dc08 - 50 * dc18 + 7 * dc23));
            ws[8] = predict(num, q[8], bits[2]);
        }
        if (bits[3] != 0 && ws[16] == 0) {
            long num = q00 * (changeDc
                ? (dc03 + 2 * dc07 + 7 * dc08 + 2 * dc09 - 5 * dc12 - 14 * dc13 - 5 * dc14 + 2 * dc17
                    + 7 * dc18 + 2 * dc19 + dc23)
                : (-dc03 + 13 * dc08 - 24 * dc13 + 13 * dc18 - dc23));
            ws[16] = predict(num, q[16], bits[3]);
        }
        if (bits[4] != 0 && ws[9] == 0) {
            long num = q00 * (changeDc
                ? (-dc01 + dc05 + 9 * dc07 - 9 * dc09 - 9 * dc17 + 9 * dc19 + dc21 - dc25)
                : (dc10 + dc16 - 10 * dc17 + 10 * dc19 - dc02 - dc20 + dc22 - dc24 + dc04 - dc06 + 10 * dc07
                    - 10 * dc09));
            ws[9] = predict(num, q[9], bits[4]);
        }
        if (bits[5] != 0 && ws[2] == 0) {
            long num = q00 * (changeDc
                ? (2 * dc07 - 5 * dc08 + 2 * dc09 + dc11 + 7 * dc12 - 14 * dc13 + 7 * dc14 + dc15 + 2 * dc17
                    - 5 * dc18 + 2 * dc19)
                : (-dc11 + 13 * dc12 - 24 * dc13 + 13 * dc14 - dc15));
            ws[2] = predict(num, q[2], bits[5]);
        }
        if (changeDc) {
            if (bits[6] != 0 && ws[3] == 0) {
                long num = q00 * (dc07 - dc09 + 2 * dc12 - 2 * dc14 + dc17 - dc19);
                ws[3] = predict(num, q[3], bits[6]);
            }
            if (bits[7] != 0 && ws[10] == 0) {
                long num = q00 * (dc07 - 3 * dc08 + dc09 - dc17 + 3 * dc18 - dc19);
                ws[10] = predict(num, q[10], bits[7]);
            }
            if (bits[8] != 0 && ws[17] == 0) {
                long num = q00 * (dc07 - dc09 - 3 * dc12 + 3 * dc14 + dc17 - dc19);
                ws[17] = predict(num, q[17], bits[8]);
            }
            if (bits[9] != 0 && ws[24] == 0) {
                long num = q00 * (dc07 + 2 * dc08 + dc09 - dc17 - 2 * dc18 - dc19);
                ws[24] = predict(num, q[24], bits[9]);
            }
            long num = q00 * (-2 * dc01 - 6 * dc02 - 8 * dc03 - 6 * dc04 - 2 * dc05 - 6 * dc06 + 6 * dc07
                + 42 * dc08 + 6 * dc09 - 6 * dc10 - 8 * dc11 + 42 * dc12 + 152 * dc13 + 42 * dc14 - 8 * dc15
                - 6 * dc16 + 6 * dc17 + 42 * dc18 + 6 * dc19 - 6 * dc20 - 2 * dc21 - 6 * dc22 - 8 * dc23
                - 6 * dc24 - 2 * dc25);
            ws[0] = predict(num, q00, 0);
        }
    }

    /** round(num / (Q << 8)) toward zero, clamped below 2^Al when Al > 0 (libjpeg-turbo's pred). */
    private static short predict(long num, long quant, int al) {
        int pred;
        if (num >= 0) {
            pred = (int) (((quant << 7) + num) / (quant << 8));
            if (al > 0 && pred >= (1 << al)) {
                pred = (1 << al) - 1;
            }
        } else {
            pred = (int) (((quant << 7) - num) / (quant << 8));
            if (al > 0 && pred >= (1 << al)) {
                pred = (1 << al) - 1;
            }
            pred = -pred;
        }
        return (short) pred;
    }
}
