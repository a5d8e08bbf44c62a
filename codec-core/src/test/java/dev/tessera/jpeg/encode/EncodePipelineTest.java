package dev.tessera.jpeg.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.Settings;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.raster.PixelSources;
import dev.tessera.testing.TestImageGenerator;
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
