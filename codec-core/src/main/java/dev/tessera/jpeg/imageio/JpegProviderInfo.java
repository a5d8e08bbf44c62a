package dev.tessera.jpeg.imageio;

/**
 * What Tessera's ImageIO reader and writer declare: the format names, suffixes and MIME type the JDK's own
 * JPEG plugin answers to, the JDK's native image metadata format, {@value #NATIVE_IMAGE_FORMAT}, and the
 * vendor and version taken from the jar's manifest when it has them.
 */
final class JpegProviderInfo {
    /** The JDK's JPEG image metadata format name, produced by the reader and accepted by the writer. */
    static final String NATIVE_IMAGE_FORMAT = "javax_imageio_jpeg_image_1.0";

    /** The class whose static {@code getInstance()} ImageIO calls for {@link #NATIVE_IMAGE_FORMAT}. */
    static final String NATIVE_IMAGE_FORMAT_CLASS = JpegMetadataFormat.class.getName();

    /** In the JDK's order: the first is what {@code ImageReader.getFormatName()} answers ("JPEG"). */
    static final String[] FORMAT_NAMES = {"JPEG", "jpeg", "JPG", "jpg"};

    static final String[] SUFFIXES = {"jpg", "jpeg", "jpe", "jfif"};

    static final String[] MIME_TYPES = {"image/jpeg"};

    private JpegProviderInfo() {
    }

    /** The package's Implementation-Vendor, else the package name. */
    static String vendor() {
        Package p = JpegProviderInfo.class.getPackage();
        return p.getImplementationVendor() != null ? p.getImplementationVendor() : p.getName();
    }

    /** The package's Implementation-Version, else "Unspecified". */
    static String version() {
        String version = JpegProviderInfo.class.getPackage().getImplementationVersion();
        return version != null ? version : "Unspecified";
    }
}
