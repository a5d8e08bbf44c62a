package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JpegColorSpace;
import dev.tessera.jpeg.model.MarkerSegment;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.testing.Corpus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JpegDecoder#readInfo}: markers, tables, scans and metadata without decoding. */
class ReadInfoTest {
    @Test
    void listsSegmentsWithOffsetsTablesAndScans() throws IOException {
        byte[] data = new JpegEncoderFixture().encoded();
        ImageInfo info = new JpegDecoder().readInfo(data);
        assertEquals(JpegEncoderFixture.SIZE, info.width());
        assertEquals(Marker.SOF0, info.process());
        assertEquals(8, info.precision());
        assertEquals(JpegColorSpace.YCBCR, info.colorSpace());
        assertEquals(1, info.scans().size());
        assertEquals(2, info.quantTables().size());
        assertEquals(4, info.huffmanTables().size());
        assertNotNull(info.jfif());
        List<MarkerSegment> segments = info.segments();
        assertEquals(Marker.SOI.code(), segments.get(0).code());
        assertEquals(Marker.EOI.code(), segments.get(segments.size() - 1).code());
        for (MarkerSegment s : segments) {
            assertEquals(0xFF, data[(int) s.offset()] & 0xFF, "segment " + s + " starts at an 0xFF");
            assertEquals(s.code(), data[(int) s.offset() + 1] & 0xFF);
        }
    }

    @Test
    void reassemblesMultiChunkIccProfiles() throws IOException {
        byte[] data = Corpus.resource("/jpeg/cmyk-sample-multiple-chunk-icc.jpg");
        ImageInfo info = new JpegDecoder().readInfo(data);
        byte[] icc = info.metadata().iccProfile();
        assertNotNull(icc);
        // ICC.1 7.2.2: bytes 0..3 hold the profile size, 36..39 the signature "acsp".
        int size = ((icc[0] & 0xFF) << 24) | ((icc[1] & 0xFF) << 16) | ((icc[2] & 0xFF) << 8) | (icc[3] & 0xFF);
        assertEquals(icc.length, size);
        assertEquals("acsp", new String(icc, 36, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(info.segments().stream().filter(s -> s.label().startsWith("ICC_PROFILE")).count() > 1);
        assertTrue(info.colorSpace() == JpegColorSpace.YCCK || info.colorSpace() == JpegColorSpace.CMYK);
        assertEquals(4, info.components().size());
    }

    @Test
    void duplicateIccSequenceNumbersDropTheProfileWithAWarning() throws IOException {
        byte[] data = Corpus.resource("/jpeg/invalid-icc-duplicate-sequence-numbers-rgb-internal-kodak-srgb-jfif.jpg");
        List<JpegWarning> warnings = new java.util.ArrayList<>();
        ImageInfo info = new JpegDecoder(DecoderOptions.DEFAULT.withListener(warnings::add)).readInfo(data);
        assertNull(info.metadata().iccProfile());
        BufferedImage img = new JpegDecoder(DecoderOptions.DEFAULT.withListener(warnings::add)).decode(data);
        assertEquals(info.width(), img.getWidth());
        assertTrue(warnings.stream().anyMatch(w -> w.kind() == JpegWarning.Kind.BAD_METADATA), warnings::toString);
    }

    @Test
    void iccChunksOutOfOrderAreJoinedBySequenceNumber() throws IOException {
        byte[] data = withApp2(new JpegEncoderFixture().encoded(), iccChunk(2, 2, new byte[] {3}),
            iccChunk(1, 2, new byte[] {1, 2}));
        assertArrayEquals(new byte[] {1, 2, 3}, new JpegDecoder().readInfo(data).metadata().iccProfile());
    }

    @Test
    void iccChunksWithBadNumbersAreRejected() throws IOException {
        byte[] base = new JpegEncoderFixture().encoded();
        List<byte[][]> bad = List.of(
            new byte[][] {iccChunk(1, 2, new byte[1]), iccChunk(1, 2, new byte[1])},
            new byte[][] {iccChunk(1, 2, new byte[1])},
            new byte[][] {iccChunk(0, 1, new byte[1])},
            new byte[][] {iccChunk(1, 1, new byte[1]), iccChunk(2, 2, new byte[1])});
        for (byte[][] chunks : bad) {
            assertNull(new JpegDecoder().readInfo(withApp2(base, chunks)).metadata().iccProfile());
        }
    }

    /** ICC.1 B.4: "ICC_PROFILE\0", sequence number, chunk count, data. */
    private static byte[] iccChunk(int sequence, int count, byte[] data) {
        byte[] id = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return java.nio.ByteBuffer.allocate(id.length + 2 + data.length).put(id).put((byte) sequence)
            .put((byte) count).put(data).array();
    }

    /** The JPEG with APP2 segments holding {@code payloads} inserted right after SOI. */
    private static byte[] withApp2(byte[] jpeg, byte[]... payloads) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] p : payloads) {
            int length = p.length + 2;
            out.write(0xFF);
            out.write(0xE2);
            out.write(length >> 8);
            out.write(length & 0xFF);
            out.writeBytes(p);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void exifPayloadIsTheTiffStructure() throws IOException {
        for (String name : Corpus.twelveMonkeys("exif")) {
            ImageInfo info = new JpegDecoder().readInfo(Corpus.resource(name));
            byte[] exif = info.metadata().exif();
            if (exif != null && exif.length > 2) {
                String order = new String(exif, 0, 2, java.nio.charset.StandardCharsets.US_ASCII);
                assertTrue(order.equals("II") || order.equals("MM"), name + ": " + order);
            }
        }
    }

    @Test
    void metadataSurvivesTheEncoder() throws IOException {
        byte[] icc = new byte[150_000];
        for (int i = 0; i < icc.length; i++) {
            icc[i] = (byte) (i * 31);
        }
        ImageMetadata meta = ImageMetadata.NONE.withComments(List.of("hello")).withIccProfile(icc);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new JpegEncoder().encode(JpegEncoderFixture.image(), meta, out);
        ImageInfo info = new JpegDecoder().readInfo(out.toByteArray());
        assertArrayEquals(icc, info.metadata().iccProfile());
        assertEquals(List.of("hello"), info.metadata().comments());
    }

    @Test
    void readsHeadersOfLosslessTwelveBitAndArithmeticFiles() throws IOException {
        // readInfo worked on these before the decoder did; now both do (issue 3).
        for (String name : Corpus.twelveMonkeys("jpeg-lossless")) {
            ImageInfo info = new JpegDecoder().readInfo(Corpus.resource(name));
            assertTrue(info.process() == Marker.SOF3 || info.process() == Marker.SOF11, name + ": " + info.process());
            BufferedImage image = new JpegDecoder().decode(Corpus.resource(name));
            assertEquals(info.width(), image.getWidth(), name);
        }
        java.nio.file.Path dir = Corpus.requireShared("corpus/libjpeg-turbo");
        ImageInfo twelve = new JpegDecoder().readInfo(dir.resolve("testorig12.jpg"));
        assertEquals(12, twelve.precision());
        assertEquals(227, new JpegDecoder().decode(dir.resolve("testorig12.jpg")).getWidth());
        ImageInfo arithmetic = new JpegDecoder().readInfo(dir.resolve("testimgari.jpg"));
        assertEquals(Marker.SOF9, arithmetic.process());
        assertEquals(227, new JpegDecoder().decode(dir.resolve("testimgari.jpg")).getWidth());
    }

    @Test
    void tablesOnlyStreamIsNotAnImage() {
        byte[] data = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        MalformedJpegException e = assertThrows(MalformedJpegException.class, () -> new JpegDecoder().readInfo(data));
        assertEquals(2, e.offset());
    }

    @Test
    void notAJpegNamesTheFirstBytes() {
        MalformedJpegException e = assertThrows(MalformedJpegException.class,
            () -> new JpegDecoder().decode(new byte[] {'G', 'I', 'F', '8'}));
        assertEquals("offset 0: not a JPEG file: starts with 0x47 0x49", e.getMessage());
    }

    @Test
    void metadataMemoryLimitIsChecked() throws IOException {
        ImageMetadata meta = ImageMetadata.NONE.withIccProfile(new byte[200_000]);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new JpegEncoder().encode(JpegEncoderFixture.image(), meta, out);
        DecoderOptions small = DecoderOptions.DEFAULT.withLimits(Limits.DEFAULT.withMaxMarkerMemory(100_000));
        assertThrows(JpegLimitException.class, () -> new JpegDecoder(small).readInfo(out.toByteArray()));
    }
}
