package dev.tessera.jpeg.imageio;

import com.twelvemonkeys.imageio.spi.ReaderWriterProviderInfo;

/**
 * What Tessera's ImageIO reader and writer declare: the format names, suffixes and MIME type the JDK's own
 * JPEG plugin answers to, and the JDK's native image metadata format, {@value #NATIVE_IMAGE_FORMAT}.
 */
final class JpegProviderInfo extends ReaderWriterProviderInfo {
    /** The JDK's JPEG image metadata format name, produced by the reader and accepted by the writer. */
    static final String NATIVE_IMAGE_FORMAT = "javax_imageio_jpeg_image_1.0";

    static final String[] FORMAT_NAMES = {"jpeg", "jpg", "JPEG", "JPG"};

    JpegProviderInfo() {
        super(JpegProviderInfo.class,
            FORMAT_NAMES.clone(),
            new String[] {"jpg", "jpeg", "jpe", "jfif"},
            new String[] {"image/jpeg"},
            "dev.tessera.jpeg.imageio.JpegImageReader",
            new String[] {"dev.tessera.jpeg.imageio.JpegImageReaderSpi"},
            "dev.tessera.jpeg.imageio.JpegImageWriter",
            new String[] {"dev.tessera.jpeg.imageio.JpegImageWriterSpi"},
            false, null, null, null, null,
            true, NATIVE_IMAGE_FORMAT, "dev.tessera.jpeg.imageio.JpegMetadataFormat", null, null);
    }
}
