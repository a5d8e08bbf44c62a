package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.Transform;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.TestImageGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The EXIF image size follows a transform's new size, as jpegtran's adjust_exif_parameters makes it. */
class JpegTransformerExifTest {
    @Test
    void exifImageSizeFollowsRotationAndCrop() throws IOException {
        byte[] exif = dev.tessera.jpeg.marker.ExifDimensionsTest.tiff(61, 45);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder().encode(TestImageGenerator.noise().getSubimage(0, 0, 61, 45),
            new ImageMetadata(JfifHeader.DEFAULT, exif, null, List.of()), out);
        byte[] jpeg = out.toByteArray();
        JpegTransformer transformer = new JpegTransformer();
        byte[] turned = transformer.transform(jpeg, TransformOptions.DEFAULT.withTransform(Transform.ROTATE_90)
            .withCrop(TransformOptions.Crop.parse("20x40+17+3")));
        byte[] written = new JpegDecoder().readInfo(turned).metadata().exif();
        // 45x61 after the turn; the crop's corner moves to 16,0, so the region is 21x43.
        assertEquals(21, (written[38] & 0xFF) << 8 | written[39] & 0xFF);
        assertEquals(43, (written[48] & 0xFF) << 8 | written[49] & 0xFF);
        byte[] flipped = transformer.transform(jpeg, TransformOptions.DEFAULT.withTransform(Transform.FLIP_VERTICAL));
        assertEquals(exif.length, new JpegDecoder().readInfo(flipped).metadata().exif().length);
        assertEquals(61, new JpegDecoder().readInfo(flipped).metadata().exif()[39] & 0xFF, "same size: unchanged");
        Optional<ExternalTool> exiftool = ExternalTool.find("exiftool");
        if (exiftool.isPresent()) {
            ExternalTool.Result r = exiftool.get().run(turned, "-n", "-s3", "-ExifImageWidth", "-ExifImageHeight", "-");
            assertEquals("21\n43", new String(r.stdout(), StandardCharsets.US_ASCII).trim());
        }
    }
}
