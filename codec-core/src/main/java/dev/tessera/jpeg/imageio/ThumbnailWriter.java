package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the thumbnails of an {@code IIOImage} into an encoded JFIF file: the RGB thumbnail of the JFIF APP0
 * segment (T.871 10.1) and JFXX extension segments (T.871 10.2) coded as JPEG (0x10), palette (0x11) or RGB
 * (0x13), chosen as {@code jpeg_metadata.html} ("Thumbnail Images") says the JDK's writer chooses: a single RGB or
 * gray thumbnail goes into the JFIF segment unless the metadata's {@code JFXX} node asks for an extension code;
 * otherwise indexed thumbnails are palette-coded, RGB ones RGB-coded and gray ones JPEG-coded, each in its own
 * JFXX segment after the JFIF one. Uncompressed thumbnails larger than 255x255 or than a segment holds are
 * clipped (cropped) with a warning, as the JDK's are.
 */
final class ThumbnailWriter {
    static final int JPEG = 0x10;
    static final int PALETTE = 0x11;
    static final int RGB = 0x13;
    /** In the JFIF APP0 segment itself. */
    private static final int HEADER = 0;
    private static final int SKIP = -1;
    private static final int MAX_SEGMENT = 65535;

    /** The writer's listener calls. */
    interface Events {
        void warning(String message);

        void started(int thumbnailIndex);

        void complete();
    }

    private ThumbnailWriter() {
    }

    /**
     * The file with the thumbnails inserted, or the file itself (and a warning) when it has no JFIF APP0 segment
     * right after SOI (Adobe CMYK files cannot carry JFIF thumbnails).
     *
     * @param requested extension codes from the metadata's {@code app0JFIF/JFXX/app0JFXX} nodes, in order
     */
    static byte[] insert(byte[] jpeg, List<? extends BufferedImage> thumbnails, List<Integer> requested,
                         Events events) throws IOException {
        if (jpeg.length < 6 || (jpeg[2] & 0xFF) != 0xFF || (jpeg[3] & 0xFF) != 0xE0
            || !Thumbnails.startsWith(jpeg, 6, "JFIF\0")) {
            events.warning("thumbnails are not written: the image has no JFIF segment (T.871 allows thumbnails"
                + " only there)");
            return jpeg;
        }
        int jfifLength = (jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF);
        int afterJfif = 4 + jfifLength;
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        byte[] headerThumbnail = null;
        int headerWidth = 0;
        int headerHeight = 0;
        boolean onlyOne = thumbnails.size() == 1;
        for (int i = 0; i < thumbnails.size(); i++) {
            BufferedImage thumbnail = thumbnails.get(i);
            Integer code = i < requested.size() ? requested.get(i) : null;
            int how = choose(thumbnail, code, onlyOne, events);
            if (how == SKIP) {
                continue;
            }
            events.started(i);
            if (how == HEADER) {
                // T.871 10.1: width, height, then 3 bytes a pixel; the segment's other fields take 16 bytes.
                int[] size = clip(thumbnail, 3, MAX_SEGMENT - 16, events);
                headerWidth = size[0];
                headerHeight = size[1];
                headerThumbnail = rgb(thumbnail, headerWidth, headerHeight);
            } else {
                byte[] segment = jfxx(thumbnail, how, events);
                if (segment != null) {
                    extensions.writeBytes(segment);
                }
            }
            events.complete();
        }
        if (extensions.size() > 0 && jpeg[10] == 1 && jpeg[11] < 2) {
            jpeg = jpeg.clone();
            jpeg[11] = 2; // JFXX segments came with JFIF 1.02 (T.871 10.2)
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + extensions.size() + 1024);
        out.write(jpeg, 0, 4);
        if (headerThumbnail == null) {
            out.write(jpeg, 4, jfifLength);
        } else {
            int length = jfifLength + headerThumbnail.length;
            out.write(length >> 8);
            out.write(length);
            // The identifier, version, units and densities as encoded; thumbnail size and pixels replaced.
            out.write(jpeg, 6, 12);
            out.write(headerWidth);
            out.write(headerHeight);
            out.writeBytes(headerThumbnail);
        }
        out.writeBytes(extensions.toByteArray());
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }

    /** How a thumbnail is written: HEADER, an extension code, or SKIP (with a warning). */
    private static int choose(BufferedImage thumbnail, Integer code, boolean onlyOne, Events events) {
        ColorModel cm = thumbnail.getColorModel();
        int type = cm.getColorSpace().getType();
        if (cm.hasAlpha()) {
            events.warning("thumbnail with alpha is not written: JFIF thumbnails are opaque");
            return SKIP;
        }
        if (code != null && code != JPEG && code != PALETTE && code != RGB) {
            code = null;
        }
        if (cm instanceof IndexColorModel icm) {
            if (code == null || code == PALETTE) {
                if (icm.getMapSize() > 256) {
                    events.warning("thumbnail palette of " + icm.getMapSize() + " colours is not written (at most"
                        + " 256, T.871 10.2)");
                    return SKIP;
                }
                return PALETTE;
            }
            return code;
        }
        if (type == ColorSpace.TYPE_RGB) {
            if (code == null) {
                return onlyOne ? HEADER : RGB;
            }
            if (code == PALETTE) {
                events.warning("RGB thumbnail written RGB-coded, not palette-coded as the metadata asks");
                return RGB;
            }
            return code;
        }
        if (type == ColorSpace.TYPE_GRAY) {
            if (code == null) {
                return onlyOne ? HEADER : JPEG;
            }
            if (code == PALETTE) {
                events.warning("gray thumbnail written JPEG-coded, not palette-coded as the metadata asks");
                return JPEG;
            }
            return code;
        }
        events.warning("thumbnail not written: JFIF thumbnails are RGB, gray or indexed colour");
        return SKIP;
    }

    /** A JFXX APP0 segment (T.871 10.2), or null (with a warning) when the thumbnail does not fit one. */
    private static byte[] jfxx(BufferedImage thumbnail, int code, Events events) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("JFXX\0".getBytes(StandardCharsets.ISO_8859_1));
        data.write(code);
        // Marker (2) + length (2) + identifier (5) + code (1) + width and height (2).
        int room = MAX_SEGMENT - 8;
        switch (code) {
            case JPEG -> {
                byte[] coded = withoutApp0(new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE).encode(
                    thumbnail.getColorModel() instanceof IndexColorModel icm
                        ? icm.convertToIntDiscrete(thumbnail.getRaster(), false) : thumbnail));
                if (coded.length > MAX_SEGMENT - 8) {
                    events.warning("JPEG-coded thumbnail of " + coded.length + " bytes is not written: a JFXX"
                        + " segment holds at most " + (MAX_SEGMENT - 8));
                    return null;
                }
                data.writeBytes(coded);
            }
            case PALETTE -> {
                IndexColorModel icm = (IndexColorModel) thumbnail.getColorModel();
                int[] size = clip(thumbnail, 1, room - 2 - 768, events);
                data.write(size[0]);
                data.write(size[1]);
                for (int i = 0; i < 256; i++) {
                    boolean inMap = i < icm.getMapSize();
                    data.write(inMap ? icm.getRed(i) : 0);
                    data.write(inMap ? icm.getGreen(i) : 0);
                    data.write(inMap ? icm.getBlue(i) : 0);
                }
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        data.write(thumbnail.getRaster().getSample(x, y, 0));
                    }
                }
            }
            default -> {
                int[] size = clip(thumbnail, 3, room - 2, events);
                data.write(size[0]);
                data.write(size[1]);
                data.writeBytes(rgb(thumbnail, size[0], size[1]));
            }
        }
        byte[] payload = data.toByteArray();
        ByteArrayOutputStream segment = new ByteArrayOutputStream(payload.length + 4);
        segment.write(0xFF);
        segment.write(0xE0);
        segment.write((payload.length + 2) >> 8);
        segment.write(payload.length + 2);
        segment.writeBytes(payload);
        return segment.toByteArray();
    }

    /**
     * The thumbnail's size after clipping to 255x255 (one byte each, T.871 10.1) and to {@code room} bytes of
     * {@code bytesPerPixel}, keeping its aspect; a warning when clipped.
     */
    private static int[] clip(BufferedImage thumbnail, int bytesPerPixel, int room, Events events) {
        int w = Math.min(255, thumbnail.getWidth());
        int h = Math.min(255, thumbnail.getHeight());
        long area = (long) w * h;
        long maxArea = room / bytesPerPixel;
        if (area > maxArea) {
            double scale = Math.sqrt((double) maxArea / area);
            w = Math.max(1, (int) (scale * w));
            h = Math.max(1, (int) (scale * h));
        }
        if (w != thumbnail.getWidth() || h != thumbnail.getHeight()) {
            events.warning("thumbnail clipped from " + thumbnail.getWidth() + "x" + thumbnail.getHeight() + " to "
                + w + "x" + h + " to fit its segment");
        }
        return new int[] {w, h};
    }

    /** R, G, B bytes of the top left {@code w x h} pixels; gray samples go into all three. */
    private static byte[] rgb(BufferedImage thumbnail, int w, int h) {
        byte[] out = new byte[3 * w * h];
        boolean gray = thumbnail.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
            && thumbnail.getRaster().getNumBands() == 1;
        int shift = gray ? Math.max(0, thumbnail.getSampleModel().getSampleSize(0) - 8) : 0;
        for (int y = 0, p = 0; y < h; y++) {
            for (int x = 0; x < w; x++, p += 3) {
                if (gray) {
                    // The sample itself in R, G and B, as the JDK expands gray thumbnails (no gamma change).
                    byte v = (byte) (thumbnail.getRaster().getSample(x, y, 0) >> shift);
                    out[p] = v;
                    out[p + 1] = v;
                    out[p + 2] = v;
                } else {
                    int argb = thumbnail.getRGB(x, y);
                    out[p] = (byte) (argb >> 16);
                    out[p + 1] = (byte) (argb >> 8);
                    out[p + 2] = (byte) argb;
                }
            }
        }
        return out;
    }

    /** The JPEG file without its APP0 segments: a JFXX JPEG thumbnail carries no JFIF marker (T.871 10.2). */
    private static byte[] withoutApp0(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF && (jpeg[p + 1] & 0xFF) == 0xE0) {
            p += 2 + ((jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF));
        }
        out.write(jpeg, p, jpeg.length - p);
        return out.toByteArray();
    }

}
