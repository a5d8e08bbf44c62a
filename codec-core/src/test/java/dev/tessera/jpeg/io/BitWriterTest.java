package dev.tessera.jpeg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BitWriterTest {
    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void packsMostSignificantBitFirstAndPadsWithOnes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteSink sink = new ByteSink(out);
        BitWriter w = new BitWriter(sink);
        w.writeBits(0b101, 3);
        w.writeBits(0b0, 1);
        w.writeBits(0b11, 2);
        w.flushToByteBoundary(); // 1010 11 + 11 fill (T.81 F.1.2.3)
        sink.flush();
        assertArrayEquals(bytes(0b10101111), out.toByteArray());
    }

    @Test
    void stuffsZeroAfterEveryFf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteSink sink = new ByteSink(out);
        BitWriter w = new BitWriter(sink);
        w.writeBits(0xFF, 8);
        w.writeBits(0x12, 8);
        w.writeBits(0xFFFF, 16);
        w.writeBits(0b1111111, 7); // padding makes a final 0xFF, stuffed as well
        w.flushToByteBoundary();
        sink.flush();
        assertArrayEquals(bytes(0xFF, 0x00, 0x12, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00), out.toByteArray());
    }

    @Test
    void restartMarkersCycleAfterPadding() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteSink sink = new ByteSink(out);
        BitWriter w = new BitWriter(sink);
        for (int i = 0; i < 9; i++) {
            w.writeBits(0, 1);
            w.writeRestartMarker(i);
        }
        sink.flush();
        byte[] b = out.toByteArray();
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(bytes(0x7F, 0xFF, 0xD0 + (i % 8)), java.util.Arrays.copyOfRange(b, 3 * i, 3 * i + 3));
        }
    }

    @Test
    void longRunsCrossTheAccumulator() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteSink sink = new ByteSink(out);
        BitWriter w = new BitWriter(sink);
        // 7 + 25 + 32 bits = 64 bits: 8 bytes.
        w.writeBits(0b1010101, 7);
        w.writeBits(0x1234567, 25);
        w.writeBits(0x89ABCDEF, 32);
        w.flushToByteBoundary();
        sink.flush();
        long expected = (0b1010101L << 57) | (0x1234567L << 32) | 0x89ABCDEFL;
        byte[] want = new byte[8];
        for (int i = 0; i < 8; i++) {
            want[i] = (byte) (expected >>> (56 - 8 * i));
        }
        assertArrayEquals(want, out.toByteArray());
    }

    /**
     * Random bit strings of every length 0..32, biased towards 1-bits so that many 0xFF bytes (and stuffing)
     * occur, with restart markers between some, against a bit-at-a-time reference of T.81 F.1.2.3.
     */
    @Test
    void randomBitStringsMatchABitAtATimeReference() throws IOException {
        java.util.Random random = new java.util.Random(16);
        for (int trial = 0; trial < 200; trial++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteSink sink = new ByteSink(out, 4 + random.nextInt(40));
            BitWriter w = new BitWriter(sink);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int acc = 0;
            int count = 0;
            int restarts = 0;
            for (int op = 0; op < 500; op++) {
                if (random.nextInt(100) == 0) {
                    w.writeRestartMarker(restarts);
                    if (count > 0) {
                        acc = (acc << (8 - count)) | ((1 << (8 - count)) - 1);
                        expected.write(acc);
                        if (acc == 0xFF) {
                            expected.write(0);
                        }
                        acc = 0;
                        count = 0;
                    }
                    expected.write(0xFF);
                    expected.write(0xD0 + (restarts++ & 7));
                    continue;
                }
                int length = random.nextInt(33);
                int bits = random.nextInt(4) == 0 ? random.nextInt() : -1 ^ (1 << random.nextInt(32));
                bits = length == 32 ? bits : bits & ((1 << length) - 1);
                w.writeBits(bits, length);
                for (int b = length - 1; b >= 0; b--) {
                    acc = (acc << 1) | ((bits >>> b) & 1);
                    if (++count == 8) {
                        expected.write(acc);
                        if (acc == 0xFF) {
                            expected.write(0);
                        }
                        acc = 0;
                        count = 0;
                    }
                }
            }
            w.flushToByteBoundary();
            if (count > 0) {
                acc = (acc << (8 - count)) | ((1 << (8 - count)) - 1);
                expected.write(acc);
                if (acc == 0xFF) {
                    expected.write(0);
                }
            }
            sink.flush();
            assertArrayEquals(expected.toByteArray(), out.toByteArray(), "trial " + trial);
        }
    }
}
