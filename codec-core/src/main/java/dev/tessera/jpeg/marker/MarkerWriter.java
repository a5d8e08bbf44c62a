package dev.tessera.jpeg.marker;

import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.spec.Marker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes marker segments (T.81 Annex B, JFIF T.871, ICC.1 Annex B.4) from model values. The only encoder
 * class that knows segment layouts and length fields.
 */
public final class MarkerWriter {
    /** T.81 B.1.1.4: the length field counts itself, so a segment holds at most 65533 payload bytes. */
    public static final int MAX_PAYLOAD = 65533;
    private static final byte[] JFIF_ID = {'J', 'F', 'I', 'F', 0};
    private static final byte[] ADOBE_ID = {'A', 'd', 'o', 'b', 'e'};
    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    /** XMP Part 3 1.1.3: the APP1 namespace identifiers of the main packet and of extended XMP chunks. */
    public static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] XMP_EXTENSION_ID =
        "http://ns.adobe.com/xmp/extension/\0".getBytes(StandardCharsets.US_ASCII);
    /** XMP Part 3 1.1.3.1: the GUID (32 hex digits), full length and offset before each extension portion. */
    private static final int XMP_EXTENSION_HEADER = 32 + 4 + 4;
    public static final int MAX_XMP = MAX_PAYLOAD - XMP_ID.length;
    private static final int MAX_XMP_PORTION = MAX_PAYLOAD - XMP_EXTENSION_ID.length - XMP_EXTENSION_HEADER;
    /** ICC.1 B.4: identifier (12 bytes), sequence number and chunk count (1 byte each). */
    public static final int MAX_ICC_CHUNK = MAX_PAYLOAD - ICC_ID.length - 2;
    public static final int MAX_EXIF = MAX_PAYLOAD - EXIF_ID.length;

    private final ByteSink out;

    public MarkerWriter(ByteSink out) {
        this.out = out;
    }

    private void marker(Marker m) throws IOException {
        out.write(0xFF);
        out.write(m.code());
    }

    private void segmentStart(Marker m, int payloadLength) throws IOException {
        if (payloadLength > MAX_PAYLOAD) {
            throw new IllegalArgumentException(m + " segment payload of " + payloadLength
                + " bytes exceeds the limit " + MAX_PAYLOAD);
        }
        marker(m);
        out.writeShort(payloadLength + 2);
    }

    private static void checkRange(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be 0.." + max + ", found " + value);
        }
    }

    public void writeStartOfImage() throws IOException {
        marker(Marker.SOI);
    }

    public void writeEndOfImage() throws IOException {
        marker(Marker.EOI);
    }

    /** T.871 10.1: APP0 "JFIF\0", version, units, densities, no thumbnail. */
    public void writeJfif(JfifHeader jfif) throws IOException {
        segmentStart(Marker.APP0, 14);
        out.write(JFIF_ID);
        out.write(jfif.majorVersion());
        out.write(jfif.minorVersion());
        out.write(jfif.units().code());
        out.writeShort(jfif.xDensity());
        out.writeShort(jfif.yDensity());
        out.write(0); // thumbnail width
        out.write(0); // thumbnail height
    }

    /**
     * Adobe APP14 (Adobe Technical Note 5116): "Adobe", DCTEncodeVersion 100, flags0 and flags1 0, and the
     * colour transform: 0 for none (RGB or CMYK as coded), 1 for YCbCr, 2 for YCCK.
     */
    public void writeAdobe(int transform) throws IOException {
        // The transform is one byte; a larger value would be truncated into another transform.
        checkRange("Adobe transform", transform, 255);
        segmentStart(Marker.APP14, 12);
        out.write(ADOBE_ID);
        out.writeShort(100);
        out.writeShort(0);
        out.writeShort(0);
        out.write(transform);
    }

    /** EXIF APP1: "Exif\0\0" followed by the TIFF structure. */
    public void writeExif(byte[] tiff) throws IOException {
        if (tiff.length > MAX_EXIF) {
            throw new IllegalArgumentException("EXIF data of " + tiff.length + " bytes exceeds the APP1 limit "
                + MAX_EXIF);
        }
        segmentStart(Marker.APP1, EXIF_ID.length + tiff.length);
        out.write(EXIF_ID);
        out.write(tiff);
    }

    /** ICC.1 B.4: the profile in APP2 chunks of at most 65519 bytes, numbered from 1. */
    public void writeIccProfile(byte[] profile) throws IOException {
        int chunks = Math.max(1, (profile.length + MAX_ICC_CHUNK - 1) / MAX_ICC_CHUNK);
        if (chunks > 255) {
            throw new IllegalArgumentException("ICC profile of " + profile.length
                + " bytes needs more than 255 APP2 chunks");
        }
        for (int i = 0; i < chunks; i++) {
            int start = i * MAX_ICC_CHUNK;
            int length = Math.min(MAX_ICC_CHUNK, profile.length - start);
            segmentStart(Marker.APP2, ICC_ID.length + 2 + length);
            out.write(ICC_ID);
            out.write(i + 1);
            out.write(chunks);
            out.write(profile, start, length);
        }
    }

    /** XMP Part 3 1.1.3: the main XMP packet in one APP1 segment. */
    public void writeXmp(byte[] packet) throws IOException {
        if (packet.length > MAX_XMP) {
            throw new IllegalArgumentException("XMP packet of " + packet.length + " bytes exceeds the APP1 limit "
                + MAX_XMP + " (put the rest in extended XMP)");
        }
        segmentStart(Marker.APP1, XMP_ID.length + packet.length);
        out.write(XMP_ID);
        out.write(packet);
    }

    /**
     * XMP Part 3 1.1.3.1: extended XMP in APP1 portions, each with the GUID, the full length and the portion's
     * offset.
     *
     * @param guid 32 ASCII hex digits, the GUID the main packet names in {@code xmpNote:HasExtendedXMP}
     */
    public void writeExtendedXmp(byte[] extension, String guid) throws IOException {
        byte[] id = guid.getBytes(StandardCharsets.US_ASCII);
        if (id.length != 32) {
            throw new IllegalArgumentException("extended XMP GUID must be 32 characters, found '" + guid + "'");
        }
        for (int start = 0; start < extension.length; start += MAX_XMP_PORTION) {
            int length = Math.min(MAX_XMP_PORTION, extension.length - start);
            segmentStart(Marker.APP1, XMP_EXTENSION_ID.length + XMP_EXTENSION_HEADER + length);
            out.write(XMP_EXTENSION_ID);
            out.write(id);
            out.writeInt(extension.length);
            out.writeInt(start);
            out.write(extension, start, length);
        }
    }

    /**
     * The GUID of extended XMP: the one the main packet names after {@code HasExtendedXMP}, so a copied
     * packet keeps pointing at its extension; else, as XMP Part 3 1.1.3.1 defines it, the MD5 digest of the
     * extension in upper-case hex.
     */
    public static String xmpGuid(byte[] packet, byte[] extension) {
        String text = new String(packet, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("HasExtendedXMP");
        if (at >= 0) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9A-Fa-f]{32}")
                .matcher(text.substring(at, Math.min(text.length(), at + 80)));
            if (m.find()) {
                return m.group();
            }
        }
        try {
            return java.util.HexFormat.of().withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(extension));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** T.81 B.2.4.5: a comment, written as ISO-8859-1. */
    public void writeComment(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        segmentStart(Marker.COM, bytes.length);
        out.write(bytes);
    }

    /**
     * An APPn or COM segment copied as it was read (T.81 B.2.4.5, B.2.4.6): marker code 0xE0..0xEF or 0xFE and
     * its payload, the bytes after the length field.
     */
    public void writeSegment(int code, byte[] payload) throws IOException {
        Marker m = Marker.of(code);
        if (m == null || !((code >= 0xE0 && code <= 0xEF) || code == 0xFE)) {
            throw new IllegalArgumentException(String.format("not an APPn or COM marker: 0x%02X", code));
        }
        segmentStart(m, payload.length);
        out.write(payload);
    }

    /** T.81 B.2.4.1: one table, Pq 0 (8-bit) when all values fit, else 1 (16-bit), values in zig-zag order. */
    public void writeQuantTable(int slot, QuantTable table) throws IOException {
        // T.81 B.2.4.1: Tq is 0..3; a larger slot would spill into the Pq nibble (16 reads as 16-bit table 0).
        checkRange("quantization table destination Tq", slot, 3);
        int precision = table.precision();
        segmentStart(Marker.DQT, 1 + 64 * (precision + 1));
        out.write((precision << 4) | slot);
        for (int k = 0; k < 64; k++) {
            if (precision == 0) {
                out.write(table.getZigZag(k));
            } else {
                out.writeShort(table.getZigZag(k));
            }
        }
    }

    /** T.81 B.2.2: frame header. */
    public void writeFrameHeader(FrameHeader frame) throws IOException {
        segmentStart(frame.process(), 6 + 3 * frame.components().size());
        out.write(frame.precision());
        out.writeShort(frame.height());
        out.writeShort(frame.width());
        out.write(frame.components().size());
        for (ComponentSpec c : frame.components()) {
            out.write(c.id());
            out.write((c.horizontalSampling() << 4) | c.verticalSampling());
            out.write(c.quantTableSlot());
        }
    }

    /**
     * T.81 B.2.4.2: one Huffman table.
     *
     * @param tableClass 0 for DC (and lossless), 1 for AC
     */
    public void writeHuffmanTable(int tableClass, int slot, HuffmanSpec spec) throws IOException {
        // T.81 B.2.4.2: Tc is 0 or 1 and Th 0..3; packed unchecked, Th 17 would read as AC table 1.
        checkRange("Huffman table class Tc", tableClass, 1);
        checkRange("Huffman table destination Th", slot, 3);
        segmentStart(Marker.DHT, 17 + spec.symbolCount());
        out.write((tableClass << 4) | slot);
        for (int length = 1; length <= 16; length++) {
            out.write(spec.countOfLength(length));
        }
        for (int i = 0; i < spec.symbolCount(); i++) {
            out.write(spec.symbol(i));
        }
    }

    /** T.81 B.2.4.4: restart interval Ri in MCUs. */
    public void writeRestartInterval(int mcus) throws IOException {
        // T.81 B.2.4.4: Ri is 16 bits; 65536 would be written as 0, which disables restart markers.
        checkRange("restart interval Ri", mcus, 65535);
        segmentStart(Marker.DRI, 2);
        out.writeShort(mcus);
    }

    /** T.81 B.2.3: scan header. */
    public void writeScanHeader(ScanHeader scan) throws IOException {
        segmentStart(Marker.SOS, 4 + 2 * scan.components().size());
        out.write(scan.components().size());
        for (ScanComponent c : scan.components()) {
            out.write(c.componentId());
            out.write((c.dcTableSlot() << 4) | c.acTableSlot());
        }
        out.write(scan.spectralStart());
        out.write(scan.spectralEnd());
        out.write((scan.approxHigh() << 4) | scan.approxLow());
    }
}
