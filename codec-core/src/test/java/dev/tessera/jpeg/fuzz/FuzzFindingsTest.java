package dev.tessera.jpeg.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.imageio.JpegImageReaderSpi;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.testing.JdkJpeg;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/**
 * Every fuzzer finding as a named test with its minimal bytes, asserting the exception type and offset
 * (STYLE.md 6). The inputs also sit in the fuzz targets' inputs directories, so regression mode replays them.
 */
class FuzzFindingsTest {
    /**
     * ImageIoFuzzTest#read, seed {@code seed-broken-height-zero}: SOI, SOF0 declaring 16 x 0 (height defined
     * by a DNL segment, T.81 B.2.5), SOS, two entropy bytes, EOI. The reader asked ImageIO for a 16 x 0
     * destination, which threw {@code IllegalArgumentException("Empty region!")}; now the reader refuses the
     * frame first, as the decoder does.
     */
    static final byte[] HEIGHT_ZERO = {
        (byte) 0xFF, (byte) 0xD8,
        (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 0, 0, 16, 1, 1, 0x11, 0,
        (byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0,
        0x12, 0x34,
        (byte) 0xFF, (byte) 0xD9};

    @Test
    void imageIoReadOfAFrameOfHeightZeroIsAnIioExceptionNotIllegalArgument() throws IOException {
        ImageReader reader = new JpegImageReaderSpi().createReaderInstance(null);
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(HEIGHT_ZERO)));
        assertEquals(0, reader.getHeight(0), "readInfo reports the DNL height as 0");
        IIOException e = assertThrows(IIOException.class, () -> reader.read(0));
        UnsupportedJpegException cause = assertInstanceOf(UnsupportedJpegException.class, e.getCause());
        assertEquals(2, cause.offset());
        assertEquals(Marker.SOF0, cause.marker());
        assertEquals(UnsupportedJpegException.Feature.NUMBER_OF_LINES, cause.feature());
        assertThrows(IIOException.class, () -> reader.readRaster(0, null));
    }

    @Test
    void decoderRefusesTheSameFrameAtItsSof() {
        UnsupportedJpegException e = assertThrows(UnsupportedJpegException.class,
            () -> new JpegDecoder().decode(HEIGHT_ZERO));
        assertEquals(2, e.offset());
        assertEquals(UnsupportedJpegException.Feature.NUMBER_OF_LINES, e.feature());
    }

    /**
     * {@code EncoderFuzzTest#encode}, {@code crash-d58ac784...}: an empty ICC profile was written as an APP2
     * ICC_PROFILE chunk with no payload, which the JDK's reader refuses ("Invalid icc profile: found only empty
     * markers"). An empty profile now means none.
     */
    @Test
    void emptyIccProfileWritesNoApp2AndTheJdkReadsTheFile() throws IOException {
        ImageMetadata meta = ImageMetadata.NONE.withIccProfile(new byte[0]);
        assertNull(meta.iccProfile());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.DEFAULT).encode(new byte[8 * 8 * 3], 8, 8, PixelFormat.RGB8, meta, out);
        byte[] jpeg = out.toByteArray();
        for (int i = 0; i + 1 < jpeg.length; i++) {
            assertFalse((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xE2, "APP2 at offset " + i);
        }
        assertEquals(8, JdkJpeg.decode(jpeg).image().getWidth());
    }
}
