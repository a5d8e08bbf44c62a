package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.io.BitReader;

/**
 * Decodes binary decisions from arithmetic-coded data: the adaptive binary arithmetic decoder of
 * T.81 D.2 (INITDEC, DECODE with conditional MPS/LPS exchange, RENORM_D, BYTE_IN) with the probability
 * estimation state machine of Table D.3.
 *
 * <p>Registers as in D.2: {@code a} is the interval A (16 bits, X'10000' after initialisation), {@code c}
 * the 32-bit code register C whose high 16 bits are Cx and whose low bits receive new bytes; {@code ct}
 * counts the bits left before the next BYTE_IN. Cx &lt; A holds at every step, so Cx always fits 16 bits.
 *
 * <p>Statistics (one context-index S per bin) are bytes of an array owned by the caller: bits 0..6 hold
 * Index(S) into Table D.3, bit 7 holds MPS(S). Zero is the initial state (index 0, MPS 0, D.1.5.1).
 */
public final class BinaryArithmeticDecoder {
    /**
     * Index of the extra, non-adapting state with Qe = X'5A1D' and MPS 0: the fixed probability of about
     * 0.5 used for the sign of AC coefficients (T.81 F.1.4.4.2) and for progressive correction bits
     * (G.1.3.1, G.1.3.3). Its next indexes point to itself and it never switches MPS.
     */
    public static final int FIXED_STATE = 113;

    /**
     * T.81 Table D.3, one row per index 0..112: Qe (15 bits), Next_Index_LPS, Next_Index_MPS, Switch_MPS;
     * then the fixed state {@link #FIXED_STATE}.
     */
    private static final int[][] TABLE_D3 = {
        {0x5A1D, 1, 1, 1}, {0x2586, 14, 2, 0}, {0x1114, 16, 3, 0}, {0x080B, 18, 4, 0},
        {0x03D8, 20, 5, 0}, {0x01DA, 23, 6, 0}, {0x00E5, 25, 7, 0}, {0x006F, 28, 8, 0},
        {0x0036, 30, 9, 0}, {0x001A, 33, 10, 0}, {0x000D, 35, 11, 0}, {0x0006, 9, 12, 0},
        {0x0003, 10, 13, 0}, {0x0001, 12, 13, 0}, {0x5A7F, 15, 15, 1}, {0x3F25, 36, 16, 0},
        {0x2CF2, 38, 17, 0}, {0x207C, 39, 18, 0}, {0x17B9, 40, 19, 0}, {0x1182, 42, 20, 0},
        {0x0CEF, 43, 21, 0}, {0x09A1, 45, 22, 0}, {0x072F, 46, 23, 0}, {0x055C, 48, 24, 0},
        {0x0406, 49, 25, 0}, {0x0303, 51, 26, 0}, {0x0240, 52, 27, 0}, {0x01B1, 54, 28, 0},
        {0x0144, 56, 29, 0}, {0x00F5, 57, 30, 0}, {0x00B7, 59, 31, 0}, {0x008A, 60, 32, 0},
        {0x0068, 62, 33, 0}, {0x004E, 63, 34, 0}, {0x003B, 32, 35, 0}, {0x002C, 33, 9, 0},
        {0x5AE1, 37, 37, 1}, {0x484C, 64, 38, 0}, {0x3A0D, 65, 39, 0}, {0x2EF1, 67, 40, 0},
        {0x261F, 68, 41, 0}, {0x1F33, 69, 42, 0}, {0x19A8, 70, 43, 0}, {0x1518, 72, 44, 0},
        {0x1177, 73, 45, 0}, {0x0E74, 74, 46, 0}, {0x0BFB, 75, 47, 0}, {0x09F8, 77, 48, 0},
        {0x0861, 78, 49, 0}, {0x0706, 79, 50, 0}, {0x05CD, 48, 51, 0}, {0x04DE, 50, 52, 0},
        {0x040F, 50, 53, 0}, {0x0363, 51, 54, 0}, {0x02D4, 52, 55, 0}, {0x025C, 53, 56, 0},
        {0x01F8, 54, 57, 0}, {0x01A4, 55, 58, 0}, {0x0160, 56, 59, 0}, {0x0125, 57, 60, 0},
        {0x00F6, 58, 61, 0}, {0x00CB, 59, 62, 0}, {0x00AB, 61, 63, 0}, {0x008F, 61, 32, 0},
        {0x5B12, 65, 65, 1}, {0x4D04, 80, 66, 0}, {0x412C, 81, 67, 0}, {0x37D8, 82, 68, 0},
        {0x2FE8, 83, 69, 0}, {0x293C, 84, 70, 0}, {0x2379, 86, 71, 0}, {0x1EDF, 87, 72, 0},
        {0x1AA9, 87, 73, 0}, {0x174E, 72, 74, 0}, {0x1424, 72, 75, 0}, {0x119C, 74, 76, 0},
        {0x0F6B, 74, 77, 0}, {0x0D51, 75, 78, 0}, {0x0BB6, 77, 79, 0}, {0x0A40, 77, 48, 0},
        {0x5832, 80, 81, 1}, {0x4D1C, 88, 82, 0}, {0x438E, 89, 83, 0}, {0x3BDD, 90, 84, 0},
        {0x34EE, 91, 85, 0}, {0x2EAE, 92, 86, 0}, {0x299A, 93, 87, 0}, {0x2516, 86, 71, 0},
        {0x5570, 88, 89, 1}, {0x4CA9, 95, 90, 0}, {0x44D9, 96, 91, 0}, {0x3E22, 97, 92, 0},
        {0x3824, 99, 93, 0}, {0x32B4, 99, 94, 0}, {0x2E17, 93, 86, 0}, {0x56A8, 95, 96, 1},
        {0x4F46, 101, 97, 0}, {0x47E5, 102, 98, 0}, {0x41CF, 103, 99, 0}, {0x3C3D, 104, 100, 0},
        {0x375E, 99, 93, 0}, {0x5231, 105, 102, 0}, {0x4C0F, 106, 103, 0}, {0x4639, 107, 104, 0},
        {0x415E, 103, 99, 0}, {0x5627, 105, 106, 1}, {0x50E7, 108, 107, 0}, {0x4B85, 109, 103, 0},
        {0x5597, 110, 109, 0}, {0x504F, 111, 107, 0}, {0x5A10, 110, 111, 1}, {0x5522, 112, 109, 0},
        {0x59EB, 112, 111, 1},
        {0x5A1D, FIXED_STATE, FIXED_STATE, 0},
    };

    /** Qe per index (shared with {@link BinaryArithmeticEncoder}, which uses the same Table D.3). */
    static final int[] QE = new int[TABLE_D3.length];
    /** Per index: the state byte after an LPS renormalisation with MPS 0 (the MPS switch is in bit 7). */
    static final int[] AFTER_LPS = new int[TABLE_D3.length];
    static final int[] AFTER_MPS = new int[TABLE_D3.length];

    static {
        for (int i = 0; i < TABLE_D3.length; i++) {
            QE[i] = TABLE_D3[i][0];
            AFTER_LPS[i] = TABLE_D3[i][1] | (TABLE_D3[i][3] << 7);
            AFTER_MPS[i] = TABLE_D3[i][2];
        }
    }

    private final BitReader bits;
    private int a;
    private int c;
    private int ct;

    public BinaryArithmeticDecoder(BitReader bits) {
        this.bits = bits;
    }

    /** Qe of Table D.3 at {@code index} (0..112, or {@link #FIXED_STATE}); for tests. */
    static int qe(int index) {
        return QE[index];
    }

    /** Next_Index_LPS, Next_Index_MPS and Switch_MPS of Table D.3 at {@code index}; for tests. */
    static int[] row(int index) {
        return TABLE_D3[index].clone();
    }

    /** T.81 D.2.5 INITDEC (Figure D.22): reads the first two bytes of an entropy-coded segment. */
    public void initialize() throws MalformedJpegException {
        a = 0x10000; // A = X'0000' in 16 bits, which stands for X'10000'
        c = bits.readArithmeticByte() << 24;
        c |= bits.readArithmeticByte() << 16;
        ct = 0;
    }

    /**
     * T.81 D.2.2 DECODE(S) (Figure D.19 with the conditional exchanges of Figures D.20 and D.21, and
     * Estimate_Qe(S) of D.2.3): decodes one binary decision with the context-index {@code stats[s]} and
     * updates that context's estimate.
     *
     * @return the decision D, 0 or 1
     */
    public int decode(byte[] stats, int s) throws MalformedJpegException {
        int state = stats[s] & 0xFF;
        int index = state & 0x7F;
        int mps = state >>> 7;
        int qe = QE[index];
        a -= qe;
        int d;
        if ((c >>> 16) < a) {
            if (a >= 0x8000) {
                return mps; // MPS, no renormalisation and so no estimation (D.2.2)
            }
            // Figure D.21 Cond_MPS_exchange: the MPS sub-interval is the smaller one, so exchange.
            if (a < qe) {
                d = 1 - mps;
                state = AFTER_LPS[index] ^ (mps << 7);
            } else {
                d = mps;
                state = AFTER_MPS[index] | (mps << 7);
            }
        } else {
            // Figure D.20 Cond_LPS_exchange: Cx = Cx - A, A = Qe(S).
            c -= a << 16;
            if (a < qe) {
                d = mps;
                state = AFTER_MPS[index] | (mps << 7);
            } else {
                d = 1 - mps;
                state = AFTER_LPS[index] ^ (mps << 7);
            }
            a = qe;
        }
        stats[s] = (byte) state;
        renormalize();
        return d;
    }

    /** DECODE with the fixed estimate Qe = X'5A1D', MPS 0 ({@link #FIXED_STATE}), which never adapts. */
    public int decodeFixed() throws MalformedJpegException {
        int qe = QE[FIXED_STATE];
        a -= qe;
        int d;
        if ((c >>> 16) < a) {
            if (a >= 0x8000) {
                return 0;
            }
            d = a < qe ? 1 : 0;
        } else {
            c -= a << 16;
            d = a < qe ? 0 : 1;
            a = qe;
        }
        renormalize();
        return d;
    }

    /** T.81 D.2.4 RENORM_D (Figure D.23), reading a byte (D.2.6 BYTE_IN) each time CT reaches 0. */
    private void renormalize() throws MalformedJpegException {
        do {
            if (ct == 0) {
                c |= bits.readArithmeticByte() << 8;
                ct = 8;
            }
            a <<= 1;
            c <<= 1;
            ct--;
        } while (a < 0x8000);
    }
}
