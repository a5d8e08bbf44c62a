package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.JdkJpeg;
import dev.tessera.testing.Pnm;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Four-band rasters written as Adobe CMYK (APP14 transform 0, four 1x1 components, no colour conversion). */
public class CmykEncodeTest {

    /** Smooth, distinct gradients per band, so a swapped or converted band shows as a large error. */
    public static WritableRaster cmykRaster(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        Random noise = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, 255 * x / Math.max(1, width - 1));
                raster.setSample(x, y, 1, 255 * y / Math.max(1, height - 1));
                raster.setSample(x, y, 2, 255 - 255 * x / Math.max(1, width - 1));
                raster.setSample(x, y, 3, 64 + noise.nextInt(8));
            }
        }
        return raster;
    }

    static byte[] encode(Raster raster, EncoderOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(options).encodeCmyk(raster, ImageMetadata.NONE, out);
        return out.toByteArray();
    }

    /** The JDK reader's raw samples: readRaster applies no colour conversion. */
    public static Raster jdkRaster(byte[] jpeg) throws IOException {
        ImageReader reader = JdkJpeg.reader();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.readRaster(0, null);
        } finally {
            reader.dispose();
        }
    }

    public static double meanAbsoluteError(Raster a, Raster b) {
        assertEquals(a.getNumBands(), b.getNumBands());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                for (int band = 0; band < a.getNumBands(); band++) {
                    sum += Math.abs(a.getSample(x, y, band) - b.getSample(x, y, band));
                }
            }
        }
        return (double) sum / ((long) a.getWidth() * a.getHeight() * a.getNumBands());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void jdkReaderReturnsTheSamples(boolean progressive) throws IOException {
        WritableRaster raster = cmykRaster(37, 21);
        byte[] jpeg = encode(raster, EncoderOptions.DEFAULT.withQuality(95).withProgressive(progressive));
        Raster decoded = jdkRaster(jpeg);
        assertEquals(37, decoded.getWidth());
        assertEquals(21, decoded.getHeight());
        double error = meanAbsoluteError(raster, decoded);
        assertTrue(error < 2.0, "mean absolute error " + error);
    }

    @Test
    void writesAdobeSegmentAndFourComponents() throws IOException {
        byte[] jpeg = encode(cmykRaster(16, 16),
            EncoderOptions.DEFAULT.withProgressive(false).withOptimizeHuffman(false));
        // SOI, then APP14 "Adobe" with transform 0 where JFIF would be.
        assertEquals(0xFF, jpeg[2] & 0xFF);
        assertEquals(0xEE, jpeg[3] & 0xFF);
        assertEquals("Adobe", new String(jpeg, 6, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, jpeg[6 + 11]);
        assertFalse(new String(jpeg, java.nio.charset.StandardCharsets.ISO_8859_1).contains("JFIF"));
        int sof = indexOfMarker(jpeg, 0xC0);
        assertEquals(4, jpeg[sof + 9]);
        for (int c = 0; c < 4; c++) {
            assertEquals(0x11, jpeg[sof + 11 + 3 * c] & 0xFF, "component " + c + " sampling");
            assertEquals(0, jpeg[sof + 12 + 3 * c], "component " + c + " table");
        }
    }

    /**
     * djpeg (libjpeg-turbo 2.1 and later) writes a CMYK file as PPM through its cmyk_to_rgb, which reads the
     * samples as Adobe's inverted CMYK: R = C * K / 255, and so on. Checks the whole decode path of libjpeg.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void djpegDecodesIt(boolean progressive) throws IOException {
        ExternalTool djpeg = ExternalTool.require("djpeg");
        WritableRaster raster = cmykRaster(40, 24);
        byte[] jpeg = encode(raster, EncoderOptions.DEFAULT.withQuality(95).withProgressive(progressive)
            .withRestartInterval(RestartInterval.mcus(3)));
        ExternalTool.Result result = djpeg.run(jpeg, "-pnm");
        assertTrue(result.clean(), "djpeg: " + result.stderr());
        Pnm.Pixels rgb = Pnm.read(result.stdout());
        assertEquals(3, rgb.channels());
        long sum = 0;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 40; x++) {
                int k = raster.getSample(x, y, 3);
                for (int band = 0; band < 3; band++) {
                    int expected = raster.getSample(x, y, band) * k / 255;
                    sum += Math.abs(expected - (rgb.samples()[(y * 40 + x) * 3 + band] & 0xFF));
                }
            }
        }
        double error = sum / (40.0 * 24 * 3);
        assertTrue(error < 2.0, "mean absolute error " + error);
    }

    private static int indexOfMarker(byte[] jpeg, int code) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == code) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(code));
    }
}
