package dev.tessera.jpeg.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.Preset;
import dev.tessera.testing.JdkJpeg;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link TesseraJpegWriteParam#setPreset}: Tessera's compression presets through plain ImageIO code. */
class ImageIoWriterPresetTest {
    private static BufferedImage photo;

    @BeforeAll
    static void load() throws IOException {
        photo = ImageIO.read(Path.of("..", "testimages", "landscape.png").toFile());
    }

    private static TesseraJpegWriteParam param(ImageWriter writer, Preset preset, float quality) {
        TesseraJpegWriteParam param = (TesseraJpegWriteParam) writer.getDefaultWriteParam();
        param.setPreset(preset);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return param;
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void aPresetWritesWhatTheEncoderWritesWithIt(Preset preset) throws IOException {
        ImageWriter writer = ImageIoWriterTest.writer();
        byte[] viaImageIo = ImageIoWriterTest.write(writer, new IIOImage(photo, null, null),
            param(writer, preset, 0.8f));
        assertArrayEquals(new JpegEncoder(EncoderOptions.of(preset).withQuality(80)).encode(photo), viaImageIo);
        JdkJpeg.Decoded decoded = JdkJpeg.decode(viaImageIo);
        assertEquals(photo.getWidth(), decoded.image().getWidth());
        assertTrue(decoded.warnings().isEmpty(), decoded.warnings().toString());
    }

    @Test
    void theDefaultPresetWritesSmallerFilesThanTheJdkWritersTables() throws IOException {
        ImageWriter writer = ImageIoWriterTest.writer();
        byte[] plain = ImageIoWriterTest.write(writer, new IIOImage(photo, null, null),
            param(writer, null, 0.75f));
        writer = ImageIoWriterTest.writer();
        byte[] preset = ImageIoWriterTest.write(writer, new IIOImage(photo, null, null),
            param(writer, Preset.DEFAULT, 0.75f));
        assertArrayEquals(new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE).encode(photo), plain);
        assertTrue(preset.length < plain.length * 0.9, preset.length + " against " + plain.length);
    }

    @Test
    void aPresetChoosesItsOwnTablesOverTheMetadatasButNotOverTablesSetOnTheParam() throws IOException {
        ImageWriter writer = ImageIoWriterTest.writer();
        TesseraJpegWriteParam param = (TesseraJpegWriteParam) writer.getDefaultWriteParam();
        param.setPreset(Preset.DEFAULT);
        // The default metadata carries the JDK's quality-75 Annex K tables; the preset replaces them.
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(photo), param);
        byte[] fromMetadata = ImageIoWriterTest.write(writer, new IIOImage(photo, null, metadata), param);
        byte[] encoder = new JpegEncoder(EncoderOptions.DEFAULT).encode(photo);
        assertArrayEquals(Segments.parse(encoder).first(0xDB).payload(),
            Segments.parse(fromMetadata).first(0xDB).payload());

        writer = ImageIoWriterTest.writer();
        param = (TesseraJpegWriteParam) writer.getDefaultWriteParam();
        param.setPreset(Preset.DEFAULT);
        param.setEncodeTables(new JPEGQTable[] {JPEGQTable.K1Div2Luminance, JPEGQTable.K2Div2Chrominance},
            new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance},
            new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance});
        byte[] withTables = ImageIoWriterTest.write(writer, new IIOImage(photo, null, null), param);
        byte[] dqt = Segments.parse(withTables).first(0xDB).payload();
        // DQT: Pq/Tq byte, then the 64 values in zig-zag order (T.81 B.2.4.1); K.1 / 2 starts 8, 6, 6.
        assertEquals(8, dqt[1]);
        assertEquals(6, dqt[2]);
        assertNotEquals(Segments.parse(encoder).first(0xDB).u8(1), dqt[1] & 0xFF);
    }

    @Test
    void anExplicitProgressiveModeWinsOverThePresetsChoice() throws IOException {
        // A tiny image: DEFAULT writes the smaller sequential file of its own accord.
        BufferedImage tiny = ImageIoWriterTest.picture();
        ImageWriter writer = ImageIoWriterTest.writer();
        byte[] own = ImageIoWriterTest.write(writer, new IIOImage(tiny, null, null),
            param(writer, Preset.DEFAULT, 0.75f));
        assertEquals(0xC0, Segments.parse(own).frame().marker());

        writer = ImageIoWriterTest.writer();
        TesseraJpegWriteParam progressive = param(writer, Preset.DEFAULT, 0.75f);
        progressive.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        byte[] forced = ImageIoWriterTest.write(writer, new IIOImage(tiny, null, null), progressive);
        assertEquals(0xC2, Segments.parse(forced).frame().marker());
        assertArrayEquals(new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(true)).encode(tiny), forced);

        // The photo comes out progressive by the preset's choice with the param's default mode (MODE_DISABLED)...
        writer = ImageIoWriterTest.writer();
        byte[] photoOwn = ImageIoWriterTest.write(writer, new IIOImage(photo, null, null),
            param(writer, Preset.DEFAULT, 0.75f));
        assertEquals(0xC2, Segments.parse(photoOwn).frame().marker());
        // ...and sequential when the metadata's baseline frame is asked for.
        writer = ImageIoWriterTest.writer();
        TesseraJpegWriteParam sequential = param(writer, Preset.DEFAULT, 0.75f);
        sequential.setProgressiveMode(ImageWriteParam.MODE_COPY_FROM_METADATA);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(photo), sequential);
        byte[] photoSequential = ImageIoWriterTest.write(writer, new IIOImage(photo, null, metadata), sequential);
        assertEquals(0xC0, Segments.parse(photoSequential).frame().marker());
        assertEquals(new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(false)).encode(photo).length,
            photoSequential.length, 64);
    }

    @Test
    void settingThePresetBackToNullRestoresTheJdkWritersFile() throws IOException {
        ImageWriter writer = ImageIoWriterTest.writer();
        TesseraJpegWriteParam param = param(writer, Preset.SMALLEST, 0.6f);
        param.setPreset(null);
        byte[] bytes = ImageIoWriterTest.write(writer, new IIOImage(photo, null, null), param);
        assertArrayEquals(new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withQuality(60)).encode(photo), bytes);
    }
}
