package dev.tessera.jpeg.imageio;

import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;

/**
 * Registers {@link JpegImageReader} with ImageIO (through {@code META-INF/services} on the class path and
 * {@code provides} in module-info on the module path), ahead of the other JPEG readers unless the system
 * property {@value ProviderOrdering#PROPERTY} is {@code false}.
 */
public final class JpegImageReaderSpi extends ImageReaderSpi {
    public JpegImageReaderSpi() {
        super(JpegProviderInfo.vendor(), JpegProviderInfo.version(), JpegProviderInfo.FORMAT_NAMES,
            JpegProviderInfo.SUFFIXES, JpegProviderInfo.MIME_TYPES, JpegImageReader.class.getName(),
            new Class<?>[] {ImageInputStream.class}, new String[] {JpegImageWriterSpi.class.getName()},
            false, null, null, null, null,
            true, JpegProviderInfo.NATIVE_IMAGE_FORMAT, JpegProviderInfo.NATIVE_IMAGE_FORMAT_CLASS, null, null);
    }

    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        ProviderOrdering.apply(registry);
    }

    /** How far past SOI a marker is looked for: stray bytes before it are skipped, as libjpeg skips them. */
    private static final int MARKER_SEARCH_LIMIT = 4096;

    /**
     * True if the stream starts with SOI (T.81 B.1.1.3) and a marker (0xFF, then 0xC0..0xFE) follows within
     * {@value #MARKER_SEARCH_LIMIT} bytes: libjpeg's next_marker skips extraneous bytes with a warning.
     */
    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream stream)) {
            return false;
        }
        stream.mark();
        try {
            if (stream.read() != 0xFF || stream.read() != 0xD8) {
                return false;
            }
            int previous = stream.read();
            for (int i = 0; i < MARKER_SEARCH_LIMIT && previous >= 0; i++) {
                int b = stream.read();
                if (previous == 0xFF && b >= 0xC0 && b <= 0xFE) {
                    return true;
                }
                previous = b;
            }
            return false;
        } finally {
            stream.reset();
        }
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new JpegImageReader(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "Tessera JPEG image reader";
    }
}
