/**
 * Tessera's JPEG codec: encoder, decoder, image metrics and an ImageIO plugin, needing nothing but the JDK.
 *
 * <p>Only the API packages are exported. codec-cli and codec-bench use non-exported packages too (the bench
 * measures single stages) and run on the class path, where every package is visible; that is fine for them.
 * The jar keeps its {@code META-INF/services} files, so the ImageIO plugin registers on the class path as it
 * does here through {@code provides}.
 *
 * <p>Vector API kernels ({@code jdk.incubator.vector}) are compiled in and chosen at run time by the non-exported
 * {@code dev.tessera.jpeg.simd.VectorSupport}: the dependence is static, so this module resolves without the
 * vector module, and reads it when the JVM is started with {@code --add-modules jdk.incubator.vector}.
 */
module dev.tessera.codec {
    // Transitive: the API takes and returns java.desktop types (BufferedImage, Raster, IIOMetadata), so a
    // module that reads this one reads java.desktop (and, through it, java.xml) too.
    requires transitive java.desktop;
    // Optional at run time: without it the scalar code runs (docs/performance.md, "Vector API kernels").
    requires static jdk.incubator.vector;
    // The system load average, which decides whether an AUTO_THREADS decode takes a second core.
    requires java.management;

    exports dev.tessera.jpeg;
    exports dev.tessera.jpeg.error;
    exports dev.tessera.jpeg.imageio;
    exports dev.tessera.jpeg.model;
    exports dev.tessera.jpeg.spec;
    exports dev.tessera.metrics;
    exports dev.tessera.tune;

    provides javax.imageio.spi.ImageReaderSpi with dev.tessera.jpeg.imageio.JpegImageReaderSpi;
    provides javax.imageio.spi.ImageWriterSpi with dev.tessera.jpeg.imageio.JpegImageWriterSpi;
    provides javax.imageio.spi.ImageTranscoderSpi with dev.tessera.jpeg.imageio.JpegMetadataTranscoderSpi;
}
