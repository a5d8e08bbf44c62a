package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Locale;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/** Ordering on private registries, so the default registry and other tests are not disturbed. */
class ProviderOrderingTest {
    /** Another JPEG writer that, like TwelveMonkeys', orders itself ahead of whatever JPEG writer it finds. */
    static final class PushyJpegWriterSpi extends ImageWriterSpi {
        PushyJpegWriterSpi() {
            super("test", "1", new String[] {"JPEG"}, new String[] {"jpg"}, new String[] {"image/jpeg"},
                "none", new Class<?>[] {ImageOutputStream.class}, null, false, null, null, null, null, false, null,
                null, null, null);
        }

        @Override
        public void onRegistration(ServiceRegistry registry, Class<?> category) {
            JpegImageWriterSpi tessera = registry.getServiceProviderByClass(JpegImageWriterSpi.class);
            if (tessera != null) {
                registry.setOrdering(ImageWriterSpi.class, this, tessera);
            }
        }

        @Override public boolean canEncodeImage(ImageTypeSpecifier type) { return true; }
        @Override public ImageWriter createWriterInstance(Object extension) { return null; }
        @Override public String getDescription(Locale locale) { return "pushy"; }
    }

    private static ServiceRegistry registry() {
        return new ServiceRegistry(List.<Class<?>>of(ImageWriterSpi.class).iterator());
    }

    private static ImageWriterSpi first(ServiceRegistry registry) {
        return registry.getServiceProviders(ImageWriterSpi.class, true).next();
    }

    @Test
    void tesseraGoesAheadOfProvidersRegisteredBeforeIt() {
        ServiceRegistry registry = registry();
        registry.registerServiceProvider(new PushyJpegWriterSpi(), ImageWriterSpi.class);
        JpegImageWriterSpi tessera = new JpegImageWriterSpi();
        registry.registerServiceProvider(tessera, ImageWriterSpi.class);
        assertSame(tessera, first(registry));
    }

    @Test
    void putFirstReordersProvidersRegisteredAfterTessera() {
        ServiceRegistry registry = registry();
        JpegImageWriterSpi tessera = new JpegImageWriterSpi();
        registry.registerServiceProvider(tessera, ImageWriterSpi.class);
        PushyJpegWriterSpi pushy = new PushyJpegWriterSpi();
        registry.registerServiceProvider(pushy, ImageWriterSpi.class);
        assertSame(pushy, first(registry));
        ProviderOrdering.apply(registry);
        assertSame(tessera, first(registry), "no cycle: the pushy edge was removed");
    }

    @Test
    void propertyFalseLeavesTheOrderAlone() {
        String old = System.getProperty(TesseraImageIO.ORDER_PROPERTY);
        System.setProperty(TesseraImageIO.ORDER_PROPERTY, "false");
        try {
            ServiceRegistry registry = registry();
            JpegImageWriterSpi tessera = new JpegImageWriterSpi();
            registry.registerServiceProvider(tessera, ImageWriterSpi.class);
            PushyJpegWriterSpi pushy = new PushyJpegWriterSpi();
            registry.registerServiceProvider(pushy, ImageWriterSpi.class);
            ProviderOrdering.apply(registry);
            assertSame(pushy, first(registry));
        } finally {
            if (old == null) {
                System.clearProperty(TesseraImageIO.ORDER_PROPERTY);
            } else {
                System.setProperty(TesseraImageIO.ORDER_PROPERTY, old);
            }
        }
    }
}
