package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.color.ColorDeconverter;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.JpegColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/**
 * The raw 4-band output for CMYK and YCCK files, which djpeg cannot write, against the JDK's ImageIO JPEG
 * reader ({@code readRaster}, IJG libjpeg 6b inside, no colour conversion). For CMYK the samples must be
 * equal; for YCCK the JDK returns Y, Cb, Cr, K unconverted, so its rows go through libjpeg's YCCK-to-CMYK
 * formula first (the conversion itself is checked against djpeg's PPM output by the reference test).
 * Only files djpeg decodes without complaint and whose sampling libjpeg 6b upsamples like libjpeg-turbo
 * 2.1 (6b has no fancy h1v2) are compared.
 */
class CmykRawOutputTest {
    @Test
    void matchesTheJdkDecoderSampleForSample() throws IOException {
        int compared = 0;
        List<String> failures = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (DjpegReferenceTest.Row row : DjpegReferenceTest.golden()) {
            if (row.scale() != 1 || !row.outcome().equals("ok") || !seen.add(row.file())) {
                continue;
            }
            Optional<byte[]> data = new ReferenceCorpus.Input(row.source(), row.file()).read();
            if (data.isEmpty()) {
                continue;
            }
            ImageInfo info;
            try {
                info = new JpegDecoder().readInfo(data.get());
            } catch (JpegException e) {
                continue;
            }
            if (info.components().size() != 4 || info.precision() != 8 || info.process().code() > 0xC2
                || hasH1V2(info)) {
                continue;
            }
            Raster jdk = jdkRaster(data.get());
            if (jdk == null) {
                continue;
            }
            BufferedImage ours = new JpegDecoder().decode(data.get());
            byte[] samples = ((DataBufferByte) ours.getRaster().getDataBuffer()).getData();
            int diff = maxDifference(jdk, samples, info.colorSpace() == JpegColorSpace.YCCK);
            compared++;
            if (diff != 0) {
                failures.add(row.file() + " (" + info.colorSpace() + "): largest difference " + diff);
            }
        }
        System.out.println("CMYK/YCCK raw output compared with the JDK decoder: " + compared + " files");
        assertTrue(compared > 0, "no 4-component files found");
        assertEquals(List.of(), failures);
    }

    private static boolean hasH1V2(ImageInfo info) {
        int hMax = info.frame().maxHorizontalSampling();
        int vMax = info.frame().maxVerticalSampling();
        return info.components().stream().anyMatch(c -> c.horizontalSampling() == hMax
            && c.verticalSampling() * 2 == vMax);
    }

    private static Raster jdkRaster(byte[] data) {
        // The JDK's reader by name: with codec-core's ImageIO plugin registered, "jpeg" finds Tessera's first.
        ImageReader reader = dev.tessera.testing.JdkJpeg.reader();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in);
            return reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {
            return null; // the JDK reader refuses some files djpeg reads; nothing to compare with
        } finally {
            reader.dispose();
        }
    }

    private static int maxDifference(Raster jdk, byte[] ours, boolean ycck) {
        int w = jdk.getWidth();
        int h = jdk.getHeight();
        ColorDeconverter toCmyk = ColorDeconverter.toCmyk(true);
        short[][] rows = new short[4][w];
        byte[] converted = new byte[4 * w];
        int[] px = new int[4];
        int max = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                jdk.getPixel(x, y, px);
                for (int c = 0; c < 4; c++) {
                    rows[c][x] = (short) px[c];
                }
            }
            if (ycck) {
                toCmyk.convert(rows, w, converted, 0);
            }
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 4; c++) {
                    int expected = ycck ? converted[4 * x + c] & 0xFF : rows[c][x];
                    max = Math.max(max, Math.abs(expected - (ours[(y * w + x) * 4 + c] & 0xFF)));
                }
            }
        }
        return max;
    }
}
