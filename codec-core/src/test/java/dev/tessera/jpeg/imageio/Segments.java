package dev.tessera.jpeg.imageio;

import java.util.ArrayList;
import java.util.List;

/** The marker segments of a JPEG file up to the first SOS, parsed independently of the codec. */
record Segments(List<Segment> list) {
    /** One segment: its marker code (0xE0 for APP0) and payload (without the length field). */
    record Segment(int marker, byte[] payload) {
        int u8(int i) {
            return payload[i] & 0xFF;
        }

        int u16(int i) {
            return (u8(i) << 8) | u8(i + 1);
        }

        boolean startsWith(String id) {
            return new String(payload, 0, Math.min(id.length(), payload.length),
                java.nio.charset.StandardCharsets.ISO_8859_1).equals(id);
        }
    }

    static Segments parse(byte[] jpeg) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new AssertionError("no SOI");
        }
        List<Segment> out = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                throw new AssertionError("no marker at offset " + at);
            }
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            byte[] payload = java.util.Arrays.copyOfRange(jpeg, at + 4, at + 2 + length);
            out.add(new Segment(marker, payload));
            if (marker == 0xDA) {
                break;
            }
            at += 2 + length;
        }
        return new Segments(out);
    }

    List<Segment> all(int marker) {
        return list.stream().filter(s -> s.marker() == marker).toList();
    }

    Segment first(int marker) {
        return list.stream().filter(s -> s.marker() == marker).findFirst()
            .orElseThrow(() -> new AssertionError(String.format("no segment 0x%02X", marker)));
    }

    boolean has(int marker) {
        return list.stream().anyMatch(s -> s.marker() == marker);
    }

    /** The frame header: SOF0, SOF1 or SOF2. */
    Segment frame() {
        return list.stream().filter(s -> s.marker() >= 0xC0 && s.marker() <= 0xC2).findFirst()
            .orElseThrow(() -> new AssertionError("no SOF"));
    }
}
