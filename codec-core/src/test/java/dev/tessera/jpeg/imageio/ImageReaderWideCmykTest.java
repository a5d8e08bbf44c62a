package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.testing.Corpus;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CMYK files above 8 bits (T.83 E1 and E2: 12-bit DCT; O2: 16-bit lossless), which the decoder does not convert
 * to RGB: the reader offers only the decoder's 16-bit CMYK type and gives the decoder's samples exactly.
 */
class ImageReaderWideCmykTest {
    private static final String DIR = "corpus/conformance";

    private static byte[] file(String name) throws IOException {
        Optional<Path> dir = Corpus.shared(DIR);
        Optional<Path> found = dir.flatMap(d -> Corpus.list(d, ".jpg").stream()
            .filter(p -> p.getParent().getFileName().toString().equals("itu-t83")
                && p.getFileName().toString().equals(name))
            .findFirst());
        assumeTrue(found.isPresent(), "../shared/" + DIR + "/**/itu-t83/" + name + " is absent: skipping this test");
        return Files.readAllBytes(found.get());
    }

    private static JpegImageReader reader(byte[] bytes) throws IOException {
        JpegImageReader reader = (JpegImageReader) new JpegImageReaderSpi().createReaderInstance();
        ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
        reader.setInput(in);
        return reader;
    }

    private static void assertSamples(Raster expected, Raster actual) {
        assertEquals(expected.getNumBands(), actual.getNumBands());
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        int w = expected.getWidth();
        int h = expected.getHeight();
        assertArrayEquals(expected.getPixels(expected.getMinX(), expected.getMinY(), w, h, (int[]) null),
            actual.getPixels(actual.getMinX(), actual.getMinY(), w, h, (int[]) null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"E1.JPG", "E2.JPG", "O2.JPG"})
    void readsTheDecodersSamples(String name) throws IOException {
        byte[] bytes = file(name);
        BufferedImage decoded = new JpegDecoder(DecoderOptions.DEFAULT).decode(bytes);
        JpegImageReader reader = reader(bytes);
        try {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            ImageTypeSpecifier only = types.next();
            assertFalse(types.hasNext(), "one image type");
            assertEquals(only, reader.getRawImageType(0));
            assertEquals(ColorSpace.TYPE_CMYK, only.getColorModel().getColorSpace().getType());
            assertEquals(DataBuffer.TYPE_USHORT, only.getSampleModel().getDataType());
            assertTrue(only.getColorModel().isCompatibleSampleModel(decoded.getSampleModel()));

            BufferedImage read = reader.read(0);
            assertEquals(decoded.getWidth(), reader.getWidth(0));
            assertSamples(decoded.getRaster(), read.getRaster());
            assertSamples(decoded.getRaster(), reader.read(0, reader.getDefaultReadParam()).getRaster());
            assertSamples(decoded.getRaster(), reader.readRaster(0, null));

            // A region, with the raw type as destination type, point-sampled by 3 from an offset.
            int w = decoded.getWidth();
            int h = decoded.getHeight();
            Rectangle region = new Rectangle(w / 5, h / 7, w / 2, h / 3);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(region);
            param.setDestinationType(only);
            Raster expected = decoded.getRaster().createChild(region.x, region.y, region.width, region.height,
                0, 0, null);
            assertSamples(expected, reader.read(0, param).getRaster());
            assertSamples(expected, reader.readRaster(0, param));

            param.setSourceSubsampling(3, 3, 1, 2);
            Raster sampled = reader.read(0, param).getRaster();
            assertEquals((region.width - 1 + 2) / 3, sampled.getWidth());
            assertEquals((region.height - 2 + 2) / 3, sampled.getHeight());
            int[] want = new int[4];
            int[] got = new int[4];
            for (int y = 0; y < sampled.getHeight(); y++) {
                for (int x = 0; x < sampled.getWidth(); x++) {
                    decoded.getRaster().getPixel(region.x + 1 + 3 * x, region.y + 2 + 3 * y, want);
                    assertArrayEquals(want, sampled.getPixel(x, y, got), "pixel " + x + "," + y);
                }
            }

            // By 2 the decoder's scaled inverse DCT serves DCT files (averaging: only the size is checked);
            // the lossless O2 has no DCT and is point-sampled.
            ImageReadParam half = reader.getDefaultReadParam();
            half.setSourceSubsampling(2, 2, 0, 0);
            BufferedImage halved = reader.read(0, half);
            assertEquals((w + 1) / 2, halved.getWidth());
            assertEquals((h + 1) / 2, halved.getHeight());
            assertEquals(DataBuffer.TYPE_USHORT, halved.getSampleModel().getDataType());
            if (name.startsWith("O")) {
                for (int y = 0; y < halved.getHeight(); y++) {
                    for (int x = 0; x < halved.getWidth(); x++) {
                        decoded.getRaster().getPixel(2 * x, 2 * y, want);
                        assertArrayEquals(want, halved.getRaster().getPixel(x, y, got), "pixel " + x + "," + y);
                    }
                }
            }

            // Source bands: K alone, into band 0 of a CMYK destination.
            ImageReadParam bands = reader.getDefaultReadParam();
            bands.setSourceRegion(region);
            bands.setSourceBands(new int[] {3});
            bands.setDestinationBands(new int[] {0});
            Raster k = reader.read(0, bands).getRaster();
            assertSamples(expected.createChild(0, 0, region.width, region.height, 0, 0, new int[] {3}),
                k.createChild(0, 0, region.width, region.height, 0, 0, new int[] {0}));

            // An 8-bit CMYK destination would truncate the samples: refused.
            ImageReadParam narrow = reader.getDefaultReadParam();
            narrow.setDestination(new BufferedImage(
                ImageTypeSpecifier.createInterleaved(JpegDecoder.cmykColorSpace(), new int[] {0, 1, 2, 3},
                    DataBuffer.TYPE_BYTE, false, false).getColorModel(),
                ImageTypeSpecifier.createInterleaved(JpegDecoder.cmykColorSpace(), new int[] {0, 1, 2, 3},
                    DataBuffer.TYPE_BYTE, false, false).getColorModel().createCompatibleWritableRaster(w, h),
                false, null));
            assertThrows(IIOException.class, () -> reader.read(0, narrow));
        } finally {
            reader.dispose();
        }
    }
}
