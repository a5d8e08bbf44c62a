package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.JpegColorSpace;
import dev.tessera.jpeg.model.MarkerSegment;
import dev.tessera.jpeg.model.Orientation;
import dev.tessera.jpeg.spec.Marker;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageReadParam;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Tessera's JPEG reader for ImageIO: a drop-in for the JDK's. Size and image types come from the headers
 * alone; pixels from codec-core's {@link JpegDecoder}, which serves source subsampling by 2, 4 and 8 with its
 * scaled inverse DCT. CMYK and YCCK files read as RGB by default (a profile-less conversion), as CMYK with a
 * CMYK destination type, and raw through {@link #readRaster}; above 8 bits only as the decoder's 16-bit CMYK.
 * Metadata comes in the JDK's native tree and the standard tree. Stateful per instance, as ImageIO readers are.
 */
public final class JpegImageReader extends ImageReader {
    private static final ImageTypeSpecifier CMYK = ImageTypeSpecifier.createInterleaved(JpegDecoder.cmykColorSpace(),
        new int[] {0, 1, 2, 3}, DataBuffer.TYPE_BYTE, false, false);
    /**
     * The decoder's image for CMYK and YCCK files above 8 bits (T.81 allows 12-bit DCT and up to 16-bit lossless
     * samples): 16-bit interleaved C, M, Y, K holding the unscaled P-bit samples.
     */
    private static final ImageTypeSpecifier WIDE_CMYK = ImageTypeSpecifier.createInterleaved(
        JpegDecoder.cmykColorSpace(), new int[] {0, 1, 2, 3}, DataBuffer.TYPE_USHORT, false, false);

    private byte[] data;
    /** The markers up to the first scan: size, colour space and types, without reading the image data. */
    private ImageInfo header;
    /** Every marker, read only for metadata and thumbnails. */
    private ImageInfo info;
    private JpegMetadata metadata;
    private List<Thumbnails.Thumbnail> thumbnails;
    private boolean disposed;
    /** Held while a call reads, so that reset, dispose and setInput from another thread wait for it. */
    private final ReentrantLock busy = new ReentrantLock();
    /** Whether a read call runs (its listeners may call back on its thread). */
    private boolean inCall;
    /**
     * The tables of the last tables-only image read (jpeg_metadata.html: kept across inputs until another
     * tables-only image is read or the reader is reset), for abbreviated images.
     */
    private JpegStreamMetadata streamTables;
    /** The tables-only image of the current input, its stream metadata (null if it starts with an image). */
    private JpegStreamMetadata inputTables;

    JpegImageReader(ImageReaderSpi provider) {
        super(provider);
    }

    /**
     * Forgets what was read from the previous input (tables of a tables-only image excepted); {@link #reset()}
     * comes here too, with {@code null}. Waits for a read running on another thread.
     */
    @Override
    public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
        whenIdle(() -> {
            requireNotDisposed();
            forget();
            super.setInput(input, seekForwardOnly, ignoreMetadata);
        });
    }

    /** Also forgets the tables of a tables-only image. Waits for a read running on another thread. */
    @Override
    public void reset() {
        whenIdle(() -> {
            super.reset();
            streamTables = null;
        });
    }

    /**
     * Runs {@code action} once no read runs. From a listener of the running read (its own thread), which would
     * pull the input from under it: {@link IllegalStateException}, as the JDK's reader throws.
     */
    private void whenIdle(Runnable action) {
        if (busy.isHeldByCurrentThread() && inCall) {
            throw new IllegalStateException("reset, dispose or setInput from a listener of the running read");
        }
        busy.lock();
        try {
            action.run();
        } finally {
            busy.unlock();
        }
    }

    /** A read, holding the lock that reset, dispose and setInput wait for. */
    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T locked(Call<T> call) throws IOException {
        busy.lock();
        boolean outer = !inCall;
        inCall = true;
        try {
            return call.run();
        } finally {
            if (outer) {
                inCall = false;
            }
            busy.unlock();
        }
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        return locked(() -> {
            useDecodeTables(param);
            return readNow(imageIndex, param);
        });
    }

    @Override
    public Raster readRaster(int imageIndex, ImageReadParam param) throws IOException {
        return locked(() -> {
            useDecodeTables(param);
            return readRasterNow(imageIndex, param);
        });
    }

    /**
     * {@link JPEGImageReadParam#setDecodeTables}: tables for an abbreviated image when no tables-only image
     * gave any (jpeg_metadata.html, "Sources of Tables"); put into the image as a tables-only image's are.
     */
    private void useDecodeTables(ImageReadParam param) throws IOException {
        if (!(param instanceof JPEGImageReadParam jpeg) || !jpeg.areTablesSet() || streamTables != null
            || getInput() == null) {
            return;
        }
        JpegStreamMetadata tables = JpegStreamMetadata.of(jpeg.getQTables(), jpeg.getDCHuffmanTables(),
            jpeg.getACHuffmanTables());
        byte[] bytes = data();
        byte[] spliced = AbbreviatedStreams.splice(bytes, t -> { }, () -> tables);
        if (spliced != bytes) {
            forget();
            data = spliced;
        }
    }

    @Override
    public BufferedImage readThumbnail(int imageIndex, int thumbnailIndex) throws IOException {
        return locked(() -> readThumbnailNow(imageIndex, thumbnailIndex));
    }

    /**
     * Releases the stream's bytes. What was already read about the image (size, types, metadata) still
     * answers; reading pixels, a new input or {@link #reset()} then throw {@link IllegalStateException}, as with
     * the JDK's reader.
     */
    @Override
    public void dispose() {
        whenIdle(() -> {
            data = null;
            thumbnails = null;
            disposed = true;
            super.dispose();
        });
    }

    private void requireNotDisposed() {
        if (disposed) {
            throw new IllegalStateException("Attempting to use reader after dispose()");
        }
    }

    private void forget() {
        data = null;
        inputTables = null;
        header = null;
        info = null;
        metadata = null;
        thumbnails = null;
    }

    /**
     * The input, which {@link ImageReader#setInput} has checked against the provider's input types: an
     * {@link ImageInputStream}.
     *
     * @throws IllegalStateException if no input is set
     */
    private ImageInputStream requireInput() {
        if (getInput() == null) {
            throw new IllegalStateException("no input set");
        }
        return (ImageInputStream) getInput();
    }

    /** The stream from its position at the first read to its end, read once. */
    private byte[] data() throws IOException {
        requireNotDisposed();
        if (data == null) {
            try {
                ImageInputStream in = requireInput();
                data = AbbreviatedStreams.splice(new JpegDecoder().readInput(new ImageInputAdapter(in), remaining(in)),
                    this::tablesOnlyImage, () -> streamTables);
            } catch (JpegException e) {
                throw new IIOException(e.getMessage(), e);
            }
        }
        return data;
    }

    private JpegDecoder decoder(int scale, boolean cmykToRgb) {
        return decoder(scale, cmykToRgb, Limits.DEFAULT);
    }

    private JpegDecoder decoder(int scale, boolean cmykToRgb, Limits limits) {
        return decoder(scale, cmykToRgb, limits, false, 1);
    }

    private JpegDecoder decoder(int scale, boolean cmykToRgb, Limits limits, boolean grayscale, int threads) {
        return new JpegDecoder(DecoderOptions.DEFAULT.toBuilder().scale(scale).cmykToRgb(cmykToRgb).limits(limits)
            .grayscale(grayscale).threads(threads).listener(warning -> processWarningOccurred(warning.toString()))
            .build());
    }

    /** The threads of a {@link TesseraJpegReadParam}, else the default it starts from (the system property). */
    private static int threads(ImageReadParam param) {
        return param instanceof TesseraJpegReadParam tessera ? tessera.getThreads() : TesseraJpegReadParam.defaultThreads();
    }

    /** The limits of a {@link TesseraJpegReadParam}, else the defaults. */
    private static Limits limits(ImageReadParam param) {
        return param instanceof TesseraJpegReadParam tessera ? tessera.getLimits() : Limits.DEFAULT;
    }

    /**
     * Checks the frame against the pixel and memory limits before the destination image is allocated (the
     * decoder checks them again, with its buffers, before it allocates those), and refuses a frame of height 0,
     * whose destination ImageIO cannot make (the decoder would refuse it too).
     */
    private static void checkLimits(ImageInfo header, Limits limits) throws IIOException {
        if (header.height() == 0) {
            // Found by ImageIoFuzzTest: getDestination threw IllegalArgumentException ("Empty region!").
            UnsupportedJpegException e = new UnsupportedJpegException(frameOffset(header), header.frame().process(),
                UnsupportedJpegException.Feature.NUMBER_OF_LINES,
                "number of lines is 0 (defined later by DNL, T.81 B.2.5), which libjpeg does not support");
            throw new IIOException(e.getMessage(), e);
        }
        long pixels = (long) header.width() * header.height();
        // The largest destination this reader makes: 4 bytes per pixel (TYPE_INT_RGB, 8-bit CMYK), 8 for
        // CMYK above 8 bits.
        int bytesPerPixel = isWideCmyk(header) ? 8 : 4;
        String problem = pixels > limits.maxPixels()
            ? header.width() + "x" + header.height() + " exceeds the limit of " + limits.maxPixels() + " pixels"
            : bytesPerPixel * pixels > limits.maxMemory()
            ? "a " + header.width() + "x" + header.height() + " destination exceeds the memory limit of "
                + limits.maxMemory() : null;
        if (problem != null) {
            JpegLimitException e = new JpegLimitException(frameOffset(header), header.frame().process(), problem);
            throw new IIOException(e.getMessage(), e);
        }
    }

    /** The offset of the frame header (SOFn) marker. */
    private static long frameOffset(ImageInfo header) {
        return header.segments().stream().filter(s -> Marker.of(s.code()) == header.frame().process())
            .mapToLong(MarkerSegment::offset).findFirst().orElse(0);
    }

    /** One image per stream, as the JDK's reader has for a JPEG file. */
    @Override
    public int getNumImages(boolean allowSearch) {
        requireInput();
        if (allowSearch && isSeekForwardOnly()) {
            // ImageReader's contract: a search may need to go back, which a seek-forward-only input forbids.
            throw new IllegalStateException("cannot search a seek-forward-only input for images");
        }
        return 1;
    }

    /**
     * The headers up to the first scan, read once: all that sizes, image types and decoding need.
     *
     * @throws IllegalStateException if no input is set
     * @throws IndexOutOfBoundsException unless {@code imageIndex} is 0
     */
    private ImageInfo header(int imageIndex) throws IOException {
        requireInput();
        if (imageIndex != 0) {
            throw new IndexOutOfBoundsException("image index " + imageIndex + " not 0: a JPEG stream has one image");
        }
        if (header == null) {
            try {
                header = decoder(1, false).readHeader(data());
            } catch (JpegException e) {
                throw new IIOException(e.getMessage(), e);
            }
        }
        return header;
    }

    /** Every marker of the stream, read once, for metadata and thumbnails. */
    private ImageInfo info(int imageIndex) throws IOException {
        header(imageIndex);
        if (info == null) {
            try {
                info = decoder(1, false).readInfo(data());
            } catch (JpegException e) {
                throw new IIOException(e.getMessage(), e);
            }
        }
        return info;
    }

    private static boolean isCmyk(ImageInfo info) {
        return info.colorSpace() == JpegColorSpace.CMYK || info.colorSpace() == JpegColorSpace.YCCK;
    }

    /** CMYK or YCCK above 8 bits, which the decoder does not convert to RGB: read as 16-bit CMYK only. */
    private static boolean isWideCmyk(ImageInfo info) {
        return isCmyk(info) && info.precision() > 8;
    }

    @Override
    public int getWidth(int imageIndex) throws IOException {
        return header(imageIndex).width();
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        return header(imageIndex).height();
    }

    @Override
    public ImageReadParam getDefaultReadParam() {
        return new TesseraJpegReadParam();
    }

    /**
     * Gray files: 8-bit gray, then RGB types. Colour files: {@code TYPE_3BYTE_BGR} (what the decoder makes),
     * {@code TYPE_INT_RGB}, {@code TYPE_INT_BGR}, and for 8-bit YCbCr files 8-bit gray last (their luma, as the
     * JDK's reader offers it). 8-bit CMYK and YCCK files: RGB types first, then 8-bit CMYK. CMYK and YCCK files
     * above 8 bits: only the decoder's 16-bit CMYK type (it has no RGB conversion for them).
     */
    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
        ImageInfo header = header(imageIndex);
        List<ImageTypeSpecifier> types = new ArrayList<>();
        if (isWideCmyk(header)) {
            types.add(WIDE_CMYK);
            return types.iterator();
        }
        if (header.colorSpace() == JpegColorSpace.GRAYSCALE) {
            types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_GRAY));
        }
        types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR));
        types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB));
        types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_BGR));
        if (isCmyk(header)) {
            types.add(CMYK);
        }
        if (header.colorSpace() == JpegColorSpace.YCBCR && header.precision() == 8) {
            types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_GRAY));
        }
        return types.iterator();
    }

    @Override
    public ImageTypeSpecifier getRawImageType(int imageIndex) throws IOException {
        ImageInfo header = header(imageIndex);
        return isWideCmyk(header) ? WIDE_CMYK : isCmyk(header) ? CMYK : getImageTypes(imageIndex).next();
    }

    /**
     * The tables of a tables-only image at the start of the input (T.81 B.5); null if it starts with an image,
     * or with {@code ignoreMetadata}, as the JDK's reader answers. Abbreviated images, of this input or of
     * later ones until {@link #reset()}, are decoded with these tables whether or not metadata is ignored.
     */
    @Override
    public IIOMetadata getStreamMetadata() throws IOException {
        return locked(() -> {
            requireInput();
            data();
            return isIgnoringMetadata() ? null : inputTables;
        });
    }

    private void tablesOnlyImage(JpegStreamMetadata tables) {
        streamTables = tables;
        inputTables = tables;
    }

    @Override
    public IIOMetadata getImageMetadata(int imageIndex) throws IOException {
        ImageInfo header = info(imageIndex);
        if (metadata == null) {
            metadata = ReaderMetadata.build(header, data());
        }
        return metadata;
    }

    @Override
    public boolean canReadRaster() {
        return true;
    }

    private BufferedImage readNow(int imageIndex, ImageReadParam param) throws IOException {
        if (!(param instanceof TesseraJpegReadParam tessera && tessera.isAutoOrient())) {
            return readAsStored(imageIndex, param);
        }
        if (param.getDestination() != null) {
            throw new IIOException("auto-orient cannot fill a destination image set in the read param");
        }
        Orientation orientation = header(imageIndex).orientation().orElse(Orientation.TOP_LEFT);
        return JpegDecoder.turnUpright(readAsStored(imageIndex, param), orientation);
    }

    private BufferedImage readAsStored(int imageIndex, ImageReadParam param) throws IOException {
        requireNotDisposed();
        ImageInfo header = header(imageIndex);
        Limits limits = limits(param);
        checkLimits(header, limits);
        if (asDecoded(param)) {
            // The destination ImageIO would make is the decoder's own image: hand that over, with no copy.
            processImageStarted(imageIndex);
            // CMYK above 8 bits stays CMYK: its only type is the decoder's image.
            BufferedImage decoded = decode(1, isCmyk(header) && !isWideCmyk(header), param);
            if (decoded.getType() == getImageTypes(imageIndex).next().getBufferedImageType()) {
                if (abortRequested()) {
                    processReadAborted();
                } else {
                    processImageProgress(100f);
                    processImageComplete();
                }
                return decoded;
            }
            // Above 8 bits the decoder's samples are 16-bit: convert them into the default type.
            Destination to = destination(header, param, imageIndex);
            return copy(decoded, to, 1, param);
        }
        Destination to = destination(header, param, imageIndex);
        processImageStarted(imageIndex);
        // Lossless files (T.81 H.1) have no DCT to scale: they are point-sampled at any subsampling.
        int scale = lossless(header) ? 1
            : scaleFor(param.getSourceXSubsampling(), param.getSourceYSubsampling(), to.source);
        boolean wantCmyk = to.image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK;
        BufferedImage decoded = decode(scale, isCmyk(header) && !wantCmyk, param, lumaOnly(header, to.image));
        return copy(decoded, to, scale, param);
    }

    /**
     * Whether {@code param} asks for the whole image in the default type: no destination or destination type,
     * region, subsampling, offset or band selection (the default read param asks for nothing).
     */
    private static boolean asDecoded(ImageReadParam param) {
        return param == null || param.getDestination() == null && param.getDestinationType() == null
            && param.getSourceRegion() == null && param.getSourceXSubsampling() == 1
            && param.getSourceYSubsampling() == 1 && param.getDestinationOffset().x == 0
            && param.getDestinationOffset().y == 0 && param.getSourceBands() == null
            && param.getDestinationBands() == null;
    }

    /** The destination image a param asks for, checked against the bands, and the regions to copy. */
    private record Destination(BufferedImage image, Rectangle source, Rectangle target) {
    }

    private Destination destination(ImageInfo header, ImageReadParam param, int imageIndex) throws IOException {
        int width = header.width();
        int height = header.height();
        BufferedImage destination = getDestination(param, getImageTypes(imageIndex), width, height);
        if (isWideCmyk(header) && !wideCmyk(destination)) {
            // A destination image set in the param: 8-bit or RGB would lose or need what the decoder lacks.
            throw new IIOException("a " + header.precision() + "-bit CMYK file reads only into a 16-bit CMYK"
                + " destination");
        }
        int decodedBands = header.colorSpace() == JpegColorSpace.GRAYSCALE || lumaOnly(header, destination) ? 1
            : isCmyk(header) && destination.getRaster().getNumBands() == 4 ? 4 : 3;
        if (param != null && (param.getSourceBands() != null || param.getDestinationBands() != null)) {
            checkReadParamBandSettings(param, decodedBands, destination.getSampleModel().getNumBands());
        }
        Rectangle source = new Rectangle();
        Rectangle target = new Rectangle();
        computeRegions(param, width, height, destination, source, target);
        return new Destination(destination, source, target);
    }

    /** A destination of four 16-bit CMYK samples per pixel. */
    private static boolean wideCmyk(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        return cm.getColorSpace().getType() == ColorSpace.TYPE_CMYK && cm.getNumComponents() == 4
            && image.getRaster().getNumBands() == 4
            && image.getSampleModel().getDataType() == DataBuffer.TYPE_USHORT;
    }

    /** Copies the decoded pixels into the destination, row by row, with progress and abort checks. */
    private BufferedImage copy(BufferedImage decoded, Destination to, int scale, ImageReadParam param) {
        if (abortRequested()) {
            processReadAborted();
            return to.image;
        }
        processImageProgress(50f);
        int stepX = param == null ? 1 : param.getSourceXSubsampling();
        int stepY = param == null ? 1 : param.getSourceYSubsampling();
        Copy.Pixels pixels = new Copy.Pixels(decoded, to.image, to.source, to.target, stepX, stepY, scale,
            param == null ? null : param.getSourceBands(), param == null ? null : param.getDestinationBands());
        for (int row = 0; row < to.target.height; row++) {
            pixels.copyRow(row);
            if (row % 16 == 15) {
                if (abortRequested()) {
                    processReadAborted();
                    return to.image;
                }
                processImageProgress(50f + 50f * (row + 1) / to.target.height);
            }
        }
        processImageProgress(100f);
        processImageComplete();
        return to.image;
    }

    /**
     * The decoder's scale: the subsampling factor when it is 2, 4 or 8 in both directions and the source
     * region starts on a multiple of it, so point-sampled pixel k becomes scaled pixel k (1 otherwise).
     */
    private static int scaleFor(int stepX, int stepY, Rectangle source) {
        if (stepX == stepY && (stepX == 2 || stepX == 4 || stepX == 8)
            && source.x % stepX == 0 && source.y % stepY == 0) {
            return stepX;
        }
        return 1;
    }

    /** The lossless processes of T.81 Table B.1 (SOF3, SOF7, SOF11, SOF15). */
    private static boolean lossless(ImageInfo header) {
        Marker process = header.frame().process();
        return process == Marker.SOF3 || process == Marker.SOF7 || process == Marker.SOF11
            || process == Marker.SOF15;
    }

    /** A gray destination for a YCbCr file: the decoder's luma output (jdcolor.c grayscale_convert). */
    private static boolean lumaOnly(ImageInfo header, BufferedImage destination) {
        return header.colorSpace() == JpegColorSpace.YCBCR
            && destination.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private BufferedImage decode(int scale, boolean cmykToRgb, ImageReadParam param) throws IOException {
        return decode(scale, cmykToRgb, param, false);
    }

    private BufferedImage decode(int scale, boolean cmykToRgb, ImageReadParam param, boolean grayscale)
        throws IOException {
        try {
            return decoder(scale, cmykToRgb, limits(param), grayscale, threads(param)).decode(data());
        } catch (JpegException e) {
            throw new IIOException(e.getMessage(), e);
        }
    }

    /**
     * The samples as coded, after colour conversion for YCbCr, as libjpeg returns them: CMYK and YCCK files
     * give four bands of C, M, Y, K (YCCK converted to CMYK). The source region and subsampling apply.
     */
    private Raster readRasterNow(int imageIndex, ImageReadParam param) throws IOException {
        requireNotDisposed();
        Limits limits = limits(param);
        checkLimits(header(imageIndex), limits);
        processImageStarted(imageIndex);
        Raster raster = decode(1, false, param).getRaster();
        Raster result = SourceRegion.apply(raster, param);
        processImageProgress(100f);
        processImageComplete();
        return result;
    }

    private List<Thumbnails.Thumbnail> thumbnails(int imageIndex) throws IOException {
        ImageInfo header = info(imageIndex);
        if (thumbnails == null) {
            thumbnails = Thumbnails.find(header, data(), decoder(1, true));
        }
        return thumbnails;
    }

    @Override
    public boolean readerSupportsThumbnails() {
        return true;
    }

    @Override
    public int getNumThumbnails(int imageIndex) throws IOException {
        return thumbnails(imageIndex).size();
    }

    @Override
    public int getThumbnailWidth(int imageIndex, int thumbnailIndex) throws IOException {
        return thumbnail(imageIndex, thumbnailIndex).width();
    }

    @Override
    public int getThumbnailHeight(int imageIndex, int thumbnailIndex) throws IOException {
        return thumbnail(imageIndex, thumbnailIndex).height();
    }

    private BufferedImage readThumbnailNow(int imageIndex, int thumbnailIndex) throws IOException {
        Thumbnails.Thumbnail thumbnail = thumbnail(imageIndex, thumbnailIndex);
        processThumbnailStarted(imageIndex, thumbnailIndex);
        BufferedImage image = thumbnail.source().decode();
        processThumbnailProgress(100f);
        processThumbnailComplete();
        return image;
    }

    private Thumbnails.Thumbnail thumbnail(int imageIndex, int thumbnailIndex) throws IOException {
        List<Thumbnails.Thumbnail> all = thumbnails(imageIndex);
        if (thumbnailIndex < 0 || thumbnailIndex >= all.size()) {
            throw new IndexOutOfBoundsException("thumbnail index " + thumbnailIndex + " not in 0.." + (all.size() - 1));
        }
        return all.get(thumbnailIndex);
    }

    /**
     * The bytes from the stream's position to its end for a file stream, whose length is the file's; else -1.
     * Other streams' lengths are not taken: a wrong one would size the input array (readInput).
     */
    private static long remaining(ImageInputStream in) throws IOException {
        if (!(in instanceof FileImageInputStream)) {
            return -1;
        }
        long length = in.length();
        return length < 0 ? -1 : Math.max(0, length - in.getStreamPosition());
    }

    /** An ImageInputStream read as an InputStream, from its position, without closing it. */
    private static final class ImageInputAdapter extends InputStream {
        private final ImageInputStream in;

        ImageInputAdapter(ImageInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }
    }
}
