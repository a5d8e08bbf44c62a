package dev.tessera.jpeg.marker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.marker.MarkerReader.ApplicationData;
import dev.tessera.jpeg.marker.MarkerReader.QuantDefinition;
import dev.tessera.jpeg.marker.MarkerReader.ScanSelection;
import dev.tessera.jpeg.model.AdobeApp14;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.DensityUnit;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.HuffmanDefinition;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.MarkerSegment;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.spec.Marker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MarkerWriter to MarkerReader round trips: each segment kind the writer writes is read back, the parsed
 * values must equal what was written, and writing the parsed values again must give the same bytes.
 */
class MarkerRoundTripTest {
    @FunctionalInterface
    interface Writing {
        void write(MarkerWriter w) throws IOException;
    }

    private static byte[] write(Writing body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteSink sink = new ByteSink(bytes, 16);
        body.write(new MarkerWriter(sink));
        sink.flush();
        return bytes.toByteArray();
    }

    /** SOI, the segment(s) under test, EOI. */
    private static byte[] stream(Writing body) throws IOException {
        return write(w -> {
            w.writeStartOfImage();
            body.write(w);
            w.writeEndOfImage();
        });
    }

    private static void assertEndsCleanly(Harness h) throws JpegException {
        assertEquals(Marker.EOI.code(), h.next());
        assertEquals(h.source.length() - 2, h.reader.markerOffset());
        assertEquals(0, h.source.remaining());
        assertTrue(h.warnings.isEmpty(), h.warnings::toString);
    }

    @Test
    void startAndEndOfImageAreTheTwoMarkerBytes() throws IOException {
        byte[] data = stream(w -> { });
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, data);
        Harness h = new Harness(data);
        assertEquals(Marker.EOI.code(), h.start());
        assertEquals(2, h.reader.markerOffset());
        h.reader.recordStandalone(Marker.EOI.code());
        assertEquals(List.of(new MarkerSegment(0xD8, 0, 0, ""), new MarkerSegment(0xD9, 2, 0, "")),
            h.reader.segments());
        assertTrue(h.warnings.isEmpty());
    }

    // ---------------------------------------------------------------- frame headers (B.2.2)

    static Stream<FrameHeader> frames() {
        return Stream.of(
            new FrameHeader(Marker.SOF0, 8, 1, 1, List.of(new ComponentSpec(0, 1, 1, 0))),
            new FrameHeader(Marker.SOF0, 8, 480, 640, List.of(new ComponentSpec(1, 2, 2, 0),
                new ComponentSpec(2, 1, 1, 1), new ComponentSpec(3, 1, 1, 1))),
            new FrameHeader(Marker.SOF1, 12, 65535, 65535, List.of(new ComponentSpec(82, 1, 2, 0),
                new ComponentSpec(71, 1, 1, 1), new ComponentSpec(66, 1, 1, 2))),
            new FrameHeader(Marker.SOF1, 8, 3, 7, List.of(new ComponentSpec(1, 4, 1, 3),
                new ComponentSpec(2, 1, 1, 2), new ComponentSpec(3, 1, 1, 1), new ComponentSpec(4, 4, 1, 3))),
            new FrameHeader(Marker.SOF2, 8, 300, 200, List.of(new ComponentSpec(255, 3, 4, 0),
                new ComponentSpec(0, 1, 2, 1), new ComponentSpec(128, 3, 1, 2), new ComponentSpec(7, 1, 4, 3))),
            new FrameHeader(Marker.SOF2, 12, 17, 9, List.of(new ComponentSpec(1, 1, 3, 2))));
    }

    @ParameterizedTest
    @MethodSource("frames")
    void frameHeader(FrameHeader frame) throws IOException {
        byte[] data = stream(w -> w.writeFrameHeader(frame));
        int n = frame.components().size();
        // B.2.2: Lf = 8 + 3 * Nf, and the segment is the marker, Lf and Lf - 2 more bytes.
        assertEquals(2 + 2 + 8 + 3 * n + 2, data.length);
        assertEquals(frame.process().code(), data[3] & 0xFF);
        assertEquals(8 + 3 * n, ((data[4] & 0xFF) << 8) | (data[5] & 0xFF));

        Harness h = new Harness(data);
        int code = h.start();
        assertEquals(frame.process().code(), code);
        FrameHeader read = h.reader.readFrameHeader(code, Long.MAX_VALUE, false);
        assertEquals(frame, read);
        assertEquals(frame.process(), read.process());
        assertEquals(frame.precision(), read.precision());
        assertEquals(frame.width(), read.width());
        assertEquals(frame.height(), read.height());
        assertEquals(frame.components(), read.components());
        assertEquals(new MarkerSegment(code, 2, 8 + 3 * n, ""), h.reader.segments().get(1));
        assertEndsCleanly(h);
        assertArrayEquals(data, stream(w -> w.writeFrameHeader(read)));
    }

    @Test
    void losslessFrameWithSixteenBitSamples() throws IOException {
        FrameHeader frame = new FrameHeader(Marker.SOF3, 16, 5, 6, List.of(new ComponentSpec(1, 1, 1, 0)));
        Harness h = new Harness(stream(w -> w.writeFrameHeader(frame)));
        assertEquals(frame, h.reader.readFrameHeader(h.start(), Long.MAX_VALUE, false));
        assertEndsCleanly(h);
    }

    // ---------------------------------------------------------------- scan headers (B.2.3)

    private static final FrameHeader THREE = new FrameHeader(Marker.SOF2, 8, 16, 16, List.of(
        new ComponentSpec(1, 2, 2, 0), new ComponentSpec(2, 1, 1, 1), new ComponentSpec(3, 1, 1, 1)));

    static Stream<ScanHeader> scans() {
        return Stream.of(
            ScanHeader.sequential(List.of(new ScanComponent(1, 0, 0), new ScanComponent(2, 1, 1),
                new ScanComponent(3, 1, 1))),
            // Progressive DC first scan with point transform 1 (G.1.1.1).
            new ScanHeader(List.of(new ScanComponent(1, 0, 0), new ScanComponent(2, 1, 0),
                new ScanComponent(3, 1, 0)), 0, 0, 0, 1),
            // AC first scan of one component, bands 1..5, Al 2.
            new ScanHeader(List.of(new ScanComponent(2, 0, 3)), 1, 5, 0, 2),
            // AC refinement: Ah 2, Al 1.
            new ScanHeader(List.of(new ScanComponent(3, 0, 2)), 6, 63, 2, 1),
            // Two of three components, skipping the middle one.
            new ScanHeader(List.of(new ScanComponent(1, 3, 2), new ScanComponent(3, 2, 3)), 0, 0, 13, 12));
    }

    @ParameterizedTest
    @MethodSource("scans")
    void scanHeader(ScanHeader scan) throws IOException {
        byte[] data = stream(w -> w.writeScanHeader(scan));
        int n = scan.components().size();
        assertEquals(2 + 2 + 6 + 2 * n + 2, data.length);
        // B.2.3: Ah in the high nibble, Al in the low nibble of the last byte.
        assertEquals(scan.approxHigh() << 4 | scan.approxLow(), data[data.length - 3] & 0xFF);

        Harness h = new Harness(data);
        assertEquals(Marker.SOS.code(), h.start());
        ScanSelection selection = h.reader.readScanHeader(THREE, false);
        ScanHeader read = selection.header();
        assertEquals(scan, read);
        assertEquals(scan.spectralStart(), read.spectralStart());
        assertEquals(scan.spectralEnd(), read.spectralEnd());
        assertEquals(scan.approxHigh(), read.approxHigh());
        assertEquals(scan.approxLow(), read.approxLow());
        // The frame component each scan component selects: component ids 1, 2, 3 are frame indices 0, 1, 2.
        assertEquals(scan.components().stream().map(c -> c.componentId() - 1).toList(), selection.frameIndices());
        assertEndsCleanly(h);
        assertArrayEquals(data, stream(w -> w.writeScanHeader(read)));
    }

    // ---------------------------------------------------------------- DQT (B.2.4.1)

    private static int[] oneTo64() {
        int[] v = new int[64];
        for (int n = 0; n < 64; n++) {
            v[n] = n + 1;
        }
        return v;
    }

    @Test
    void eightBitQuantTableIsWrittenInZigZagOrder() throws IOException {
        QuantTable table = QuantTable.ofNatural(oneTo64());
        byte[] data = stream(w -> w.writeQuantTable(2, table));
        // Lq = 2 + 65, Pq 0, Tq 2.
        assertEquals(67, ((data[4] & 0xFF) << 8) | (data[5] & 0xFF));
        assertEquals(0x02, data[6]);
        // Figure A.6: zig-zag order starts (0,0), (0,1), (1,0), (2,0), (1,1), (0,2); natural value = 8v + u + 1.
        int[] firstSix = {1, 2, 9, 17, 10, 3};
        for (int k = 0; k < firstSix.length; k++) {
            assertEquals(firstSix[k], data[7 + k] & 0xFF, "zig-zag position " + k);
        }
        assertEquals(64, data[7 + 63] & 0xFF);

        Harness h = new Harness(data);
        assertEquals(Marker.DQT.code(), h.start());
        List<QuantDefinition> read = h.reader.readQuantTables();
        assertEquals(List.of(new QuantDefinition(2, table)), read);
        assertArrayEquals(oneTo64(), read.get(0).table().toNaturalArray());
        assertEndsCleanly(h);
        assertArrayEquals(data, stream(w -> w.writeQuantTable(2, read.get(0).table())));
    }

    @Test
    void sixteenBitQuantTable() throws IOException {
        int[] values = new int[64];
        for (int n = 0; n < 64; n++) {
            values[n] = 1 + n * 1040; // 1 .. 65521, most above 255
        }
        values[63] = 65535;
        QuantTable table = QuantTable.ofNatural(values);
        assertEquals(1, table.precision());
        byte[] data = stream(w -> w.writeQuantTable(3, table));
        // Lq = 2 + 1 + 128, Pq 1, Tq 3.
        assertEquals(131, ((data[4] & 0xFF) << 8) | (data[5] & 0xFF));
        assertEquals(0x13, data[6]);
        // Zig-zag position 2 is natural index 8, big-endian.
        assertEquals(values[8], ((data[7 + 4] & 0xFF) << 8) | (data[7 + 5] & 0xFF));

        Harness h = new Harness(data);
        assertEquals(Marker.DQT.code(), h.start());
        List<QuantDefinition> read = h.reader.readQuantTables();
        assertEquals(1, read.size());
        assertEquals(3, read.get(0).slot());
        assertArrayEquals(values, read.get(0).table().toNaturalArray());
        assertEndsCleanly(h);
        assertArrayEquals(data, stream(w -> w.writeQuantTable(3, read.get(0).table())));
    }

    @Test
    void severalQuantTablesInOneSegment() throws IOException {
        // B.2.4.1 allows n tables in one DQT: Lq = 2 + sum(65 + 64 * Pq).
        StreamBuilder b = new StreamBuilder().soi().marker(0xDB).u16(2 + 65 + 129 + 65);
        b.u8(0x00);
        for (int k = 0; k < 64; k++) {
            b.u8(k + 1);
        }
        b.u8(0x11);
        for (int k = 0; k < 64; k++) {
            b.u16(1000 + k);
        }
        b.u8(0x03).fill(64, 255).eoi();
        Harness h = new Harness(b.bytes());
        assertEquals(Marker.DQT.code(), h.start());
        List<QuantDefinition> read = h.reader.readQuantTables();
        assertEquals(List.of(0, 1, 3), read.stream().map(QuantDefinition::slot).toList());
        for (int k = 0; k < 64; k++) {
            assertEquals(k + 1, read.get(0).table().getZigZag(k));
            assertEquals(1000 + k, read.get(1).table().getZigZag(k));
            assertEquals(255, read.get(2).table().getZigZag(k));
        }
        assertEndsCleanly(h);
    }

    // ---------------------------------------------------------------- DHT (B.2.4.2)

    static Stream<Object[]> huffmanTables() {
        HuffmanSpec small = new HuffmanSpec(new int[] {0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
            new int[] {7, 0, 255, 9});
        return Stream.of(
            new Object[] {0, 0, StandardTables.LUMINANCE_DC},
            new Object[] {1, 0, StandardTables.LUMINANCE_AC},
            new Object[] {0, 1, StandardTables.CHROMINANCE_DC},
            new Object[] {1, 1, StandardTables.CHROMINANCE_AC},
            new Object[] {1, 3, small},
            new Object[] {0, 2, small});
    }

    @ParameterizedTest
    @MethodSource("huffmanTables")
    void huffmanTable(int tableClass, int slot, HuffmanSpec spec) throws IOException {
        byte[] data = stream(w -> w.writeHuffmanTable(tableClass, slot, spec));
        // Lh = 2 + 17 + mt; Tc in the high nibble, Th in the low one.
        assertEquals(2 + 17 + spec.symbolCount(), ((data[4] & 0xFF) << 8) | (data[5] & 0xFF));
        assertEquals(tableClass << 4 | slot, data[6] & 0xFF);

        Harness h = new Harness(data);
        assertEquals(Marker.DHT.code(), h.start());
        List<HuffmanDefinition> read = h.reader.readHuffmanTables();
        assertEquals(List.of(new HuffmanDefinition(tableClass == 1, slot, spec, null)), read);
        assertArrayEquals(spec.counts(), read.get(0).spec().counts());
        assertArrayEquals(spec.symbols(), read.get(0).spec().symbols());
        assertEndsCleanly(h);
        assertArrayEquals(data, stream(w -> w.writeHuffmanTable(tableClass, slot, read.get(0).spec())));
    }

    @Test
    void fourHuffmanTablesInOneSegment() throws IOException {
        // What the writer writes as four segments, concatenated into one DHT as B.2.4.2 allows.
        HuffmanSpec[] specs = {StandardTables.LUMINANCE_DC, StandardTables.LUMINANCE_AC,
            StandardTables.CHROMINANCE_DC, StandardTables.CHROMINANCE_AC};
        int[] tcTh = {0x00, 0x10, 0x01, 0x11};
        int total = 2;
        for (HuffmanSpec s : specs) {
            total += 17 + s.symbolCount();
        }
        StreamBuilder b = new StreamBuilder().soi().marker(0xC4).u16(total);
        for (int t = 0; t < 4; t++) {
            b.u8(tcTh[t]).u8(specs[t].counts()).u8(specs[t].symbols());
        }
        Harness h = new Harness(b.eoi().bytes());
        assertEquals(Marker.DHT.code(), h.start());
        List<HuffmanDefinition> read = h.reader.readHuffmanTables();
        assertEquals(List.of(new HuffmanDefinition(false, 0, specs[0], null),
            new HuffmanDefinition(true, 0, specs[1], null), new HuffmanDefinition(false, 1, specs[2], null),
            new HuffmanDefinition(true, 1, specs[3], null)), read);
        assertEndsCleanly(h);
    }

    // ---------------------------------------------------------------- DRI (B.2.4.4)

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 255, 256, 4660, 65535})
    void restartInterval(int mcus) throws IOException {
        byte[] data = stream(w -> w.writeRestartInterval(mcus));
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, (byte) (mcus >> 8), (byte) mcus},
            Arrays.copyOfRange(data, 2, 8));
        Harness h = new Harness(data);
        assertEquals(Marker.DRI.code(), h.start());
        assertEquals(mcus, h.reader.readRestartInterval());
        assertEndsCleanly(h);
    }

    // ---------------------------------------------------------------- APPn and COM (B.2.4.6, T.871)

    @Test
    void jfif() throws IOException {
        JfifHeader jfif = new JfifHeader(1, 2, DensityUnit.DOTS_PER_CM, 300, 0x1234);
        byte[] data = stream(w -> w.writeJfif(jfif));
        // T.871 10.1: Lp 16, "JFIF\0", version 1.02, units 2, densities, thumbnail 0x0.
        byte[] expected = {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 2, 1, 44, 0x12, 0x34, 0, 0};
        assertArrayEquals(expected, Arrays.copyOfRange(data, 2, data.length - 2));
        Harness h = new Harness(data);
        assertEquals(0xE0, h.start());
        ApplicationData app = h.reader.readApplication(0xE0, true);
        assertEquals(0xE0, app.code());
        assertEquals(2, app.offset());
        assertEquals(16, app.length());
        assertTrue(app.complete());
        JfifHeader read = ApplicationSegments.parseJfif(app.payload());
        assertEquals(jfif, read);
        assertEquals(new MarkerSegment(0xE0, 2, 16, "JFIF"), h.reader.segments().get(1));
        assertEndsCleanly(h);
        assertArrayEquals(data, stream(w -> w.writeJfif(read)));
    }

    @Test
    void jfifFieldsAreReadEvenWhenMetadataIsNotKept() throws IOException {
        // The decoder reads with keepMetadata false and still needs the JFIF fields: the 32-byte prefix holds them.
        byte[] data = stream(w -> w.writeJfif(JfifHeader.dotsPerInch(72, 96)));
        Harness h = new Harness(data);
        assertEquals(0xE0, h.start());
        ApplicationData app = h.reader.readApplication(0xE0, false);
        assertTrue(app.complete());
        assertEquals(JfifHeader.dotsPerInch(72, 96), ApplicationSegments.parseJfif(app.payload()));
        assertEndsCleanly(h);
    }

    @Test
    void exif() throws IOException {
        byte[] tiff = new byte[1000];
        tiff[0] = 'M';
        tiff[1] = 'M';
        for (int i = 2; i < tiff.length; i++) {
            tiff[i] = (byte) (i * 7);
        }
        byte[] data = stream(w -> w.writeExif(tiff));
        Harness h = new Harness(data);
        assertEquals(0xE1, h.start());
        ApplicationData app = h.reader.readApplication(0xE1, true);
        assertEquals(2 + 6 + tiff.length, app.length());
        assertTrue(app.complete());
        assertArrayEquals("Exif\0\0".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(app.payload(), 6));
        byte[] readTiff = Arrays.copyOfRange(app.payload(), 6, app.payload().length);
        assertArrayEquals(tiff, readTiff);
        assertEquals("Exif", h.reader.segments().get(1).label());
        assertEndsCleanly(h);
        assertArrayEquals(data, stream(w -> w.writeExif(readTiff)));
    }

    @Test
    void exifUpToTheSegmentLimit() throws IOException {
        byte[] tiff = new byte[MarkerWriter.MAX_EXIF];
        Harness h = new Harness(stream(w -> w.writeExif(tiff)));
        assertEquals(0xE1, h.start());
        ApplicationData app = h.reader.readApplication(0xE1, true);
        // B.1.1.4: the length field is 16 bits and counts itself.
        assertEquals(65535, app.length());
        assertEquals(6 + tiff.length, app.payload().length);
        assertEndsCleanly(h);
        assertThrows(IllegalArgumentException.class, () -> write(w -> w.writeExif(new byte[tiff.length + 1])));
    }

    @Test
    void iccProfileSplitIntoChunks() throws IOException {
        // ICC.1 B.4: at most 65519 profile bytes per APP2, so 65519 + 65519 + 10 bytes take three chunks.
        byte[] profile = new byte[2 * 65519 + 10];
        for (int i = 0; i < profile.length; i++) {
            profile[i] = (byte) (i % 251);
        }
        byte[] data = stream(w -> w.writeIccProfile(profile));
        Harness h = new Harness(data);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int code = h.start();
        long expectedOffset = 2;
        for (int chunk = 1; chunk <= 3; chunk++) {
            assertEquals(0xE2, code);
            ApplicationData app = h.reader.readApplication(code, true);
            assertEquals(expectedOffset, app.offset());
            byte[] p = app.payload();
            assertEquals("ICC_PROFILE\0", new String(p, 0, 12, StandardCharsets.US_ASCII));
            assertEquals(chunk, p[12]);
            assertEquals(3, p[13]);
            assertEquals(chunk < 3 ? 65519 : 10, p.length - 14);
            joined.write(p, 14, p.length - 14);
            assertEquals("ICC_PROFILE " + chunk + "/3", h.reader.segments().get(chunk).label());
            expectedOffset += 2 + app.length();
            if (chunk < 3) {
                code = h.next();
            }
        }
        assertEndsCleanly(h);
        assertArrayEquals(profile, joined.toByteArray());
        assertArrayEquals(data, stream(w -> w.writeIccProfile(joined.toByteArray())));
    }

    @Test
    void iccProfileTooLargeFor255Chunks() {
        byte[] profile = new byte[255 * MarkerWriter.MAX_ICC_CHUNK + 1];
        assertThrows(IllegalArgumentException.class, () -> write(w -> w.writeIccProfile(profile)));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2, 3})
    void adobe(int transform) throws IOException {
        byte[] data = stream(w -> w.writeAdobe(transform));
        Harness h = new Harness(data);
        assertEquals(0xEE, h.start());
        ApplicationData app = h.reader.readApplication(0xEE, false);
        assertEquals(14, app.length());
        AdobeApp14 read = ApplicationSegments.parseAdobe(app.payload());
        assertEquals(new AdobeApp14(100, 0, 0, transform), read);
        assertEquals("Adobe", h.reader.segments().get(1).label());
        assertEndsCleanly(h);
        assertArrayEquals(data, stream(w -> w.writeAdobe(read.transform())));
    }

    @Test
    void comment() throws IOException {
        String text = "caf\u00e9 \u00ff \u0001 ok";
        byte[] data = stream(w -> w.writeComment(text));
        Harness h = new Harness(data);
        assertEquals(0xFE, h.start());
        ApplicationData app = h.reader.readApplication(0xFE, true);
        assertEquals(2 + text.length(), app.length());
        String read = new String(app.payload(), StandardCharsets.ISO_8859_1);
        assertEquals(text, read);
        assertEquals("comment", h.reader.segments().get(1).label());
        assertEndsCleanly(h);
        assertArrayEquals(data, stream(w -> w.writeComment(read)));
    }

    @Test
    void emptyCommentAndTheLongestOne() throws IOException {
        String longest = "z".repeat(MarkerWriter.MAX_PAYLOAD);
        byte[] data = stream(w -> {
            w.writeComment("");
            w.writeComment(longest);
        });
        Harness h = new Harness(data);
        assertEquals(0xFE, h.start());
        ApplicationData empty = h.reader.readApplication(0xFE, true);
        assertEquals(2, empty.length());
        assertEquals(0, empty.payload().length);
        assertEquals(0xFE, h.next());
        assertEquals(6, h.reader.markerOffset());
        ApplicationData full = h.reader.readApplication(0xFE, true);
        assertEquals(65535, full.length());
        assertEquals(longest, new String(full.payload(), StandardCharsets.ISO_8859_1));
        assertEndsCleanly(h);
        assertThrows(IllegalArgumentException.class, () -> write(w -> w.writeComment(longest + "z")));
    }

    // ---------------------------------------------------------------- a whole header

    @Test
    void aCompleteHeaderReadsBackInOrder() throws IOException {
        FrameHeader frame = THREE;
        ScanHeader scan = new ScanHeader(List.of(new ScanComponent(1, 0, 0)), 0, 0, 0, 0);
        QuantTable q = QuantTable.ofNatural(oneTo64());
        byte[] data = stream(w -> {
            w.writeJfif(JfifHeader.DEFAULT);
            w.writeComment("hi");
            w.writeQuantTable(0, q);
            w.writeFrameHeader(frame);
            w.writeHuffmanTable(0, 0, StandardTables.LUMINANCE_DC);
            w.writeRestartInterval(4);
            w.writeScanHeader(scan);
        });
        Harness h = new Harness(data);
        assertEquals(0xE0, h.start());
        assertEquals(JfifHeader.DEFAULT, ApplicationSegments.parseJfif(h.reader.readApplication(0xE0, false).payload()));
        assertEquals(0xFE, h.next());
        assertEquals("hi", new String(h.reader.readApplication(0xFE, true).payload(), StandardCharsets.ISO_8859_1));
        assertEquals(0xDB, h.next());
        assertEquals(q, h.reader.readQuantTables().get(0).table());
        assertEquals(0xC2, h.next());
        FrameHeader readFrame = h.reader.readFrameHeader(0xC2, 256, false);
        assertEquals(frame, readFrame);
        assertEquals(0xC4, h.next());
        assertNotNull(h.reader.readHuffmanTables().get(0).spec());
        assertEquals(0xDD, h.next());
        assertEquals(4, h.reader.readRestartInterval());
        assertEquals(0xDA, h.next());
        assertEquals(scan, h.reader.readScanHeader(readFrame, false).header());
        assertEndsCleanly(h);
        // Each segment is recorded at the offset of its 0xFF, with its length field.
        List<MarkerSegment> segments = h.reader.segments();
        assertEquals(List.of(0xD8, 0xE0, 0xFE, 0xDB, 0xC2, 0xC4, 0xDD, 0xDA),
            segments.stream().map(MarkerSegment::code).toList());
        long at = 2;
        for (MarkerSegment s : segments.subList(1, segments.size())) {
            assertEquals(at, s.offset(), s.toString());
            at += 2 + s.length();
        }
        assertEquals(data.length - 2, at);
    }
}
