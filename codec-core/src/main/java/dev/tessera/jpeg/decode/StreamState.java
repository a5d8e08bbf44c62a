package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.marker.ApplicationSegments;
import dev.tessera.jpeg.marker.MarkerReader.ApplicationData;
import dev.tessera.jpeg.marker.MarkerReader;
import dev.tessera.jpeg.model.AdobeApp14;
import dev.tessera.jpeg.model.ArithmeticConditioning;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.HuffmanDefinition;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.JpegColorSpace;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.model.StandardTables;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The tables and metadata in force while a stream is read: quantization and Huffman tables by slot
 * (redefinable between scans, T.81 B.2.4), the restart interval, the frame header, and the APPn/COM
 * metadata collected so far.
 */
final class StreamState {
    final QuantTable[] quant = new QuantTable[4];
    final HuffmanDefinition[] dcTables = new HuffmanDefinition[4];
    final HuffmanDefinition[] acTables = new HuffmanDefinition[4];
    int restartInterval;
    /** Arithmetic conditioning per table Tb 0..15 (T.81 F.1.4.4.1.4, F.1.4.4.2.1 defaults: L 0, U 1, Kx 5). */
    final int[] dcLower = new int[16];
    final int[] dcUpper = new int[16];
    final int[] acKx = new int[16];
    FrameHeader frame;
    JfifHeader jfif;
    AdobeApp14 adobe;
    private byte[] exif;
    private byte[] xmp;
    /** Extended XMP portions by offset, of the first GUID met (XMP Part 3 1.1.3.1). */
    private final TreeMap<Long, byte[]> xmpPortions = new TreeMap<>();
    private String xmpGuid;
    private long xmpLength = -1;
    private final List<String> comments = new ArrayList<>();
    private final TreeMap<Integer, byte[]> iccChunks = new TreeMap<>();
    private int iccCount = -1;
    private boolean iccBroken;
    final List<ImageInfo.QuantSlot> allQuant = new ArrayList<>();
    final List<HuffmanDefinition> allHuffman = new ArrayList<>();
    final List<ScanHeader> scans = new ArrayList<>();

    StreamState() {
        // libjpeg-turbo (jstdhuff.c, called from jinit_huff_decoder) fills empty slots 0 and 1 with the
        // T.81 K.3 tables, so that Motion-JPEG frames without DHT decode.
        dcTables[0] = new HuffmanDefinition(false, 0, StandardTables.LUMINANCE_DC, null);
        acTables[0] = new HuffmanDefinition(true, 0, StandardTables.LUMINANCE_AC, null);
        dcTables[1] = new HuffmanDefinition(false, 1, StandardTables.CHROMINANCE_DC, null);
        acTables[1] = new HuffmanDefinition(true, 1, StandardTables.CHROMINANCE_AC, null);
        java.util.Arrays.fill(dcUpper, 1);
        java.util.Arrays.fill(acKx, 5);
    }

    void define(ArithmeticConditioning a) {
        if (a.ac()) {
            acKx[a.slot()] = a.value();
        } else {
            dcLower[a.slot()] = a.lower();
            dcUpper[a.slot()] = a.upper();
        }
    }

    void define(MarkerReader.QuantDefinition q) {
        quant[q.slot()] = q.table();
        allQuant.add(new ImageInfo.QuantSlot(q.slot(), q.table()));
    }

    void define(HuffmanDefinition h) {
        (h.ac() ? acTables : dcTables)[h.slot()] = h;
        allHuffman.add(h);
    }

    /**
     * Takes what the decoder or readInfo needs from an APPn/COM segment: JFIF and Adobe fields always;
     * EXIF, ICC chunks and comments only with {@code metadata} (readInfo), from a complete payload.
     */
    void application(ApplicationData app, boolean metadata, WarningSink warnings) throws MalformedJpegException {
        byte[] p = app.payload();
        if ((!metadata || !app.complete()) && app.code() != 0xE0 && app.code() != 0xEE) {
            return;
        }
        switch (app.code()) {
            case 0xE0 -> {
                JfifHeader j = ApplicationSegments.parseJfif(p);
                if (j != null && jfif == null) {
                    jfif = j;
                }
            }
            case 0xE1 -> {
                if (exif == null && ApplicationSegments.startsWith(p, "Exif\0")) {
                    exif = java.util.Arrays.copyOfRange(p, Math.min(p.length, 6), p.length);
                } else if (xmp == null && ApplicationSegments.startsWith(p, XMP_ID)) {
                    xmp = java.util.Arrays.copyOfRange(p, XMP_ID.length(), p.length);
                } else if (ApplicationSegments.startsWith(p, XMP_EXTENSION_ID)) {
                    xmpPortion(p);
                }
            }
            case 0xE2 -> icc(app, warnings);
            case 0xEE -> {
                AdobeApp14 a = ApplicationSegments.parseAdobe(p);
                if (a != null) {
                    adobe = a;
                }
            }
            case 0xFE -> comments.add(new String(p, StandardCharsets.ISO_8859_1));
            default -> { }
        }
    }

    private void icc(ApplicationData app, WarningSink warnings) throws MalformedJpegException {
        byte[] p = app.payload();
        if (!ApplicationSegments.startsWith(p, "ICC_PROFILE\0")) {
            return;
        }
        // ICC.1 B.4: "ICC_PROFILE\0", sequence number (1-based), number of chunks, then the data.
        if (p.length < 14) {
            iccProblem(app, warnings, "ICC chunk too short");
            return;
        }
        int seq = p[12] & 0xFF;
        int count = p[13] & 0xFF;
        if (seq == 0 || count == 0 || seq > count || (iccCount >= 0 && count != iccCount)
            || iccChunks.containsKey(seq)) {
            iccProblem(app, warnings, "inconsistent ICC chunk " + seq + " of " + count);
            return;
        }
        iccCount = count;
        iccChunks.put(seq, java.util.Arrays.copyOfRange(p, 14, p.length));
    }

    private void iccProblem(ApplicationData app, WarningSink warnings, String detail) throws MalformedJpegException {
        if (!iccBroken) {
            iccBroken = true;
            warnings.warn(app.offset(), JpegWarning.Kind.BAD_METADATA, detail + "; ICC profile ignored");
        }
    }

    private byte[] iccProfile() {
        if (iccBroken || iccCount <= 0 || iccChunks.size() != iccCount) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk : iccChunks.values()) {
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    ImageMetadata metadata() {
        return new ImageMetadata(jfif == null ? JfifHeader.DEFAULT : jfif, exif, iccProfile(), comments)
            .withXmp(xmp).withExtendedXmp(extendedXmp());
    }

    private static final String XMP_ID = "http://ns.adobe.com/xap/1.0/\0";
    private static final String XMP_EXTENSION_ID = "http://ns.adobe.com/xmp/extension/\0";

    /** XMP Part 3 1.1.3.1: identifier, GUID (32 bytes), full length (4), offset (4), portion. */
    private void xmpPortion(byte[] p) {
        int header = XMP_EXTENSION_ID.length() + 40;
        if (p.length < header) {
            return;
        }
        String guid = new String(p, XMP_EXTENSION_ID.length(), 32, StandardCharsets.ISO_8859_1);
        long length = u32(p, XMP_EXTENSION_ID.length() + 32);
        long offset = u32(p, XMP_EXTENSION_ID.length() + 36);
        if (xmpGuid == null) {
            xmpGuid = guid;
            xmpLength = length;
        }
        if (guid.equals(xmpGuid) && length == xmpLength && !xmpPortions.containsKey(offset)) {
            xmpPortions.put(offset, java.util.Arrays.copyOfRange(p, header, p.length));
        }
    }

    /** The extension when its portions tile 0..full length exactly, else {@code null}. */
    private byte[] extendedXmp() {
        if (xmpPortions.isEmpty() || xmpLength <= 0 || xmpLength > Integer.MAX_VALUE) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var e : xmpPortions.entrySet()) {
            if (e.getKey() != out.size()) {
                return null;
            }
            out.writeBytes(e.getValue());
        }
        return out.size() == xmpLength ? out.toByteArray() : null;
    }

    private static long u32(byte[] p, int at) {
        return (p[at] & 0xFFL) << 24 | (p[at + 1] & 0xFFL) << 16 | (p[at + 2] & 0xFFL) << 8 | (p[at + 3] & 0xFFL);
    }

    /** libjpeg's default_decompress_parms (jdapimin.c), warning on an unknown Adobe transform. */
    JpegColorSpace colorSpace(WarningSink warnings, long offset) throws MalformedJpegException {
        int n = frame.components().size();
        if (n == 1) {
            return JpegColorSpace.GRAYSCALE;
        }
        if (n == 3) {
            if (jfif != null) {
                return JpegColorSpace.YCBCR;
            }
            if (adobe != null) {
                if (adobe.transform() == 0) {
                    return JpegColorSpace.RGB;
                }
                if (adobe.transform() != 1) {
                    warnings.warn(offset, JpegWarning.Kind.UNKNOWN_ADOBE_TRANSFORM,
                        "unknown Adobe colour transform " + adobe.transform() + ", assuming YCbCr");
                }
                return JpegColorSpace.YCBCR;
            }
            int c0 = frame.components().get(0).id();
            int c1 = frame.components().get(1).id();
            int c2 = frame.components().get(2).id();
            if (c0 == 'R' && c1 == 'G' && c2 == 'B') {
                return JpegColorSpace.RGB;
            }
            return JpegColorSpace.YCBCR;
        }
        if (n == 4) {
            if (adobe == null || adobe.transform() == 0) {
                return JpegColorSpace.CMYK;
            }
            if (adobe.transform() != 2) {
                warnings.warn(offset, JpegWarning.Kind.UNKNOWN_ADOBE_TRANSFORM,
                    "unknown Adobe colour transform " + adobe.transform() + ", assuming YCCK");
            }
            return JpegColorSpace.YCCK;
        }
        return JpegColorSpace.UNKNOWN;
    }
}
