package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@link EncoderOptions#threads()} through the public API, with the encoder's own stripe size (about 4096
 * blocks): the bytes do not depend on the thread count. ParallelEncoderTest covers every mode on small
 * images with tiny stripes.
 */
class EncoderThreadsTest {
    private static BufferedImage image(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().drawImage(TestImageGenerator.landscape(), 0, 0, width, height, null);
        return img;
    }

    private static void assertSameBytes(EncoderOptions options, BufferedImage img) throws IOException {
        byte[] expected = new JpegEncoder(options).encode(img);
        for (int threads : new int[] {2, 4, EncoderOptions.AUTO_THREADS}) {
            assertArrayEquals(expected, new JpegEncoder(options.withThreads(threads)).encode(img),
                options + ", " + threads + " threads");
        }
    }

    @Test
    void anImageOfManyStripesGivesTheSameBytesOnAnyThreadCount() throws IOException {
        // 1023x1401, 4:2:0: 88 MCU rows of 64 MCUs (384 blocks), so 11 rows a stripe and 8 stripes.
        BufferedImage img = image(1023, 1401);
        assertSameBytes(EncoderOptions.DEFAULT, img);
        assertSameBytes(EncoderOptions.DEFAULT.withProgressive(false), img);
        // Optimized sequential tables with the coefficients kept: stripes packed on workers, joined in order.
        assertSameBytes(EncoderOptions.BASELINE_COMPATIBLE.withQuality(90), img);
        BufferedImage gray = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.createGraphics().drawImage(img, 0, 0, null);
        assertSameBytes(EncoderOptions.BASELINE_COMPATIBLE.withRestartInterval(RestartInterval.mcus(37)), gray);
        assertSameBytes(EncoderOptions.DEFAULT.withRestartInterval(RestartInterval.mcuRows(4)), img);
        assertSameBytes(EncoderOptions.BASELINE_COMPATIBLE.withOptimizeHuffman(false)
            .withRestartInterval(RestartInterval.mcuRows(1)), img);
        assertSameBytes(EncoderOptions.of(Preset.SMALLEST), img);
    }

    @Test
    void optimizedTablesAboveTheBufferedCoefficientLimitGiveTheSameBytes() throws IOException {
        // 2400x2400 at 4:2:0 has 135,000 blocks, 8.6 million coefficients: over the 8 Mi (16 MiB) kept between
        // the two passes, so both passes read the pixels.
        BufferedImage img = image(2400, 2400);
        assertSameBytes(EncoderOptions.of(Preset.FAST), img);
    }
}
