package dev.tessera.bench;

import dev.tessera.jpeg.imageio.TesseraImageIO;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageReaderWriterSpi;
import javax.imageio.spi.ImageWriterSpi;

/**
 * The two ImageIO JPEG plugins the {@code ImageIo*Benchmark}s compare, picked by class name so the measured
 * plugin is certain, and {@link Preference}, which puts one of them first in the default {@link IIORegistry}
 * for the calls that take the first registered plugin ({@code ImageIO.read}, {@code ImageIO.write}).
 */
final class ImageIoPlugins {
    static final String TESSERA = "tessera";
    static final String JDK = "jdk";
    static final String DIRECT = "direct";
    static final String TESSERA_READER = "dev.tessera.jpeg.imageio.JpegImageReader";
    static final String TESSERA_WRITER = "dev.tessera.jpeg.imageio.JpegImageWriter";
    private static final List<String> JPEG_NAMES = List.of("jpeg", "jpg", "jpe", "jfif");

    private ImageIoPlugins() {
    }

    /** The class name of the reader {@code plugin} ({@code tessera} or {@code jdk}) names. */
    static String readerClass(String plugin) {
        return switch (plugin) {
            case TESSERA -> TESSERA_READER;
            case JDK -> DecodeBenchmark.JDK_READER;
            default -> throw new IllegalArgumentException("plugin must be tessera, jdk or direct: " + plugin);
        };
    }

    static String writerClass(String plugin) {
        return switch (plugin) {
            case TESSERA -> TESSERA_WRITER;
            case JDK -> EncodeBenchmark.JDK_WRITER;
            default -> throw new IllegalArgumentException("plugin must be tessera, jdk or direct: " + plugin);
        };
    }

    /** A new instance of the JPEG reader whose class is {@code className}. */
    static ImageReader reader(String className) {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader reader = it.next();
            if (reader.getClass().getName().equals(className)) {
                return reader;
            }
        }
        throw new IllegalStateException("no registered JPEG reader of class " + className);
    }

    static ImageWriter writer(String className) {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().equals(className)) {
                return writer;
            }
        }
        throw new IllegalStateException("no registered JPEG writer of class " + className);
    }

    /**
     * Orders the reader (or writer) provider whose plugin class is {@code className} ahead of every other JPEG
     * provider in the default registry. {@link #close} removes those orderings and calls
     * {@link TesseraImageIO#putFirst()}, which restores the order the registry had from Tessera's registration
     * (Tessera's providers ahead of the other JPEG providers), so tests that run on in the same JVM see it.
     * (The registry cannot tell which way an existing ordering points: {@code unsetOrdering(a, b)} removes
     * either {@code a > b} or {@code b > a}, so this does not try to put back individual orderings.)
     */
    static final class Preference implements AutoCloseable {
        private final Class<? extends ImageReaderWriterSpi> category;
        private final ImageReaderWriterSpi preferred;
        private final List<ImageReaderWriterSpi> others = new ArrayList<>();

        private Preference(Class<? extends ImageReaderWriterSpi> category, String className) {
            this.category = category;
            IIORegistry registry = IIORegistry.getDefaultInstance();
            List<ImageReaderWriterSpi> jpeg = new ArrayList<>();
            registry.getServiceProviders(category, false).forEachRemaining(spi -> {
                if (Arrays.stream(spi.getFormatNames()).anyMatch(n -> JPEG_NAMES.contains(n.toLowerCase()))) {
                    jpeg.add(spi);
                }
            });
            preferred = jpeg.stream().filter(spi -> spi.getPluginClassName().equals(className)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no registered provider for " + className));
            for (ImageReaderWriterSpi other : jpeg) {
                if (other != preferred) {
                    // setOrdering drops an ordering the other way first, so no cycle can form.
                    setOrdering(preferred, other);
                    others.add(other);
                }
            }
        }

        static Preference reader(String className) {
            return new Preference(ImageReaderSpi.class, className);
        }

        static Preference writer(String className) {
            return new Preference(ImageWriterSpi.class, className);
        }

        @Override
        public void close() {
            for (ImageReaderWriterSpi other : others) {
                unsetOrdering(preferred, other);
            }
            others.clear();
            TesseraImageIO.putFirst();
        }

        // The registry's methods are generic in the category; the casts are safe as both come from it.
        @SuppressWarnings({"unchecked", "rawtypes"})
        private void setOrdering(ImageReaderWriterSpi first, ImageReaderWriterSpi second) {
            IIORegistry.getDefaultInstance().setOrdering((Class) category, first, second);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void unsetOrdering(ImageReaderWriterSpi first, ImageReaderWriterSpi second) {
            IIORegistry.getDefaultInstance().unsetOrdering((Class) category, first, second);
        }
    }
}
