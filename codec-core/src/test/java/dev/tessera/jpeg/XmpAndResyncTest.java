package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.testing.TestImageGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19: XMP (with extended XMP) written and read back; readInfo reads what decode reads. */
class XmpAndResyncTest {
    private static byte[] encode(EncoderOptions options, ImageMetadata metadata) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(options).encode(TestImageGenerator.gradient(), metadata, out);
        return out.toByteArray();
    }

    @Test
    void xmpAndExtendedXmpRoundTripThroughTheMarkers() throws IOException {
        byte[] packet = "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>".getBytes(StandardCharsets.UTF_8);
        byte[] extension = new byte[200_000];
        for (int i = 0; i < extension.length; i++) {
            extension[i] = (byte) ('a' + i % 26);
        }
        byte[] jpeg = encode(EncoderOptions.DEFAULT, ImageMetadata.NONE.withXmp(packet).withExtendedXmp(extension));

        ImageMetadata read = new JpegDecoder().readInfo(jpeg).metadata();
        assertArrayEquals(packet, read.xmp());
        assertArrayEquals(extension, read.extendedXmp());
        // XMP Part 3 1.1.3.1: the GUID without HasExtendedXMP in the packet is the MD5 digest in upper-case hex.
        String text = new String(jpeg, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("http://ns.adobe.com/xmp/extension/\0");
        String guid = text.substring(at + 35, at + 67);
        assertTrue(guid.matches("[0-9A-F]{32}"), guid);
        assertEquals(4, text.split("http://ns.adobe.com/xmp/extension/\0", -1).length - 1, "portions");
    }

    @Test
    void extendedXmpWithAGapIsNotReturned() throws IOException {
        byte[] packet = "<x/>".getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = encode(EncoderOptions.DEFAULT,
            ImageMetadata.NONE.withXmp(packet).withExtendedXmp(new byte[100_000]));
        // Drop the first portion (its APP1 starts at the first extension identifier, 2 + 2 bytes before it).
        String text = new String(jpeg, StandardCharsets.ISO_8859_1);
        int id = text.indexOf("http://ns.adobe.com/xmp/extension/\0");
        int start = id - 4;
        int length = (jpeg[start + 2] & 0xFF) << 8 | jpeg[start + 3] & 0xFF;
        byte[] gap = new byte[jpeg.length - 2 - length];
        System.arraycopy(jpeg, 0, gap, 0, start);
        System.arraycopy(jpeg, start + 2 + length, gap, start, jpeg.length - start - 2 - length);
        ImageMetadata read = new JpegDecoder().readInfo(gap).metadata();
        assertArrayEquals(packet, read.xmp());
        assertNull(read.extendedXmp());
    }

    /** A fuzz corpus finding: 0xFF 0x21 inside entropy-coded data of a scan with restart markers. */
    @Test
    void nonMarkerAfterFfBeforeARestartIsSkippedByReadInfoAsByDecode() throws IOException {
        byte[] seed = encode(EncoderOptions.DEFAULT.withProgressive(false).withRestartInterval(RestartInterval.mcus(1)),
            ImageMetadata.NONE);
        int sos = 0;
        while (!((seed[sos] & 0xFF) == 0xFF && (seed[sos + 1] & 0xFF) == 0xDA)) {
            sos++;
        }
        int at = sos + 40;
        while ((seed[at - 1] & 0xFF) == 0xFF || (seed[at] & 0xFF) == 0xFF) {
            at++;
        }
        byte[] data = new byte[seed.length + 2];
        System.arraycopy(seed, 0, data, 0, at);
        data[at] = (byte) 0xFF;
        data[at + 1] = 0x21;
        System.arraycopy(seed, at, data, at + 2, seed.length - at);

        List<JpegWarning> decodeWarnings = new ArrayList<>();
        new JpegDecoder(DecoderOptions.DEFAULT.withListener(decodeWarnings::add)).decode(data);
        List<JpegWarning> infoWarnings = new ArrayList<>();
        new JpegDecoder(DecoderOptions.DEFAULT.withListener(infoWarnings::add)).readInfo(data);

        assertEquals(1, infoWarnings.size(), infoWarnings.toString());
        assertEquals(at, infoWarnings.get(0).offset());
        assertEquals(JpegWarning.Kind.RESTART_RESYNC, infoWarnings.get(0).kind());
        assertTrue(decodeWarnings.stream().anyMatch(w -> w.kind() == JpegWarning.Kind.RESTART_RESYNC),
            decodeWarnings.toString());
        MalformedJpegException strict = assertThrows(MalformedJpegException.class,
            () -> new JpegDecoder(DecoderOptions.DEFAULT.withStrict(true)).readInfo(data));
        assertEquals(at, strict.offset());

        // Without restart markers decode refuses the code at the scan's end, and so does readInfo.
        byte[] plain = encode(EncoderOptions.DEFAULT.withProgressive(false), ImageMetadata.NONE);
        int p = plain.length / 2;
        while ((plain[p - 1] & 0xFF) == 0xFF || (plain[p] & 0xFF) == 0xFF) {
            p++;
        }
        byte[] bad = new byte[plain.length + 2];
        System.arraycopy(plain, 0, bad, 0, p);
        bad[p] = (byte) 0xFF;
        bad[p + 1] = 0x21;
        System.arraycopy(plain, p, bad, p + 2, plain.length - p);
        assertThrows(MalformedJpegException.class, () -> new JpegDecoder().decode(bad));
        MalformedJpegException e = assertThrows(MalformedJpegException.class, () -> new JpegDecoder().readInfo(bad));
        assertTrue(e.getMessage().contains("unsupported marker 0x21"), e.getMessage());
        assertTrue(Arrays.equals(plain, 0, 2, bad, 0, 2));
    }
}
