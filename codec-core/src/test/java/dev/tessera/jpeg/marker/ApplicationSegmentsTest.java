package dev.tessera.jpeg.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.AdobeApp14;
import dev.tessera.jpeg.model.DensityUnit;
import dev.tessera.jpeg.model.JfifHeader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Payload parsing of JFIF APP0 (T.871 10.1) and Adobe APP14, and the labels recorded for segments. */
class ApplicationSegmentsTest {
    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static final byte[] JFIF = bytes('J', 'F', 'I', 'F', 0, 1, 2, 1, 0x01, 0x2C, 0x00, 0x48, 0, 0);

    @Test
    void jfifFields() {
        assertEquals(new JfifHeader(1, 2, DensityUnit.DOTS_PER_INCH, 300, 72), ApplicationSegments.parseJfif(JFIF));
    }

    @Test
    void jfifWithAThumbnailOrExtraBytesStillParses() {
        byte[] withThumbnail = Arrays.copyOf(JFIF, 14 + 3 * 2 * 1);
        withThumbnail[12] = 2;
        withThumbnail[13] = 1;
        assertEquals(300, ApplicationSegments.parseJfif(withThumbnail).xDensity());
    }

    @Test
    void jfifNeedsFourteenBytesAndItsIdentifier() {
        // libjpeg's examine_app0 needs the full 14-byte header.
        assertNull(ApplicationSegments.parseJfif(Arrays.copyOf(JFIF, 13)));
        assertNull(ApplicationSegments.parseJfif(new byte[0]));
        byte[] jfxx = JFIF.clone();
        jfxx[2] = 'X';
        jfxx[3] = 'X';
        assertNull(ApplicationSegments.parseJfif(jfxx));
        byte[] noNul = JFIF.clone();
        noNul[4] = ' ';
        assertNull(ApplicationSegments.parseJfif(noNul));
    }

    @Test
    void unknownDensityUnitsAreReadAsAnAspectRatio() {
        byte[] p = JFIF.clone();
        p[7] = 7;
        JfifHeader j = ApplicationSegments.parseJfif(p);
        assertEquals(DensityUnit.ASPECT_RATIO, j.units());
        assertEquals(300, j.xDensity());
        assertEquals(72, j.yDensity());
    }

    @Test
    void adobeFields() {
        byte[] p = bytes('A', 'd', 'o', 'b', 'e', 0, 101, 0x80, 0x00, 0x00, 0x01, 2);
        assertEquals(new AdobeApp14(101, 0x8000, 1, 2), ApplicationSegments.parseAdobe(p));
        assertNull(ApplicationSegments.parseAdobe(Arrays.copyOf(p, 11)));
        p[0] = 'a';
        assertNull(ApplicationSegments.parseAdobe(p));
    }

    @Test
    void startsWithComparesBytesAsUnsigned() {
        assertTrue(ApplicationSegments.startsWith(bytes(0xFF, 'a', 'b'), "\u00ffa"));
        assertFalse(ApplicationSegments.startsWith(bytes(0xFF), "\u00ffa"));
        assertTrue(ApplicationSegments.startsWith(new byte[0], ""));
    }

    @Test
    void labels() {
        assertEquals("comment", ApplicationSegments.label(0xFE, "Exif".getBytes(StandardCharsets.US_ASCII)));
        byte[] icc = Arrays.copyOf("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), 14);
        icc[12] = 2;
        icc[13] = 5;
        assertEquals("ICC_PROFILE 2/5", ApplicationSegments.label(0xE2, icc));
        // The printable prefix, at most 32 bytes, elsewhere.
        assertEquals("ICC_PROFILE", ApplicationSegments.label(0xE2, Arrays.copyOf(icc, 13)));
        assertEquals("Exif", ApplicationSegments.label(0xE1, bytes('E', 'x', 'i', 'f', 0, 0, 'M', 'M')));
        assertEquals("http", ApplicationSegments.label(0xE1, bytes('h', 't', 't', 'p', 0xC3, 'x')));
        assertEquals("x".repeat(32), ApplicationSegments.label(0xEF, "x".repeat(40).getBytes(StandardCharsets.US_ASCII)));
        assertEquals("", ApplicationSegments.label(0xE5, new byte[0]));
    }
}
