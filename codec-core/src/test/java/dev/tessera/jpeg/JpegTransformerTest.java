package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.TransformException;
import dev.tessera.jpeg.model.Transform;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.Pnm;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lossless transforms against libjpeg-turbo's jpegtran: for every transform, with and without trim, with crops
 * at odd offsets and with gray output, on 4:4:4, 4:2:2, 4:2:0, 4:4:0, gray, restart-marked and progressive
 * inputs of a size that is not a multiple of the iMCU (and some that are), the output decodes (with djpeg,
 * and with Tessera's decoder) to the same pixels as jpegtran's output for the same options.
 */
class JpegTransformerTest {
    private static ExternalTool jpegtran;
    private static ExternalTool cjpeg;
    private static ExternalTool djpeg;

    /** A cjpeg-made input. */
    record Input(String name, byte[] jpeg, boolean color) {
    }

    /** One set of options, as jpegtran arguments and as TransformOptions. */
    record Case(List<String> args, TransformOptions options) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    @BeforeAll
    static void tools() {
        jpegtran = ExternalTool.require("jpegtran");
        cjpeg = ExternalTool.require("cjpeg");
        djpeg = ExternalTool.require("djpeg");
    }

    static byte[] ppm(int width, int height) {
        BufferedImage noise = TestImageGenerator.noise();
        BufferedImage landscape = TestImageGenerator.landscape();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Noise on a landscape: every block differs, so a misplaced block shows.
                int n = noise.getRGB(x % 256, y % 256);
                int l = landscape.getRGB(x, y);
                img.setRGB(x, y, (l & 0xFCFCFC) >> 1 | (n & 0x7F7F7F) >> 1 & 0x3F3F3F);
            }
        }
        return Pnm.write(Pnm.of(img));
    }

    static Input input(String name, int width, int height, String... cjpegArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("-quality", "85"));
        args.addAll(List.of(cjpegArgs));
        ExternalTool.Result r = cjpeg.run(ppm(width, height), args.toArray(String[]::new));
        assertTrue(r.clean(), r.stderr());
        return new Input(name + " " + width + "x" + height, r.stdout(), !List.of(cjpegArgs).contains("-grayscale"));
    }

    static List<Input> inputs(int width, int height) throws IOException {
        return List.of(input("4:4:4", width, height, "-sample", "1x1"),
            input("4:2:2", width, height, "-sample", "2x1"),
            input("4:2:0", width, height, "-sample", "2x2"),
            input("4:4:0", width, height, "-sample", "1x2"),
            input("4:1:1", width, height, "-sample", "4x1"),
            input("gray", width, height, "-grayscale"),
            input("4:2:0 restart", width, height, "-sample", "2x2", "-restart", "1"),
            input("4:2:2 progressive", width, height, "-sample", "2x1", "-progressive"));
    }

    static Case transform(Transform t, boolean trim) {
        List<String> args = new ArrayList<>(switch (t) {
            case NONE -> List.<String>of();
            case FLIP_HORIZONTAL -> List.of("-flip", "horizontal");
            case FLIP_VERTICAL -> List.of("-flip", "vertical");
            case TRANSPOSE -> List.of("-transpose");
            case TRANSVERSE -> List.of("-transverse");
            case ROTATE_90 -> List.of("-rotate", "90");
            case ROTATE_180 -> List.of("-rotate", "180");
            case ROTATE_270 -> List.of("-rotate", "270");
        });
        if (trim) {
            args.add("-trim");
        }
        return new Case(args, TransformOptions.DEFAULT.withTransform(t).withTrim(trim));
    }

    static Case crop(Case base, String spec) {
        List<String> args = new ArrayList<>(base.args());
        args.addAll(List.of("-crop", spec));
        return new Case(args, base.options().withCrop(TransformOptions.Crop.parse(spec)));
    }

    static Case gray(Case base) {
        List<String> args = new ArrayList<>(base.args());
        args.add("-grayscale");
        return new Case(args, base.options().withGrayscale(true));
    }

    static List<Case> allCases() {
        List<Case> cases = new ArrayList<>();
        for (Transform t : Transform.values()) {
            for (boolean trim : new boolean[] {false, true}) {
                if (t != Transform.NONE || !trim) {
                    cases.add(transform(t, trim));
                }
            }
        }
        cases.add(crop(transform(Transform.NONE, false), "23x17+5+3"));
        cases.add(crop(transform(Transform.ROTATE_90, false), "30x40+9+17"));
        cases.add(crop(transform(Transform.FLIP_HORIZONTAL, true), "40x30+17+1"));
        cases.add(crop(transform(Transform.TRANSVERSE, true), "20x44+3+11"));
        cases.add(crop(transform(Transform.ROTATE_180, false), "50x9+11+33"));
        return cases;
    }

    @Test
    void everyTransformMatchesJpegtranOnEdgesThatAreNotWholeImcus() throws IOException {
        for (Input in : inputs(61, 45)) {
            List<Case> cases = allCases();
            if (in.color()) {
                cases.add(gray(transform(Transform.ROTATE_270, false)));
                cases.add(gray(crop(transform(Transform.FLIP_HORIZONTAL, false), "33x21+9+9")));
            }
            for (Case c : cases) {
                assertSamePixels(in, c);
            }
        }
    }

    @Test
    void transformsOfWholeImcuImagesMatchJpegtranAndArePerfect() throws IOException {
        for (Input in : List.of(input("4:2:0", 48, 32, "-sample", "2x2"), input("4:4:0", 32, 48, "-sample", "1x2"),
            input("gray", 24, 40, "-grayscale"))) {
            for (Transform t : Transform.values()) {
                assertSamePixels(in, new Case(transform(t, false).args(),
                    transform(t, false).options().withPerfect(true)));
            }
        }
    }

    @Test
    void perfectRefusesWhatJpegtranRefuses() throws IOException {
        Input in = input("4:2:0", 61, 48, "-sample", "2x2");
        JpegTransformer transformer = new JpegTransformer();
        for (Transform t : Transform.values()) {
            List<String> args = new ArrayList<>(transform(t, false).args());
            args.add("-perfect");
            ExternalTool.Result theirs = jpegtran.run(in.jpeg(), args.toArray(String[]::new));
            TransformOptions options = TransformOptions.DEFAULT.withTransform(t).withPerfect(true);
            // 61 wide is not a whole number of 16-sample iMCUs; 48 high is.
            boolean perfect = t != Transform.FLIP_HORIZONTAL && t != Transform.ROTATE_270
                && t != Transform.ROTATE_180 && t != Transform.TRANSVERSE;
            assertEquals(perfect ? 0 : 1, theirs.exitCode(), t + ": " + theirs.stderr());
            if (perfect) {
                transformer.transform(in.jpeg(), options);
            } else {
                TransformException e = assertThrows(TransformException.class,
                    () -> transformer.transform(in.jpeg(), options), t.toString());
                assertEquals(TransformException.Reason.IMPERFECT, e.reason());
            }
        }
    }

    @Test
    void cropOutsideTheImageAndGrayFromRgbAreRefused() throws IOException {
        Input in = input("4:2:0", 61, 45, "-sample", "2x2");
        JpegTransformer transformer = new JpegTransformer();
        for (String spec : new String[] {"10x10+61+0", "20x20+50+0", "10x10+0+45", "10x40+0+6"}) {
            assertEquals(1, jpegtran.run(in.jpeg(), "-crop", spec).exitCode(), spec);
            TransformException e = assertThrows(TransformException.class, () -> transformer.transform(in.jpeg(),
                TransformOptions.DEFAULT.withCrop(TransformOptions.Crop.parse(spec))), spec);
            assertEquals(TransformException.Reason.CROP_OUTSIDE, e.reason());
        }
        // jpegtran 2.1 extends the image (gray fill) for a region larger than it with no transform; Tessera
        // refuses that, as it refuses every region outside the image.
        for (String spec : new String[] {"62x10+0+0", "10x46+0+0"}) {
            assertThrows(TransformException.class, () -> transformer.transform(in.jpeg(),
                TransformOptions.DEFAULT.withCrop(TransformOptions.Crop.parse(spec))), spec);
        }
        // After a quarter turn the image is 45 wide: 50 columns no longer fit.
        assertThrows(TransformException.class, () -> transformer.transform(in.jpeg(), TransformOptions.DEFAULT
            .withTransform(Transform.ROTATE_90).withCrop(TransformOptions.Crop.parse("50x10+0+0"))));
        Input rgb = input("rgb", 24, 24, "-rgb");
        assertEquals(1, jpegtran.run(rgb.jpeg(), "-grayscale").exitCode());
        TransformException e = assertThrows(TransformException.class,
            () -> transformer.transform(rgb.jpeg(), TransformOptions.DEFAULT.withGrayscale(true)));
        assertEquals(TransformException.Reason.GRAYSCALE_UNSUPPORTED, e.reason());
        assertThrows(IllegalArgumentException.class, () -> TransformOptions.Crop.parse("10x10+-1+0"));
        assertThrows(IllegalArgumentException.class,
            () -> TransformOptions.DEFAULT.withAutoOrient(true).withTransform(Transform.ROTATE_90));
    }

    /** {@code jpeg} with an APP1 EXIF segment (orientation {@code tag}, little-endian when even) after SOI. */
    static byte[] withExif(byte[] jpeg, int tag) {
        byte[] tiff = OrientationTest.tiff(tag % 2 == 0, tag);
        int length = 2 + 6 + tiff.length;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void autoOrientAppliesTheTagsTransformAndSetsItToOne() throws IOException {
        Input in = input("4:2:0", 61, 45, "-sample", "2x2");
        JpegTransformer transformer = new JpegTransformer();
        TransformOptions auto = TransformOptions.DEFAULT.withAutoOrient(true);
        java.util.Optional<ExternalTool> exiftool = ExternalTool.find("exiftool");
        for (int tag = 1; tag <= 8; tag++) {
            byte[] tagged = withExif(in.jpeg(), tag);
            Transform t = dev.tessera.jpeg.model.Orientation.ofTag(tag).orElseThrow().toUpright();
            byte[] ours = transformer.transform(tagged, auto);
            assertEquals(java.util.Optional.of(dev.tessera.jpeg.model.Orientation.TOP_LEFT),
                new JpegDecoder().readInfo(ours).orientation(), "tag " + tag);
            byte[] theirs = jpegtran.run(in.jpeg(), transform(t, false).args().toArray(String[]::new)).stdout();
            assertArrayEquals(djpeg.run(theirs).stdout(), djpeg.run(ours).stdout(), "tag " + tag);
            if (exiftool.isPresent() && (tag == 6 || tag == 7)) {
                assertEquals("1", OrientationTest.exifOrientation(exiftool.get(), ours), "exiftool, tag " + tag);
            }
        }
        // No EXIF: no transform.
        byte[] untagged = transformer.transform(in.jpeg(), auto);
        assertArrayEquals(djpeg.run(in.jpeg()).stdout(), djpeg.run(untagged).stdout());
        assertEquals(java.util.Optional.empty(), new JpegDecoder().readInfo(untagged).orientation());
    }

    @Test
    void realFilesOfTheCorporaMatchJpegtran() throws IOException {
        // Camera, EXIF, odd-sampling, CMYK and arithmetic-coded files: each one jpegtran transforms cleanly and
        // Tessera reads without warnings. Large files are left to the
        // generated inputs above, to keep the test short.
        List<byte[]> files = new ArrayList<>();
        for (String folder : List.of("jpeg", "exif")) {
            for (String name : dev.tessera.testing.Corpus.twelveMonkeys(folder)) {
                files.add(dev.tessera.testing.Corpus.resource(name));
            }
        }
        for (String name : List.of("testorig.jpg", "testimgint.jpg", "testimgari.jpg")) {
            dev.tessera.testing.Corpus.shared("corpus/libjpeg-turbo/" + name)
                .ifPresent(p -> files.add(readAll(p)));
        }
        int compared = 0;
        int index = 0;
        for (byte[] jpeg : files) {
            if (jpeg.length > 150_000) {
                continue;
            }
            // One transform a file, taking turns through all seven, with trim on every other file.
            index++;
            Transform t = Transform.values()[1 + index % 7];
            for (Case c : List.of(transform(t, index % 2 == 0))) {
                ExternalTool.Result theirs = jpegtran.run(jpeg, c.args().toArray(String[]::new));
                if (!theirs.clean()) {
                    continue;
                }
                byte[] ours;
                try {
                    ours = new JpegTransformer().transform(jpeg, c.options());
                } catch (dev.tessera.jpeg.error.UnsupportedJpegException
                         | dev.tessera.jpeg.error.MalformedJpegException e) {
                    continue; // 12-bit, lossless, or damaged data (refused without force)
                }
                ExternalTool.Result a = djpeg.run(theirs.stdout());
                ExternalTool.Result b = djpeg.run(ours);
                assertEquals(a.exitCode(), b.exitCode(), c + ": djpeg " + b.stderr());
                if (a.exitCode() == 0) {
                    assertArrayEquals(a.stdout(), b.stdout(), c + ": djpeg pixels");
                }
                BufferedImage x = new JpegDecoder().decode(theirs.stdout());
                BufferedImage y = new JpegDecoder().decode(ours);
                assertArrayEquals(samples(x), samples(y), c + ": Tessera's pixels");
                compared++;
            }
        }
        assertTrue(compared >= 20, "only " + compared + " files compared");
    }

    private static byte[] readAll(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int[] samples(BufferedImage image) {
        java.awt.image.Raster r = image.getRaster();
        return r.getPixels(0, 0, r.getWidth(), r.getHeight(), (int[]) null);
    }

    private static void assertSamePixels(Input in, Case c) throws IOException {
        String what = in.name() + ": " + c;
        ExternalTool.Result theirs = jpegtran.run(in.jpeg(), c.args().toArray(String[]::new));
        assertTrue(theirs.clean(), what + ": jpegtran " + theirs.stderr());
        byte[] ours = new JpegTransformer().transform(in.jpeg(), c.options());
        ExternalTool.Result theirPixels = djpeg.run(theirs.stdout());
        ExternalTool.Result ourPixels = djpeg.run(ours);
        assertTrue(ourPixels.clean(), what + ": djpeg on ours: " + ourPixels.stderr());
        Pnm.Pixels a = Pnm.read(theirPixels.stdout());
        Pnm.Pixels b = Pnm.read(ourPixels.stdout());
        assertEquals(a.width() + "x" + a.height(), b.width() + "x" + b.height(), what + ": size");
        assertArrayEquals(a.samples(), b.samples(), what + ": djpeg pixels");
        BufferedImage x = new JpegDecoder().decode(theirs.stdout());
        BufferedImage y = new JpegDecoder().decode(ours);
        assertArrayEquals(Pnm.of(x).samples(), Pnm.of(y).samples(), what + ": Tessera's pixels");
    }
}
