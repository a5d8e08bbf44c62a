package dev.tessera.jpeg.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.CmykEncodeTest;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.Preset;
import dev.tessera.jpeg.Settings;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.raster.PixelSources;
import dev.tessera.jpeg.raster.SampleLayout;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parallel encoding ({@link ParallelEncoder}) against the single-threaded pipeline, which it must match byte
 * for byte. Stripes are made tiny (one block's worth: one MCU row, or one restart interval) so that small
 * images span many of them.
 */
class ParallelEncoderTest {
    private static final List<RestartInterval> RESTARTS = List.of(RestartInterval.NONE, RestartInterval.mcus(5),
        RestartInterval.mcuRows(1), RestartInterval.mcuRows(3));

    static BufferedImage image(int width, int height, int type) {
        BufferedImage img = new BufferedImage(width, height, type);
        img.getGraphics().drawImage(TestImageGenerator.landscape(), 0, 0, width, height, null);
        return img;
    }

    private static byte[] encode(EncoderOptions options, PixelSource source, long maxBuffered, int stripeBlocks)
        throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EncodePipeline(Settings.of(options), maxBuffered, stripeBlocks).encode(source, ImageMetadata.NONE, out);
        return out.toByteArray();
    }

    /** Encodes with 1 thread, then 2, 3 and 4 with tiny stripes, and asserts the same bytes. */
    private static void assertSameForEveryThreadCount(EncoderOptions options, PixelSource source, String label)
        throws IOException {
        for (long maxBuffered : new long[] {EncodePipeline.DEFAULT_MAX_BUFFERED_COEFFICIENTS, 0}) {
            byte[] expected = encode(options, source, maxBuffered, 1);
            for (int threads = 2; threads <= 4; threads++) {
                byte[] actual = encode(options.withThreads(threads), source, maxBuffered, 1);
                assertArrayEquals(expected, actual, label + ", " + threads + " threads, max buffered " + maxBuffered);
            }
            if (options.progressive() || !options.optimizeHuffman()) {
                break; // the two-pass threshold applies only to optimized sequential coding
            }
        }
    }

    @Test
    void everyPresetSubsamplingAndRestartGivesTheSameBytesOnAnyThreadCount() throws IOException {
        // 75x133: odd in both directions, so the last MCU row and column hold dummy blocks (T.81 A.2.4), and
        // 9 to 17 MCU rows, so 9 to 17 stripes.
        PixelSource colour = PixelSources.of(image(75, 133, BufferedImage.TYPE_3BYTE_BGR), 0xFFFFFF);
        PixelSource gray = PixelSources.of(image(75, 133, BufferedImage.TYPE_BYTE_GRAY), 0xFFFFFF);
        for (Preset preset : Preset.values()) {
            for (RestartInterval restart : RESTARTS) {
                for (boolean optimize : new boolean[] {true, false}) {
                    EncoderOptions base = EncoderOptions.of(preset).withRestartInterval(restart)
                        .withOptimizeHuffman(optimize);
                    for (Subsampling s : Subsampling.values()) {
                        assertSameForEveryThreadCount(base.withSubsampling(s), colour,
                            preset + " " + s.label() + " " + restart + " optimize " + optimize);
                    }
                    assertSameForEveryThreadCount(base, gray, preset + " gray " + restart + " optimize " + optimize);
                }
            }
        }
    }

    @Test
    void progressiveGivesTheSameBytesOnAnyThreadCount() throws IOException {
        PixelSource colour = PixelSources.of(image(91, 67, BufferedImage.TYPE_INT_RGB), 0xFFFFFF);
        for (RestartInterval restart : RESTARTS) {
            for (Subsampling s : Subsampling.values()) {
                EncoderOptions options = EncoderOptions.DEFAULT.withProgressive(true).withSubsampling(s)
                    .withRestartInterval(restart);
                assertSameForEveryThreadCount(options, colour, "progressive " + s.label() + " " + restart);
                // The scan script search codes scans on the pool too.
                assertSameForEveryThreadCount(options.withScanSearch(true), colour,
                    "progressive, scan search " + s.label() + " " + restart);
            }
        }
    }

    @Test
    void cmykGivesTheSameBytesOnAnyThreadCount() throws IOException {
        // Four full-resolution components sharing table slot 0, read through the raster source.
        PixelSource cmyk = PixelSources.ofRaster(CmykEncodeTest.cmykRaster(45, 70), SampleLayout.CMYK);
        for (RestartInterval restart : RESTARTS) {
            assertSameForEveryThreadCount(EncoderOptions.DEFAULT.withRestartInterval(restart), cmyk,
                "cmyk " + restart);
            assertSameForEveryThreadCount(EncoderOptions.DEFAULT.withProgressive(true).withRestartInterval(restart),
                cmyk, "cmyk progressive " + restart);
        }
    }

    @Test
    void streamedRowsGiveTheSameBytesOnAnyThreadCount() throws IOException {
        // One MCU row a stripe, so a batch is 2n MCU rows and 75x133 spans several batches, the last partial.
        BufferedImage img = image(75, 133, BufferedImage.TYPE_3BYTE_BGR);
        PixelSource source = PixelSources.of(img, 0xFFFFFF);
        byte[] pixels = new byte[75 * 133 * 3];
        for (int y = 0; y < 133; y++) {
            byte[] row = new byte[75 * 3];
            source.readRow(y, row);
            System.arraycopy(row, 0, pixels, y * row.length, row.length);
        }
        EncoderOptions standardTables = EncoderOptions.DEFAULT.withProgressive(false).withOptimizeHuffman(false);
        for (EncoderOptions options : new EncoderOptions[] {standardTables,
            standardTables.withRestartInterval(RestartInterval.mcus(5)), EncoderOptions.DEFAULT.withProgressive(false),
            EncoderOptions.DEFAULT, EncoderOptions.of(Preset.SMALLEST).withSubsampling(Subsampling.S422)}) {
            byte[] expected = encode(options, source, EncodePipeline.DEFAULT_MAX_BUFFERED_COEFFICIENTS, 1);
            for (int threads = 2; threads <= 4; threads++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                StreamingEncoder streaming = new StreamingEncoder(Settings.of(options.withThreads(threads)), 75, 133,
                    SampleLayout.RGB, ImageMetadata.NONE, out, Long.MAX_VALUE, 1);
                for (int y = 0; y < 133; y += 5) {
                    streaming.writeRows(pixels, y * 75 * 3, Math.min(5, 133 - y));
                }
                streaming.finish();
                assertArrayEquals(expected, out.toByteArray(), options + ", " + threads + " threads");
            }
        }
    }

    @Test
    void tinyImagesGiveTheSameBytesOnAnyThreadCount() throws IOException {
        for (int size : new int[] {1, 7, 8, 9, 16, 17, 33}) {
            PixelSource source = PixelSources.of(image(size, size + 2, BufferedImage.TYPE_3BYTE_BGR), 0xFFFFFF);
            for (RestartInterval restart : RESTARTS) {
                assertSameForEveryThreadCount(EncoderOptions.DEFAULT.withRestartInterval(restart), source,
                    size + "x" + (size + 2) + " " + restart);
            }
        }
    }

    @Test
    void restartRowsAreCodedInParallelStripesThatDecode() throws IOException {
        // Stripes of 2 MCU rows coded apart: the file has RST0..RST7 in order, wrapping modulo 8 (T.81 B.2.1).
        BufferedImage img = image(120, 300, BufferedImage.TYPE_3BYTE_BGR);
        EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withRestartInterval(RestartInterval.mcuRows(2))
            .withThreads(3);
        byte[] file = encode(options, PixelSources.of(img, 0xFFFFFF), 0, 1);
        List<Integer> restarts = new ArrayList<>();
        for (int i = 0; i + 1 < file.length; i++) {
            if ((file[i] & 0xFF) == 0xFF && (file[i + 1] & 0xFF) >= 0xD0 && (file[i + 1] & 0xFF) <= 0xD7) {
                restarts.add((file[i + 1] & 0xFF) - 0xD0);
            }
        }
        int intervals = (300 + 31) / 32; // 10 MCU rows of 16 lines, 2 per interval
        assertEquals(intervals - 1, restarts.size());
        for (int k = 0; k < restarts.size(); k++) {
            assertEquals(k % 8, restarts.get(k), "marker " + k);
        }
        BufferedImage decoded = new JpegDecoder().decode(file);
        assertEquals(120, decoded.getWidth());
        assertEquals(300, decoded.getHeight());
    }

    @Test
    void aFailingSourceFailsTheEncodeWithItsException() {
        PixelSource good = PixelSources.of(image(64, 400, BufferedImage.TYPE_3BYTE_BGR), 0xFFFFFF);
        IllegalStateException failure = new IllegalStateException("row 300 unreadable");
        PixelSource failing = new PixelSource() {
            @Override public int width() { return good.width(); }
            @Override public int height() { return good.height(); }
            @Override public boolean isGray() { return false; }
            @Override public void readRow(int y, byte[] out) {
                if (y == 300) {
                    throw failure;
                }
                good.readRow(y, out);
            }
        };
        for (EncoderOptions options : new EncoderOptions[] {EncoderOptions.DEFAULT.withProgressive(false),
            EncoderOptions.DEFAULT.withProgressive(false).withOptimizeHuffman(false)
                .withRestartInterval(RestartInterval.mcuRows(1)),
            EncoderOptions.DEFAULT, EncoderOptions.of(Preset.SMALLEST)}) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> encode(options.withThreads(2), failing, 0, 1));
            assertSame(failure, thrown);
        }
    }

    @Test
    void threadsOutsideTheLimitAreRefused() {
        for (int bad : new int[] {-1, -7, EncoderOptions.MAX_THREADS + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncoderOptions.DEFAULT.withThreads(bad));
            assertTrue(e.getMessage().contains("1.." + EncoderOptions.MAX_THREADS), e.getMessage());
        }
        assertEquals(1, EncoderOptions.DEFAULT.threads());
        assertEquals(EncoderOptions.AUTO_THREADS, EncoderOptions.DEFAULT.withThreads(0).threads());
    }
}
