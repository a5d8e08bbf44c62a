package dev.tessera.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/**
 * JPEG inputs are read by Tessera's ImageIO reader, as in tessera.jar, although TwelveMonkeys' JPEG reader (which
 * orders itself ahead of the JDK's) is on the class path, also after the module has rescanned the plugins.
 */
class ImageIoOrderingTest {
    @Test
    void tesseraReadsJpegInputs() throws IOException {
        Operations.load(Files.readAllBytes(TestData.testImages().resolve("gradient.png")), false);
        for (String format : List.of("jpeg", "jpg", "JPEG")) {
            List<String> readers = new ArrayList<>();
            for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format); it.hasNext(); ) {
                readers.add(it.next().getClass().getName());
            }
            assertEquals("dev.tessera.jpeg.imageio.JpegImageReader", readers.get(0), format + ": " + readers);
            assertTrue(readers.stream().anyMatch(n -> n.startsWith("com.twelvemonkeys")), readers.toString());
        }
    }
}
