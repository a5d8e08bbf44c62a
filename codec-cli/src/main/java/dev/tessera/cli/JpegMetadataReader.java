package dev.tessera.cli;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the metadata segments of a JPEG input that the output should keep: the JFIF APP0 density, the EXIF
 * APP1 payload and the ICC profile from its APP2 chunks.
 */
final class JpegMetadataReader {
    private static final int APP0 = 0xFFE0;
    private static final int APP1 = 0xFFE1;
    private static final int APP2 = 0xFFE2;
    private static final byte[] JFIF_ID = {'J', 'F', 'I', 'F', 0};
    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    private JpegMetadataReader() {
    }

    /**
     * Reads the segments before the first SOS.
     *
     * @param warnings receives one line for each segment that is present but unusable
     */
    static ImageMetadata read(ImageInputStream in, Consumer<String> warnings) throws IOException {
        Map<Integer, List<String>> wanted = Map.of(
            APP0, List.of("JFIF"),
            APP1, List.of("Exif"),
            APP2, List.of("ICC_PROFILE"));
        List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, wanted);

        ImageMetadata result = ImageMetadata.NONE;
        boolean haveDensity = false;
        boolean haveExif = false;
        List<byte[]> iccChunks = new ArrayList<>();
        for (JPEGSegment segment : segments) {
            byte[] data = readAll(segment.segmentData());
            if (segment.marker() == APP0 && startsWith(data, JFIF_ID) && !haveDensity && data.length >= 12) {
                // T.871 10.1: identifier (5), version (2), units (1), Xdensity (2), Ydensity (2).
                JfifHeader jfif = Densities.jfif(data[7] & 0xFF, u16(data, 8), u16(data, 10));
                if (jfif != null) {
                    result = result.withJfif(jfif);
                    haveDensity = true;
                }
            } else if (segment.marker() == APP1 && startsWith(data, EXIF_ID) && !haveExif) {
                result = result.withExif(Arrays.copyOfRange(data, EXIF_ID.length, data.length));
                haveExif = true;
            } else if (segment.marker() == APP2 && startsWith(data, ICC_ID)) {
                iccChunks.add(data);
            }
        }
        if (!iccChunks.isEmpty()) {
            byte[] profile = assembleIcc(iccChunks);
            if (profile == null) {
                warnings.accept("ICC profile chunks are numbered inconsistently; profile dropped");
            } else {
                result = result.withIccProfile(profile);
            }
        }
        return result;
    }

    /**
     * ICC.1 B.4: joins APP2 chunks in sequence-number order. Returns {@code null} unless the numbers run
     * 1..count exactly once each with one count throughout; libjpeg-turbo's {@code jpeg_read_icc_profile}
     * rejects such profiles too, rather than guess an order.
     */
    static byte[] assembleIcc(List<byte[]> chunks) {
        int header = ICC_ID.length + 2;
        int count = -1;
        byte[][] ordered = null;
        for (byte[] chunk : chunks) {
            if (chunk.length < header) {
                return null;
            }
            int sequence = chunk[ICC_ID.length] & 0xFF;
            int chunkCount = chunk[ICC_ID.length + 1] & 0xFF;
            if (count == -1) {
                count = chunkCount;
                ordered = new byte[count][];
            }
            if (chunkCount != count || sequence < 1 || sequence > count || ordered[sequence - 1] != null) {
                return null;
            }
            ordered[sequence - 1] = chunk;
        }
        if (count <= 0) {
            return null;
        }
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        for (byte[] chunk : ordered) {
            if (chunk == null) {
                return null;
            }
            profile.write(chunk, header, chunk.length - header);
        }
        return profile.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int u16(byte[] data, int offset) {
        return (data[offset] & 0xFF) << 8 | data[offset + 1] & 0xFF;
    }
}
