package dev.tessera.jpeg.imageio;

import java.util.Locale;
import javax.imageio.ImageTranscoder;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.ImageTranscoderSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * Transcodes image metadata from any JPEG reader into {@link JpegMetadata} for {@link JpegImageWriter}.
 *
 * <p>Its registration is one more chance for {@link ProviderOrdering}: when the registry scans the
 * transcoder category after the reader or writer category, JPEG providers that came after Tessera's on the
 * class path (TwelveMonkeys' imageio-jpeg, for one) are ordered behind Tessera's here.
 */
public final class JpegMetadataTranscoderSpi extends ImageTranscoderSpi {
    public JpegMetadataTranscoderSpi() {
        super("Tessera", "1.0");
    }

    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        ProviderOrdering.apply(registry);
    }

    @Override
    public String getReaderServiceProviderName() {
        return JpegImageReaderSpi.class.getName();
    }

    @Override
    public String getWriterServiceProviderName() {
        return JpegImageWriterSpi.class.getName();
    }

    @Override
    public ImageTranscoder createTranscoderInstance() {
        return new ImageTranscoder() {
            @Override
            public IIOMetadata convertStreamMetadata(IIOMetadata inData, ImageWriteParam param) {
                return null;
            }

            @Override
            public IIOMetadata convertImageMetadata(IIOMetadata inData, ImageTypeSpecifier imageType,
                                                    ImageWriteParam param) {
                return JpegMetadata.convert(inData, imageType);
            }
        };
    }

    @Override
    public String getDescription(Locale locale) {
        return "Tessera JPEG metadata transcoder";
    }
}
