package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.EncodeAbortedException;
import dev.tessera.jpeg.EncodeListener;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import java.awt.Dimension;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;

/**
 * Tessera's JPEG writer for ImageIO: a drop-in for the JDK's. Takes a {@link javax.imageio.plugins.jpeg
 * .JPEGImageWriteParam} (by default a {@link TesseraJpegWriteParam}) and metadata in the JDK's native tree or
 * the standard tree; writes gray images as one component, other images as YCbCr, and four-band rasters as
 * Adobe CMYK. Stateful per instance, as ImageIO writers are; the encoding is done by codec-core's pipeline.
 */
public final class JpegImageWriter extends ImageWriter {
    JpegImageWriter(ImageWriterSpi provider) {
        super(provider);
    }

    @Override
    public ImageWriteParam getDefaultWriteParam() {
        return new TesseraJpegWriteParam(getLocale());
    }

    /**
     * The tables a tables-only image at the start of a stream would hold (jpeg_metadata.html, "Abbreviated
     * Streams"): those of a {@link JPEGImageWriteParam} that has tables set, else the default ones (Annex K,
     * quantization at quality 75), as the JDK's writer gives.
     */
    @Override
    public IIOMetadata getDefaultStreamMetadata(ImageWriteParam param) {
        if (param instanceof JPEGImageWriteParam jpeg && jpeg.areTablesSet()) {
            return JpegStreamMetadata.of(jpeg.getQTables(), jpeg.getDCHuffmanTables(), jpeg.getACHuffmanTables());
        }
        return JpegStreamMetadata.defaults();
    }

    /** JPEG stream metadata (ours, or any plugin's with the JDK's stream tree) as ours; null otherwise. */
    @Override
    public IIOMetadata convertStreamMetadata(IIOMetadata inData, ImageWriteParam param) {
        if (inData == null) {
            throw new IllegalArgumentException("inData must not be null");
        }
        try {
            return JpegStreamMetadata.convert(inData);
        } catch (IIOInvalidTreeException e) {
            return null;
        }
    }

    @Override
    public IIOMetadata getDefaultImageMetadata(ImageTypeSpecifier imageType, ImageWriteParam param) {
        return JpegMetadata.defaults(imageType, param);
    }

    @Override
    public IIOMetadata convertImageMetadata(IIOMetadata inData, ImageTypeSpecifier imageType,
                                            ImageWriteParam param) {
        if (inData == null) {
            throw new IllegalArgumentException("inData must not be null");
        }
        return JpegMetadata.convert(inData, imageType);
    }

    @Override
    public boolean canWriteRasters() {
        return true;
    }

    private boolean disposed;
    /** Held while a call writes, so that reset, dispose and setOutput from another thread wait for it. */
    private final ReentrantLock busy = new ReentrantLock();
    /** Whether a write call runs (its listeners may call back on its thread). */
    private boolean inCall;
    /** Set by prepareWriteSequence; the tables of its tables-only image, if it wrote one. */
    private boolean sequence;
    private JpegStreamMetadata streamTables;

    /**
     * After this, {@code write} throws {@link IllegalStateException}, as the JDK's writer does. Called from
     * another thread while a write runs, it waits for that write to end.
     */
    @Override
    public void dispose() {
        whenIdle(() -> {
            disposed = true;
            super.dispose();
        });
    }

    /** Waits for a running write on another thread, as {@link #dispose()} does. */
    @Override
    public void reset() {
        whenIdle(() -> {
            super.reset();
            sequence = false;
            streamTables = null;
        });
    }

    /**
     * Waits for a running write on another thread. A prepared sequence and its tables stay, as with the JDK's
     * writer: a tables-only image written to one output serves abbreviated images written to the next (TIFF's
     * JPEGTables and its strips).
     */
    @Override
    public void setOutput(Object output) {
        whenIdle(() -> super.setOutput(output));
    }

    /**
     * Runs {@code action} once no write runs. From a listener of the running write (its own thread) that would
     * pull the output from under it: {@link IllegalStateException}, as the JDK's writer throws.
     */
    private void whenIdle(Runnable action) {
        if (busy.isHeldByCurrentThread() && inCall) {
            throw new IllegalStateException("reset, dispose or setOutput from a listener of the running write");
        }
        busy.lock();
        try {
            action.run();
        } finally {
            busy.unlock();
        }
    }

    /** {@code Integer.MAX_VALUE} where a JFIF segment can be written (gray or RGB without alpha), else 0. */
    @Override
    public int getNumThumbnailsSupported(ImageTypeSpecifier imageType, ImageWriteParam param,
                                         IIOMetadata streamMetadata, IIOMetadata imageMetadata) {
        if (imageType == null && imageMetadata == null) {
            return -1; // ImageWriter: not enough information
        }
        return jfifPossible(imageType, imageMetadata) ? Integer.MAX_VALUE : 0;
    }

    /** 1x1 to 255x255 (T.871: one byte each) where thumbnails can be written, else null. */
    @Override
    public Dimension[] getPreferredThumbnailSizes(ImageTypeSpecifier imageType, ImageWriteParam param,
                                                  IIOMetadata streamMetadata, IIOMetadata imageMetadata) {
        return jfifPossible(imageType, imageMetadata)
            ? new Dimension[] {new Dimension(1, 1), new Dimension(255, 255)} : null;
    }

    /** T.871 clause 6: JFIF images are gray or YCbCr (from RGB), without alpha; metadata must not drop JFIF. */
    private boolean jfifPossible(ImageTypeSpecifier imageType, IIOMetadata imageMetadata) {
        if (imageType != null) {
            ColorSpace cs = imageType.getColorModel().getColorSpace();
            int n = imageType.getNumComponents();
            if (imageType.getColorModel().hasAlpha() || !(n == 1 || n == 3 && cs.getType() == ColorSpace.TYPE_RGB)) {
                return false;
            }
        }
        if (imageMetadata != null) {
            JpegMetadata metadata = JpegMetadata.convert(imageMetadata, imageType);
            return metadata != null
                && NativeTree.child(NativeTree.variety(metadata.nativeTree()), "app0JFIF") != null;
        }
        return true;
    }

    @Override
    public boolean canWriteSequence() {
        return true;
    }

    /**
     * Starts a sequence of images in one stream. With stream metadata, first writes a tables-only image (T.81
     * B.5) of its tables, or of the default tables when it holds none; images then written whose metadata has
     * no {@code dqt} (or no {@code dht}, with optimization off) use these tables and leave them out: abbreviated
     * images, as TIFF-JPEG and Motion-JPEG writers use them (jpeg_metadata.html, "Abbreviated Streams").
     */
    @Override
    public void prepareWriteSequence(IIOMetadata streamMetadata) throws IOException {
        busy.lock();
        try {
            ImageOutputStream out = requireOutput();
            if (sequence) {
                throw new IIOException("prepareWriteSequence was already called");
            }
            if (streamMetadata != null) {
                JpegStreamMetadata tables;
                try {
                    tables = JpegStreamMetadata.convert(streamMetadata);
                } catch (IIOInvalidTreeException e) {
                    throw new IIOException("stream metadata: " + e.getMessage(), e);
                }
                if (tables == null && (streamMetadata instanceof JpegMetadata || JpegProviderInfo.NATIVE_IMAGE_FORMAT
                    .equals(streamMetadata.getNativeMetadataFormatName()))) {
                    // JPEG image metadata where stream metadata belongs: the JDK's writer's answer.
                    throw new IllegalArgumentException("image metadata given as stream metadata");
                }
                if (tables == null) {
                    throw new IIOException("stream metadata must be JPEG stream metadata ("
                        + JpegStreamMetadata.FORMAT + "), found " + streamMetadata.getClass().getName());
                }
                if (!tables.hasTables()) {
                    tables = JpegStreamMetadata.defaults();
                }
                out.write(new byte[] {(byte) 0xFF, (byte) 0xD8});
                out.write(tables.tableSegments());
                out.write(new byte[] {(byte) 0xFF, (byte) 0xD9});
                out.flush();
                streamTables = tables;
            }
            sequence = true;
        } finally {
            busy.unlock();
        }
    }

    @Override
    public void writeToSequence(IIOImage image, ImageWriteParam param) throws IOException {
        busy.lock();
        boolean outer = false;
        try {
            requireOutput();
            if (!sequence) {
                throw new IllegalStateException("prepareWriteSequence was not called");
            }
            outer = !inCall;
            inCall = true;
            writeLocked(image, param);
        } finally {
            if (outer) {
                inCall = false;
            }
            busy.unlock();
        }
    }

    @Override
    public void endWriteSequence() throws IOException {
        busy.lock();
        try {
            requireOutput();
            if (!sequence) {
                throw new IllegalStateException("prepareWriteSequence was not called");
            }
            sequence = false;
            streamTables = null;
        } finally {
            busy.unlock();
        }
    }

    /**
     * Writes one image. Stream metadata is ignored here, as jpeg_metadata.html says: only
     * {@link #prepareWriteSequence} writes it.
     */
    @Override
    public void write(IIOMetadata streamMetadata, IIOImage image, ImageWriteParam param) throws IOException {
        busy.lock();
        // A write from a listener of a running write must not clear the flag the outer write set.
        boolean outer = !inCall;
        inCall = true;
        try {
            requireOutput();
            writeLocked(image, param);
        } finally {
            if (outer) {
                inCall = false;
            }
            busy.unlock();
        }
    }

    private void writeLocked(IIOImage image, ImageWriteParam param) throws IOException {
        ImageOutputStream out = requireOutput();
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        clearAbortRequest();
        JpegMetadata metadata = image.getMetadata() == null ? null
            : JpegMetadata.convert(image.getMetadata(), typeOf(image));
        if (image.getMetadata() != null && metadata == null) {
            processWarningOccurred(0, "image metadata of " + image.getMetadata().getClass().getName()
                + " has neither the native JPEG nor the standard format: ignored");
        }
        IIOMetadataNode tree = metadata == null ? null : metadata.nativeTree();
        EncoderOptions options;
        ImageMetadata segments;
        try {
            options = WriteSettings.options(param, tree, message -> processWarningOccurred(0, message));
            segments = WriteSettings.metadata(tree, message -> processWarningOccurred(0, message));
        } catch (IllegalArgumentException e) {
            // A table or segment in the metadata that T.81 does not allow (a DQT entry of 0, B.2.4.1): the
            // caller's data, so a checked IIOException, which ImageIO callers handle.
            throw new IIOException("image metadata: " + e.getMessage(), e);
        }
        // Metadata without dqt (or dht): an abbreviated image (T.81 B.4) whose tables come from the stream's
        // tables-only image, or are the defaults a decoder is expected to have (jpeg_metadata.html).
        IIOMetadataNode markers = tree == null ? null : NativeTree.markers(tree);
        boolean omitDqt = markers != null && NativeTree.child(markers, "dqt") == null;
        boolean omitDht = markers != null && NativeTree.child(markers, "dht") == null && !options.optimizeHuffman()
            && !options.progressive(); // progressive scans carry their own DHTs
        if (omitDqt) {
            options = withStreamQuantTables(options, param);
        }
        if (omitDht && !standardStreamHuffman()) {
            processWarningOccurred(0, "the stream's Huffman tables are not the Annex K ones, which the encoder"
                + " codes with: DHT written in the image");
            omitDht = false;
        }

        if (!image.hasRaster() && !getOriginatingProvider().canEncodeImage(image.getRenderedImage())) {
            processWarningOccurred(0, "an image type the JDK's writer refuses (alpha, or over 8 bits a sample):"
                + " alpha is composited onto white and samples are scaled to 8 bits");
        }
        Raster raster = null;
        BufferedImage picture = null;
        if (image.hasRaster()) {
            raster = SourceRegion.apply(image.getRaster(), param);
        } else if (param != null && param.getSourceBands() != null) {
            // Selected bands have no colour model of their own: their count decides, as for a raster (3 bands
            // of an ARGB image are R, G, B: the usual way to drop alpha, which the JDK's writer takes too).
            raster = SourceRegion.apply(toBufferedImage(image.getRenderedImage()).getRaster(), param);
        } else {
            picture = SourceRegion.apply(toBufferedImage(image.getRenderedImage()), param);
        }
        int width = raster != null ? raster.getWidth() : picture.getWidth();
        int height = raster != null ? raster.getHeight() : picture.getHeight();
        if (width > JpegEncoder.MAX_DIMENSION || height > JpegEncoder.MAX_DIMENSION) {
            throw new IIOException("JPEG images are at most " + JpegEncoder.MAX_DIMENSION + " pixels in each"
                + " direction, found " + width + "x" + height);
        }
        if (raster != null && raster.getNumBands() != 1 && raster.getNumBands() != 3 && raster.getNumBands() != 4) {
            // Rasters carry no colour space, so the band count decides.
            throw new IIOException("rasters of " + raster.getNumBands()
                + " bands are not supported: write 1 (gray), 3 (RGB) or 4 (CMYK)");
        }

        processImageStarted(0);
        EncodeListener listener = new EncodeListener() {
            @Override
            public void progress(float fraction) {
                // Rows are read before coding: the last tenth of the time is left for the entropy coder.
                processImageProgress(90f * fraction);
            }

            @Override
            public boolean abortRequested() {
                return JpegImageWriter.this.abortRequested();
            }
        };
        List<? extends BufferedImage> thumbnails = thumbnails(image);
        // Thumbnails and table omission edit the coded file, so it is coded into memory first.
        boolean edit = !thumbnails.isEmpty() || omitDqt || omitDht;
        ByteArrayOutputStream buffer = edit ? new ByteArrayOutputStream() : null;
        OutputStream target = edit ? buffer : new StreamAdapter(out);
        if (options.threads() == EncoderOptions.AUTO_THREADS && progressListeners != null
            && !progressListeners.isEmpty()) {
            // Progress is reported as rows are read, which worker threads do: listeners hear from this thread only.
            options = options.withThreads(1);
        }
        JpegEncoder encoder = new JpegEncoder(options);
        try {
            if (raster != null) {
                encoder.encode(raster, segments, target, listener);
            } else {
                encoder.encode(picture, segments, target, listener);
            }
        } catch (EncodeAbortedException e) {
            processWriteAborted();
            return;
        } catch (IllegalArgumentException e) {
            throw new IIOException(e.getMessage(), e);
        }
        if (edit) {
            byte[] coded = buffer.toByteArray();
            if (!thumbnails.isEmpty()) {
                coded = ThumbnailWriter.insert(coded, thumbnails, requestedThumbnailCodes(tree),
                    new ThumbnailWriter.Events() {
                        @Override
                        public void warning(String message) {
                            processWarningOccurred(0, message);
                        }

                        @Override
                        public void started(int thumbnailIndex) {
                            processThumbnailStarted(0, thumbnailIndex);
                        }

                        @Override
                        public void complete() {
                            processThumbnailComplete();
                        }
                    });
            }
            if (omitDqt || omitDht) {
                coded = withoutTables(coded, omitDqt, omitDht);
            }
            out.write(coded);
        }
        out.flush();
        processImageProgress(100f);
        processImageComplete();
    }

    /** The thumbnails as BufferedImages; none for a raster (no colour space to give them), with a warning. */
    private List<? extends BufferedImage> thumbnails(IIOImage image) {
        if (image.getNumThumbnails() == 0) {
            return List.of();
        }
        if (image.hasRaster()) {
            processWarningOccurred(0, "thumbnails are not written with a raster");
            return List.of();
        }
        return image.getThumbnails();
    }

    /** The extension codes of the tree's {@code app0JFIF/JFXX/app0JFXX} nodes, in order. */
    private static List<Integer> requestedThumbnailCodes(IIOMetadataNode tree) {
        List<Integer> codes = new ArrayList<>();
        IIOMetadataNode jfif = tree == null ? null : NativeTree.child(NativeTree.variety(tree), "app0JFIF");
        for (IIOMetadataNode jfxx : NativeTree.children(NativeTree.child(jfif, "JFXX"), "app0JFXX")) {
            try {
                codes.add(NativeTree.intAttribute(jfxx, "extensionCode", 0, 255, 0));
            } catch (IIOInvalidTreeException e) {
                codes.add(null);
            }
        }
        return codes;
    }

    /**
     * Quantization tables for an image whose metadata has none, as the JDK's writer chooses them: an explicit
     * quality (already in the options), else the stream's tables, else the param's, else the defaults.
     */
    private EncoderOptions withStreamQuantTables(EncoderOptions options, ImageWriteParam param) {
        boolean explicit = param != null && param.canWriteCompressed()
            && param.getCompressionMode() == ImageWriteParam.MODE_EXPLICIT;
        if (explicit || streamTables == null) {
            return options;
        }
        JPEGQTable[] q = streamTables.qTables();
        if (q[0] == null) {
            return options;
        }
        return options.withTables(dev.tessera.jpeg.model.QuantTable.ofNatural(q[0].getTable()),
            dev.tessera.jpeg.model.QuantTable.ofNatural((q[1] != null ? q[1] : q[0]).getTable()));
    }

    /** Whether the stream's Huffman tables (if any) are the Annex K ones the encoder codes with. */
    private boolean standardStreamHuffman() {
        if (streamTables == null) {
            return true;
        }
        List<JPEGHuffmanTable> standard = List.of(JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance,
            JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance);
        for (int c = 0; c < 2; c++) {
            JPEGHuffmanTable[] tables = streamTables.hTables(c);
            for (int id = 0; id < 2; id++) {
                if (tables[id] != null && !WriteSettings.sameTable(tables[id], standard.get(2 * c + id))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The coded file without its DQT and/or DHT segments (those before the first SOS). */
    private static byte[] withoutTables(byte[] jpeg, boolean dqt, boolean dht) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF && (jpeg[p + 1] & 0xFF) != 0xDA) {
            int marker = jpeg[p + 1] & 0xFF;
            int end = p + 2 + ((jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF));
            if (!(dqt && marker == 0xDB) && !(dht && marker == 0xC4)) {
                out.write(jpeg, p, end - p);
            }
            p = end;
        }
        out.write(jpeg, p, jpeg.length - p);
        return out.toByteArray();
    }

    /**
     * The output, which {@link ImageWriter#setOutput} has checked against the provider's output types: an
     * {@link ImageOutputStream}.
     *
     * @throws IllegalStateException if no output is set, or after {@link #dispose()} (as the JDK's writer)
     */
    private ImageOutputStream requireOutput() {
        if (disposed) {
            throw new IllegalStateException("Attempting to use writer after dispose()");
        }
        if (getOutput() == null) {
            throw new IllegalStateException("no output set");
        }
        return (ImageOutputStream) getOutput();
    }

    private static ImageTypeSpecifier typeOf(IIOImage image) {
        return image.hasRaster() ? null : ImageTypeSpecifier.createFromRenderedImage(image.getRenderedImage());
    }

    private static BufferedImage toBufferedImage(RenderedImage image) {
        if (image instanceof BufferedImage b) {
            return b;
        }
        ColorModel cm = image.getColorModel();
        WritableRaster raster = cm.createCompatibleWritableRaster(image.getWidth(), image.getHeight());
        image.copyData(raster.createWritableTranslatedChild(image.getMinX(), image.getMinY()));
        return new BufferedImage(cm, raster, cm.isAlphaPremultiplied(), new Hashtable<>());
    }

    /** An ImageOutputStream written as an OutputStream, without closing it. */
    private static final class StreamAdapter extends OutputStream {
        private final ImageOutputStream out;

        StreamAdapter(ImageOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }
    }
}
