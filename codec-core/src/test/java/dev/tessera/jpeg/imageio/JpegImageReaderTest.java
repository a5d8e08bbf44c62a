package dev.tessera.jpeg.imageio;

import com.twelvemonkeys.imageio.util.ImageReaderAbstractTest;
import java.awt.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageReadParam;
import javax.imageio.spi.ImageReaderSpi;
import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TwelveMonkeys' reader contract suite, run against Tessera's reader with JPEG files from TwelveMonkeys'
 * imageio-jpeg test jar. Expected sizes come from the files' frame headers, read by the test itself.
 */
class JpegImageReaderTest extends ImageReaderAbstractTest<JpegImageReader> {
    /** The first file is the one most tests read: a plain 4:2:0 JFIF photo. */
    private static final List<String> FILES = List.of(
        "/jpeg/cmm-exception-adobe-rgb.jpg",
        "/jpeg/gray-sample.jpg",
        "/jpeg/cmyk-sample.jpg",
        "/jpeg/cmyk-sample-multiple-chunk-icc.jpg",
        "/jpeg/jfif-jfxx-thumbnail-olympus-d320l.jpg",
        "/jpeg/jfif-padded-segments.jpg",
        "/jpeg/0x00-to-0xFF-between-segments.jpg",
        "/jpeg/jfif-bogus-empty-jfif-segment.jpg",
        "/jpeg/app-marker-missing-null-term.jpg",
        "/jpeg/jfif-16bit-dqt.jpg",
        "/jpeg/jfif-grayscale-thumbnail.jpg",
        "/jpeg/exif-jpeg-thumbnail-sony-dsc-p150-inverted-colors.jpg",
        "/jpeg/no-jfif-ycbcr.jpg",
        "/jpeg/5dhtsegments.jpg",
        "/jpeg/6dhtsegments.jpg",
        "/jpeg/jfif-ycbcr-no-subsampling-intel.jpg",
        "/jpeg/exif-jfif-app13-app14ycck-3channel.jpg",
        "/jpeg/invalid-icc-duplicate-sequence-numbers-rgb-xerox-dc250-heavyweight-1-progressive-jfif.jpg");

    @Override
    protected ImageReaderSpi createProvider() {
        return new JpegImageReaderSpi();
    }

    @Override
    protected List<TestData> getTestData() {
        List<TestData> data = new ArrayList<>();
        for (String name : FILES) {
            URL url = getClassLoaderResource(name);
            data.add(new TestData(url, size(url)));
        }
        return data;
    }

    /**
     * The frame size from the first SOFn segment, found by walking the segments (skipping fill bytes and
     * stray bytes between segments, as libjpeg does): an oracle independent of any reader.
     */
    private static Dimension size(URL url) {
        byte[] data;
        try (InputStream in = url.openStream()) {
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = 2;
        while (at + 9 < data.length) {
            if ((data[at] & 0xFF) != 0xFF || (data[at + 1] & 0xFF) == 0xFF || data[at + 1] == 0) {
                at++;
                continue;
            }
            int marker = data[at + 1] & 0xFF;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                at += 2;
                continue;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                int height = ((data[at + 5] & 0xFF) << 8) | (data[at + 6] & 0xFF);
                int width = ((data[at + 7] & 0xFF) << 8) | (data[at + 8] & 0xFF);
                return new Dimension(width, height);
            }
            at += 2 + (((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF));
        }
        throw new AssertionError("no SOF in " + url);
    }

    /**
     * Disabled: Tessera serves source subsampling by 2, 4 and 8 in both directions with the decoder's scaled
     * inverse DCT (as the reader's documentation says), which gives each output pixel the average of its
     * 2x2 (4x4, 8x8) block instead of the block's top-left pixel, so at edges it differs from the point
     * samples this test expects by more than its tolerance of 5. The two tests below check what Tessera does
     * instead: other factors are point-sampled within this test's tolerance, and factor 2 is the scaled
     * decode.
     */
    @Disabled("subsampling by 2 uses the scaled IDCT (block averages), not point samples: see the Javadoc")
    @Test
    @Override
    public void testReadWithSubsampleParamPixels() {
    }

    @Test
    void subsamplingByThreeIsPointSampled() throws IOException {
        JpegImageReader reader = createReader();
        reader.setInput(getTestData().get(0).getInputStream());
        BufferedImage whole = reader.read(0);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(3, 3, 1, 2);
        assertSubsampledImageDataEquals("subsampled by 3", whole, reader.read(0, param), param);
        reader.dispose();
    }

    @Test
    void subsamplingByTwoIsTheScaledDecode() throws IOException {
        JpegImageReader reader = createReader();
        TestData data = getTestData().get(0);
        reader.setInput(data.getInputStream());
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(2, 2, 0, 0);
        BufferedImage half = reader.read(0, param);
        byte[] bytes;
        try (InputStream in = ((URL) data.getInput()).openStream()) {
            bytes = in.readAllBytes();
        }
        BufferedImage scaled = new JpegDecoder(DecoderOptions.DEFAULT.withScale(2)).decode(bytes);
        assertEquals(scaled.getWidth(), half.getWidth());
        assertEquals(scaled.getHeight(), half.getHeight());
        for (int y = 0; y < half.getHeight(); y++) {
            for (int x = 0; x < half.getWidth(); x++) {
                assertEquals(scaled.getRGB(x, y), half.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        reader.dispose();
    }

    @Override
    protected List<String> getFormatNames() {
        return List.of("jpeg", "jpg", "JPEG", "JPG");
    }

    @Override
    protected List<String> getSuffixes() {
        return List.of("jpg", "jpeg", "jpe", "jfif");
    }

    @Override
    protected List<String> getMIMETypes() {
        return List.of("image/jpeg");
    }
}
