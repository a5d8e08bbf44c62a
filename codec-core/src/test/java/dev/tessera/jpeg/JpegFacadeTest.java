package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.QualityEstimate;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the facades offer adapters: progress and abort, rasters, the tables written, the quality estimate. */
class JpegFacadeTest {
    private static final BufferedImage PICTURE = TestImageGenerator.landscape();

    private static byte[] encode(JpegEncoder encoder, BufferedImage image, EncodeListener listener)
        throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.encode(image, ImageMetadata.NONE, out, listener);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 3})
    void progressRisesToOneAndChangesNoByte(int threads) throws IOException {
        JpegEncoder encoder = new JpegEncoder(EncoderOptions.DEFAULT.withThreads(threads));
        List<Float> seen = new CopyOnWriteArrayList<>();
        byte[] listened = encode(encoder, PICTURE, new EncodeListener() {
            @Override
            public void progress(float fraction) {
                seen.add(fraction);
            }
        });
        assertArrayEquals(encoder.encode(PICTURE), listened);
        // One report per twentieth of the rows, rising, ending at 1, whatever the order workers read rows in.
        assertTrue(seen.size() >= 19 && seen.size() <= 21, "reports: " + seen);
        assertEquals(1f, seen.get(seen.size() - 1));
        for (int i = 0; i < seen.size(); i++) {
            assertTrue(seen.get(i) > (i == 0 ? 0 : seen.get(i - 1)) && seen.get(i) <= 1, "not rising: " + seen);
        }
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 3})
    void aListenerStopsTheEncode(int threads) {
        JpegEncoder encoder = new JpegEncoder(EncoderOptions.DEFAULT.withThreads(threads));
        AtomicInteger rowsAsked = new AtomicInteger();
        assertThrows(EncodeAbortedException.class, () -> encode(encoder, PICTURE, new EncodeListener() {
            @Override
            public boolean abortRequested() {
                return rowsAsked.incrementAndGet() > 20;
            }
        }));
        assertTrue(rowsAsked.get() < PICTURE.getHeight(), "stopped after " + rowsAsked.get() + " rows");
    }

    @Test
    void rastersAreEncodedByTheirBandCount() throws IOException {
        JpegEncoder encoder = new JpegEncoder(EncoderOptions.DEFAULT);
        BufferedImage rgb = new BufferedImage(PICTURE.getWidth(), PICTURE.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(PICTURE, 0, 0, null);
        assertArrayEquals(encoder.encode(rgb), encodeRaster(encoder, rgb.getRaster()));

        BufferedImage gray = new BufferedImage(PICTURE.getWidth(), PICTURE.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(PICTURE, 0, 0, null);
        assertArrayEquals(encoder.encode(gray), encodeRaster(encoder, gray.getRaster()));

        WritableRaster cmyk = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 40, 24, 4, null);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 40; x++) {
                cmyk.setPixel(x, y, new int[] {x * 6, y * 10, (x + y) * 4, 255 - x});
            }
        }
        ByteArrayOutputStream cmykFile = new ByteArrayOutputStream();
        encoder.encodeCmyk(cmyk, ImageMetadata.NONE, cmykFile);
        assertArrayEquals(cmykFile.toByteArray(), encodeRaster(encoder, cmyk));

        WritableRaster twoBands = Raster.createBandedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 8, 8, 2, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> encodeRaster(encoder, twoBands));
        assertTrue(e.getMessage().contains("2 bands"), e.getMessage());
    }

    private static byte[] encodeRaster(JpegEncoder encoder, Raster raster) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.encode(raster, ImageMetadata.NONE, out, EncodeListener.NONE);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BASELINE_COMPATIBLE", "FAST", "DEFAULT"})
    void theTablesAskedForAreTheTablesWritten(String preset) throws IOException {
        for (int quality : new int[] {10, 50, 75, 95}) {
            JpegEncoder encoder = new JpegEncoder(EncoderOptions.of(Preset.valueOf(preset)).withQuality(quality)
                .withProgressive(false));
            List<QuantTable> asked = encoder.quantTables();
            ImageInfo info = new JpegDecoder().readInfo(encoder.encode(PICTURE));
            assertEquals(2, info.quantTables().size());
            for (ImageInfo.QuantSlot slot : info.quantTables()) {
                assertArrayEquals(asked.get(slot.slot()).toNaturalArray(), slot.table().toNaturalArray(),
                    preset + " q" + quality + " table " + slot.slot());
            }
        }
    }

    @Test
    void readInfoEstimatesTheIjgQuality() throws IOException {
        for (int quality : new int[] {5, 30, 75, 92, 100}) {
            byte[] file = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withQuality(quality)).encode(PICTURE);
            QualityEstimate estimate = new JpegDecoder().readInfo(file).qualityEstimate();
            assertEquals(quality, estimate.quality());
            assertTrue(estimate.ijg());
        }
        byte[] perceptual = new JpegEncoder(EncoderOptions.of(Preset.FAST).withQuality(75)).encode(PICTURE);
        QualityEstimate estimate = new JpegDecoder().readInfo(perceptual).qualityEstimate();
        assertTrue(!estimate.ijg() && estimate.meanError() > 0, estimate.toString());
    }

    @Test
    void aFileWithoutItsLumaTableHasNoEstimate() throws IOException {
        byte[] file = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE).encode(PICTURE);
        // Re-number the first DQT's table (Pq/Tq byte after the length) from slot 0 to slot 3, which no component uses.
        for (int i = 2; i + 4 < file.length; i++) {
            if ((file[i] & 0xFF) == 0xFF && (file[i + 1] & 0xFF) == 0xDB) {
                file[i + 4] = 3;
                break;
            }
        }
        assertNull(new JpegDecoder().readInfo(file).qualityEstimate());
    }
}
