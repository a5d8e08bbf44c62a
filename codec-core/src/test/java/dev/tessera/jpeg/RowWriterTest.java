package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming row writer against whole-image encoding of the same pixels. */
class RowWriterTest {
    private static final int WIDTH = 101;
    private static final int HEIGHT = 77;

    /** Landscape pixels as interleaved RGB8 or GRAY8, and as the BufferedImage they came from. */
    private static BufferedImage image(int type) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, type);
        img.getGraphics().drawImage(TestImageGenerator.landscape(), 0, 0, WIDTH, HEIGHT, null);
        return img;
    }

    private static byte[] pixels(BufferedImage img, PixelFormat format) {
        byte[] out = new byte[WIDTH * HEIGHT * format.bytesPerPixel()];
        int i = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (format == PixelFormat.GRAY8) {
                    out[i++] = (byte) img.getRaster().getSample(x, y, 0);
                } else {
                    int rgb = img.getRGB(x, y);
                    out[i++] = (byte) (rgb >> 16);
                    out[i++] = (byte) (rgb >> 8);
                    out[i++] = (byte) rgb;
                }
            }
        }
        return out;
    }

    /**
     * Streams the rows in uneven chunks (1, 2, 3, ... rows), so MCU rows and, with threads, batches straddle
     * calls.
     */
    private static byte[] stream(JpegEncoder encoder, byte[] pixels, PixelFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rowBytes = WIDTH * format.bytesPerPixel();
        try (RowWriter writer = encoder.openRowWriter(out, WIDTH, HEIGHT, format, ImageMetadata.NONE)) {
            int chunk = 1;
            for (int y = 0; y < HEIGHT; y += chunk, chunk++) {
                writer.writeRows(pixels, y * rowBytes, Math.min(chunk, HEIGHT - y));
            }
        }
        return out.toByteArray();
    }

    @Test
    void streamedRowsGiveTheBytesOfWholeImageEncodingInEveryMode() throws IOException {
        List<EncoderOptions> modes = List.of(
            EncoderOptions.BASELINE_COMPATIBLE.withOptimizeHuffman(false),
            EncoderOptions.BASELINE_COMPATIBLE,
            EncoderOptions.DEFAULT,
            EncoderOptions.DEFAULT.withProgressive(false),
            EncoderOptions.DEFAULT.withProgressive(false).withOptimizeHuffman(false)
                .withRestartInterval(RestartInterval.mcuRows(1)),
            EncoderOptions.of(Preset.SMALLEST).withRestartInterval(RestartInterval.mcus(7)),
            EncoderOptions.DEFAULT.withRestartInterval(RestartInterval.mcus(5)),
            EncoderOptions.DEFAULT.withSubsampling(Subsampling.S444).withOptimizeHuffman(false),
            EncoderOptions.DEFAULT.withProgressive(false).withSubsampling(Subsampling.S411),
            EncoderOptions.DEFAULT.withSubsampling(Subsampling.S411));
        for (PixelFormat format : PixelFormat.values()) {
            BufferedImage img = image(format == PixelFormat.GRAY8 ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB);
            byte[] pixels = pixels(img, format);
            for (EncoderOptions options : modes) {
                byte[] whole = new JpegEncoder(options).encode(img);
                for (int threads : new int[] {1, 2, 3}) {
                    JpegEncoder encoder = new JpegEncoder(options.withThreads(threads));
                    assertArrayEquals(whole, stream(encoder, pixels, format), format + " " + options);
                }
            }
        }
    }

    @Test
    void tooManyRowsAreRefusedWithTheCounts() throws IOException {
        try (RowWriter writer = new JpegEncoder().openRowWriter(OutputStream.nullOutputStream(), 4, 3,
            PixelFormat.GRAY8, ImageMetadata.NONE)) {
            writer.writeRows(new byte[8], 0, 2);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> writer.writeRows(new byte[8], 0, 2));
            assertTrue(e.getMessage().contains("2 written and 2 more given, the image has 3"), e.getMessage());
            writer.writeRows(new byte[4], 0, 1);
        }
    }

    @Test
    void finishingEarlyIsRefusedWithTheCounts() throws IOException {
        RowWriter writer = new JpegEncoder().openRowWriter(OutputStream.nullOutputStream(), 4, 3, PixelFormat.RGB8,
            ImageMetadata.NONE);
        writer.writeRows(new byte[12], 0, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, writer::finish);
        assertTrue(e.getMessage().contains("1 of 3"), e.getMessage());
        assertThrows(IllegalStateException.class, writer::close);
    }

    @Test
    void rowsOutsideTheArrayAreRefused() throws IOException {
        RowWriter writer = new JpegEncoder().openRowWriter(OutputStream.nullOutputStream(), 4, 3, PixelFormat.RGB8,
            ImageMetadata.NONE);
        assertThrows(IllegalArgumentException.class, () -> writer.writeRows(new byte[23], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> writer.writeRows(new byte[24], 1, 2));
        assertThrows(IllegalArgumentException.class, () -> writer.writeRows(new byte[24], -1, 1));
        assertEquals(0, writer.rowsWritten());
    }

    @Test
    void streamFailuresPropagateAndStopTheWriter() throws IOException {
        IOException full = new IOException("disk full");
        OutputStream failing = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 1000) {
                    throw full;
                }
            }
        };
        // Standard tables stream: the failure surfaces while rows are written (the sink buffers 64 KiB).
        int width = 2000;
        RowWriter writer = new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(false).withOptimizeHuffman(false))
            .openRowWriter(failing, width, 400, PixelFormat.GRAY8, ImageMetadata.NONE);
        byte[] noise = new byte[width * 16];
        new java.util.Random(3).nextBytes(noise);
        IOException thrown = assertThrows(IOException.class, () -> {
            for (int y = 0; y < 400; y += 16) {
                writer.writeRows(noise, 0, 16);
            }
        });
        assertEquals(full, thrown);
        assertThrows(IllegalStateException.class, () -> writer.writeRows(noise, 0, 1));
        writer.close(); // leaves the failed file alone
    }

    @Test
    void wholeImageModesCheckTheirMemoryBeforeKeepingAnything() {
        // 65535 x 65535 at 4:2:0: 4096 x 4096 MCUs of 6 blocks, 64 coefficients of 2 bytes each (12 GiB).
        long needed = dev.tessera.jpeg.encode.StreamingEncoder.bufferedBytes(Settings.of(EncoderOptions.DEFAULT), 65535, 65535,
            dev.tessera.jpeg.raster.SampleLayout.RGB);
        assertEquals(2L * 64 * 6 * 4096 * 4096, needed);
        assertEquals(needed, dev.tessera.jpeg.encode.StreamingEncoder.bufferedBytes(Settings.of(EncoderOptions.DEFAULT.withProgressive(false)), 65535, 65535, dev.tessera.jpeg.raster.SampleLayout.RGB));
        assertEquals(0, dev.tessera.jpeg.encode.StreamingEncoder.bufferedBytes(Settings.of(EncoderOptions.DEFAULT.withProgressive(false).withOptimizeHuffman(false)), 65535, 65535,
            dev.tessera.jpeg.raster.SampleLayout.RGB));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new dev.tessera.jpeg.encode.StreamingEncoder(Settings.of(EncoderOptions.DEFAULT.withProgressive(true)), 65535,
                65535, dev.tessera.jpeg.raster.SampleLayout.RGB, ImageMetadata.NONE, OutputStream.nullOutputStream(),
                1L << 30));
        assertTrue(e.getMessage().contains("over the limit of 1024 MiB"), e.getMessage());
    }
}
