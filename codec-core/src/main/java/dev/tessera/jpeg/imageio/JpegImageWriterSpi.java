package dev.tessera.jpeg.imageio;

import com.twelvemonkeys.imageio.spi.ImageWriterSpiBase;
import java.util.Locale;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ServiceRegistry;

/**
 * Registers {@link JpegImageWriter} with ImageIO (through {@code META-INF/services}), ahead of the other JPEG
 * writers unless the system property {@value ProviderOrdering#PROPERTY} is {@code false}.
 */
public final class JpegImageWriterSpi extends ImageWriterSpiBase {
    public JpegImageWriterSpi() {
        super(new JpegProviderInfo());
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
