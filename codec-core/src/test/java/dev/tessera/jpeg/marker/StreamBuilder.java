package dev.tessera.jpeg.marker;

import java.io.ByteArrayOutputStream;

/** Builds JPEG bytes by hand for the marker tests, and tells where each piece starts. */
final class StreamBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Offset the next byte will have. */
    int offset() {
        return out.size();
    }

    StreamBuilder u8(int... values) {
        for (int v : values) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("not a byte: " + v);
            }
            out.write(v);
        }
        return this;
    }

    StreamBuilder u16(int v) {
        if (v < 0 || v > 65535) {
            throw new IllegalArgumentException("not a 16-bit value: " + v);
        }
        out.write(v >> 8);
        out.write(v & 0xFF);
        return this;
    }

    StreamBuilder marker(int code) {
        return u8(0xFF, code);
    }

    StreamBuilder soi() {
        return marker(0xD8);
    }

    StreamBuilder eoi() {
        return marker(0xD9);
    }

    /** {@code n} copies of {@code value}. */
    StreamBuilder fill(int n, int value) {
        for (int i = 0; i < n; i++) {
            u8(value);
        }
        return this;
    }

    /** A COM segment holding {@code n} 'x' bytes: 4 + n bytes in all. */
    StreamBuilder comment(int n) {
        marker(0xFE).u16(n + 2);
        return fill(n, 'x');
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
