package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.EncodeAbortedException;
import dev.tessera.jpeg.EncodeListener;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.ImageMetadata;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Hashtable;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
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

    /** None: all of Tessera's metadata is image metadata. */
    @Override
    public IIOMetadata getDefaultStreamMetadata(ImageWriteParam param) {
        return null;
    }

    /** None, whatever {@code inData} is: there is no stream metadata to convert to. */
    @Override
    public IIOMetadata convertStreamMetadata(IIOMetadata inData, ImageWriteParam param) {
        return null;
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

    /** After this, {@code write} throws {@link IllegalStateException}, as the JDK's writer does. */
    @Override
    public void dispose() {
        disposed = true;
        super.dispose();
    }

    @Override
    public void write(IIOMetadata streamMetadata, IIOImage image, ImageWriteParam param) throws IOException {
        ImageOutputStream out = requireOutput();
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        clearAbortRequest();
        if (image.getNumThumbnails() > 0) {
            processWarningOccurred(0, "thumbnails are not written");
        }
        JpegMetadata metadata = image.getMetadata() == null ? null
            : JpegMetadata.convert(image.getMetadata(), typeOf(image));
        if (image.getMetadata() != null && metadata == null) {
            processWarningOccurred(0, "image metadata of " + image.getMetadata().getClass().getName()
                + " has neither the native JPEG nor the standard format: ignored");
        }
        var tree = metadata == null ? null : metadata.nativeTree();
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
        JpegEncoder encoder = new JpegEncoder(options);
        try {
            if (raster != null) {
                encoder.encode(raster, segments, new StreamAdapter(out), listener);
            } else {
                encoder.encode(picture, segments, new StreamAdapter(out), listener);
            }
        } catch (EncodeAbortedException e) {
            processWriteAborted();
            return;
        } catch (IllegalArgumentException e) {
            throw new IIOException(e.getMessage(), e);
        }
        out.flush();
        processImageProgress(100f);
        processImageComplete();
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
