package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageReadParam;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import org.junit.jupiter.api.Test;

/**
 * ImageReadParam/JPEGImageReadParam and ImageWriteParam/JPEGImageWriteParam as the two plugins hand them out:
 * the default params' capabilities and defaults, and the checks their setters make, the JDK's as the oracle.
 */
class ParamContractTest {
    private static ImageWriteParam ourWriteParam() throws IOException {
        return Plugins.ourWriter().getDefaultWriteParam();
    }

    private static ImageWriteParam jdkWriteParam() throws IOException {
        return Plugins.jdkWriter().getDefaultWriteParam();
    }

    @Test
    void writeParamCapabilitiesAndDefaultsAreTheJdks() throws IOException {
        ImageWriteParam ours = ourWriteParam();
        ImageWriteParam jdk = jdkWriteParam();
        assertTrue(ours instanceof JPEGImageWriteParam);
        assertEquals(jdk.canWriteCompressed(), ours.canWriteCompressed());
        assertEquals(jdk.canWriteProgressive(), ours.canWriteProgressive());
        assertEquals(jdk.canWriteTiles(), ours.canWriteTiles());
        assertEquals(jdk.canOffsetTiles(), ours.canOffsetTiles());
        assertEquals(jdk.getCompressionMode(), ours.getCompressionMode());
        assertEquals(jdk.getProgressiveMode(), ours.getProgressiveMode());
        assertArrayEquals(jdk.getCompressionTypes(), ours.getCompressionTypes());
        assertEquals(jdk.getLocale(), ours.getLocale());
        assertEquals(jdk.getSourceRegion(), ours.getSourceRegion());
        assertEquals(jdk.getSourceXSubsampling(), ours.getSourceXSubsampling());
        assertArrayEquals(jdk.getSourceBands(), ours.getSourceBands());
        assertEquals(jdk.getDestinationType(), ours.getDestinationType());
        assertEquals(((JPEGImageWriteParam) jdk).areTablesSet(), ((JPEGImageWriteParam) ours).areTablesSet());
        // A documented difference: optimized Huffman tables on by default (smaller files).
        assertEquals(false, ((JPEGImageWriteParam) jdk).getOptimizeHuffmanTables());
        assertEquals(true, ((JPEGImageWriteParam) ours).getOptimizeHuffmanTables());

        for (ImageWriteParam param : List.of(ours, jdk)) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        }
        assertEquals(jdk.getCompressionType(), ours.getCompressionType());
        assertEquals(jdk.getCompressionQuality(), ours.getCompressionQuality());
        assertEquals(jdk.isCompressionLossless(), ours.isCompressionLossless());
        assertArrayEquals(jdk.getCompressionQualityDescriptions(), ours.getCompressionQualityDescriptions());
        assertArrayEquals(jdk.getCompressionQualityValues(), ours.getCompressionQualityValues());
        assertEquals(jdk.getLocalizedCompressionTypeName(), ours.getLocalizedCompressionTypeName());
        assertEquals(jdk.getBitRate(0.75f), ours.getBitRate(0.75f));
    }

    @Test
    void writeParamSettersCheckAsTheJdks() throws IOException {
        for (ImageWriteParam param : List.of(ourWriteParam(), jdkWriteParam())) {
            String name = param.getClass().getName();
            // Quality outside 0..1, or without MODE_EXPLICIT: refused.
            assertThrows(IllegalStateException.class, () -> param.setCompressionQuality(0.5f), name);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            assertThrows(IllegalArgumentException.class, () -> param.setCompressionQuality(1.5f), name);
            assertThrows(IllegalArgumentException.class, () -> param.setCompressionType("LZW"), name);
            param.setCompressionQuality(0.3f);
            param.unsetCompression();
            assertEquals(0.75f, param.getCompressionQuality(), name); // JPEGImageWriteParam's reset value
            assertThrows(UnsupportedOperationException.class,
                () -> param.setTilingMode(ImageWriteParam.MODE_EXPLICIT), name);
            assertThrows(IllegalArgumentException.class, () -> param.setSourceBands(new int[] {0, 0}), name);
            assertThrows(IllegalArgumentException.class, () -> param.setSourceRegion(new Rectangle(0, 0, 0, 5)),
                name);
            assertThrows(IllegalArgumentException.class, () -> param.setSourceSubsampling(0, 1, 0, 0), name);
            JPEGImageWriteParam jpeg = (JPEGImageWriteParam) param;
            assertThrows(IllegalArgumentException.class, () -> jpeg.setEncodeTables(null,
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance},
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance}), name);
            jpeg.setEncodeTables(new JPEGQTable[] {JPEGQTable.K1Luminance},
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance},
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance});
            assertTrue(jpeg.areTablesSet(), name);
            jpeg.unsetEncodeTables();
            assertEquals(false, jpeg.areTablesSet(), name);
        }
    }

    @Test
    void readParamCapabilitiesAndDefaultsAreTheJdks() throws IOException {
        ImageReadParam ours = Plugins.ourReader().getDefaultReadParam();
        ImageReadParam jdk = Plugins.jdkReader().getDefaultReadParam();
        assertTrue(ours instanceof JPEGImageReadParam);
        assertTrue(jdk instanceof JPEGImageReadParam);
        assertEquals(jdk.canSetSourceRenderSize(), ours.canSetSourceRenderSize());
        assertEquals(jdk.getSourceRenderSize(), ours.getSourceRenderSize());
        assertEquals(jdk.getSourceMinProgressivePass(), ours.getSourceMinProgressivePass());
        assertEquals(jdk.getSourceMaxProgressivePass(), ours.getSourceMaxProgressivePass());
        assertEquals(jdk.getDestinationOffset(), ours.getDestinationOffset());
        assertEquals(jdk.getDestination(), ours.getDestination());
        assertEquals(((JPEGImageReadParam) jdk).areTablesSet(), ((JPEGImageReadParam) ours).areTablesSet());
        for (ImageReadParam param : List.of(ours, jdk)) {
            String name = param.getClass().getName();
            assertThrows(UnsupportedOperationException.class, () -> param.setSourceRenderSize(new Dimension(4, 4)),
                name);
            assertThrows(IllegalArgumentException.class, () -> param.setSourceProgressivePasses(-1, 1), name);
            assertThrows(IllegalArgumentException.class, () -> param.setDestinationOffset(null), name);
            JPEGImageReadParam jpeg = (JPEGImageReadParam) param;
            assertThrows(IllegalArgumentException.class, () -> jpeg.setDecodeTables(null, null, null), name);
        }
    }

    @Test
    void readParamSettingsGiveTheJdksPixelsAndSizes() throws IOException {
        // Region, subsampling by 3 (point samples: the JDK's rule), offset and a destination type both offer
        // (gray: the luma of a YCbCr file), on one file.
        byte[] jpeg = Plugins.write(Plugins.jdkWriter(), Plugins.picture(64, 48, BufferedImage.TYPE_3BYTE_BGR),
            List.of(), null);
        BufferedImage[] results = new BufferedImage[2];
        int i = 0;
        for (var reader : Plugins.readers()) {
            Plugins.open(reader, jpeg);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new Rectangle(5, 7, 40, 30));
            param.setSourceSubsampling(3, 3, 1, 1);
            param.setDestinationOffset(new Point(2, 1));
            param.setDestinationType(javax.imageio.ImageTypeSpecifier.createFromBufferedImageType(
                BufferedImage.TYPE_BYTE_GRAY));
            results[i++] = reader.read(0, param);
        }
        assertEquals(results[1].getType(), results[0].getType());
        assertEquals(results[1].getWidth(), results[0].getWidth());
        assertEquals(results[1].getHeight(), results[0].getHeight());
        // Decoders differ by a few levels (IDCT, upsampling); the samples taken are the same ones.
        assertTrue(Plugins.maxDifference(results[1], results[0]) <= 12, "" + Plugins.maxDifference(results[1], results[0]));
        assertEquals(Arrays.toString(new int[] {results[1].getRGB(0, 0)}), Arrays.toString(new int[] {
            results[0].getRGB(0, 0)}), "the offset leaves the first pixel untouched");
    }
}
