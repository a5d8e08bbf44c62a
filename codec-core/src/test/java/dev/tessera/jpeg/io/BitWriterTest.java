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
}
