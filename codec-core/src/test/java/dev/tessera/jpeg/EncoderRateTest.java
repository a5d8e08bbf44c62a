package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.Corpus;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.Pnm;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * At quality 75, 4:2:0, file sizes stay within 2% of libjpeg-turbo's cjpeg on real photos: standard tables
 * against {@code cjpeg -quality 75}, optimized tables against {@code cjpeg -quality 75 -optimize}. Photos:
 * the Kodak set (when ../shared is present) and the camera photos of the TwelveMonkeys test jar, whose
 * pixels are taken from djpeg's decode.
 */
class EncoderRateTest {
    private static final double TOLERANCE = 0.02;

    static Stream<Arguments> photos() {
        List<Arguments> photos = new ArrayList<>();
        for (Path p : Corpus.kodak()) {
            photos.add(Arguments.of("kodak/" + p.getFileName(), p.toString()));
        }
        for (String name : Corpus.twelveMonkeys("exif")) {
            photos.add(Arguments.of("twelvemonkeys" + name, "resource:" + name));
        }
        if (Corpus.kodak().isEmpty()) {
            System.out.println("EncoderRateTest: ../shared/corpus/kodak is absent: testing the TwelveMonkeys photos only");
        }
        return photos.stream();
    }

    private static Pnm.Pixels load(String where, ExternalTool djpeg) throws Exception {
        if (where.startsWith("resource:")) {
            byte[] jpeg = Corpus.resource(where.substring("resource:".length()));
            ExternalTool.Result r = djpeg.run(jpeg, "-pnm");
            assumeTrue(r.exitCode() == 0, "djpeg cannot decode " + where);
            return Pnm.read(r.stdout());
        }
        return Pnm.of(ImageIO.read(Files.newInputStream(Path.of(where))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void sizeIsWithinTwoPercentOfCjpeg(String name, String where) throws Exception {
        ExternalTool cjpeg = ExternalTool.require("cjpeg");
        ExternalTool djpeg = ExternalTool.require("djpeg");
        Pnm.Pixels pixels = load(where, djpeg);
        byte[] ppm = Pnm.write(pixels);
        for (boolean optimize : new boolean[] {false, true}) {
            EncoderOptions options = EncoderOptions.BASELINE_COMPATIBLE.withQuality(75).withSubsampling(Subsampling.S420)
                .withOptimizeHuffman(optimize);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new JpegEncoder(options).encode(pixels.samples(), pixels.width(), pixels.height(),
                pixels.channels() == 1 ? PixelFormat.GRAY8 : PixelFormat.RGB8, ImageMetadata.NONE, out);
            int ours = out.size();
            ExternalTool.Result r = optimize ? cjpeg.run(ppm, "-quality", "75", "-optimize")
                : cjpeg.run(ppm, "-quality", "75");
            assertTrue(r.clean(), r.stderr());
            int theirs = r.stdout().length;
            double ratio = (double) ours / theirs;
            System.out.printf("rate %s optimize=%s: %d bytes, cjpeg %d, ratio %.4f%n", name, optimize, ours, theirs,
                ratio);
            assertTrue(Math.abs(ratio - 1) <= TOLERANCE, String.format(
                "%s optimize=%s: %d bytes vs cjpeg %d (ratio %.4f)", name, optimize, ours, theirs, ratio));
        }
    }
}
