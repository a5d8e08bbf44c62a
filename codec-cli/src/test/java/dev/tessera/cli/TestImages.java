package dev.tessera.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Small generated inputs and a minimal JPEG segment walker for assertions. */
final class TestImages {
    private TestImages() {
    }

    /** A smooth RGB gradient, deterministic. */
    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = x * 255 / Math.max(1, width - 1);
                int g = y * 255 / Math.max(1, height - 1);
                int b = (x + y) * 255 / Math.max(1, width + height - 2);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /** A solid colour image, 0xRRGGBB. */
    static BufferedImage solid(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    static Path writePng(Path file, BufferedImage image) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    /** PNG 5.3: inserts a chunk right after IHDR (which is 8 + 25 bytes into the file). */
    static byte[] insertPngChunk(byte[] png, String type, byte[] data) {
        int at = 8 + 8 + 13 + 4;
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        byte[] result = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, result, 0, at);
        System.arraycopy(chunk.array(), 0, result, at, chunk.capacity());
        System.arraycopy(png, at, result, at + chunk.capacity(), png.length - at);
        return result;
    }

    /** PNG 11.3.3.3 iCCP: name, NUL, compression method 0, zlib data. */
    static byte[] iccpChunk(String name, byte[] profile) {
        Deflater deflater = new Deflater();
        deflater.setInput(profile);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.write(0);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A tiny valid big-endian TIFF structure with one IFD entry (ImageDescription), as EXIF payloads are. */
    static byte[] minimalExif(String description) {
        byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 + 4 + text.length);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 1);
        // Tag 0x010E ImageDescription, type 2 (ASCII), count, offset of the text after the IFD.
        b.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 12 + 4);
        b.putInt(0);
        b.put(text);
        return b.array();
    }

    /** A resource from the TwelveMonkeys imageio-jpeg test jar, copied to {@code dir}. */
    static Path resource(String name, Path dir) throws IOException {
        try (InputStream in = TestImages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource missing: " + name);
            }
            Path file = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
            Files.copy(in, file);
            return file;
        }
    }

    /** One marker segment before SOS: marker code (0xFFxx) and payload (after the length field). */
    record Segment(int marker, byte[] payload) {
        boolean startsWith(String identifier) {
            byte[] id = identifier.getBytes(StandardCharsets.ISO_8859_1);
            return payload.length >= id.length && Arrays.equals(payload, 0, id.length, id, 0, id.length);
        }
    }

    /** T.81 B.1.1.4: walks the marker segments from SOI up to and including SOS. */
    static List<Segment> segments(byte[] jpeg) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new AssertionError("no SOI");
        }
        List<Segment> result = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new AssertionError("expected a marker at offset " + i);
            }
            int marker = 0xFF00 | jpeg[i + 1] & 0xFF;
            int length = (jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF;
            result.add(new Segment(marker, Arrays.copyOfRange(jpeg, i + 4, i + 2 + length)));
            if (marker == 0xFFDA) {
                break;
            }
            i += 2 + length;
        }
        return result;
    }

    static List<Segment> segments(Path jpeg) throws IOException {
        return segments(Files.readAllBytes(jpeg));
    }

    /** The EXIF payload (TIFF structure) of the first APP1 "Exif\0\0" segment, or {@code null}. */
    static byte[] exif(List<Segment> segments) {
        for (Segment s : segments) {
            if (s.marker() == 0xFFE1 && s.startsWith("Exif\0\0")) {
                return Arrays.copyOfRange(s.payload(), 6, s.payload().length);
            }
        }
        return null;
    }

    /** The ICC profile joined from APP2 chunks in file order, or {@code null}. */
    static byte[] icc(List<Segment> segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean any = false;
        for (Segment s : segments) {
            if (s.marker() == 0xFFE2 && s.startsWith("ICC_PROFILE\0")) {
                out.write(s.payload(), 14, s.payload().length - 14);
                any = true;
            }
        }
        return any ? out.toByteArray() : null;
    }

    /** The same JPEG without its APP2 segments, so a decoder cannot apply the profile. */
    static byte[] withoutApp2(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int i = 2;
        while (true) {
            int marker = 0xFF00 | jpeg[i + 1] & 0xFF;
            if (marker == 0xFFDA) {
                out.write(jpeg, i, jpeg.length - i);
                return out.toByteArray();
            }
            int length = (jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF;
            if (marker != 0xFFE2) {
                out.write(jpeg, i, 2 + length);
            }
            i += 2 + length;
        }
    }
}
