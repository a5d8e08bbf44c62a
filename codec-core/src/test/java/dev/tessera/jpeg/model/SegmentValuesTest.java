package dev.tessera.jpeg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The small segment values: JFIF (T.871 10.1), Adobe APP14, ICC chunks, DAC conditioning (B.2.4.3), DHT
 * definitions, marker positions, and the metadata that groups them.
 */
class SegmentValuesTest {
    @ParameterizedTest
    @CsvSource({"-1, 1, 1, 1", "256, 1, 1, 1", "1, -1, 1, 1", "1, 256, 1, 1", "1, 1, -1, 1", "1, 1, 65536, 1",
        "1, 1, 1, -1", "1, 1, 1, 65536"})
    void jfifFieldsMustFitTheirBytes(int major, int minor, int x, int y) {
        // T.871 10.1: versions are one byte each, densities two.
        assertThrows(IllegalArgumentException.class, () -> new JfifHeader(major, minor, DensityUnit.DOTS_PER_INCH, x, y));
    }

    @Test
    void jfifNeedsUnits() {
        assertThrows(IllegalArgumentException.class, () -> new JfifHeader(1, 1, null, 1, 1));
    }

    @Test
    void jfifDefaultsAreCjpegs() {
        assertEquals(new JfifHeader(1, 1, DensityUnit.ASPECT_RATIO, 1, 1), JfifHeader.DEFAULT);
        JfifHeader dpi = JfifHeader.dotsPerInch(300, 150);
        assertEquals(DensityUnit.DOTS_PER_INCH, dpi.units());
        assertEquals(300, dpi.xDensity());
        assertEquals(150, dpi.yDensity());
        assertEquals(1, dpi.majorVersion());
        assertEquals(1, dpi.minorVersion());
        assertNotEquals(dpi, JfifHeader.dotsPerInch(150, 300));
        assertEquals(dpi.hashCode(), JfifHeader.dotsPerInch(300, 150).hashCode());
    }

    @Test
    void densityUnitCodes() {
        // T.871 10.1: units 0 (aspect ratio only), 1 (dots per inch), 2 (dots per cm).
        assertEquals(0, DensityUnit.ASPECT_RATIO.code());
        assertEquals(1, DensityUnit.DOTS_PER_INCH.code());
        assertEquals(2, DensityUnit.DOTS_PER_CM.code());
        for (DensityUnit u : DensityUnit.values()) {
            assertSame(u, DensityUnit.of(u.code()));
        }
        assertNull(DensityUnit.of(3));
        assertNull(DensityUnit.of(-1));
    }

    @ParameterizedTest
    @CsvSource({"false, -1, 0", "false, 16, 0", "true, 0, 256", "true, 0, -1", "false, 0, 0x1F", "false, 3, 0x0A"})
    void arithmeticConditioningRejects(boolean ac, int slot, int value) {
        // B.2.4.3: Cs one byte; for DC tables F.1.4.4.1.3 needs L (low nibble) <= U (high nibble).
        assertThrows(IllegalArgumentException.class, () -> new ArithmeticConditioning(ac, slot, value));
    }

    @Test
    void arithmeticConditioningBounds() {
        ArithmeticConditioning dc = new ArithmeticConditioning(false, 15, 0xF7);
        assertEquals(7, dc.lower());
        assertEquals(15, dc.upper());
        // L <= U does not apply to AC tables, whose Cs is Kx.
        assertEquals(0x1F, new ArithmeticConditioning(true, 0, 0x1F).value());
        assertEquals(new ArithmeticConditioning(false, 1, 0x10), new ArithmeticConditioning(false, 1, 0x10));
        assertNotEquals(new ArithmeticConditioning(false, 1, 0x10), new ArithmeticConditioning(true, 1, 0x10));
    }

    @Test
    void huffmanDefinitionComparesTablesByContent() {
        HuffmanSpec a = new HuffmanSpec(new int[] {0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new int[] {1, 2});
        HuffmanSpec b = new HuffmanSpec(a.counts(), a.symbols());
        assertNotSame(a, b);
        assertEquals(new HuffmanDefinition(true, 1, a, null), new HuffmanDefinition(true, 1, b, null));
        assertEquals(new HuffmanDefinition(true, 1, a, null).hashCode(), new HuffmanDefinition(true, 1, b, null).hashCode());
        assertNotEquals(new HuffmanDefinition(true, 1, a, null), new HuffmanDefinition(false, 1, a, null));
        assertNotEquals(new HuffmanDefinition(true, 1, a, null), new HuffmanDefinition(true, 1, null, "bad"));
    }

    @Test
    void adobeAndIccRecords() {
        assertEquals(new AdobeApp14(100, 0, 0, 2), new AdobeApp14(100, 0, 0, 2));
        assertEquals(new AdobeApp14(100, 0, 0, 2).hashCode(), new AdobeApp14(100, 0, 0, 2).hashCode());
        assertNotEquals(new AdobeApp14(100, 0, 0, 2), new AdobeApp14(100, 0, 0, 1));
        IccChunk chunk = new IccChunk(2, 3, 1234L, 65519);
        assertEquals(new IccChunk(2, 3, 1234L, 65519), chunk);
        assertNotEquals(new IccChunk(2, 3, 1235L, 65519), chunk);
        assertEquals(2, chunk.sequence());
        assertEquals(3, chunk.count());
    }

    @Test
    void markerSegmentLabelIsNeverNull() {
        MarkerSegment s = new MarkerSegment(0xDB, 20, 67, null);
        assertEquals("", s.label());
        assertEquals(new MarkerSegment(0xDB, 20, 67, ""), s);
        assertNotEquals(new MarkerSegment(0xDB, 21, 67, ""), s);
    }

    @Test
    void imageMetadataNeedsJfif() {
        assertThrows(IllegalArgumentException.class, () -> new ImageMetadata(null, null, null, List.of()));
    }

    @Test
    void imageMetadataCopiesArraysInAndOut() {
        byte[] exif = {'M', 'M', 0, 42};
        byte[] icc = {1, 2, 3};
        List<String> comments = new ArrayList<>(List.of("one"));
        ImageMetadata m = new ImageMetadata(JfifHeader.DEFAULT, exif, icc, comments);
        exif[0] = 'I';
        icc[0] = 9;
        comments.add("two");
        assertArrayEquals(new byte[] {'M', 'M', 0, 42}, m.exif());
        assertArrayEquals(new byte[] {1, 2, 3}, m.iccProfile());
        assertEquals(List.of("one"), m.comments());
        m.exif()[1] = 'I';
        m.iccProfile()[2] = 0;
        assertArrayEquals(new byte[] {'M', 'M', 0, 42}, m.exif());
        assertArrayEquals(new byte[] {1, 2, 3}, m.iccProfile());
        assertThrows(UnsupportedOperationException.class, () -> m.comments().add("x"));
    }

    @Test
    void imageMetadataAbsentValues() {
        // An empty ICC profile means none (an empty APP2 chunk makes libjpeg-based readers refuse the file).
        ImageMetadata m = new ImageMetadata(JfifHeader.DEFAULT, null, new byte[0], null);
        assertNull(m.exif());
        assertNull(m.iccProfile());
        assertEquals(List.of(), m.comments());
        assertNull(ImageMetadata.NONE.exif());
        assertNull(ImageMetadata.NONE.iccProfile());
        assertEquals(JfifHeader.DEFAULT, ImageMetadata.NONE.jfif());
        assertTrue(ImageMetadata.NONE.comments().isEmpty());
    }

    @Test
    void imageMetadataWithersChangeOneField() {
        ImageMetadata base = new ImageMetadata(JfifHeader.DEFAULT, new byte[] {1}, new byte[] {2}, List.of("c"));
        JfifHeader dpi = JfifHeader.dotsPerInch(72, 72);
        ImageMetadata j = base.withJfif(dpi);
        assertEquals(dpi, j.jfif());
        assertArrayEquals(new byte[] {1}, j.exif());
        assertArrayEquals(new byte[] {2}, j.iccProfile());
        assertEquals(List.of("c"), j.comments());
        assertNull(base.withExif(null).exif());
        assertArrayEquals(new byte[] {2}, base.withExif(null).iccProfile());
        assertArrayEquals(new byte[] {3, 4}, base.withIccProfile(new byte[] {3, 4}).iccProfile());
        assertEquals(List.of("d", "e"), base.withComments(List.of("d", "e")).comments());
        assertArrayEquals(new byte[] {1}, base.withComments(List.of()).exif());
        // The original is unchanged.
        assertEquals(JfifHeader.DEFAULT, base.jfif());
        assertEquals(List.of("c"), base.comments());
    }
}
