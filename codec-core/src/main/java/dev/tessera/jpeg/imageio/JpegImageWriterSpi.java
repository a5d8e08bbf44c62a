package dev.tessera.jpeg.imageio;

import java.util.Locale;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageOutputStream;

/**
 * Registers {@link JpegImageWriter} with ImageIO (through {@code META-INF/services} on the class path and
 * {@code provides} in module-info on the module path), ahead of the other JPEG writers unless the system
 * property {@value ProviderOrdering#PROPERTY} is {@code false}.
 */
public final class JpegImageWriterSpi extends ImageWriterSpi {
    public JpegImageWriterSpi() {
        super(JpegProviderInfo.vendor(), JpegProviderInfo.version(), JpegProviderInfo.FORMAT_NAMES,
            JpegProviderInfo.SUFFIXES, JpegProviderInfo.MIME_TYPES, JpegImageWriter.class.getName(),
            new Class<?>[] {ImageOutputStream.class}, new String[] {JpegImageReaderSpi.class.getName()},
            false, null, null, null, null,
            true, JpegProviderInfo.NATIVE_IMAGE_FORMAT, JpegProviderInfo.NATIVE_IMAGE_FORMAT_CLASS, null, null);
    }

    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        ProviderOrdering.apply(registry);
    }

    /**
     * Every image type: gray images become one-component files, all others are converted to sRGB and written
     * as YCbCr, with transparency composited onto white. Four-band rasters are written as CMYK through
     * {@code write(null, new IIOImage(raster, null, null), param)}.
     */
    @Override
    public boolean canEncodeImage(ImageTypeSpecifier type) {
        return type != null;
    }

    @Override
    public ImageWriter createWriterInstance(Object extension) {
        return new JpegImageWriter(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "Tessera JPEG image writer";
    }
}
