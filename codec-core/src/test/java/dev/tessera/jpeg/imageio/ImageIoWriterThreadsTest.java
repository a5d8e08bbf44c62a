package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOWriteProgressListener;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The writer's threads: {@link TesseraJpegWriteParam#setThreads}, its default ({@code AUTO_THREADS}, or the
 * system property {@value TesseraJpegWriteParam#THREADS_PROPERTY}), the same bytes for every value, and progress
 * listeners called on the writing thread under the default.
 */
class ImageIoWriterThreadsTest {
    private static BufferedImage image(int type) {
        BufferedImage image = new BufferedImage(1100, 700, type);
        image.createGraphics().drawImage(TestImageGenerator.landscape(), 0, 0, 1100, 700, null);
        assertTrue(1100L * 700 >= EncoderOptions.MIN_PIXELS_FOR_THREADS);
        return image;
    }

    private static byte[] write(BufferedImage image, int threads, IIOWriteProgressListener listener)
        throws IOException {
        ImageWriter writer = new JpegImageWriterSpi().createWriterInstance(null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            if (listener != null) {
                writer.addIIOWriteProgressListener(listener);
            }
            TesseraJpegWriteParam param = (TesseraJpegWriteParam) writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            param.setThreads(threads);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void theDefaultParamStartsFromAutoThreads() {
        TesseraJpegWriteParam param = assertInstanceOf(TesseraJpegWriteParam.class,
            new JpegImageWriter(new JpegImageWriterSpi()).getDefaultWriteParam());
        assertEquals(System.getProperty(TesseraJpegWriteParam.THREADS_PROPERTY) == null
            ? EncoderOptions.AUTO_THREADS : TesseraJpegWriteParam.defaultThreads(), param.getThreads());
        param.setThreads(4);
        assertEquals(4, param.getThreads());
        assertThrows(IllegalArgumentException.class, () -> param.setThreads(-1));
        assertThrows(IllegalArgumentException.class, () -> param.setThreads(EncoderOptions.MAX_THREADS + 1));
    }

    @Test
    void theSystemPropertySetsTheDefault() {
        String before = System.getProperty(TesseraJpegWriteParam.THREADS_PROPERTY);
        try {
            String[][] cases = {{"1", "1"}, {"3", "3"}, {"auto", "0"}, {"0", "0"}, {"257", "0"}, {"x", "0"}};
            for (String[] c : cases) {
                System.setProperty(TesseraJpegWriteParam.THREADS_PROPERTY, c[0]);
                assertEquals(Integer.parseInt(c[1]), TesseraJpegWriteParam.defaultThreads(), "property '" + c[0] + "'");
            }
        } finally {
            if (before == null) {
                System.clearProperty(TesseraJpegWriteParam.THREADS_PROPERTY);
            } else {
                System.setProperty(TesseraJpegWriteParam.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void everyThreadCountWritesTheSameBytes() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage image = image(type);
            byte[] one = write(image, 1, null);
            assertArrayEquals(one, write(image, 2, null), "type " + type + ", 2 threads");
            assertArrayEquals(one, write(image, EncoderOptions.AUTO_THREADS, null), "type " + type + ", auto");
        }
    }

    @Test
    void progressListenersHearFromTheWritingThreadUnderAutoThreads() throws IOException {
        List<Thread> callers = Collections.synchronizedList(new ArrayList<>());
        IIOWriteProgressListener listener = new IIOWriteProgressListener() {
            @Override public void imageStarted(ImageWriter source, int imageIndex) {
                callers.add(Thread.currentThread());
            }

            @Override public void imageProgress(ImageWriter source, float percentageDone) {
                callers.add(Thread.currentThread());
            }

            @Override public void imageComplete(ImageWriter source) {
                callers.add(Thread.currentThread());
            }

            @Override public void thumbnailStarted(ImageWriter source, int imageIndex, int thumbnailIndex) {
            }

            @Override public void thumbnailProgress(ImageWriter source, float percentageDone) {
            }

            @Override public void thumbnailComplete(ImageWriter source) {
            }

            @Override public void writeAborted(ImageWriter source) {
            }
        };
        BufferedImage image = image(BufferedImage.TYPE_3BYTE_BGR);
        byte[] bytes = write(image, EncoderOptions.AUTO_THREADS, listener);
        assertArrayEquals(write(image, 1, null), bytes);
        assertFalse(callers.isEmpty());
        assertTrue(callers.stream().allMatch(t -> t == Thread.currentThread()), "a listener call on another thread");
    }
}
