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

    /** A source that counts the rows read from it. */
    private static final class CountingSource implements PixelSource {
        private final PixelSource source;
        private final java.util.concurrent.atomic.AtomicInteger rows = new java.util.concurrent.atomic.AtomicInteger();

        CountingSource(PixelSource source) {
            this.source = source;
        }

        @Override
        public int width() {
            return source.width();
        }

        @Override
        public int height() {
            return source.height();
        }

        @Override
        public boolean isGray() {
            return source.isGray();
        }

        @Override
        public void readRow(int y, byte[] out) {
            rows.incrementAndGet();
            source.readRow(y, out);
        }
    }

    /**
     * Symbols take 4 bytes, so noise at quality 100 packs larger than its coefficients take unpacked. When the
     * packing outgrows 2 bytes per coefficient of the budget it is dropped and the image read again (on one
     * thread and on two), giving the bytes of keeping it and of never keeping it; a smooth image within the
     * budget is read once.
     */
    @Test
    void packingThatOutgrowsTheBudgetIsDroppedAndTheImageReadAgain() throws IOException {
        int side = 512;
        byte[] pixels = new byte[side * side];
        new Random(9).nextBytes(pixels);
        PixelSource noise = PixelSources.ofRaw(pixels, side, side, PixelFormat.GRAY8);
        byte[] ramp = new byte[side * side];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) ((i % side + i / side) / 4);
        }
        PixelSource smooth = PixelSources.ofRaw(ramp, side, side, PixelFormat.GRAY8);
        long coefficients = (long) side * side; // one 8x8 block of 64 coefficients per 64 pixels
        for (int threads : new int[] {1, 2}) {
            for (boolean dense : new boolean[] {true, false}) {
                PixelSource image = dense ? noise : smooth;
                EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withQuality(dense ? 100 : 90)
                    .withThreads(threads);
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                new EncodePipeline(Settings.of(options), Long.MAX_VALUE, 256).encode(image, ImageMetadata.NONE,
                    kept);
                ByteArrayOutputStream reread = new ByteArrayOutputStream();
                new EncodePipeline(Settings.of(options), 0, 256).encode(image, ImageMetadata.NONE, reread);
                CountingSource counted = new CountingSource(image);
                ByteArrayOutputStream budget = new ByteArrayOutputStream();
                new EncodePipeline(Settings.of(options), coefficients, 256).encode(counted, ImageMetadata.NONE,
                    budget);
                String label = threads + " threads, " + (dense ? "noise at q100" : "a ramp at q90");
                assertArrayEquals(kept.toByteArray(), reread.toByteArray(), label);
                assertArrayEquals(kept.toByteArray(), budget.toByteArray(), label);
                // Noise at q100: about 64 symbols a block, 256 bytes against the budget's 128; a ramp a few.
                int reads = counted.rows.get();
                if (dense) {
                    assertTrue(reads >= 2 * side, label + ": " + reads + " rows read, the image twice expected");
                } else {
                    assertTrue(reads < 2 * side, label + ": " + reads + " rows read, the image once expected");
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
