package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.JdkJpeg;
import dev.tessera.testing.Pnm;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gray output from YCbCr files ({@link DecoderOptions#grayscale()}): the Y component, equal to
 * {@code djpeg -grayscale} byte for byte and to the JDK reader's gray destination type.
 */
class GrayscaleDecodeTest {
    private static byte[] colourFile(String kind) throws IOException {
        EncoderOptions options = EncoderOptions.DEFAULT.withQuality(85);
        options = switch (kind) {
            case "444" -> options.withSubsampling(Subsampling.S444).withProgressive(false);
            case "422" -> options.withSubsampling(Subsampling.S422).withProgressive(false);
            case "progressive" -> options.withProgressive(true);
            default -> options.withSubsampling(Subsampling.S420).withProgressive(false);
        };
        return new JpegEncoder(options).encode(TestImageGenerator.landscape());
    }

    private static byte[] gray(BufferedImage image) {
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"420", "422", "444", "progressive"})
    void lumaEqualsDjpegGrayscale(String kind) throws IOException {
        byte[] file = colourFile(kind);
        BufferedImage ours = new JpegDecoder(DecoderOptions.DEFAULT.withGrayscale(true)).decode(file);
        ExternalTool.Result djpeg = ExternalTool.require("djpeg").run(file, "-grayscale", "-pnm");
        assertTrue(djpeg.clean(), djpeg.stderr());
        Pnm.Pixels expected = Pnm.read(djpeg.stdout());
        assertEquals(1, expected.channels());
        assertArrayEquals(expected.samples(), gray(ours));
    }

    @Test
    void theImageIoGrayDestinationOfAColourFileIsItsLumaAsTheJdksIs() throws IOException {
        byte[] file = colourFile("420");
        byte[] luma = gray(new JpegDecoder(DecoderOptions.DEFAULT.withGrayscale(true)).decode(file));
        ImageReader ours = ImageIO.getImageReadersByFormatName("jpeg").next();
        ImageReader jdk = JdkJpeg.reader();
        for (ImageReader reader : new ImageReader[] {ours, jdk}) {
            reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(file)));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestinationType(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_GRAY));
            assertArrayEquals(luma, gray(reader.read(0, param)), reader.getClass().getName());
        }
        assertTrue(ours.getClass().getName().startsWith("dev.tessera."), ours.getClass().getName());
    }

    @Test
    void grayFilesAreUnchangedAndOtherColourSpacesAreRefused() throws IOException {
        BufferedImage grayPicture = new BufferedImage(64, 40, BufferedImage.TYPE_BYTE_GRAY);
        grayPicture.getGraphics().drawImage(TestImageGenerator.landscape(), 0, 0, null);
        byte[] grayFile = new JpegEncoder().encode(grayPicture);
        assertArrayEquals(gray(new JpegDecoder().decode(grayFile)),
            gray(new JpegDecoder(DecoderOptions.DEFAULT.withGrayscale(true)).decode(grayFile)));

        Raster cmyk = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        ByteArrayOutputStream cmykFile = new ByteArrayOutputStream();
        new JpegEncoder().encodeCmyk(cmyk, dev.tessera.jpeg.model.ImageMetadata.NONE, cmykFile);
        UnsupportedJpegException e = assertThrows(UnsupportedJpegException.class,
            () -> new JpegDecoder(DecoderOptions.DEFAULT.withGrayscale(true)).decode(cmykFile.toByteArray()));
        assertTrue(e.getMessage().contains("gray output from CMYK"), e.getMessage());
    }
}
