package dev.tessera.testing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Binary PGM (P5) and PPM (P6) with 8-bit samples: the formats djpeg writes and cjpeg reads.
 */
public final class Pnm {
    private Pnm() {
    }

    /** Pixels as interleaved bytes: 1 byte a pixel (gray) or 3 (RGB). */
    public record Pixels(int width, int height, int channels, byte[] samples) {
        /** As a TYPE_BYTE_GRAY or TYPE_3BYTE_BGR image. */
        public BufferedImage toImage() {
            if (channels == 1) {
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
                byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                System.arraycopy(samples, 0, d, 0, d.length);
                return img;
            }
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < width * height; i++) {
                d[3 * i] = samples[3 * i + 2];
                d[3 * i + 1] = samples[3 * i + 1];
                d[3 * i + 2] = samples[3 * i];
            }
            return img;
        }
    }

    /** Reads P5 or P6 with maxval 255. */
    public static Pixels read(byte[] bytes) {
        int[] pos = {0};
        String magic = token(bytes, pos);
        int channels = switch (magic) {
            case "P5" -> 1;
            case "P6" -> 3;
            default -> throw new IllegalArgumentException("not a binary PGM/PPM: " + magic);
        };
        int width = Integer.parseInt(token(bytes, pos));
        int height = Integer.parseInt(token(bytes, pos));
        int max = Integer.parseInt(token(bytes, pos));
        if (max != 255) {
            throw new IllegalArgumentException("only maxval 255 is supported, found " + max);
        }
        int start = pos[0] + 1; // one whitespace byte after maxval
        byte[] samples = new byte[width * height * channels];
        System.arraycopy(bytes, start, samples, 0, samples.length);
        return new Pixels(width, height, channels, samples);
    }

    private static String token(byte[] b, int[] pos) {
        int p = pos[0];
        while (true) {
            while (Character.isWhitespace(b[p])) {
                p++;
            }
            if (b[p] == '#') {
                while (b[p] != '\n') {
                    p++;
                }
            } else {
                break;
            }
        }
        int start = p;
        while (!Character.isWhitespace(b[p])) {
            p++;
        }
        pos[0] = p;
        return new String(b, start, p - start, StandardCharsets.US_ASCII);
    }

    /** Writes pixels as P5 or P6. */
    public static byte[] write(Pixels px) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(px.samples().length + 32);
        String header = (px.channels() == 1 ? "P5" : "P6") + "\n" + px.width() + " " + px.height() + "\n255\n";
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(px.samples());
        return out.toByteArray();
    }

    /** The pixels of an image: raw samples for 8-bit gray images, sRGB triples (getRGB) otherwise. */
    public static Pixels of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] s = new byte[w * h];
            img.getRaster().getDataElements(0, 0, w, h, s);
            return new Pixels(w, h, 1, s);
        }
        byte[] s = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int o = 3 * (y * w + x);
                s[o] = (byte) (row[x] >> 16);
                s[o + 1] = (byte) (row[x] >> 8);
                s[o + 2] = (byte) row[x];
            }
        }
        return new Pixels(w, h, 3, s);
    }
}
