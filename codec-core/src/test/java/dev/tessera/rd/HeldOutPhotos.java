package dev.tessera.rd;

import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes the held-out photo sets of docs/compression.md that are not in ../shared as PNGs: "held-out photos 2",
 * twelve photos and illustrations of 0.15 to 0.34 MP that checked each step of the table re-fit, and "held-out
 * photos 3", seven images (photos, book covers, a video frame) measured once after it, never used for any
 * decision. Most come from the TwelveMonkeys imageio-jpeg test jar (on the test class path), the rest from
 * image-rs's tests in ../shared. Each camera JPEG is decoded (Tessera's decoder, the same pixels as djpeg) and
 * shrunk by an integer factor with a box filter, which averages its own compression artefacts away; small
 * ones are kept at full size.
 *
 * <pre>
 * java -cp codec-core/target/classes:codec-core/target/test-classes:... dev.tessera.rd.HeldOutPhotos \
 *     [--set 2|3] OUT_DIR [SHARED_DIR]
 * </pre>
 */
public final class HeldOutPhotos {
    /**
     * Output name, source (a class-path resource, or "shared:" and a path under SHARED_DIR, a JPEG or a PNG),
     * shrink factor.
     */
    private static final String[][] SET_2 = {
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
    private static final String[][] SET_3 = {
        {"tm-kodak-srgb", "/jpeg/invalid-icc-duplicate-sequence-numbers-rgb-internal-kodak-srgb-jfif.jpg", "1"},
        {"tm-fogra27", "/jpeg/cco-illegalargument-rgb-coated-fogra27.jpg", "1"},
        {"tm-xerox", "/jpeg/invalid-icc-duplicate-sequence-numbers-rgb-xerox-dc250-heavyweight-1-progressive-jfif.jpg",
            "10"},
        {"tm-portrait", "/exif/Portrait_0.jpg", "3"},
        {"tm-sony", "/jpeg/exif-jpeg-thumbnail-sony-dsc-p150-inverted-colors.jpg", "5"},
        {"its-d22db5be",
            "shared:corpus/conformance/image-rs-jpeg-decoder/crashtest/imagetestsuite/d22db5be7594c17a18a047ca9264ea0a.jpg",
            "2"},
        {"rs-mjpeg", "shared:corpus/conformance/image-rs-jpeg-decoder/reftest/mjpeg.png", "2"},
    };

    private HeldOutPhotos() {
    }

    public static void main(String[] args) throws IOException {
        int first = 0;
        String[][] photos = SET_2;
        if (args[0].equals("--set")) {
            photos = args[1].equals("3") ? SET_3 : SET_2;
            first = 2;
        }
        Path out = Path.of(args[first]);
        Path shared = Path.of(args.length > first + 1 ? args[first + 1] : "../shared");
        Files.createDirectories(out);
        JpegDecoder decoder = new JpegDecoder();
        for (String[] photo : photos) {
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
            BufferedImage source = photo[1].endsWith(".png")
                ? ImageIO.read(new java.io.ByteArrayInputStream(data)) : decoder.decode(data);
            BufferedImage shrunk = shrink(source, Integer.parseInt(photo[2]));
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
