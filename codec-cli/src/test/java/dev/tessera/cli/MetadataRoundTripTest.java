package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 point 4: metadata kept both ways, JPEG -> PNG -> JPEG byte for byte, and what is dropped is named. */
class MetadataRoundTripTest {
    @TempDir
    Path dir;

    private byte[] exif;
    private byte[] icc;
    private byte[] xmp;
    private byte[] extendedXmp;
    private Path jpeg;

    @BeforeEach
    void makeInput() throws IOException {
        exif = TestImages.minimalExif("round trip");
        // A non-sRGB RGB profile every JDK has.
        icc = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        StringBuilder big = new StringBuilder("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
            + "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about=''>");
        for (int i = 0; big.length() < 150_000; i++) {
            big.append("<e").append(i).append(">é ").append(i).append("</e").append(i).append('>');
        }
        extendedXmp = big.append("</rdf:Description></rdf:RDF></x:xmpmeta>").toString()
            .getBytes(StandardCharsets.UTF_8);
        String guid = HexFormat.of().withUpperCase().formatHex(md5(extendedXmp));
        xmp = ("<?xpacket begin='\uFEFF' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
            + "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about='' "
            + "xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:xmpNote='http://ns.adobe.com/xmp/note/' "
            + "xmpNote:HasExtendedXMP='" + guid + "'><dc:title>Grüße</dc:title></rdf:Description></rdf:RDF>"
            + "</x:xmpmeta><?xpacket end='w'?>").getBytes(StandardCharsets.UTF_8);
        ImageMetadata metadata = new ImageMetadata(JfifHeader.dotsPerInch(300, 300), exif, icc,
            List.of("first comment", "second, Latin-1: ü")).withXmp(xmp).withExtendedXmp(extendedXmp);
        byte[] encoded;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.DEFAULT.withQuality(90)).encode(TestImages.gradient(64, 40), metadata, out);
        encoded = out.toByteArray();
        // An APP13 Photoshop segment after the APP0, which compress does not carry.
        byte[] app13 = "Photoshop 3.0\0 8BIM".getBytes(StandardCharsets.ISO_8859_1);
        int afterApp0 = 2 + 2 + ((encoded[4] & 0xFF) << 8 | encoded[5] & 0xFF);
        ByteArrayOutputStream with = new ByteArrayOutputStream();
        with.write(encoded, 0, afterApp0);
        with.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xED, 0, (byte) (app13.length + 2)});
        with.writeBytes(app13);
        with.write(encoded, afterApp0, encoded.length - afterApp0);
        jpeg = Files.write(dir.resolve("in.jpg"), with.toByteArray());
    }

    private static byte[] md5(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PNG 5.3: chunk type to data, in file order (repeated types get "#n" suffixes). */
    static Map<String, byte[]> pngChunks(Path png) throws IOException {
        byte[] b = Files.readAllBytes(png);
        Map<String, byte[]> chunks = new LinkedHashMap<>();
        int p = 8;
        while (p + 12 <= b.length) {
            int n = (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
            String type = new String(b, p + 4, 4, StandardCharsets.ISO_8859_1);
            String key = type;
            for (int i = 2; chunks.containsKey(key); i++) {
                key = type + "#" + i;
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(b, p + 4, 4 + n);
            int stored = (b[p + 8 + n] & 0xFF) << 24 | (b[p + 9 + n] & 0xFF) << 16 | (b[p + 10 + n] & 0xFF) << 8
                | b[p + 11 + n] & 0xFF;
            assertEquals((int) crc.getValue(), stored, "CRC of " + type);
            chunks.put(key, Arrays.copyOfRange(b, p + 8, p + 8 + n));
            p += 12 + n;
        }
        return chunks;
    }

    @Test
    void decompressWritesIccExifXmpCommentsAndDensityToPng() throws IOException {
        Path png = dir.resolve("out.png");
        Cli.Result result = Cli.run("decompress", "-v", jpeg, "-o", png);
        assertEquals(0, result.exitCode(), result.err());
        Map<String, byte[]> chunks = pngChunks(png);

        byte[] iccp = chunks.get("iCCP");
        assertNotNull(iccp, chunks.keySet().toString());
        int nul = indexOf(iccp, (byte) 0);
        assertEquals(0, iccp[nul + 1], "compression method 0");
        try (InflaterInputStream z = new InflaterInputStream(
            new java.io.ByteArrayInputStream(iccp, nul + 2, iccp.length - nul - 2))) {
            assertArrayEquals(icc, z.readAllBytes());
        }
        assertArrayEquals(exif, chunks.get("eXIf"));
        byte[] itxt = chunks.get("iTXt");
        byte[] keyword = "XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(keyword, Arrays.copyOf(itxt, keyword.length));
        assertArrayEquals(xmp, Arrays.copyOfRange(itxt, keyword.length, itxt.length));
        assertEquals("Comment\0first comment", new String(chunks.get("tEXt"), StandardCharsets.ISO_8859_1));
        assertEquals("Comment\0second, Latin-1: ü", new String(chunks.get("tEXt#2"), StandardCharsets.ISO_8859_1));
        // PNG 11.3.5.3: 300 dpi is 11811 pixels per metre, unit 1.
        assertArrayEquals(new byte[] {0, 0, 0x2E, 0x23, 0, 0, 0x2E, 0x23, 1}, chunks.get("pHYs"));
        assertTrue(result.err().contains("extended XMP (" + extendedXmp.length + " bytes) not written"),
            result.err());
        // The pixels are the decoder's.
        BufferedImage written = ImageIO.read(png.toFile());
        BufferedImage decoded = new JpegDecoder().decode(jpeg);
        assertEquals(decoded.getRGB(17, 9), written.getRGB(17, 9));
    }

    @Test
    void jpegToPngToJpegKeepsIccExifXmpAndCommentsByteForByte() throws IOException {
        Path png = dir.resolve("mid.png");
        assertEquals(0, Cli.run("decompress", jpeg, "-o", png, "--quiet").exitCode());
        Path back = dir.resolve("back.jpg");
        Cli.Result result = Cli.run("compress", "-v", png, "-o", back);
        assertEquals(0, result.exitCode(), result.err());

        ImageMetadata kept = new JpegDecoder().readInfo(back).metadata();
        assertArrayEquals(icc, kept.iccProfile());
        assertArrayEquals(exif, kept.exif());
        assertArrayEquals(xmp, kept.xmp());
        assertEquals(List.of("first comment", "second, Latin-1: ü"), kept.comments());
        assertEquals(300, kept.jfif().xDensity());
        List<TestImages.Segment> segments = TestImages.segments(back);
        assertArrayEquals(exif, TestImages.exif(segments));
        assertArrayEquals(icc, TestImages.icc(segments));
    }

    @Test
    void jpegToJpegKeepsExtendedXmpAndNamesWhatItDrops() throws IOException {
        Path out = dir.resolve("again.jpg");
        Cli.Result result = Cli.run("compress", "-v", jpeg, "-o", out);
        assertEquals(0, result.exitCode(), result.err());

        ImageMetadata kept = new JpegDecoder().readInfo(out).metadata();
        assertArrayEquals(xmp, kept.xmp());
        assertArrayEquals(extendedXmp, kept.extendedXmp());
        assertArrayEquals(icc, kept.iccProfile());
        assertArrayEquals(exif, kept.exif());
        assertEquals(List.of("first comment", "second, Latin-1: ü"), kept.comments());
        long portions = TestImages.segments(out).stream()
            .filter(s -> s.marker() == 0xFFE1 && s.startsWith("http://ns.adobe.com/xmp/extension/\0")).count();
        assertEquals((extendedXmp.length + 65457) / 65458, portions, "XMP Part 3 1.1.3.1 portions");
        List<String> dropped = result.err().lines().filter(l -> l.contains("dropped")).toList();
        assertEquals(1, dropped.size(), result.err());
        assertTrue(dropped.get(0).startsWith("tessera: " + jpeg + ": APP13 segment 'Photoshop 3.0' at offset 20"),
            dropped.get(0));

        Cli.Result quiet = Cli.run("compress", jpeg, "-o", dir.resolve("q.jpg"));
        assertFalse(quiet.err().contains("dropped"), "only -v lists drops: " + quiet.err());
    }

    @Test
    void stripMetadataWritesNone() throws IOException {
        Path png = dir.resolve("bare.png");
        assertEquals(0, Cli.run("decompress", "--strip-metadata", jpeg, "-o", png, "--quiet").exitCode());
        Map<String, byte[]> chunks = pngChunks(png);
        for (String type : List.of("iCCP", "eXIf", "iTXt", "tEXt", "pHYs")) {
            assertFalse(chunks.containsKey(type), type + " in " + chunks.keySet());
        }
    }

    @Test
    void tiffGetsTheProfile() throws IOException {
        Path tif = dir.resolve("out.tif");
        Cli.Result result = Cli.run("decompress", "-v", jpeg, "-o", tif);
        assertEquals(0, result.exitCode(), result.err());
        BufferedImage image = ImageIO.read(tif.toFile());
        assertTrue(image.getColorModel().getColorSpace() instanceof ICC_ColorSpace icc2
            && ImageLoader.sameTags(icc2.getProfile().getData(), icc), "tag 34675 holds the JPEG's profile");
        assertTrue(result.err().contains("EXIF not written: the TIFF writer cannot add an EXIF IFD"), result.err());
    }

    @Test
    void formatsWithoutMetadataSaySo() throws IOException {
        Cli.Result result = Cli.run("decompress", "-v", jpeg, "-o", dir.resolve("out.ppm"));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("ICC profile, EXIF, XMP, comments not written: ppm files hold no metadata"),
            result.err());
    }

    private static int indexOf(byte[] data, byte value) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }
}
