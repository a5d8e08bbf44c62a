package dev.tessera.jpeg.imageio;

import static dev.tessera.jpeg.imageio.Plugins.jdkWriter;
import static dev.tessera.jpeg.imageio.Plugins.jdkWriterSpi;
import static dev.tessera.jpeg.imageio.Plugins.maxDifference;
import static dev.tessera.jpeg.imageio.Plugins.name;
import static dev.tessera.jpeg.imageio.Plugins.open;
import static dev.tessera.jpeg.imageio.Plugins.ourWriter;
import static dev.tessera.jpeg.imageio.Plugins.picture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOWriteProgressListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * ImageWriter's contract (javadoc and jpeg_metadata.html) run against Tessera's writer and the JDK's, the
 * JDK's answer as the oracle: thumbnails, canEncodeImage, stream metadata and sequences (abbreviated streams),
 * and calls from other threads.
 */
class ImageWriterContractTest {
    private static final String NATIVE = "javax_imageio_jpeg_image_1.0";
    private static final String STREAM = "javax_imageio_jpeg_stream_1.0";

    private static List<ImageTypeSpecifier> types() {
        List<ImageTypeSpecifier> types = new ArrayList<>();
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_BYTE_BINARY,
            BufferedImage.TYPE_USHORT_565_RGB}) {
            types.add(ImageTypeSpecifier.createFromBufferedImageType(type));
        }
        // A translucent indexed image (a palette with alpha) and an opaque one.
        byte[] ramp = new byte[256];
        for (int i = 0; i < 256; i++) {
            ramp[i] = (byte) i;
        }
        types.add(ImageTypeSpecifier.createIndexed(ramp, ramp, ramp, ramp, 8, java.awt.image.DataBuffer.TYPE_BYTE));
        types.add(ImageTypeSpecifier.createIndexed(ramp, ramp, ramp, null, 8, java.awt.image.DataBuffer.TYPE_BYTE));
        return types;
    }

    /** What a call gives: its value, or the class of what it throws. */
    private interface Call {
        Object run() throws Exception;
    }

    private static String outcome(Call call) {
        try {
            return String.valueOf(call.run());
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    @Test
    void capabilityQueriesAnswerAsTheJdks() throws IOException {
        List<List<String>> answers = new ArrayList<>();
        for (ImageWriter writer : List.of(ourWriter(), jdkWriter())) {
            List<String> a = new ArrayList<>();
            // Without output: ImageWriter says IllegalStateException where an output is needed.
            a.add(outcome(() -> writer.canInsertImage(0)));
            a.add(outcome(() -> writer.canWriteEmpty()));
            a.add(outcome(() -> writer.canReplaceStreamMetadata()));
            writer.setOutput(ImageIO.createImageOutputStream(new ByteArrayOutputStream()));
            a.add(outcome(() -> writer.canInsertImage(0)));
            a.add(outcome(() -> writer.canInsertEmpty(0)));
            a.add(outcome(() -> writer.canRemoveImage(0)));
            a.add(outcome(() -> writer.canReplaceImageMetadata(0)));
            a.add(outcome(() -> writer.canReplacePixels(0)));
            a.add(outcome(() -> writer.canReplaceStreamMetadata()));
            a.add(outcome(() -> writer.canWriteEmpty()));
            a.add(outcome(() -> writer.canWriteRasters()));
            a.add(outcome(() -> writer.canWriteSequence()));
            a.add(outcome(() -> {
                writer.prepareInsertEmpty(0, null, 1, 1, null, null, null);
                return "inserted";
            }));
            a.add(outcome(() -> {
                writer.replaceStreamMetadata(null);
                return "replaced";
            }));
            a.add(outcome(() -> {
                writer.write((IIOImage) null);
                return "written";
            }));
            a.add(outcome(() -> writer.getNumThumbnailsSupported(null, null, null, null)));
            answers.add(a);
        }
        assertEquals(answers.get(1), answers.get(0));
        // ImageTranscoder: IllegalArgumentException for null inData (the JDK's throws NullPointerException for
        // image metadata and returns null for stream metadata).
        assertThrows(IllegalArgumentException.class, () -> ourWriter().convertImageMetadata(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> ourWriter().convertStreamMetadata(null, null));
        // Metadata of the other plugin converts both ways through the native tree.
        ImageTypeSpecifier rgb = ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR);
        IIOMetadata fromJdk = ourWriter().convertImageMetadata(jdkWriter().getDefaultImageMetadata(rgb, null), rgb,
            null);
        assertEquals(MetadataContractTest.lines(jdkWriter().getDefaultImageMetadata(rgb, null).getAsTree(NATIVE)),
            MetadataContractTest.lines(fromJdk.getAsTree(NATIVE)));
        IIOMetadata streamFromJdk = ourWriter().convertStreamMetadata(jdkWriter().getDefaultStreamMetadata(null), null);
        assertEquals(tables(jdkWriter().getDefaultStreamMetadata(null).getAsTree(STREAM)),
            tables(streamFromJdk.getAsTree(STREAM)));
    }

    @Test
    void canEncodeImageAnswersAsTheJdk() throws IOException {
        for (ImageTypeSpecifier type : types()) {
            assertEquals(jdkWriterSpi().canEncodeImage(type), new JpegImageWriterSpi().canEncodeImage(type),
                type.getColorModel().toString());
        }
        // So ImageIO.write refuses what it refuses with the JDK's plugin (callers then fall back to PNG).
        BufferedImage argb = picture(16, 16, BufferedImage.TYPE_INT_ARGB);
        assertFalse(ImageIO.write(argb, "jpeg", new ByteArrayOutputStream()));
    }

    @Test
    void theNumberAndSizesOfThumbnailsSupportedAreTheJdks() throws IOException {
        ImageWriter ours = ourWriter();
        ImageWriter jdk = jdkWriter();
        assertEquals(jdk.getNumThumbnailsSupported(null, null, null, null),
            ours.getNumThumbnailsSupported(null, null, null, null));
        for (ImageTypeSpecifier type : types()) {
            String what = type.getColorModel().toString();
            assertEquals(jdk.getNumThumbnailsSupported(type, null, null, null),
                ours.getNumThumbnailsSupported(type, null, null, null), what);
            assertArrayEquals(jdk.getPreferredThumbnailSizes(type, null, null, null),
                ours.getPreferredThumbnailSizes(type, null, null, null), what);
        }
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            ImageTypeSpecifier spec = ImageTypeSpecifier.createFromBufferedImageType(type);
            // Each writer with its own default metadata (JFIF), and with that metadata's JFIF node removed.
            for (ImageWriter writer : List.of(ours, jdk)) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(spec, null);
                assertEquals(Integer.MAX_VALUE, writer.getNumThumbnailsSupported(spec, null, null, metadata),
                    name(writer));
                IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(NATIVE);
                Node variety = tree.getElementsByTagName("JPEGvariety").item(0);
                while (variety.getFirstChild() != null) {
                    variety.removeChild(variety.getFirstChild());
                }
                metadata.setFromTree(NATIVE, tree);
                assertEquals(0, writer.getNumThumbnailsSupported(spec, null, null, metadata), name(writer));
                assertEquals(null, writer.getPreferredThumbnailSizes(spec, null, null, metadata));
            }
        }
        assertArrayEquals(new Dimension[] {new Dimension(1, 1), new Dimension(255, 255)},
            ours.getPreferredThumbnailSizes(ImageTypeSpecifier.createFromBufferedImageType(
                BufferedImage.TYPE_INT_RGB), null, null, null));
    }

    private static BufferedImage indexedThumbnail(int w, int h) {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) (i * 17);
            g[i] = (byte) (255 - i * 17);
            b[i] = (byte) (i * 7);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(4, 16, r, g, b));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.getRaster().setSample(x, y, 0, (x + 3 * y) % 16);
            }
        }
        return image;
    }

    /**
     * The JFIF thumbnail size and the JFXX extension codes, in file order. Resynchronises on the next 0xFF after
     * a segment: the JDK's writer gives palette JFXX segments a length 2 short of T.871's (its length field
     * left out), so its last two index bytes follow the segment.
     */
    private static List<String> thumbnailSegments(byte[] jpeg) {
        List<String> out = new ArrayList<>();
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p + 1] & 0xFF) != 0xDA) {
            int marker = jpeg[p + 1] & 0xFF;
            int length = (jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF);
            String id = new String(jpeg, p + 4, 5, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (marker == 0xE0 && id.equals("JFIF\0")) {
                out.add("JFIF " + (jpeg[p + 16] & 0xFF) + "x" + (jpeg[p + 17] & 0xFF));
            } else if (marker == 0xE0 && id.equals("JFXX\0")) {
                out.add("JFXX " + (jpeg[p + 9] & 0xFF));
            }
            p += 2 + length;
            while (p < jpeg.length && (jpeg[p] & 0xFF) != 0xFF) {
                p++;
            }
        }
        return out;
    }

    private static List<BufferedImage> readThumbnails(ImageReader reader, byte[] jpeg) throws IOException {
        open(reader, jpeg);
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < reader.getNumThumbnails(0); i++) {
            out.add(reader.readThumbnail(0, i));
        }
        reader.dispose();
        return out;
    }

    @Test
    void thumbnailsAreWrittenAndReadAsByTheJdk() throws IOException {
        BufferedImage rgb = picture(40, 30, BufferedImage.TYPE_INT_RGB);
        BufferedImage gray = picture(24, 16, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage indexed = indexedThumbnail(20, 10);
        List<List<BufferedImage>> cases = List.of(List.of(rgb), List.of(gray), List.of(indexed),
            List.of(rgb, gray, indexed));
        for (int imageType : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage image = picture(64, 48, imageType);
            for (List<BufferedImage> thumbnails : cases) {
                String what = "image type " + imageType + ", thumbnails " + thumbnails.size() + " of type "
                    + thumbnails.get(0).getType();
                byte[] ours = Plugins.write(ourWriter(), image, thumbnails, null);
                byte[] jdk = Plugins.write(jdkWriter(), image, thumbnails, null);
                assertEquals(thumbnailSegments(jdk), thumbnailSegments(ours), what);

                List<BufferedImage> oracle = readThumbnails(Plugins.jdkReader(), jdk);
                List<BufferedImage> jdkReadsOurs = readThumbnails(Plugins.jdkReader(), ours);
                List<BufferedImage> oursReadsOurs = readThumbnails(Plugins.ourReader(), ours);
                List<BufferedImage> oursReadsJdk = readThumbnails(Plugins.ourReader(), jdk);
                assertEquals(oracle.size(), jdkReadsOurs.size(), what + " jdk reads ours");
                assertEquals(oracle.size(), oursReadsOurs.size(), what + " ours reads ours");
                assertEquals(oracle.size(), oursReadsJdk.size(), what + " ours reads jdk");
                for (int i = 0; i < oracle.size(); i++) {
                    // Uncompressed thumbnails are the same bytes; JPEG-coded ones (gray, in JFXX) differ by coder.
                    boolean coded = thumbnailSegments(jdk).contains("JFXX 16") && thumbnails.get(i) == gray;
                    int tolerance = coded ? 2 : 0;
                    assertTrue(maxDifference(oracle.get(i), jdkReadsOurs.get(i)) <= tolerance, what + " #" + i);
                    assertEquals(0, maxDifference(jdkReadsOurs.get(i), oursReadsOurs.get(i)), what + " #" + i);
                    assertTrue(maxDifference(oracle.get(i), oursReadsJdk.get(i)) <= (coded ? 1 : 0),
                        what + " #" + i);
                }
            }
        }
    }

    @Test
    void aThumbnailTooLargeForItsSegmentIsClippedWithAWarning() throws IOException {
        // 300x100 RGB needs 90000 bytes; APP0 holds 65533. The JDK's writer writes 255x100 (76500 bytes, a
        // segment length that overflows); ours crops to 255 wide, then to the area that fits, keeping the aspect.
        BufferedImage wide = picture(300, 100, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ourWriter();
        List<String> warnings = new ArrayList<>();
        writer.addIIOWriteWarningListener((source, index, warning) -> warnings.add(warning));
        byte[] jpeg = Plugins.write(writer, picture(64, 48, BufferedImage.TYPE_3BYTE_BGR), List.of(wide), null);
        assertEquals(1, warnings.size(), warnings.toString());
        for (ImageReader reader : List.of(Plugins.ourReader(), Plugins.jdkReader())) {
            BufferedImage back = readThumbnails(reader, jpeg).get(0);
            assertTrue(16 + 3 * back.getWidth() * back.getHeight() <= 65535);
            assertTrue(back.getWidth() > 200 && back.getWidth() <= 255, name(reader) + ": " + back.getWidth());
            assertEquals(0, maxDifference(wide.getSubimage(0, 0, back.getWidth(), back.getHeight()), back));
        }
    }

    @Test
    void thumbnailsFollowTheMetadatasExtensionCodes() throws IOException {
        // A JFXX node asking for a JPEG-coded extension: the single RGB thumbnail goes there, not into APP0.
        BufferedImage image = picture(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage rgb = picture(40, 30, BufferedImage.TYPE_INT_RGB);
        List<Integer> errors = new ArrayList<>();
        for (ImageWriter writer : List.of(ourWriter(), jdkWriter())) {
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
            IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(NATIVE);
            IIOMetadataNode jfif = (IIOMetadataNode) tree.getElementsByTagName("app0JFIF").item(0);
            IIOMetadataNode jfxx = new IIOMetadataNode("JFXX");
            IIOMetadataNode ext = new IIOMetadataNode("app0JFXX");
            ext.setAttribute("extensionCode", "16");
            IIOMetadataNode thumb = new IIOMetadataNode("JFIFthumbJPEG");
            ext.appendChild(thumb);
            jfxx.appendChild(ext);
            jfif.appendChild(jfxx);
            metadata.setFromTree(NATIVE, tree);
            byte[] jpeg = Plugins.write(writer, image, List.of(rgb), metadata);
            assertEquals(List.of("JFIF 0x0", "JFXX 16"), thumbnailSegments(jpeg), name(writer));
            BufferedImage back = readThumbnails(Plugins.jdkReader(), jpeg).get(0);
            errors.add(maxDifference(rgb, back));
        }
        // Both JPEG-code it at the default quality: ours is as close to the thumbnail as the JDK's.
        assertTrue(errors.get(0) <= errors.get(1) + 4, errors.toString());
    }

    @Test
    void cmykRastersCarryNoThumbnails() throws IOException {
        // Adobe CMYK has no JFIF segment: thumbnails are dropped with a warning, as the JDK does.
        java.awt.image.WritableRaster cmyk = java.awt.image.Raster.createInterleavedRaster(
            java.awt.image.DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        BufferedImage thumb = picture(8, 8, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ourWriter();
        List<String> warnings = new ArrayList<>();
        writer.addIIOWriteWarningListener((source, index, warning) -> warnings.add(warning));
        byte[] jpeg = Plugins.write(writer, new IIOImage(cmyk, List.of(thumb), null), null);
        assertEquals(List.of(), thumbnailSegments(jpeg));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void defaultStreamMetadataHoldsTheJdksTables() throws IOException {
        JPEGImageWriteParam custom = new JPEGImageWriteParam(null);
        custom.setEncodeTables(new JPEGQTable[] {JPEGQTable.K1Luminance},
            new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance},
            new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance});
        for (JPEGImageWriteParam param : new JPEGImageWriteParam[] {null, custom}) {
            IIOMetadata ours = ourWriter().getDefaultStreamMetadata(param);
            IIOMetadata jdk = jdkWriter().getDefaultStreamMetadata(param);
            assertEquals(jdk.getNativeMetadataFormatName(), ours.getNativeMetadataFormatName());
            assertEquals(STREAM, ours.getNativeMetadataFormatName());
            assertEquals(tables(jdk.getAsTree(STREAM)), tables(ours.getAsTree(STREAM)));
            assertNotNull(ours.getMetadataFormat(STREAM));
        }
    }

    /** The tables of a stream tree as text: element, attributes, values. */
    static List<String> tables(Node root) {
        List<String> out = new ArrayList<>();
        for (Node segment = root.getFirstChild(); segment != null; segment = segment.getNextSibling()) {
            for (Node t = segment.getFirstChild(); t != null; t = t.getNextSibling()) {
                Object value = ((IIOMetadataNode) t).getUserObject();
                String text = value instanceof JPEGQTable q ? java.util.Arrays.toString(q.getTable())
                    : value instanceof JPEGHuffmanTable h ? java.util.Arrays.toString(h.getLengths())
                        + java.util.Arrays.toString(h.getValues()) : String.valueOf(value);
                StringBuilder attributes = new StringBuilder();
                for (int i = 0; i < t.getAttributes().getLength(); i++) {
                    Node a = t.getAttributes().item(i);
                    if (!a.getNodeName().equals("elementPrecision")) {
                        attributes.append(a.getNodeName()).append('=').append(a.getNodeValue()).append(' ');
                    }
                }
                out.add(segment.getNodeName() + "/" + t.getNodeName() + " " + attributes + text);
            }
        }
        out.sort(null);
        return out;
    }

    /** The default image metadata without its dqt and dht: what an abbreviated image is written with. */
    private static IIOMetadata withoutTables(ImageWriter writer, ImageTypeSpecifier type) throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
        IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(NATIVE);
        IIOMetadataNode markers = (IIOMetadataNode) tree.getElementsByTagName("markerSequence").item(0);
        for (String name : new String[] {"dqt", "dht"}) {
            while (markers.getElementsByTagName(name).getLength() > 0) {
                markers.removeChild(markers.getElementsByTagName(name).item(0));
            }
        }
        metadata.setFromTree(NATIVE, tree);
        return metadata;
    }

    /** A tables-only image, then (to a second output, as TIFF-JPEG strips) an abbreviated image. */
    private static byte[][] abbreviated(ImageWriter writer, BufferedImage image) throws IOException {
        ByteArrayOutputStream tables = new ByteArrayOutputStream();
        ByteArrayOutputStream abbreviated = new ByteArrayOutputStream();
        JPEGImageWriteParam param = new JPEGImageWriteParam(null); // Huffman optimization off, as the JDK's
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tables)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(writer.getDefaultStreamMetadata(param));
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(abbreviated)) {
            writer.setOutput(out);
            writer.writeToSequence(new IIOImage(image, null, withoutTables(writer, new ImageTypeSpecifier(image))),
                param);
            writer.endWriteSequence();
        }
        return new byte[][] {tables.toByteArray(), abbreviated.toByteArray()};
    }

    private static List<Integer> markers(byte[] jpeg) {
        return Segments.parse(jpeg).list().stream().map(Segments.Segment::marker).toList();
    }

    @Test
    void abbreviatedStreamsRoundTripBetweenBothPlugins() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage image = picture(48, 40, type);
            byte[][] ours = abbreviated(ourWriter(), image);
            byte[][] jdk = abbreviated(jdkWriter(), image);
            // The tables-only images hold the same tables; the abbreviated images none.
            assertEquals(List.of(0xDB, 0xC4), markers(ours[0]).stream().distinct().toList());
            for (byte[] file : new byte[][] {ours[1], jdk[1]}) {
                assertFalse(markers(file).contains(0xDB));
                assertFalse(markers(file).contains(0xC4));
            }
            // Each reader reads each writer's pair (tables-only stream, then the abbreviated image from a second
            // input) exactly as the complete file made by putting the tables into the image.
            for (ImageReader reader : List.of(Plugins.ourReader(), Plugins.jdkReader())) {
                for (byte[][] pair : List.of(ours, jdk)) {
                    BufferedImage back = readAbbreviated(reader, pair);
                    BufferedImage complete = open(reader, complete(pair)).read(0);
                    assertEquals(0, maxDifference(complete, back), name(reader));
                }
            }
            // One stream: tables-only image, then the abbreviated image (a Motion-JPEG style stream).
            for (byte[][] pair : List.of(ours, jdk)) {
                byte[] stream = new byte[pair[0].length + pair[1].length];
                System.arraycopy(pair[0], 0, stream, 0, pair[0].length);
                System.arraycopy(pair[1], 0, stream, pair[0].length, pair[1].length);
                for (ImageReader reader : List.of(Plugins.ourReader(), Plugins.jdkReader())) {
                    open(reader, stream);
                    assertEquals(tables(Plugins.jdkReader() == null ? null
                        : jdkStreamTables(stream)), tables(reader.getStreamMetadata().getAsTree(STREAM)), name(reader));
                    assertEquals(0, maxDifference(open(reader, complete(pair)).read(0), open(reader, stream).read(0)),
                        name(reader));
                }
            }
        }
    }

    /** The tables of the tables-only image put right after the abbreviated image's SOI. */
    private static byte[] complete(byte[][] pair) {
        byte[] tables = java.util.Arrays.copyOfRange(pair[0], 2, pair[0].length - 2);
        byte[] out = new byte[pair[1].length + tables.length];
        System.arraycopy(pair[1], 0, out, 0, 2);
        System.arraycopy(tables, 0, out, 2, tables.length);
        System.arraycopy(pair[1], 2, out, 2 + tables.length, pair[1].length - 2);
        return out;
    }

    private static Node jdkStreamTables(byte[] stream) throws IOException {
        ImageReader jdk = open(Plugins.jdkReader(), stream);
        return jdk.getStreamMetadata().getAsTree(STREAM);
    }

    /** Reads the tables-only stream's metadata, then the abbreviated image from a second input. */
    private static BufferedImage readAbbreviated(ImageReader reader, byte[][] pair) throws IOException {
        open(reader, pair[0]);
        IIOMetadata tables = reader.getStreamMetadata();
        assertNotNull(tables, name(reader));
        assertEquals(STREAM, tables.getNativeMetadataFormatName());
        open(reader, pair[1]);
        return reader.read(0);
    }

    @Test
    void sequenceCallsOutOfOrderAreRefusedAsByTheJdk() throws IOException {
        for (ImageWriter writer : List.of(ourWriter(), jdkWriter())) {
            assertTrue(writer.canWriteSequence(), name(writer));
            assertThrows(IllegalStateException.class, () -> writer.prepareWriteSequence(null), name(writer));
            writer.setOutput(ImageIO.createImageOutputStream(new ByteArrayOutputStream()));
            assertThrows(IllegalStateException.class,
                () -> writer.writeToSequence(new IIOImage(picture(8, 8, BufferedImage.TYPE_INT_RGB), null, null), null),
                name(writer));
            assertThrows(IllegalStateException.class, writer::endWriteSequence, name(writer));
            // Image metadata where stream metadata belongs: IllegalArgumentException, the JDK's answer.
            IIOMetadata image = writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB), null);
            assertThrows(IllegalArgumentException.class, () -> writer.prepareWriteSequence(image), name(writer));
        }
    }

    @Test
    void resetFromAnotherThreadWaitsForTheRunningWrite() throws Exception {
        ImageWriter writer = ourWriter();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        writer.addIIOWriteProgressListener(new ProgressAdapter() {
            @Override
            public void imageStarted(ImageWriter source, int imageIndex) {
                started.countDown();
                try {
                    assertTrue(release.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void imageComplete(ImageWriter source) {
                events.add("complete");
            }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.setOutput(ImageIO.createImageOutputStream(bytes));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> write = pool.submit(() -> {
                writer.write(picture(256, 256, BufferedImage.TYPE_INT_RGB));
                return null;
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Future<?> reset = pool.submit(() -> {
                writer.reset();
                events.add("reset");
            });
            // The reset waits while the write is held in its listener.
            Thread.sleep(200);
            assertFalse(reset.isDone());
            release.countDown();
            write.get(10, TimeUnit.SECONDS); // no NullPointerException
            reset.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("complete", "reset"), events);
            assertEquals(null, writer.getOutput());
            assertTrue(ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray())) != null);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abortFromAnotherThreadStopsTheWriteAndResetInAListenerIsRefused() throws Exception {
        ImageWriter writer = ourWriter();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch aborted = new CountDownLatch(1);
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        writer.addIIOWriteProgressListener(new ProgressAdapter() {
            @Override
            public void imageStarted(ImageWriter source, int imageIndex) {
                // The JDK's writer refuses reset/dispose from its listeners (its callback lock); so does ours.
                assertThrows(IllegalStateException.class, source::reset);
                started.countDown();
                try {
                    assertTrue(aborted.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void writeAborted(ImageWriter source) {
                events.add("aborted");
            }

            @Override
            public void imageComplete(ImageWriter source) {
                events.add("complete");
            }
        });
        writer.setOutput(ImageIO.createImageOutputStream(new ByteArrayOutputStream()));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = pool.submit(() -> {
                writer.write(picture(256, 256, BufferedImage.TYPE_INT_RGB));
                return null;
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            writer.abort();
            aborted.countDown();
            write.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("aborted"), events);
        } finally {
            pool.shutdownNow();
        }
    }

    /** IIOWriteProgressListener with empty methods. */
    abstract static class ProgressAdapter implements IIOWriteProgressListener {
        @Override
        public void imageStarted(ImageWriter source, int imageIndex) {
        }

        @Override
        public void imageProgress(ImageWriter source, float percentageDone) {
        }

        @Override
        public void imageComplete(ImageWriter source) {
        }

        @Override
        public void thumbnailStarted(ImageWriter source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageWriter source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageWriter source) {
        }

        @Override
        public void writeAborted(ImageWriter source) {
        }
    }
}
