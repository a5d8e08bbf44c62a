package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.io.BitWriter;
import java.io.IOException;
import java.util.Arrays;

/**
 * Codes binary decisions as arithmetic-coded data: the adaptive binary arithmetic encoder of T.81 D.1
 * (INITENC, ENCODE with conditional MPS/LPS exchange, RENORM_E, BYTE_OUT, FLUSH) with the probability
 * estimation of Table D.3, shared with {@link BinaryArithmeticDecoder}.
 *
 * <p>Registers as in D.1: {@code a} is the interval A (X'10000' after initialisation), {@code c} the code
 * register C laid out as 0000cbbb bbbbbsss xxxxxxxx xxxxxxxx (c: carry, b: the next byte, s: spacer bits),
 * {@code ct} the shifts left before the next byte is complete. The bytes of one entropy-coded segment are
 * kept unstuffed until {@link #finish()}, so a carry simply increments the bytes already made (D.1.6), and
 * trailing zero bytes are dropped: a decoder reads zeros at the marker that follows (D.2.6).
 *
 * <p>Statistics are bytes of an array owned by the caller, as in the decoder: bits 0..6 the index into
 * Table D.3, bit 7 MPS(S); zero is the initial state (D.1.5.1).
 */
public final class BinaryArithmeticEncoder {
    private final BitWriter out;
    private int a;
    private int c;
    private int ct;
    private byte[] bytes = new byte[4096];
    private int length;

    public BinaryArithmeticEncoder(BitWriter out) {
        this.out = out;
        initialize();
    }

    /** T.81 D.1.7 INITENC (Figure D.10). */
    private void initialize() {
        a = 0x10000;
        c = 0;
        ct = 11; // the three spacer bits keep a carry from reaching a byte already sent as 0xFF (D.1.6)
        length = 0;
    }

    /**
     * T.81 D.1.2 ENCODE(S, D) (Figures D.3 and D.4 with the conditional exchanges, and the estimation of
     * D.1.5): codes decision {@code d} (0 or 1) in context {@code stats[s]} and updates its estimate.
     */
    public void encode(byte[] stats, int s, int d) throws IOException {
        int state = stats[s] & 0xFF;
        int index = state & 0x7F;
        int mps = state >>> 7;
        int qe = BinaryArithmeticDecoder.QE[index];
        a -= qe;
        if (d != mps) {
            // Code_LPS: the LPS takes the upper sub-interval, unless it is the larger one (exchange).
            if (a >= qe) {
                c += a;
                a = qe;
            }
            stats[s] = (byte) (BinaryArithmeticDecoder.AFTER_LPS[index] ^ (mps << 7));
        } else {
            if (a >= 0x8000) {
                return; // Code_MPS without renormalisation, and so without estimation (D.1.5)
            }
            if (a < qe) {
                c += a; // exchange: the MPS takes the upper, larger sub-interval
                a = qe;
            }
            stats[s] = (byte) (BinaryArithmeticDecoder.AFTER_MPS[index] | (mps << 7));
        }
        renormalize();
    }

    /** ENCODE with the fixed estimate Qe = X'5A1D', MPS 0 (sign and correction bits, F.1.4.4.2, G.1.3). */
    public void encodeFixed(int d) throws IOException {
        int qe = BinaryArithmeticDecoder.QE[BinaryArithmeticDecoder.FIXED_STATE];
        a -= qe;
        if (d != 0) {
            if (a >= qe) {
                c += a;
                a = qe;
            }
        } else {
            if (a >= 0x8000) {
                return;
            }
            if (a < qe) {
                c += a;
                a = qe;
            }
        }
        renormalize();
    }

    /** T.81 D.1.6 RENORM_E (Figure D.6), with BYTE_OUT (Figure D.7) each time CT reaches 0. */
    private void renormalize() {
        do {
            a <<= 1;
            c <<= 1;
            if (--ct == 0) {
                byteOut(c >>> 19);
                c &= 0x7FFFF;
                ct = 8;
            }
        } while (a < 0x8000);
    }

    /** Appends the byte in the low 8 bits of {@code value}; bit 8 is a carry into the bytes before it. */
    private void byteOut(int value) {
        if (value > 0xFF) {
            // D.1.6: the carry propagates through the bytes already made (0xFF + 1 = 0x00, carry on).
            for (int i = length - 1; i >= 0; i--) {
                bytes[i]++;
                if (bytes[i] != 0) {
                    break;
                }
            }
        }
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, length * 2);
        }
        bytes[length++] = (byte) value;
    }

    /**
     * T.81 D.1.8 FLUSH (Figure D.11, Clear_final_bits of Figure D.12): ends the entropy-coded segment, writes
     * its bytes (stuffed by the {@link BitWriter}) and starts a new segment for the next restart interval.
     */
    public void finish() throws IOException {
        // Clear_final_bits: the value in [C, C + A) with the most trailing zero bits.
        int t = (c + a - 1) & 0xFFFF0000;
        c = t < c ? t + 0x8000 : t;
        c <<= ct;
        byteOut(c >>> 19);
        byteOut((c >>> 11) & 0xFF);
        int end = length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--; // trailing zeros: the decoder supplies them at the marker (D.2.6)
        }
        for (int i = 0; i < end; i++) {
            out.writeBits(bytes[i] & 0xFF, 8);
        }
        out.flushToByteBoundary(); // whole bytes: no fill bits, only the bytes still pending go out
        initialize();
    }
}
