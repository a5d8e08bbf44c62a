package dev.tessera.jpeg.imageio;

import static dev.tessera.jpeg.imageio.Plugins.maxDifference;
import static dev.tessera.jpeg.imageio.Plugins.name;
import static dev.tessera.jpeg.imageio.Plugins.open;
import static dev.tessera.jpeg.imageio.Plugins.picture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
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
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageReadParam;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * ImageReader's contract (javadoc and jpeg_metadata.html) run against Tessera's reader and the JDK's, the JDK's
 * answer as the oracle where it is deterministic: queries, thumbnails, stream metadata, decode tables from the
 * param, and calls from other threads.
 */
class ImageReaderContractTest {
    private static byte[] file(int type, List<BufferedImage> thumbnails) throws IOException {
        return Plugins.write(Plugins.jdkWriter(), picture(64, 48, type), thumbnails, null);
    }

    @Test
    void queriesAnswerAsTheJdks() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            byte[] jpeg = file(type, List.of());
            ImageReader ours = open(Plugins.ourReader(), jpeg);
            ImageReader jdk = open(Plugins.jdkReader(), jpeg);
            assertEquals(jdk.getWidth(0), ours.getWidth(0));
            assertEquals(jdk.getHeight(0), ours.getHeight(0));
            assertEquals(jdk.getAspectRatio(0), ours.getAspectRatio(0));
            assertEquals(jdk.isImageTiled(0), ours.isImageTiled(0));
            assertEquals(jdk.getTileWidth(0), ours.getTileWidth(0));
            assertEquals(jdk.getTileHeight(0), ours.getTileHeight(0));
            assertEquals(jdk.getTileGridXOffset(0), ours.getTileGridXOffset(0));
            assertEquals(jdk.canReadRaster(), ours.canReadRaster());
            assertEquals(jdk.readerSupportsThumbnails(), ours.readerSupportsThumbnails());
            assertEquals(jdk.hasThumbnails(0), ours.hasThumbnails(0));
            assertEquals(jdk.isRandomAccessEasy(0), ours.isRandomAccessEasy(0));
            assertEquals(jdk.getRawImageType(0).getBufferedImageType(), ours.getRawImageType(0).getBufferedImageType());
            assertEquals(jdk.getImageTypes(0).next().getBufferedImageType(),
                ours.getImageTypes(0).next().getBufferedImageType());
            // Every type the JDK offers, ours offers too.
            List<Integer> offered = new ArrayList<>();
            ours.getImageTypes(0).forEachRemaining(t -> offered.add(t.getBufferedImageType()));
            jdk.getImageTypes(0).forEachRemaining(t -> assertTrue(offered.contains(t.getBufferedImageType()),
                t.getBufferedImageType() + " in " + offered));
            assertNull(ours.getStreamMetadata()); // a complete image: no tables-only image in front
            assertNull(jdk.getStreamMetadata());
            assertEquals(jdk.getDefaultReadParam().getClass().getSuperclass() == Object.class ? null
                : JPEGImageReadParam.class, JPEGImageReadParam.class);
            assertTrue(ours.getDefaultReadParam() instanceof JPEGImageReadParam);
            assertTrue(jdk.getDefaultReadParam() instanceof JPEGImageReadParam);
        }
    }

    private interface Call {
        Object run() throws Exception;
    }

    /** A call's value, or the class of what it throws. */
    private static String outcome(Call call) {
        try {
            Object value = call.run();
            return value instanceof BufferedImage b ? "image " + b.getWidth() + "x" + b.getHeight() + " type "
                + b.getType() : value instanceof java.awt.image.Raster r ? "raster " + r.getWidth() + "x"
                + r.getHeight() + "x" + r.getNumBands() : String.valueOf(value);
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    @Test
    void otherReaderMethodsAnswerAsTheJdks() throws IOException {
        byte[] jpeg = file(BufferedImage.TYPE_3BYTE_BGR, List.of());
        List<List<String>> answers = new ArrayList<>();
        for (ImageReader reader : Plugins.readers()) {
            List<String> a = new ArrayList<>();
            // Without input: IllegalStateException.
            a.add(outcome(() -> reader.getWidth(0)));
            a.add(outcome(() -> reader.read(0)));
            a.add(outcome(() -> reader.getFormatName()));
            open(reader, jpeg);
            a.add(outcome(() -> reader.readTile(0, 0, 0)));
            a.add(outcome(() -> reader.readTile(0, 1, 0)));
            a.add(outcome(() -> reader.readTileRaster(0, 0, 0)));
            a.add(outcome(() -> reader.readAsRenderedImage(0, null)));
            a.add(outcome(() -> reader.readRaster(0, null)));
            a.add(outcome(() -> reader.getImageMetadata(1)));
            a.add(outcome(() -> reader.getImageTypes(1)));
            a.add(outcome(() -> reader.isImageTiled(1)));
            a.add(outcome(() -> reader.readAll(0, null).getRenderedImage().getWidth()));
            a.add(outcome(() -> reader.getMinIndex()));
            a.add(outcome(() -> reader.isSeekForwardOnly()));
            a.add(outcome(() -> reader.isIgnoringMetadata()));
            answers.add(a);
        }
        assertEquals(answers.get(1), answers.get(0));
        // Stream metadata without input: IllegalStateException, as for the other queries (the JDK's reader throws
        // NullPointerException).
        assertThrows(IllegalStateException.class, () -> Plugins.ourReader().getStreamMetadata());
    }

    @Test
    void thumbnailIndexesAreCheckedAsByTheJdk() throws IOException {
        byte[] jpeg = file(BufferedImage.TYPE_3BYTE_BGR, List.of(picture(16, 12, BufferedImage.TYPE_INT_RGB)));
        for (ImageReader reader : Plugins.readers()) {
            open(reader, jpeg);
            assertEquals(1, reader.getNumThumbnails(0), name(reader));
            assertEquals(16, reader.getThumbnailWidth(0, 0), name(reader));
            assertEquals(12, reader.getThumbnailHeight(0, 0), name(reader));
            assertThrows(IndexOutOfBoundsException.class, () -> reader.readThumbnail(0, 1), name(reader));
            assertThrows(IndexOutOfBoundsException.class, () -> reader.readThumbnail(0, -1), name(reader));
            assertThrows(IndexOutOfBoundsException.class, () -> reader.getNumThumbnails(1), name(reader));
        }
    }

    /** A tables-only stream and an abbreviated image, written by the JDK's writer. */
    private static byte[][] abbreviatedPair() throws IOException {
        ImageWriter writer = Plugins.jdkWriter();
        BufferedImage image = picture(40, 32, BufferedImage.TYPE_3BYTE_BGR);
        ByteArrayOutputStream tables = new ByteArrayOutputStream();
        ByteArrayOutputStream abbreviated = new ByteArrayOutputStream();
        JPEGImageWriteParam param = new JPEGImageWriteParam(null);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tables)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(writer.getDefaultStreamMetadata(param));
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        IIOMetadataNode markers = (IIOMetadataNode) tree.getElementsByTagName("markerSequence").item(0);
        markers.removeChild(markers.getElementsByTagName("dqt").item(0));
        markers.removeChild(markers.getElementsByTagName("dht").item(0));
        metadata.setFromTree("javax_imageio_jpeg_image_1.0", tree);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(abbreviated)) {
            writer.setOutput(out);
            writer.writeToSequence(new IIOImage(image, null, metadata), param);
            writer.endWriteSequence();
        }
        return new byte[][] {tables.toByteArray(), abbreviated.toByteArray()};
    }

    @Test
    void decodeTablesFromTheParamServeAnAbbreviatedImage() throws IOException {
        byte[][] pair = abbreviatedPair();
        List<BufferedImage> decoded = new ArrayList<>();
        for (ImageReader reader : Plugins.readers()) {
            JPEGImageReadParam param = new JPEGImageReadParam();
            param.setDecodeTables(new JPEGQTable[] {JPEGQTable.K1Div2Luminance, JPEGQTable.K2Div2Chrominance},
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance},
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance});
            decoded.add(open(reader, pair[1]).read(0, param));
            // The same as reading the tables-only stream first.
            assertEquals(0, maxDifference(decoded.get(decoded.size() - 1), readAfterTables(reader, pair)),
                name(reader));
        }
        // Ours against the JDK's: a decoder difference only (the same file, the same tables).
        assertTrue(maxDifference(decoded.get(1), decoded.get(0)) <= 8, "" + maxDifference(decoded.get(1), decoded.get(0)));
    }

    private static BufferedImage readAfterTables(ImageReader reader, byte[][] pair) throws IOException {
        reader.reset();
        open(reader, pair[0]).getStreamMetadata();
        return open(reader, pair[1]).read(0);
    }

    @Test
    void streamMetadataIsTheInputsTablesOnlyImageAndHiddenWhenMetadataIsIgnored() throws IOException {
        byte[][] pair = abbreviatedPair();
        for (ImageReader reader : Plugins.readers()) {
            String name = name(reader);
            open(reader, pair[0]);
            assertTrue(reader.getStreamMetadata() != null, name);
            open(reader, pair[1]);
            // The tables are kept for decoding (see above), but stream metadata is the current input's.
            assertNull(reader.getStreamMetadata(), name + ": not this input's");
            reader.reset();
            open(reader, pair[1]);
            assertNull(reader.getStreamMetadata(), name + ": forgotten after reset");
            reader.setInput(ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(pair[0])), false, true);
            assertNull(reader.getStreamMetadata(), name + ": ignoreMetadata");
        }
    }

    @Test
    void resetFromAnotherThreadWaitsForTheRunningReadWhereTheJdkRefusesIt() throws Exception {
        byte[] jpeg = file(BufferedImage.TYPE_3BYTE_BGR, List.of());
        for (ImageReader reader : Plugins.readers()) {
            boolean ours = reader instanceof JpegImageReader;
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            reader.addIIOReadProgressListener(new ProgressAdapter() {
                @Override
                public void imageStarted(ImageReader source, int imageIndex) {
                    if (ours) {
                        // From the read's own listener: refused, as the JDK's reader refuses it from the listener
                        // calls it makes while decoding (its imageStarted comes before that lock).
                        assertThrows(IllegalStateException.class, source::reset);
                        assertThrows(IllegalStateException.class, source::dispose);
                    }
                    started.countDown();
                    await(release);
                }

                @Override
                public void imageComplete(ImageReader source) {
                    events.add("complete");
                }
            });
            open(reader, jpeg);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<BufferedImage> read = pool.submit(() -> reader.read(0));
                if (!started.await(10, TimeUnit.SECONDS)) {
                    read.get(1, TimeUnit.SECONDS);
                }
                Future<?> reset = pool.submit(() -> {
                    reader.reset();
                    events.add("reset");
                });
                if (ours) {
                    Thread.sleep(200);
                    assertFalse(reset.isDone(), "reset waits for the read");
                    release.countDown();
                    assertEquals(64, read.get(10, TimeUnit.SECONDS).getWidth());
                    reset.get(10, TimeUnit.SECONDS);
                    assertEquals(List.of("complete", "reset"), events);
                    assertNull(reader.getInput());
                } else {
                    // The JDK's thread lock: IllegalStateException (a documented difference).
                    java.util.concurrent.ExecutionException e = assertThrows(
                        java.util.concurrent.ExecutionException.class, () -> reset.get(10, TimeUnit.SECONDS));
                    assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
                    release.countDown();
                    read.get(10, TimeUnit.SECONDS);
                }
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void abortFromAnotherThreadStopsTheRead() throws Exception {
        byte[] jpeg = file(BufferedImage.TYPE_3BYTE_BGR, List.of());
        ImageReader reader = Plugins.ourReader();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch aborted = new CountDownLatch(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        reader.addIIOReadProgressListener(new ProgressAdapter() {
            @Override
            public void imageStarted(ImageReader source, int imageIndex) {
                started.countDown();
                await(aborted);
            }

            @Override
            public void readAborted(ImageReader source) {
                events.add("aborted");
            }

            @Override
            public void imageComplete(ImageReader source) {
                events.add("complete");
            }
        });
        open(reader, jpeg);
        javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new java.awt.Rectangle(0, 0, 32, 32)); // a copy into a destination, row by row
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<BufferedImage> read = pool.submit(() -> reader.read(0, param));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            reader.abort();
            aborted.countDown();
            read.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("aborted"), events);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** IIOReadProgressListener with empty methods. */
    abstract static class ProgressAdapter implements IIOReadProgressListener {
        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }
}
