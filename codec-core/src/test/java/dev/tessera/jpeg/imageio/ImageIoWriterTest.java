package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.JdkJpeg;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOWriteProgressListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Tessera's writer as application code meets it: through {@code ImageIO}, with the snippets people copy for
 * the JDK's writer (DPI and subsampling in the native tree, a cast to {@link JPEGImageWriteParam}), checked
 * by parsing the written file's segments.
 */
class ImageIoWriterTest {
    private static final String NATIVE = "javax_imageio_jpeg_image_1.0";

    static BufferedImage picture() {
        BufferedImage image = new BufferedImage(61, 43, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 43; y++) {
            for (int x = 0; x < 61; x++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | ((x + y) * 2));
            }
        }
        return image;
    }

    static ImageWriter writer() {
        return ImageIO.getImageWritersByFormatName("jpeg").next();
    }

    static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void tesseraIsFirstForEveryNameSuffixAndMimeType() {
        for (String name : List.of("jpeg", "jpg", "JPEG", "JPG")) {
            assertInstanceOf(JpegImageWriter.class, ImageIO.getImageWritersByFormatName(name).next(), name);
        }
        for (String suffix : List.of("jpg", "jpeg", "jpe", "jfif")) {
            assertInstanceOf(JpegImageWriter.class, ImageIO.getImageWritersBySuffix(suffix).next(), suffix);
        }
        assertInstanceOf(JpegImageWriter.class, ImageIO.getImageWritersByMIMEType("image/jpeg").next());
        ImageTypeSpecifier rgb = ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB);
        assertInstanceOf(JpegImageWriter.class, ImageIO.getImageWriters(rgb, "jpg").next());
    }

    /** ImageIO.write as applications call it: the bytes are exactly what Tessera's encoder writes. */
    @Test
    void plainImageIoWriteIsTesserasWork() throws IOException {
        BufferedImage image = picture();
        ByteArrayOutputStream viaImageIo = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "jpg", viaImageIo));
        // ImageIO writes in the IJG-compatible mode, with the JDK's meaning of quality (see WriteSettings).
        assertArrayEquals(new JpegEncoder(dev.tessera.jpeg.EncoderOptions.BASELINE_COMPATIBLE).encode(image),
            viaImageIo.toByteArray());
        BufferedImage decoded = JdkJpeg.decode(viaImageIo.toByteArray()).image();
        assertEquals(61, decoded.getWidth());
    }

    /** The usual snippet for DPI: edit app0JFIF in the native tree of the default metadata. */
    @Test
    void dpiThroughTheNativeTree() throws IOException {
        BufferedImage image = picture();
        ImageWriter writer = writer();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        Element tree = (Element) metadata.getAsTree(NATIVE);
        Element jfif = (Element) tree.getElementsByTagName("app0JFIF").item(0);
        jfif.setAttribute("Xdensity", "300");
        jfif.setAttribute("Ydensity", "300");
        jfif.setAttribute("resUnits", "1");
        metadata.setFromTree(NATIVE, tree);

        Segments.Segment app0 = Segments.parse(write(writer, new IIOImage(image, null, metadata), param)).first(0xE0);
        assertTrue(app0.startsWith("JFIF\0"));
        assertEquals(1, app0.u8(7), "units: dots per inch");
        assertEquals(300, app0.u16(8));
        assertEquals(300, app0.u16(10));
    }

    /** DPI through the standard tree: HorizontalPixelSize in millimetres. */
    @Test
    void dpiThroughTheStandardTree() throws IOException {
        BufferedImage image = picture();
        ImageWriter writer = writer();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        for (String name : List.of("HorizontalPixelSize", "VerticalPixelSize")) {
            IIOMetadataNode size = new IIOMetadataNode(name);
            size.setAttribute("value", Double.toString(25.4 / 72));
            dimension.appendChild(size);
        }
        root.appendChild(dimension);
        metadata.mergeTree("javax_imageio_1.0", root);

        Segments.Segment app0 = Segments.parse(write(writer, new IIOImage(image, null, metadata), null)).first(0xE0);
        assertEquals(1, app0.u8(7));
        assertEquals(72, app0.u16(8));
        assertEquals(72, app0.u16(10));
        Element standard = (Element) metadata.getAsTree("javax_imageio_1.0");
        Element size = (Element) standard.getElementsByTagName("HorizontalPixelSize").item(0);
        assertEquals(25.4 / 72, Double.parseDouble(size.getAttribute("value")), 1e-5);
    }

    /** The usual snippet for 4:4:4: every componentSpec of the sof gets sampling factors 1. */
    @Test
    void subsampling444ThroughTheNativeTree() throws IOException {
        BufferedImage image = picture();
        ImageWriter writer = writer();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        Element tree = (Element) metadata.getAsTree(NATIVE);
        NodeList components = tree.getElementsByTagName("componentSpec");
        assertEquals(3, components.getLength());
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            component.setAttribute("HsamplingFactor", "1");
            component.setAttribute("VsamplingFactor", "1");
        }
        metadata.setFromTree(NATIVE, tree);

        Segments.Segment sof = Segments.parse(write(writer, new IIOImage(image, null, metadata), param)).frame();
        assertEquals(3, sof.u8(5));
        for (int c = 0; c < 3; c++) {
            assertEquals(0x11, sof.u8(7 + 3 * c), "component " + c);
        }
        // Untouched default metadata means 4:2:0.
        Segments.Segment defaultSof = Segments.parse(write(writer(), new IIOImage(image, null,
            writer().getDefaultImageMetadata(new ImageTypeSpecifier(image), null)), null)).frame();
        assertEquals(0x22, defaultSof.u8(7));
    }

    @Test
    void subsamplingAndRestartThroughTesserasParam() throws IOException {
        ImageWriter writer = writer();
        TesseraJpegWriteParam param = (TesseraJpegWriteParam) writer.getDefaultWriteParam();
        param.setSubsampling(Subsampling.S422);
        param.setRestartInterval(RestartInterval.mcus(2));
        Segments segments = Segments.parse(write(writer, new IIOImage(picture(), null, null), param));
        assertEquals(0x21, segments.frame().u8(7));
        assertEquals(2, segments.first(0xDD).u16(0));
    }

    @Test
    void restartIntervalThroughTheNativeTree() throws IOException {
        BufferedImage image = picture();
        ImageWriter writer = writer();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
        IIOMetadataNode tree = new IIOMetadataNode(NATIVE);
        tree.appendChild(new IIOMetadataNode("JPEGvariety"));
        IIOMetadataNode markers = new IIOMetadataNode("markerSequence");
        IIOMetadataNode dri = new IIOMetadataNode("dri");
        dri.setAttribute("interval", "5");
        markers.appendChild(dri);
        tree.appendChild(markers);
        metadata.mergeTree(NATIVE, tree);
        assertEquals(5, Segments.parse(write(writer, new IIOImage(image, null, metadata), null)).first(0xDD).u16(0));
    }

    /** The usual snippet for Huffman optimization: a cast to the JDK's public parameter class. */
    @Test
    void optimizedHuffmanThroughTheJdkParamClass() throws IOException {
        BufferedImage image = picture();
        ImageWriter writer = writer();
        JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
        assertTrue(param.getOptimizeHuffmanTables(), "Tessera optimizes by default");
        param.setOptimizeHuffmanTables(false);
        Segments standard = Segments.parse(write(writer, new IIOImage(image, null, null), param));
        assertArrayEquals(dht(0, 0, JPEGHuffmanTable.StdDCLuminance), standard.all(0xC4).get(0).payload());

        ImageWriter again = writer();
        JPEGImageWriteParam optimized = (JPEGImageWriteParam) again.getDefaultWriteParam();
        optimized.setOptimizeHuffmanTables(true);
        Segments segments = Segments.parse(write(again, new IIOImage(image, null, null), optimized));
        assertFalse(Arrays.equals(dht(0, 0, JPEGHuffmanTable.StdDCLuminance), segments.all(0xC4).get(0).payload()));
    }

    /** A JPEGImageWriteParam made by the caller, with its own quantization tables, is honoured. */
    @Test
    void plainJdkParamWithTables() throws IOException {
        int[] flat = new int[64];
        Arrays.fill(flat, 7);
        int[] ramp = new int[64];
        for (int i = 0; i < 64; i++) {
            ramp[i] = 10 + i;
        }
        JPEGImageWriteParam param = new JPEGImageWriteParam(null);
        param.setEncodeTables(new JPEGQTable[] {new JPEGQTable(flat), new JPEGQTable(ramp)},
            new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance},
            new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance});
        Segments segments = Segments.parse(write(writer(), new IIOImage(picture(), null, null), param));
        List<Segments.Segment> dqt = segments.all(0xDB);
        assertEquals(2, dqt.size());
        for (int k = 0; k < 64; k++) {
            assertEquals(7, dqt.get(0).u8(1 + k));
        }
        // DQT holds zig-zag order; JPEGQTable natural order: zig-zag position 2 is natural index 8.
        assertEquals(10 + 8, dqt.get(1).u8(1 + 2));
        assertArrayEquals(dht(0, 0, JPEGHuffmanTable.StdDCLuminance), segments.all(0xC4).get(0).payload(),
            "optimization is off in a plain JPEGImageWriteParam, as in the JDK");
    }

    /** Explicit quality gives the JDK writer's tables: compare the DQT segments of both writers. */
    @ParameterizedTest
    @ValueSource(floats = {0f, 0.05f, 0.1f, 0.25f, 0.5f, 0.75f, 0.8f, 0.9f, 0.95f, 1f})
    void explicitQualityMatchesTheJdk(float quality) throws IOException {
        BufferedImage image = picture();
        ImageWriteParam ours = writer().getDefaultWriteParam();
        ours.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        ours.setCompressionQuality(quality);
        List<Segments.Segment> tessera = Segments.parse(write(writer(), new IIOImage(image, null, null), ours))
            .all(0xDB);
        ImageWriter jdk = jdkWriter();
        ImageWriteParam theirs = jdk.getDefaultWriteParam();
        theirs.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        theirs.setCompressionQuality(quality);
        List<Segments.Segment> reference = Segments.parse(write(jdk, new IIOImage(image, null, null), theirs))
            .all(0xDB);
        List<Integer> ourValues = tableValues(tessera);
        List<Integer> jdkValues = tableValues(reference);
        assertEquals(jdkValues, ourValues, "quality " + quality);
    }

    /** Default metadata for an explicit-quality parameter carries that quality's tables, as the JDK's does. */
    @Test
    void defaultMetadataFollowsTheParam() throws IOException {
        BufferedImage image = picture();
        ImageWriter writer = writer();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.3f);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        JPEGQTable luma = (JPEGQTable) ((IIOMetadataNode) ((Element) metadata.getAsTree(NATIVE))
            .getElementsByTagName("dqtable").item(0)).getUserObject();
        byte[] explicit = write(writer, new IIOImage(image, null, null), param);
        // The same tables come back when the metadata is used with the default (copy from metadata) mode.
        byte[] copied = write(writer(), new IIOImage(image, null, metadata), null);
        assertArrayEquals(Segments.parse(explicit).all(0xDB).get(0).payload(),
            Segments.parse(copied).all(0xDB).get(0).payload());
        assertEquals(luma.getTable()[0], Segments.parse(copied).all(0xDB).get(0).u8(1));
    }

    @Test
    void progressiveModeDefaultWritesSof2() throws IOException {
        ImageWriter writer = writer();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        byte[] jpeg = write(writer, new IIOImage(picture(), null, null), param);
        assertEquals(0xC2, Segments.parse(jpeg).frame().marker());
        assertEquals(61, JdkJpeg.decode(jpeg).image().getWidth());
    }

    /** Comments, EXIF (an unknown APP1 segment) and an ICC profile in the tree become segments. */
    @Test
    void metadataSegmentsAreWritten() throws IOException {
        BufferedImage image = picture();
        ImageWriter writer = writer();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
        IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(NATIVE);
        IIOMetadataNode markers = (IIOMetadataNode) tree.getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode com = new IIOMetadataNode("com");
        com.setAttribute("comment", "made by Tessera");
        markers.appendChild(com);
        byte[] exif = "Exif\0\0MM\0*\0\0\0\10\0\0".getBytes(StandardCharsets.ISO_8859_1);
        IIOMetadataNode unknown = new IIOMetadataNode("unknown");
        unknown.setAttribute("MarkerTag", "225");
        unknown.setUserObject(exif);
        markers.appendChild(unknown);
        IIOMetadataNode icc = new IIOMetadataNode("app2ICC");
        java.awt.color.ICC_Profile profile = java.awt.color.ICC_Profile.getInstance(
            java.awt.color.ColorSpace.CS_sRGB);
        icc.setUserObject(profile);
        tree.getElementsByTagName("app0JFIF").item(0).appendChild(icc);
        metadata.setFromTree(NATIVE, tree);

        Segments segments = Segments.parse(write(writer, new IIOImage(image, null, metadata), null));
        assertEquals("made by Tessera", new String(segments.first(0xFE).payload(), StandardCharsets.ISO_8859_1));
        assertArrayEquals(exif, segments.first(0xE1).payload());
        Segments.Segment app2 = segments.first(0xE2);
        assertTrue(app2.startsWith("ICC_PROFILE\0"));
        assertEquals(profile.getData().length, app2.payload().length - 14);
    }

    /** ICC chunks kept as unknown APP2 segments (files without JFIF) are reassembled in sequence order. */
    @Test
    void iccChunksInUnknownSegments() throws IOException {
        BufferedImage image = picture();
        ImageWriter writer = writer();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
        IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(NATIVE);
        IIOMetadataNode markers = (IIOMetadataNode) tree.getElementsByTagName("markerSequence").item(0);
        for (int sequence : new int[] {2, 1}) {
            IIOMetadataNode chunk = new IIOMetadataNode("unknown");
            chunk.setAttribute("MarkerTag", "226");
            byte[] payload = ("ICC_PROFILE\0" + (char) sequence + "\2" + (sequence == 1 ? "first" : "second"))
                .getBytes(StandardCharsets.ISO_8859_1);
            chunk.setUserObject(payload);
            markers.appendChild(chunk);
        }
        metadata.setFromTree(NATIVE, tree);
        Segments.Segment app2 = Segments.parse(write(writer, new IIOImage(image, null, metadata), null)).first(0xE2);
        assertEquals("firstsecond", new String(app2.payload(), 14, app2.payload().length - 14,
            StandardCharsets.ISO_8859_1));
    }

    /** Metadata read by the JDK's reader (its own class) is accepted through its native tree. */
    @Test
    void jdkReaderMetadataIsAccepted() throws IOException {
        BufferedImage image = picture();
        ImageWriter jdk = jdkWriter();
        IIOMetadata jdkMetadata = jdk.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
        Element tree = (Element) jdkMetadata.getAsTree(NATIVE);
        Element jfif = (Element) tree.getElementsByTagName("app0JFIF").item(0);
        jfif.setAttribute("resUnits", "2");
        jfif.setAttribute("Xdensity", "118");
        jfif.setAttribute("Ydensity", "59");
        jdkMetadata.setFromTree(NATIVE, tree);
        byte[] jdkFile = write(jdk, new IIOImage(image, null, jdkMetadata), null);

        ImageReader reader = JdkJpeg.reader();
        IIOMetadata read;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jdkFile))) {
            reader.setInput(in);
            read = reader.getImageMetadata(0);
        }
        Segments.Segment app0 = Segments.parse(write(writer(), new IIOImage(image, null, read), null)).first(0xE0);
        assertEquals(2, app0.u8(7));
        assertEquals(118, app0.u16(8));
        assertEquals(59, app0.u16(10));
    }

    /** A four-band raster becomes Adobe CMYK; the JDK's readRaster returns the samples. */
    @Test
    void cmykRaster() throws IOException {
        WritableRaster raster = dev.tessera.jpeg.CmykEncodeTest.cmykRaster(40, 30);
        ImageWriter writer = writer();
        assertTrue(writer.canWriteRasters());
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        byte[] jpeg = write(writer, new IIOImage(raster, null, null), param);
        Segments segments = Segments.parse(jpeg);
        Segments.Segment adobe = segments.first(0xEE);
        assertTrue(adobe.startsWith("Adobe"));
        assertEquals(0, adobe.u8(11), "transform 0: no colour conversion");
        assertFalse(segments.has(0xE0), "no JFIF for CMYK");
        assertEquals(4, segments.frame().u8(5));
        double error = dev.tessera.jpeg.CmykEncodeTest.meanAbsoluteError(raster,
            dev.tessera.jpeg.CmykEncodeTest.jdkRaster(jpeg));
        assertTrue(error < 2.0, "mean absolute error " + error);
    }

    @Test
    void sourceRegionAndSubsampling() throws IOException {
        ImageWriter writer = writer();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setSourceRegion(new java.awt.Rectangle(10, 5, 40, 30));
        param.setSourceSubsampling(2, 3, 0, 0);
        Segments.Segment sof = Segments.parse(write(writer, new IIOImage(picture(), null, null), param)).frame();
        assertEquals(10, sof.u16(1), "height: ceil(30 / 3)");
        assertEquals(20, sof.u16(3), "width: ceil(40 / 2)");
    }

    @Test
    void abortStopsTheWrite() throws IOException {
        ImageWriter writer = writer();
        List<String> events = new ArrayList<>();
        writer.addIIOWriteProgressListener(new IIOWriteProgressListener() {
            @Override public void imageStarted(ImageWriter source, int imageIndex) {
                events.add("started");
                source.abort();
            }
            @Override public void imageProgress(ImageWriter source, float percentageDone) {
                events.add("progress");
            }
            @Override public void imageComplete(ImageWriter source) {
                events.add("complete");
            }
            @Override public void thumbnailStarted(ImageWriter source, int imageIndex, int thumbnailIndex) { }
            @Override public void thumbnailProgress(ImageWriter source, float percentageDone) { }
            @Override public void thumbnailComplete(ImageWriter source) { }
            @Override public void writeAborted(ImageWriter source) {
                events.add("aborted");
            }
        });
        write(writer, new IIOImage(picture(), null, null), null);
        assertEquals(List.of("started", "aborted"), events);
    }

    @Test
    void defaultParamIsAJdkJpegParamWithTheJdkDefaults() {
        ImageWriteParam param = writer().getDefaultWriteParam();
        assertInstanceOf(TesseraJpegWriteParam.class, param);
        assertInstanceOf(JPEGImageWriteParam.class, param);
        assertEquals(ImageWriteParam.MODE_DISABLED, param.getProgressiveMode());
        assertEquals(ImageWriteParam.MODE_COPY_FROM_METADATA, param.getCompressionMode());
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        assertEquals(0.75f, param.getCompressionQuality());
    }

    private static ImageWriter jdkWriter() {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        while (it.hasNext()) {
            ImageWriter w = it.next();
            if (w.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageWriter")) {
                return w;
            }
        }
        throw new IllegalStateException("the JDK's JPEG writer is not registered");
    }

    /** The 64 values of each table in DQT segments, in order. */
    private static List<Integer> tableValues(List<Segments.Segment> dqt) {
        List<Integer> values = new ArrayList<>();
        for (Segments.Segment s : dqt) {
            int at = 0;
            while (at < s.payload().length) {
                int precision = s.u8(at) >> 4;
                at++;
                for (int k = 0; k < 64; k++) {
                    values.add(precision == 0 ? s.u8(at) : s.u16(at));
                    at += precision == 0 ? 1 : 2;
                }
            }
        }
        return values;
    }

    /** A DHT payload for one table, as T.81 B.2.4.2 lays it out. */
    private static byte[] dht(int tableClass, int id, JPEGHuffmanTable table) {
        short[] lengths = table.getLengths();
        short[] values = table.getValues();
        byte[] out = new byte[17 + values.length];
        out[0] = (byte) (tableClass << 4 | id);
        for (int i = 0; i < 16; i++) {
            out[1 + i] = (byte) lengths[i];
        }
        for (int i = 0; i < values.length; i++) {
            out[17 + i] = (byte) values[i];
        }
        return out;
    }
}
