package dev.tessera.jpeg.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.QuantTables;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.JdkJpeg;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the encoder's arguments: dimensions (including 0, negative and past 65535), every option (base
 * tables, trellis and adaptive quantization included), custom quantization tables, metadata and pixels.
 * Valid arguments must give a file that Tessera's decoder and the JDK's reader both read at the right size;
 * invalid ones must be refused with an {@link IllegalArgumentException}. Anything else is a finding.
 */
class EncoderFuzzTest {
    /** libjpeg's JPEG_MAX_DIMENSION: the JDK's reader (libjpeg 6b) refuses larger sides, which T.81 allows. */
    private static final int JDK_MAX_DIMENSION = 65500;
    /** Pixels per image, so that an input runs in milliseconds; sides up to 65535 stay possible (65535 x 1). */
    private static final int MAX_PIXELS = 1 << 16;

    @FuzzTest(maxDuration = "10m")
    void encode(FuzzedDataProvider in) throws IOException {
        int width = in.consumeInt(-1, 65537);
        int height = in.consumeInt(-1, 65537);
        if (width > 0 && height > 0 && (long) width * height > MAX_PIXELS) {
            height = Math.max(1, MAX_PIXELS / width);
        }
        PixelFormat format = in.pickValue(PixelFormat.values());
        boolean valid = width >= 1 && height >= 1 && width <= JpegEncoder.MAX_DIMENSION
            && height <= JpegEncoder.MAX_DIMENSION;
        int quality = in.consumeInt(-1, 101);
        int chromaQuality = in.consumeInt(-1, 101);
        valid &= quality >= 1 && quality <= 100 && chromaQuality >= 1 && chromaQuality <= 100;
        Subsampling subsampling = in.pickValue(Subsampling.values());
        boolean optimize = in.consumeBoolean();
        boolean progressive = in.consumeBoolean();
        int restart = in.consumeInt(-1, 65536);
        boolean rows = in.consumeBoolean();
        valid &= restart >= 0 && restart <= 65535;
        QuantTable luma = in.consumeBoolean() ? table(in) : null;
        QuantTable chroma = in.consumeBoolean() ? table(in) : null;
        QuantTables tables = in.pickValue(QuantTables.values());
        boolean trellis = in.consumeBoolean();
        boolean adaptive = in.consumeBoolean();
        int threads = in.consumeInt(1, 4);
        ImageMetadata metadata = ImageMetadata.NONE;
        if (in.consumeBoolean()) {
            metadata = metadata.withComments(List.of(in.consumeString(100)));
        }
        if (in.consumeBoolean()) {
            metadata = metadata.withIccProfile(in.consumeBytes(in.consumeInt(1, 200_000)));
        }
        int pixelCount = valid ? width * height * format.bytesPerPixel() : 16;
        byte[] pixels = Arrays.copyOf(in.consumeRemainingAsBytes(), pixelCount);

        // Both progressive paths (fixed script, search), derived from a fuzzed value so the seeds keep their meaning,
        // each with and without the sequential-if-smaller choice.
        boolean scanSearch = (quality & 1) == 0;
        boolean sequentialIfSmaller = (chromaQuality & 1) == 0;
        if (!valid) {
            int w = width;
            int h = height;
            ImageMetadata m = metadata;
            assertThrows(IllegalArgumentException.class, () -> {
                EncoderOptions options = new EncoderOptions.Builder().quality(quality).chromaQuality(chromaQuality)
                    .subsampling(subsampling).optimizeHuffman(optimize).progressive(progressive)
                    .restartInterval(rows ? RestartInterval.mcuRows(restart) : RestartInterval.mcus(restart))
                    .customTables(luma, chroma).tables(tables).trellis(trellis).adaptiveQuantization(adaptive)
                    .scanSearch(scanSearch).sequentialIfSmaller(sequentialIfSmaller).build();
                new JpegEncoder(options).encode(pixels, w, h, format, m, new ByteArrayOutputStream());
            });
            return;
        }
        EncoderOptions options = new EncoderOptions.Builder().quality(quality).chromaQuality(chromaQuality)
            .subsampling(subsampling).optimizeHuffman(optimize).progressive(progressive)
            .restartInterval(rows ? RestartInterval.mcuRows(restart) : RestartInterval.mcus(restart))
            .customTables(luma, chroma).tables(tables).trellis(trellis).adaptiveQuantization(adaptive)
            .scanSearch(scanSearch).sequentialIfSmaller(sequentialIfSmaller).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new JpegEncoder(options).encode(pixels, width, height, format, metadata, out);
        } catch (IllegalArgumentException e) {
            // The one refusal left for arguments that passed the checks above: a restart interval in MCU
            // rows that comes to more than DRI's 65535 MCUs on a wide image (T.81 B.2.4.4).
            if (rows && restart > 0 && e.getMessage().contains("DRI limit")) {
                return;
            }
            throw e;
        }
        byte[] jpeg = out.toByteArray();
        if (threads > 1) {
            // Parallel encoding must write the same bytes as one thread (issue 7).
            ByteArrayOutputStream parallel = new ByteArrayOutputStream();
            new JpegEncoder(options.withThreads(threads)).encode(pixels, width, height, format, metadata, parallel);
            assertArrayEquals(jpeg, parallel.toByteArray(), threads + " threads");
        }
        BufferedImage ours = new JpegDecoder().decode(jpeg);
        assertEquals(width, ours.getWidth());
        assertEquals(height, ours.getHeight());
        if (width <= JDK_MAX_DIMENSION && height <= JDK_MAX_DIMENSION) {
            BufferedImage jdk = JdkJpeg.decode(jpeg).image();
            assertEquals(width, jdk.getWidth());
            assertEquals(height, jdk.getHeight());
        }
    }

    private static QuantTable table(FuzzedDataProvider in) {
        int[] values = new int[64];
        int max = in.consumeBoolean() ? 255 : 65535;
        for (int i = 0; i < 64; i++) {
            values[i] = in.consumeInt(1, max);
        }
        return QuantTable.ofNatural(values);
    }
}
