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
     * The JDK writer's answer, so that {@code ImageIO.write} returns false (and callers fall back to another
     * format) where it would: no alpha (translucent indexed images included) and 1 to 8 bits a sample. The
     * writer itself still writes such images when handed them (alpha composited onto white, samples scaled to
     * 8 bits), with a warning: see docs/imageio.md.
     */
    @Override
    public boolean canEncodeImage(ImageTypeSpecifier type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        if (type.getColorModel().hasAlpha()) {
            return false;
        }
        int bits = 0;
        for (int size : type.getSampleModel().getSampleSize()) {
            bits = Math.max(bits, size);
        }
        return bits >= 1 && bits <= 8;
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
