package dev.tessera.jpeg.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.Settings;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.raster.PixelSources;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncodePipelineTest {
    /** Discards bytes, so the allocation measured is the encoder's own. */
    private static final OutputStream NULL = OutputStream.nullOutputStream();

    @Test
    void recomputingOptimizedPassGivesTheSameBytesAsBuffering() throws IOException {
        PixelSource source = PixelSources.of(TestImageGenerator.landscape(), 0xFFFFFF);
        for (Subsampling s : Subsampling.values()) {
            EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withSubsampling(s);
            ByteArrayOutputStream buffered = new ByteArrayOutputStream();
            ByteArrayOutputStream recomputed = new ByteArrayOutputStream();
            new EncodePipeline(Settings.of(options), Long.MAX_VALUE).encode(source, ImageMetadata.NONE, buffered);
            new EncodePipeline(Settings.of(options), 0).encode(source, ImageMetadata.NONE, recomputed);
            assertArrayEquals(buffered.toByteArray(), recomputed.toByteArray(), s.label());
        }
    }

    /**
     * The packed blocks kept between the passes (nonzero coefficients only, in chunks) code to the bytes of the
     * recomputing pass: with restart intervals, at low and high quality, and on noise, whose nearly full blocks
     * fill many chunks.
     */
    @Test
    void packedBlocksGiveTheSameBytesAsRecomputing() throws IOException {
        BufferedImage noise = new BufferedImage(301, 203, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        for (BufferedImage image : new BufferedImage[] {TestImageGenerator.landscape(), noise}) {
            PixelSource source = PixelSources.of(image, 0xFFFFFF);
            for (int quality : new int[] {5, 75, 100}) {
                for (RestartInterval restart : new RestartInterval[] {RestartInterval.NONE, RestartInterval.mcus(7),
                    RestartInterval.mcuRows(1)}) {
                    EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withQuality(quality)
                        .withRestartInterval(restart);
                    ByteArrayOutputStream packed = new ByteArrayOutputStream();
                    ByteArrayOutputStream recomputed = new ByteArrayOutputStream();
                    new EncodePipeline(Settings.of(options), Long.MAX_VALUE).encode(source, ImageMetadata.NONE,
                        packed);
                    new EncodePipeline(Settings.of(options), 0).encode(source, ImageMetadata.NONE, recomputed);
                    assertArrayEquals(recomputed.toByteArray(), packed.toByteArray(),
                        image.getWidth() + "x" + image.getHeight() + " q" + quality + " " + restart);
                }
            }
        }
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        work.run();
        return bean.getThreadAllocatedBytes(tid) - before;
    }

    @Test
    void memoryBeyondTheInputIsBoundedByMcuRows() {
        // 6000x4000 RGB (72 MB of input): whole-image planes would need hundreds of MB.
        int width = 6000;
        int height = 4000;
        byte[] pixels = new byte[width * height * 3];
        new Random(1).nextBytes(pixels);
        PixelSource source = PixelSources.ofRaw(pixels, width, height, PixelFormat.RGB8);
        long strips = 3L * 16 * width * 4 * 2; // a 16-row strip of three int planes, with slack
        for (boolean optimize : new boolean[] {false, true}) {
            EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withOptimizeHuffman(optimize);
            long allocated = allocatedBy(() -> {
                try {
                    new EncodePipeline(Settings.of(options)).encode(source, ImageMetadata.NONE, NULL);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long bound = strips + (4L << 20); // plus headers, tables and the output buffer
            System.out.printf("encode 6000x4000 optimize=%s: %.1f MB allocated%n", optimize, allocated / 1e6);
            assertTrue(allocated < bound, "allocated " + allocated + " bytes, bound " + bound);
        }
    }
}
