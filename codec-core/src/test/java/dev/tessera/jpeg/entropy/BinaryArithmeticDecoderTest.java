package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The binary arithmetic decoder against an independent encoder written from T.81 D.1 (Code_0/Code_1 with
 * conditional exchange, Renorm_E, Byte_out with carry, Flush and byte stuffing): decisions encoded then
 * decoded must come back unchanged.
 */
class BinaryArithmeticDecoderTest {

    /** T.81 D.1 encoder, test-only. Carries propagate into the bytes already written; stuffing is done last. */
    static final class ReferenceEncoder {
        private final List<Integer> bytes = new ArrayList<>();
        private long c;
        private int a = 0x10000;
        private int ct = 11;
        private final byte[] fixed = {(byte) BinaryArithmeticDecoder.FIXED_STATE};

        void encode(byte[] stats, int s, int d) {
            int state = stats[s] & 0xFF;
            int index = state & 0x7F;
            int mps = state >>> 7;
            int qe = BinaryArithmeticDecoder.qe(index);
            int[] row = BinaryArithmeticDecoder.row(index);
            a -= qe;
            if (d == mps) {
                // Figure D.4 Code_MPS
                if (a >= 0x8000) {
                    return;
                }
                if (a < qe) {
                    c += a;
                    a = qe;
                }
                if (index != BinaryArithmeticDecoder.FIXED_STATE) {
                    stats[s] = (byte) (row[2] | (mps << 7));
                }
            } else {
                // Figure D.3 Code_LPS
                if (a >= qe) {
                    c += a;
                    a = qe;
                }
                if (index != BinaryArithmeticDecoder.FIXED_STATE) {
                    stats[s] = (byte) (row[1] | ((mps ^ row[3]) << 7));
                }
            }
            renormalize();
        }

        void encodeFixed(int d) {
            encode(fixed, 0, d);
        }

        private void renormalize() {
            do {
                a <<= 1;
                c <<= 1;
                if (--ct == 0) {
                    byteOut();
                    ct = 8;
                }
            } while (a < 0x8000);
        }

        private void byteOut() {
            int t = (int) (c >>> 19);
            if (t > 0xFF) {
                for (int i = bytes.size() - 1; i >= 0; i--) {
                    int v = bytes.get(i) + 1;
                    bytes.set(i, v & 0xFF);
                    if (v <= 0xFF) {
                        break;
                    }
                }
            }
            bytes.add(t & 0xFF);
            c &= 0x7FFFF;
        }

        /** D.1.8 Flush, then drops trailing zero bytes (allowed: the decoder reads zeros at the marker). */
        byte[] finish() {
            long t = (c + a - 1) & 0xFFFF0000L;
            if (t < c) {
                t += 0x8000;
            }
            c = t << ct;
            byteOut();
            c <<= 8;
            byteOut();
            int n = bytes.size();
            while (n > 0 && bytes.get(n - 1) == 0) {
                n--;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                int b = bytes.get(i);
                out.write(b);
                if (b == 0xFF) {
                    out.write(0); // F.1.2.3 byte stuffing
                }
            }
            out.write(0xFF);
            out.write(0xD9); // EOI ends the segment
            return out.toByteArray();
        }
    }

    private static BinaryArithmeticDecoder decoderFor(byte[] data) throws MalformedJpegException {
        WarningSink warnings = new WarningSink(null, false);
        BitReader bits = new BitReader(new ByteSource(data, warnings), warnings);
        bits.startScan();
        BinaryArithmeticDecoder d = new BinaryArithmeticDecoder(bits);
        d.initialize();
        return d;
    }

    @Test
    void roundTripsSkewedDecisionsOverManyContexts() throws MalformedJpegException {
        Random random = new Random(20240611);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(5000);
            int contexts = 1 + random.nextInt(30);
            double[] p = new double[contexts];
            for (int i = 0; i < contexts; i++) {
                p[i] = random.nextDouble();
            }
            int[] context = new int[n];
            int[] decision = new int[n];
            boolean[] fixed = new boolean[n];
            byte[] encoderStats = new byte[contexts];
            ReferenceEncoder enc = new ReferenceEncoder();
            for (int i = 0; i < n; i++) {
                context[i] = random.nextInt(contexts);
                fixed[i] = random.nextInt(10) == 0;
                decision[i] = random.nextDouble() < (fixed[i] ? 0.5 : p[context[i]]) ? 1 : 0;
                if (fixed[i]) {
                    enc.encodeFixed(decision[i]);
                } else {
                    enc.encode(encoderStats, context[i], decision[i]);
                }
            }
            byte[] data = enc.finish();
            BinaryArithmeticDecoder dec = decoderFor(data);
            byte[] decoderStats = new byte[contexts];
            int[] decoded = new int[n];
            for (int i = 0; i < n; i++) {
                decoded[i] = fixed[i] ? dec.decodeFixed() : dec.decode(decoderStats, context[i]);
            }
            assertArrayEquals(decision, decoded, "trial " + trial);
            assertArrayEquals(encoderStats, decoderStats, "statistics after trial " + trial);
        }
    }

    @Test
    void roundTripsStreamsWithStuffedBytes() throws MalformedJpegException {
        // Decisions of probability 0.5 give near-random bytes, so 0xFF (stuffed as 0xFF 0x00) turns up.
        Random random = new Random(7);
        int n = 8000;
        int[] decision = new int[n];
        ReferenceEncoder enc = new ReferenceEncoder();
        byte[] stats = new byte[2];
        for (int i = 0; i < n; i++) {
            decision[i] = random.nextInt(2);
            if (i % 3 == 0) {
                enc.encodeFixed(decision[i]);
            } else {
                enc.encode(stats, i & 1, decision[i]);
            }
        }
        byte[] data = enc.finish();
        int stuffed = 0;
        for (int i = 0; i + 1 < data.length - 2; i++) {
            if ((data[i] & 0xFF) == 0xFF && data[i + 1] == 0) {
                stuffed++;
            }
        }
        assertTrue(stuffed > 0, "expected a stuffed 0xFF in " + data.length + " bytes");
        BinaryArithmeticDecoder dec = decoderFor(data);
        byte[] decoderStats = new byte[2];
        for (int i = 0; i < n; i++) {
            int d = i % 3 == 0 ? dec.decodeFixed() : dec.decode(decoderStats, i & 1);
            assertEquals(decision[i], d, "decision " + i);
        }
    }

    @Test
    void tableD3IsConsistent() {
        // T.81 Table D.3: 113 states; every next index is a state; Switch_MPS only where Qe is near 0.5.
        for (int i = 0; i < BinaryArithmeticDecoder.FIXED_STATE; i++) {
            int[] row = BinaryArithmeticDecoder.row(i);
            assertTrue(row[0] > 0 && row[0] < 0x8000, "Qe " + i);
            assertTrue(row[1] >= 0 && row[1] < BinaryArithmeticDecoder.FIXED_STATE, "NLPS " + i);
            assertTrue(row[2] >= 0 && row[2] < BinaryArithmeticDecoder.FIXED_STATE, "NMPS " + i);
            if (row[3] == 1) {
                assertTrue(row[0] > 0x5000, "switch at small Qe " + i);
            }
        }
        assertEquals(0x5A1D, BinaryArithmeticDecoder.qe(0));
        assertEquals(0x59EB, BinaryArithmeticDecoder.qe(112));
        assertArrayEquals(new int[] {0x5A1D, 113, 113, 0}, BinaryArithmeticDecoder.row(113));
    }
}
