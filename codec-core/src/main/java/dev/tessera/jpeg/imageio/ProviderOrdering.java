package dev.tessera.jpeg.imageio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageReaderWriterSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * Puts Tessera's reader and writer ahead of every other provider that handles a JPEG format name (the JDK's,
 * TwelveMonkeys', any other), so that {@code ImageIO.read} and {@code ImageIO.write(image, "jpg", ...)} use
 * Tessera. Set the system property {@value #PROPERTY} to {@code false} to leave the registry's order alone.
 *
 * <p>Ordering is applied whenever one of Tessera's three providers (reader, writer, metadata transcoder) is
 * registered. A JPEG provider registered after all three (one listed after codec-core on the class path, when
 * the registry happens to scan the transcoder category before the reader and writer categories; it visits
 * categories in hash order) is not ordered; {@link TesseraImageIO#putFirst()} orders it explicitly.
 */
final class ProviderOrdering {
    /** System property that turns the ordering off when set to {@code false}. */
    static final String PROPERTY = "dev.tessera.imageio.order";

    private ProviderOrdering() {
    }

    static boolean enabled() {
        try {
            return !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
        } catch (SecurityException e) {
            return true;
        }
    }

    /** Orders whichever of Tessera's providers the registry holds ahead of the other JPEG providers. */
    static void apply(ServiceRegistry registry) {
        if (!enabled()) {
            return;
        }
        putFirst(registry, ImageReaderSpi.class, JpegImageReaderSpi.class);
        putFirst(registry, ImageWriterSpi.class, JpegImageWriterSpi.class);
    }

    private static <T extends ImageReaderWriterSpi> void putFirst(ServiceRegistry registry, Class<T> category,
                                                                  Class<? extends T> ourClass) {
        boolean known = false;
        for (Iterator<Class<?>> it = registry.getCategories(); it.hasNext(); ) {
            known |= it.next() == category;
        }
        if (!known) {
            return;
        }
        T ours = registry.getServiceProviderByClass(ourClass);
        if (ours == null) {
            return;
        }
        List<T> others = new ArrayList<>();
        registry.getServiceProviders(category, false).forEachRemaining(others::add);
        for (T other : others) {
            if (other != ours && handlesJpeg(other)) {
                // An edge the other way would make a cycle, and the registry drops providers on a cycle.
                registry.unsetOrdering(category, other, ours);
                registry.setOrdering(category, ours, other);
            }
        }
    }

    private static boolean handlesJpeg(ImageReaderWriterSpi spi) {
        String[] names = spi.getFormatNames();
        return names != null && Arrays.stream(names)
            .anyMatch(n -> Arrays.stream(JpegProviderInfo.FORMAT_NAMES).anyMatch(n::equalsIgnoreCase));
    }
}
