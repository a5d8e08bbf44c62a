package dev.tessera.cli;

import dev.tessera.jpeg.model.DensityUnit;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOException;

/**
 * Adds the metadata of a decoded JPEG to a PNG file that the JDK's writer made: the ICC profile (iCCP, PNG
 * 11.3.3.3), EXIF (eXIf, PNG third edition 11.3.6.1), XMP (iTXt keyword {@code XML:com.adobe.xmp}, XMP Part 3
 * 1.1.5), comments (tEXt keyword {@code Comment}, 11.3.4.3) and the density (pHYs, 11.3.5.3). The chunks go
 * right after IHDR, where each is allowed (before PLTE and IDAT).
 */
final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Chunks the JDK writer might have written that the added ones replace. */
    private static final Set<String> REPLACED = Set.of("iCCP", "sRGB", "pHYs", "eXIf");
    private static final double INCHES_PER_METRE = 1 / 0.0254;

    private PngChunks() {
    }

    /** The chunks to add for {@code metadata}; {@code notes} hears what cannot be carried and why. */
    static List<byte[]> chunks(ImageMetadata metadata, Consumer<String> notes) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        byte[] icc = metadata.iccProfile();
        if (icc != null) {
            // PNG 11.3.3.3: profile name (1-79 Latin-1 bytes), NUL, compression method 0, zlib data.
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.writeBytes("ICC profile".getBytes(StandardCharsets.ISO_8859_1));
            data.write(0);
            data.write(0);
            data.writeBytes(deflate(icc));
            chunks.add(chunk("iCCP", data.toByteArray()));
        }
        byte[] exif = metadata.exif();
        if (exif != null) {
            chunks.add(chunk("eXIf", exif));
        }
        byte[] xmp = metadata.xmp();
        if (xmp != null) {
            // iTXt: keyword, NUL, compression flag 0, method 0, empty language tag + NUL, empty translated
            // keyword + NUL, then the UTF-8 text: the packet's bytes as they are.
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.writeBytes("XML:com.adobe.xmp".getBytes(StandardCharsets.ISO_8859_1));
            data.writeBytes(new byte[] {0, 0, 0, 0, 0});
            data.writeBytes(xmp);
            chunks.add(chunk("iTXt", data.toByteArray()));
            byte[] extended = metadata.extendedXmp();
            if (extended != null) {
                notes.accept("extended XMP (" + extended.length + " bytes) not written: PNG holds one XMP "
                    + "packet");
            }
        }
        for (String comment : metadata.comments()) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.writeBytes("Comment".getBytes(StandardCharsets.ISO_8859_1));
            data.write(0);
            data.writeBytes(comment.getBytes(StandardCharsets.ISO_8859_1));
            chunks.add(chunk("tEXt", data.toByteArray()));
        }
        byte[] phys = phys(metadata.jfif());
        if (phys != null) {
            chunks.add(chunk("pHYs", phys));
        }
        return chunks;
    }

    /**
     * pHYs from the JFIF density: dots per inch or per centimetre become pixels per metre (rounded); an
     * aspect ratio other than 1:1 is written with unit 0; the JFIF default 1:1 writes nothing.
     */
    static byte[] phys(JfifHeader jfif) {
        long x;
        long y;
        int unit;
        if (jfif.units() == DensityUnit.DOTS_PER_INCH) {
            x = Math.round(jfif.xDensity() * INCHES_PER_METRE);
            y = Math.round(jfif.yDensity() * INCHES_PER_METRE);
            unit = 1;
        } else if (jfif.units() == DensityUnit.DOTS_PER_CM) {
            x = jfif.xDensity() * 100L;
            y = jfif.yDensity() * 100L;
            unit = 1;
        } else {
            if (jfif.xDensity() == jfif.yDensity()) {
                return null;
            }
            x = jfif.xDensity();
            y = jfif.yDensity();
            unit = 0;
        }
        if (x < 1 || y < 1) {
            return null;
        }
        return new byte[] {(byte) (x >>> 24), (byte) (x >>> 16), (byte) (x >>> 8), (byte) x,
            (byte) (y >>> 24), (byte) (y >>> 16), (byte) (y >>> 8), (byte) y, (byte) unit};
    }

    /** {@code png} with {@code chunks} inserted after IHDR, replacing any iCCP, sRGB, pHYs or eXIf there. */
    static byte[] insert(byte[] png, List<byte[]> chunks) throws IOException {
        if (chunks.isEmpty()) {
            return png;
        }
        if (png.length < 33 || !java.util.Arrays.equals(png, 0, 8, SIGNATURE, 0, 8)) {
            throw new IIOException("the PNG writer wrote no PNG signature");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 1024);
        out.write(png, 0, 8);
        int p = 8;
        boolean inserted = false;
        while (p + 12 <= png.length) {
            int length = ((png[p] & 0xFF) << 24) | ((png[p + 1] & 0xFF) << 16) | ((png[p + 2] & 0xFF) << 8)
                | (png[p + 3] & 0xFF);
            String type = new String(png, p + 4, 4, StandardCharsets.ISO_8859_1);
            int end = p + 12 + length;
            if (length < 0 || end > png.length) {
                throw new IIOException("the PNG writer wrote a truncated " + type + " chunk");
            }
            if (!(inserted && REPLACED.contains(type))) {
                out.write(png, p, end - p);
            }
            if (type.equals("IHDR")) {
                chunks.forEach(out::writeBytes);
                inserted = true;
            }
            p = end;
        }
        return out.toByteArray();
    }

    /** PNG 5.3: length, type, data, CRC-32 of type and data. */
    static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 12);
        int n = data.length;
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.writeBytes(t);
        out.writeBytes(data);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(data);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
