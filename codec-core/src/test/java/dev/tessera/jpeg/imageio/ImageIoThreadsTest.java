package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.testing.TestImageGenerator;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/**
 * The reader's threads: {@link TesseraJpegReadParam#setThreads}, its default ({@code AUTO_THREADS}, or the system
 * property {@value TesseraJpegReadParam#THREADS_PROPERTY}), and the same pixels and warnings for every value, with
 * a plain read, a destination type, a source region and subsampling.
 */
class ImageIoThreadsTest {
    /** A file large enough to be pipelined, and one truncated so that the reader warns. */
    private static byte[] large() throws IOException {
        BufferedImage src = TestImageGenerator.landscape();
        BufferedImage image = new BufferedImage(1024, 640, BufferedImage.TYPE_3BYTE_BGR);
        image.createGraphics().drawImage(src, 0, 0, 1024, 640, null);
        assertEquals(true, 1024L * 640 >= DecoderOptions.MIN_PIXELS_FOR_THREADS);
        return new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(false)).encode(image);
    }

    private static ImageReader reader(byte[] data, List<String> warnings) throws IOException {
        ImageReader reader = new JpegImageReaderSpi().createReaderInstance(null);
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(data)));
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        return reader;
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void theDefaultParamStartsFromAutoThreads() throws IOException {
        TesseraJpegReadParam param = assertInstanceOf(TesseraJpegReadParam.class,
            reader(large(), new ArrayList<>()).getDefaultReadParam());
        assertEquals(System.getProperty(TesseraJpegReadParam.THREADS_PROPERTY) == null
            ? DecoderOptions.AUTO_THREADS : TesseraJpegReadParam.defaultThreads(), param.getThreads());
        param.setThreads(3);
        assertEquals(3, param.getThreads());
        assertThrows(IllegalArgumentException.class, () -> param.setThreads(-1));
    }

    @Test
    void theSystemPropertySetsTheDefault() {
        String before = System.getProperty(TesseraJpegReadParam.THREADS_PROPERTY);
        try {
            String[][] cases = {{"1", "1"}, {"4", "4"}, {"auto", "0"}, {" AUTO ", "0"}, {"0", "0"}, {"-2", "0"},
                {"many", "0"}, {"", "0"}};
            for (String[] c : cases) {
                System.setProperty(TesseraJpegReadParam.THREADS_PROPERTY, c[0]);
                assertEquals(Integer.parseInt(c[1]), TesseraJpegReadParam.defaultThreads(), "property '" + c[0] + "'");
                assertEquals(Integer.parseInt(c[1]), new TesseraJpegReadParam().getThreads(), "property '" + c[0] + "'");
            }
        } finally {
            if (before == null) {
                System.clearProperty(TesseraJpegReadParam.THREADS_PROPERTY);
            } else {
                System.setProperty(TesseraJpegReadParam.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void everyThreadCountReadsTheSamePixelsAndWarnings() throws IOException {
        byte[] clean = large();
        byte[] truncated = java.util.Arrays.copyOf(clean, clean.length * 3 / 5);
        for (byte[] data : new byte[][] {clean, truncated}) {
            for (int variant = 0; variant < 4; variant++) {
                byte[] expected = null;
                List<String> expectedWarnings = null;
                for (int threads : new int[] {1, 2, DecoderOptions.AUTO_THREADS}) {
                    List<String> warnings = new ArrayList<>();
                    ImageReader reader = reader(data, warnings);
                    TesseraJpegReadParam param = (TesseraJpegReadParam) reader.getDefaultReadParam();
                    param.setThreads(threads);
                    configure(param, variant);
                    byte[] px = pixels(reader.read(0, param));
                    String label = (data == clean ? "clean" : "truncated") + " variant " + variant + " threads "
                        + threads;
                    if (expected == null) {
                        expected = px;
                        expectedWarnings = warnings;
                        assertEquals(data == truncated, !warnings.isEmpty(), label + ": " + warnings);
                    } else {
                        assertArrayEquals(expected, px, label);
                        assertEquals(expectedWarnings, warnings, label);
                    }
                }
            }
        }
    }

    /** 0: plain; 1: TYPE_BYTE_GRAY destination (the luma of the file); 2: a source region; 3: subsampling 2 x 3. */
    private static void configure(ImageReadParam param, int variant) {
        switch (variant) {
            case 1 -> param.setDestinationType(
                javax.imageio.ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_GRAY));
            case 2 -> param.setSourceRegion(new Rectangle(100, 50, 700, 500));
            case 3 -> param.setSourceSubsampling(2, 3, 0, 1);
            default -> { }
        }
    }
}
