package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.Test;

/**
 * codec-cli has TwelveMonkeys' imageio-jpeg on its class path, which orders itself ahead of the JDK's JPEG
 * plugin; Tessera's plugin must still come first, for every format name.
 */
class ImageIoOrderingTest {
    private static List<String> writerClasses(String format) {
        List<String> names = new ArrayList<>();
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
            names.add(it.next().getClass().getName());
        }
        return names;
    }

    private static List<String> readerClasses(String format) {
        List<String> names = new ArrayList<>();
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format); it.hasNext(); ) {
            names.add(it.next().getClass().getName());
        }
        return names;
    }

    @Test
    void tesseraWriterComesBeforeTwelveMonkeysAndTheJdk() {
        for (String format : List.of("jpeg", "jpg", "JPEG", "JPG")) {
            List<String> writers = writerClasses(format);
            assertEquals("dev.tessera.jpeg.imageio.JpegImageWriter", writers.get(0), format + ": " + writers);
            assertTrue(writers.stream().anyMatch(n -> n.startsWith("com.twelvemonkeys")),
                "TwelveMonkeys' writer is on the class path: " + writers);
        }
    }

    @Test
    void tesseraReaderComesBeforeTwelveMonkeysAndTheJdk() {
        for (String format : List.of("jpeg", "jpg", "JPEG", "JPG")) {
            List<String> readers = readerClasses(format);
            assertEquals("dev.tessera.jpeg.imageio.JpegImageReader", readers.get(0), format + ": " + readers);
            assertTrue(readers.stream().anyMatch(n -> n.startsWith("com.twelvemonkeys")),
                "TwelveMonkeys' reader is on the class path: " + readers);
        }
    }
}
