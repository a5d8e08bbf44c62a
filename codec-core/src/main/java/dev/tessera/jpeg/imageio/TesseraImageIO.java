package dev.tessera.jpeg.imageio;

import javax.imageio.spi.IIORegistry;

/** Entry points for applications that embed Tessera's ImageIO plugin. */
public final class TesseraImageIO {
    /** System property that, set to {@code false}, keeps Tessera from ordering itself ahead of other plugins. */
    public static final String ORDER_PROPERTY = ProviderOrdering.PROPERTY;

    private TesseraImageIO() {
    }

    /**
     * Orders Tessera's JPEG reader and writer ahead of every other registered JPEG provider in the default
     * registry, now. Registration does this already; call it after registering another JPEG plugin by hand.
     * Does nothing when {@value #ORDER_PROPERTY} is {@code false}.
     */
    public static void putFirst() {
        ProviderOrdering.apply(IIORegistry.getDefaultInstance());
    }
}
