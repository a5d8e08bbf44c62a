package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.MarkerSegment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The thumbnails a JPEG file carries: the uncompressed RGB thumbnail of the JFIF APP0 segment (T.871 10.1),
 * JFXX extension thumbnails coded as JPEG, palette or RGB (T.871 10.2), and the JPEG
 * thumbnail of EXIF's IFD1 (JPEGInterchangeFormat, tags 0x0201/0x0202). Found from the segments' bytes;
 * decoded only when asked for.
 */
final class Thumbnails {
    /** One thumbnail: its size and how to make it. */
    record Thumbnail(int width, int height, Source source) {
    }

    @FunctionalInterface
    interface Source {
        BufferedImage decode() throws IOException;
    }

    private Thumbnails() {
    }

    static List<Thumbnail> find(ImageInfo info, byte[] data, JpegDecoder decoder) {
        List<Thumbnail> out = new ArrayList<>();
        for (MarkerSegment segment : info.segments()) {
            int start = (int) segment.offset() + 4;
            int length = segment.length() - 2;
            if (segment.length() == 0 || start + length > data.length || length < 0) {
                continue;
            }
            byte[] payload = Arrays.copyOfRange(data, start, start + length);
            try {
                if (segment.code() == 0xE0 && startsWith(payload, "JFIF\0") && payload.length >= 14) {
                    int w = payload[12] & 0xFF;
                    int h = payload[13] & 0xFF;
                    if (w > 0 && h > 0 && payload.length >= 14 + 3 * w * h) {
                        out.add(new Thumbnail(w, h, () -> rgb(payload, 14, w, h)));
                    }
                } else if (segment.code() == 0xE0 && startsWith(payload, "JFXX\0") && payload.length > 6) {
                    // The JDK's writer gives palette and RGB segments a length 2 short (without the length field,
                    // which T.871 10.2 counts): the two bytes after the segment then belong to its last pixels.
                    jfxx(payload[5] == 0x11 || payload[5] == 0x13 ? Arrays.copyOfRange(data, start, Math.min(data.length, start + length + 2))
                        : payload, decoder, out);
                } else if (segment.code() == 0xE1 && startsWith(payload, "Exif\0\0")) {
                    exif(Arrays.copyOfRange(payload, 6, payload.length), decoder, out);
                }
            } catch (IOException | RuntimeException e) {
                // A damaged thumbnail is no thumbnail; the image itself is unaffected.
            }
        }
        return out;
    }

    private static void jfxx(byte[] payload, JpegDecoder decoder, List<Thumbnail> out) throws IOException {
        int extension = payload[5] & 0xFF;
        if (extension == 0x10) {
            byte[] jpeg = Arrays.copyOfRange(payload, 6, payload.length);
            out.add(jpeg(jpeg, decoder));
        } else if (extension == 0x11 && payload.length >= 8) {
            // w, h, a palette of 256 RGB triples, then one index a pixel.
            int w = payload[6] & 0xFF;
            int h = payload[7] & 0xFF;
            if (w > 0 && h > 0 && payload.length >= 8 + 768 + w * h) {
                out.add(new Thumbnail(w, h, () -> palette(payload, w, h)));
            }
        } else if (extension == 0x13 && payload.length >= 8) {
            int w = payload[6] & 0xFF;
            int h = payload[7] & 0xFF;
            if (w > 0 && h > 0 && payload.length >= 8 + 3 * w * h) {
                out.add(new Thumbnail(w, h, () -> rgb(payload, 8, w, h)));
            }
        }
    }

    /** EXIF (CIPA DC-008 4.5.4): IFD1 of the TIFF structure holds the offset and length of a JPEG thumbnail. */
    private static void exif(byte[] tiff, JpegDecoder decoder, List<Thumbnail> out) throws IOException {
        if (tiff.length < 8) {
            return;
        }
        boolean little = tiff[0] == 'I' && tiff[1] == 'I';
        if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) {
            return;
        }
        int ifd0 = u32(tiff, 4, little);
        if (ifd0 < 8 || ifd0 + 2 > tiff.length) {
            return;
        }
        int entries = u16(tiff, ifd0, little);
        int next = ifd0 + 2 + 12 * entries;
        if (next + 4 > tiff.length) {
            return;
        }
        int ifd1 = u32(tiff, next, little);
        if (ifd1 < 8 || ifd1 + 2 > tiff.length) {
            return;
        }
        int count = u16(tiff, ifd1, little);
        long offset = -1;
        long length = -1;
        for (int i = 0; i < count && ifd1 + 2 + 12 * i + 12 <= tiff.length; i++) {
            int entry = ifd1 + 2 + 12 * i;
            int tag = u16(tiff, entry, little);
            int type = u16(tiff, entry + 2, little);
            long value = type == 3 ? u16(tiff, entry + 8, little) : u32(tiff, entry + 8, little) & 0xFFFFFFFFL;
            if (tag == 0x0201) {
                offset = value;
            } else if (tag == 0x0202) {
                length = value;
            }
        }
        if (offset > 0 && length > 0 && offset + length <= tiff.length) {
            out.add(jpeg(Arrays.copyOfRange(tiff, (int) offset, (int) (offset + length)), decoder));
        }
    }

    private static Thumbnail jpeg(byte[] jpeg, JpegDecoder decoder) throws IOException {
        ImageInfo info = decoder.readInfo(jpeg);
        return new Thumbnail(info.width(), info.height(), () -> decoder.decode(jpeg));
    }

    private static BufferedImage palette(byte[] payload, int w, int h) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = payload[8 + 3 * i];
            g[i] = payload[9 + 3 * i];
            b[i] = payload[10 + 3 * i];
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
            new java.awt.image.IndexColorModel(8, 256, r, g, b));
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(payload, 8 + 768, pixels, 0, w * h);
        return image;
    }

    private static BufferedImage rgb(byte[] payload, int start, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0, p = start; y < h; y++) {
            for (int x = 0; x < w; x++, p += 3) {
                image.setRGB(x, y, (payload[p] & 0xFF) << 16 | (payload[p + 1] & 0xFF) << 8 | (payload[p + 2] & 0xFF));
            }
        }
        return image;
    }

    private static boolean startsWith(byte[] data, String id) {
        return startsWith(data, 0, id);
    }

    /** Whether {@code data} holds the ISO 8859-1 bytes of {@code id} at {@code at}. */
    static boolean startsWith(byte[] data, int at, String id) {
        byte[] bytes = id.getBytes(StandardCharsets.ISO_8859_1);
        return at >= 0 && data.length - at >= bytes.length
            && Arrays.equals(data, at, at + bytes.length, bytes, 0, bytes.length);
    }

    private static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xFF;
        int c = b[at + 1] & 0xFF;
        return little ? a | c << 8 : a << 8 | c;
    }

    private static int u32(byte[] b, int at, boolean little) {
        return little ? u16(b, at, true) | u16(b, at + 2, true) << 16 : u16(b, at, false) << 16 | u16(b, at + 2, false);
    }
}
