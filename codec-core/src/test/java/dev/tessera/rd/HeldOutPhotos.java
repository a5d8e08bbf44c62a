package dev.tessera.rd;

import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes the second held-out photo set of docs/compression.md ("held-out photos 2"): twelve photos and
 * illustrations, 0.15 to 0.34 MP, never used to fit a parameter. Ten come from the TwelveMonkeys imageio-jpeg
 * test jar (on the test class path) and two from image-rs's reference tests in ../shared. Each camera JPEG is
 * decoded (Tessera's decoder, the same pixels as djpeg) and shrunk by an integer factor with a box filter,
 * which averages its own compression artefacts away; the two small image-rs photos are kept at full size.
 *
 * <pre>
 * java -cp codec-core/target/classes:codec-core/target/test-classes:... dev.tessera.rd.HeldOutPhotos OUT_DIR [SHARED_DIR]
 * </pre>
 */
public final class HeldOutPhotos {
    /** Output name, source (a class-path resource, or "shared:" and a path under SHARED_DIR), shrink factor. */
    private static final String[][] PHOTOS = {
        {"tm-srgb", "/jpeg/cmm-exception-srgb.jpg", "3"},
        {"tm-corrupted-icc", "/jpeg/corrupted-icc-srgb.jpg", "2"},
        {"tm-iphone", "/jpeg/jfif-jfif-and-exif-thumbnail-sharpshot-iphone.jpg", "2"},
        {"tm-photogallery", "/jpeg/no-image-types-rgb-us-web-coated-v2-ms-photogallery-exif.jpg", "4"},
        {"tm-xdensity", "/jpeg/xdensity-out-of-range-zero.jpg", "2"},
        {"tm-progressive-dht", "/jpeg/jfif-progressive-invalid-dht.jpg", "2"},
        {"tm-icc-single-chunk", "/jpeg/invalid-icc-single-chunk-bad-sequence-number.jpg", "4"},
        {"tm-landscape", "/exif/Landscape_0.jpg", "3"},
        {"tm-invalid-icc", "/jpeg/cmm-exception-invalid-icc-profile-data.jpg", "3"},
        {"tm-preview", "/jpeg/jfif-with-preview-as-second-image.jpg", "8"},
        {"rs-rgb", "shared:corpus/conformance/image-rs-jpeg-decoder/reftest/rgb.jpg", "1"},
        {"rs-progressive3", "shared:corpus/conformance/image-rs-jpeg-decoder/reftest/progressive3.jpg", "1"},
    };

    private HeldOutPhotos() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path shared = Path.of(args.length > 1 ? args[1] : "../shared");
        Files.createDirectories(out);
        JpegDecoder decoder = new JpegDecoder();
        for (String[] photo : PHOTOS) {
            byte[] data;
            if (photo[1].startsWith("shared:")) {
                Path p = shared.resolve(photo[1].substring("shared:".length()));
                if (!Files.exists(p)) {
                    System.out.println("skipped " + photo[0] + ": " + p + " is absent");
                    continue;
                }
                data = Files.readAllBytes(p);
            } else {
                try (InputStream in = HeldOutPhotos.class.getResourceAsStream(photo[1])) {
                    if (in == null) {
                        throw new IOException(photo[1] + " is not on the class path (TwelveMonkeys test jar)");
                    }
                    data = in.readAllBytes();
                }
            }
            BufferedImage shrunk = shrink(decoder.decode(data), Integer.parseInt(photo[2]));
            ImageIO.write(shrunk, "png", out.resolve(photo[0] + ".png").toFile());
            System.out.println(photo[0] + " " + shrunk.getWidth() + "x" + shrunk.getHeight());
        }
    }

    /** Box filter: each output pixel the rounded mean of a k x k block (the right and bottom rest dropped). */
    static BufferedImage shrink(BufferedImage in, int k) {
        int w = in.getWidth() / k;
        int h = in.getHeight() / k;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int n = k * k;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < k; dy++) {
                    for (int dx = 0; dx < k; dx++) {
                        int p = in.getRGB(x * k + dx, y * k + dy);
                        r += p >> 16 & 255;
                        g += p >> 8 & 255;
                        b += p & 255;
                    }
                }
                out.setRGB(x, y, (r + n / 2) / n << 16 | (g + n / 2) / n << 8 | (b + n / 2) / n);
            }
        }
        return out;
    }
}
