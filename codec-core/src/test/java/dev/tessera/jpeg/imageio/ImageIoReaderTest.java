package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.testing.JdkJpeg;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageReadParam;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Tessera's reader as application code meets it: through {@code ImageIO}. */
class ImageIoReaderTest {
    private static final String NATIVE = "javax_imageio_jpeg_image_1.0";

    @TempDir
    Path dir;

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageIoReaderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    static ImageReader reader(byte[] jpeg) throws IOException {
        ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg));
        ImageReader reader = ImageIO.getImageReaders(in).next();
        reader.setInput(in);
        return reader;
    }

    static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void tesseraIsFirstForEveryNameSuffixAndMimeType() throws IOException {
        for (String name : List.of("jpeg", "jpg", "JPEG", "JPG")) {
            assertInstanceOf(JpegImageReader.class, ImageIO.getImageReadersByFormatName(name).next(), name);
        }
        for (String suffix : List.of("jpg", "jpeg", "jpe", "jfif")) {
            assertInstanceOf(JpegImageReader.class, ImageIO.getImageReadersBySuffix(suffix).next(), suffix);
        }
        assertInstanceOf(JpegImageReader.class, ImageIO.getImageReadersByMIMEType("image/jpeg").next());
        assertInstanceOf(JpegImageReader.class, reader(resource("/jpeg/gray-sample.jpg")));
    }

    /** ImageIO.read as applications call it: the pixels are exactly what Tessera's decoder makes. */
    @Test
    void plainImageIoReadIsTesserasWork() throws IOException {
        byte[] jpeg = resource("/jpeg/cmm-exception-adobe-rgb.jpg");
        BufferedImage viaImageIo = ImageIO.read(new ByteArrayInputStream(jpeg));
        BufferedImage direct = new JpegDecoder().decode(jpeg);
        assertEquals(direct.getType(), viaImageIo.getType());
        assertSamePixels(direct, viaImageIo);
    }

    /** Write with Tessera, read with Tessera, through ImageIO only: the round trip stays close. */
    @Test
    void roundTripThroughImageIo() throws IOException {
        BufferedImage image = ImageIoWriterTest.picture();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        long error = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int a = image.getRGB(x, y);
                int b = back.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    error += Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
                }
            }
        }
        double mean = error / (3.0 * image.getWidth() * image.getHeight());
        assertTrue(mean < 4, "mean error " + mean);
    }

    @Test
    void defaultReadParamIsAJdkJpegReadParam() throws IOException {
        assertInstanceOf(JPEGImageReadParam.class, reader(resource("/jpeg/gray-sample.jpg")).getDefaultReadParam());
    }

    /** The native tree of a read file carries density and sampling, and feeds the writer unchanged. */
    @Test
    void nativeMetadataRoundTrip() throws IOException {
        ImageWriter writer = ImageIoWriterTest.writer();
        BufferedImage image = ImageIoWriterTest.picture();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
        Element tree = (Element) metadata.getAsTree(NATIVE);
        Element jfif = (Element) tree.getElementsByTagName("app0JFIF").item(0);
        jfif.setAttribute("resUnits", "1");
        jfif.setAttribute("Xdensity", "200");
        jfif.setAttribute("Ydensity", "100");
        metadata.setFromTree(NATIVE, tree);
        byte[] first = ImageIoWriterTest.write(writer, new IIOImage(image, null, metadata), null);

        ImageReader reader = reader(first);
        IIOMetadata read = reader.getImageMetadata(0);
        Element readTree = (Element) read.getAsTree(NATIVE);
        Element readJfif = (Element) readTree.getElementsByTagName("app0JFIF").item(0);
        assertEquals("200", readJfif.getAttribute("Xdensity"));
        assertEquals("100", readJfif.getAttribute("Ydensity"));
        Element component = (Element) readTree.getElementsByTagName("componentSpec").item(0);
        assertEquals("2", component.getAttribute("HsamplingFactor"));
        assertEquals(2, readTree.getElementsByTagName("dqtable").getLength());

        byte[] second = ImageIoWriterTest.write(ImageIoWriterTest.writer(),
            new IIOImage(reader.read(0), null, read), null);
        Segments.Segment app0 = Segments.parse(second).first(0xE0);
        assertEquals(200, app0.u16(8));
        assertEquals(100, app0.u16(10));
        // Same tables: the reader's dqt tables are copied from metadata.
        assertEquals(Segments.parse(first).all(0xDB).get(0).payload().length,
            Segments.parse(second).all(0xDB).get(0).payload().length);
    }

    /** The standard tree of a read file: colour space, progressive scans and the JFIF density in mm. */
    @Test
    void standardMetadata() throws IOException {
        ImageWriter writer = ImageIoWriterTest.writer();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        BufferedImage image = ImageIoWriterTest.picture();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        Element tree = (Element) metadata.getAsTree(NATIVE);
        Element jfif = (Element) tree.getElementsByTagName("app0JFIF").item(0);
        jfif.setAttribute("resUnits", "1");
        jfif.setAttribute("Xdensity", "254");
        jfif.setAttribute("Ydensity", "254");
        metadata.setFromTree(NATIVE, tree);
        byte[] jpeg = ImageIoWriterTest.write(writer, new IIOImage(image, null, metadata), param);

        Element standard = (Element) reader(jpeg).getImageMetadata(0).getAsTree("javax_imageio_1.0");
        assertEquals("YCbCr", ((Element) standard.getElementsByTagName("ColorSpaceType").item(0)).getAttribute("name"));
        Element size = (Element) standard.getElementsByTagName("HorizontalPixelSize").item(0);
        assertEquals(0.1, Double.parseDouble(size.getAttribute("value")), 1e-6);
        Element scans = (Element) standard.getElementsByTagName("NumProgressiveScans").item(0);
        assertTrue(Integer.parseInt(scans.getAttribute("value")) > 1);
    }

    @Test
    void sourceRegionAndScaledSubsampling() throws IOException {
        byte[] jpeg = resource("/jpeg/cmm-exception-adobe-rgb.jpg");
        ImageReader reader = reader(jpeg);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(2, 2, 0, 0);
        BufferedImage half = reader.read(0, param);
        assertEquals((width + 1) / 2, half.getWidth());
        assertEquals((height + 1) / 2, half.getHeight());
        assertSamePixels(new JpegDecoder(dev.tessera.jpeg.DecoderOptions.DEFAULT.withScale(2)).decode(jpeg), half);

        ImageReadParam region = reader.getDefaultReadParam();
        region.setSourceRegion(new Rectangle(8, 4, 20, 10));
        BufferedImage part = reader.read(0, region);
        BufferedImage whole = reader.read(0);
        assertEquals(20, part.getWidth());
        assertEquals(whole.getRGB(8, 4), part.getRGB(0, 0));
        assertEquals(whole.getRGB(27, 13), part.getRGB(19, 9));
    }

    @Test
    void sourceAndDestinationBands() throws IOException {
        ImageReader reader = reader(resource("/jpeg/cmm-exception-adobe-rgb.jpg"));
        BufferedImage normal = reader.read(0);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceBands(new int[] {2, 1, 0});
        param.setDestinationBands(new int[] {0, 1, 2});
        BufferedImage swapped = reader.read(0, param);
        for (int x = 0; x < 10; x++) {
            int a = normal.getRGB(x, 5);
            int b = swapped.getRGB(x, 5);
            assertEquals(a & 0xFF, (b >> 16) & 0xFF);
            assertEquals((a >> 16) & 0xFF, b & 0xFF);
        }
    }

    /**
     * A gray file read into an RGB destination type: each sample is copied into R, G and B, as the JDK's reader
     * does (no gray-to-sRGB gamma conversion), for the packed and the byte RGB types.
     */
    @Test
    void grayIntoRgbDestination() throws IOException {
        byte[] file = resource("/jpeg/gray-sample.jpg");
        ImageReader reader = reader(file);
        BufferedImage gray = reader.read(0);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_BGR}) {
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestinationType(ImageTypeSpecifier.createFromBufferedImageType(type));
            BufferedImage rgb = reader.read(0, param);
            assertEquals(type, rgb.getType());
            for (int y = 0; y < gray.getHeight(); y += 7) {
                for (int x = 0; x < gray.getWidth(); x += 5) {
                    int v = gray.getRaster().getSample(x, y, 0);
                    assertEquals(0xFF000000 | v << 16 | v << 8 | v, rgb.getRGB(x, y), "type " + type + " at " + x + "," + y);
                }
            }
            if (type == BufferedImage.TYPE_3BYTE_BGR) {
                // Of these types the JDK's reader offers 3-byte BGR for gray files: the same pixels.
                ImageReader jdk = JdkJpeg.reader();
                jdk.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(file)));
                ImageReadParam jdkParam = jdk.getDefaultReadParam();
                jdkParam.setDestinationType(ImageTypeSpecifier.createFromBufferedImageType(type));
                BufferedImage expected = jdk.read(0, jdkParam);
                for (int y = 0; y < gray.getHeight(); y += 3) {
                    for (int x = 0; x < gray.getWidth(); x += 3) {
                        assertEquals(expected.getRGB(x, y), rgb.getRGB(x, y), "JDK, type " + type + " at " + x + "," + y);
                    }
                }
            }
        }
    }

    /** CMYK files: RGB by default, raw CMYK through readRaster, and our own CMYK files come back. */
    @Test
    void cmykFiles() throws IOException {
        ImageReader reader = reader(resource("/jpeg/cmyk-sample.jpg"));
        BufferedImage rgb = reader.read(0);
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, rgb.getType());
        Raster raster = reader.readRaster(0, null);
        assertEquals(4, raster.getNumBands());

        java.awt.image.WritableRaster cmyk = dev.tessera.jpeg.CmykEncodeTest.cmykRaster(40, 30);
        ImageWriter writer = ImageIoWriterTest.writer();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        byte[] ours = ImageIoWriterTest.write(writer, new IIOImage(cmyk, null, null), param);
        Raster back = reader(ours).readRaster(0, null);
        double error = dev.tessera.jpeg.CmykEncodeTest.meanAbsoluteError(cmyk, back);
        assertTrue(error < 2.0, "mean absolute error " + error);
    }

    @Test
    void exifThumbnail() throws IOException {
        ImageReader reader = reader(resource("/jpeg/exif-jpeg-thumbnail-sony-dsc-p150-inverted-colors.jpg"));
        assertTrue(reader.hasThumbnails(0));
        BufferedImage thumbnail = reader.readThumbnail(0, 0);
        assertEquals(reader.getThumbnailWidth(0, 0), thumbnail.getWidth());
    }

    @Test
    void encoderOutputReadsBack() throws IOException {
        BufferedImage image = ImageIoWriterTest.picture();
        byte[] jpeg = new JpegEncoder().encode(image);
        assertSamePixels(new JpegDecoder().decode(jpeg), ImageIO.read(new ByteArrayInputStream(jpeg)));
    }

    /**
     * A file stream, whose length the reader uses to size its input array, read from where the caller left it:
     * bytes before that position are not the image's, and bytes after the image end are kept as trailing data.
     */
    @Test
    void fileStreamReadFromItsPosition() throws IOException {
        byte[] jpeg = noisyJpeg();
        assertTrue(jpeg.length > 3 * 65536, jpeg.length + " bytes: the test wants several 64 KB reads");
        BufferedImage expected = new JpegDecoder().decode(jpeg);
        for (int prefix : new int[] {0, 1, 70_000}) {
            Path file = dir.resolve("prefixed-" + prefix + ".bin");
            byte[] bytes = new byte[prefix + jpeg.length + 3];
            java.util.Arrays.fill(bytes, 0, prefix, (byte) 0x5A);
            System.arraycopy(jpeg, 0, bytes, prefix, jpeg.length);
            Files.write(file, bytes);
            try (FileImageInputStream in = new FileImageInputStream(file.toFile())) {
                in.seek(prefix);
                ImageReader reader = new JpegImageReaderSpi().createReaderInstance();
                reader.setInput(in);
                assertSamePixels(expected, reader.read(0));
                reader.dispose();
            }
        }
        Path file = dir.resolve("plain.jpg");
        Files.write(file, jpeg);
        assertSamePixels(expected, ImageIO.read(file.toFile()));
    }

    /** A 512 x 512 picture of noise at quality 98: a file of several 64 KB reads. */
    private static byte[] noisyJpeg() throws IOException {
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_3BYTE_BGR);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return new JpegEncoder(dev.tessera.jpeg.EncoderOptions.DEFAULT.withQuality(98)).encode(image);
    }

    /**
     * A stream whose {@code length()} is wrong (shorter, longer, before its position, huge, negative) still gives
     * the whole image: only a file stream's length is taken, as the size of the input array.
     */
    @Test
    void wrongStreamLengthsAreNotTrusted() throws IOException {
        byte[] jpeg = noisyJpeg();
        BufferedImage expected = new JpegDecoder().decode(jpeg);
        int prefix = 1000;
        byte[] bytes = new byte[prefix + jpeg.length];
        System.arraycopy(jpeg, 0, bytes, prefix, jpeg.length);
        for (long length : new long[] {-1, -5, 0, prefix - 1, prefix + 1, prefix + jpeg.length / 2,
            prefix + jpeg.length, prefix + jpeg.length + 100_000L, 1L << 40, Long.MAX_VALUE}) {
            ImageInputStream in = new javax.imageio.stream.MemoryCacheImageInputStream(
                new ByteArrayInputStream(bytes)) {
                @Override
                public long length() {
                    return length;
                }
            };
            in.seek(prefix);
            ImageReader reader = new JpegImageReaderSpi().createReaderInstance();
            reader.setInput(in);
            assertSamePixels(expected, reader.read(0));
            reader.dispose();
        }
    }
}
