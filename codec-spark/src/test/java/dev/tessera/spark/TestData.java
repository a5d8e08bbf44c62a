package dev.tessera.spark;

import dev.tessera.cli.Main;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Input trees for the tests, made once per JVM: the repository's testimages/ in nested folders, one picture in
 * every input format the CLI reads, real JPEG files with EXIF and ICC profiles, and a folder of broken files.
 */
final class TestData {
    private static Path root;
    private static Path cliDefault;

    private TestData() {
    }

    /** The repository's testimages/ folder. */
    static Path testImages() {
        Path dir = Path.of("..", "testimages");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("missing " + dir.toAbsolutePath());
        }
        return dir;
    }

    static synchronized Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("tessera-spark-test");
            Path created = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created), "spark-test-cleanup"));
            makeImages(root.resolve("images"));
            makeBroken(root.resolve("broken"));
        }
        return root;
    }

    /**
     * images/: colorbars.png, gradient.png, sub/landscape.png, sub/deeper/text-edges.png,
     * formats/bars-bmp.bmp, bars-gif.gif, bars-ppm.ppm, bars-tiff.tif and bars-jpeg.jpg, photos/adobe-rgb.jpg (ICC) and photos/sony-exif.jpg
     * (EXIF).
     */
    static Path images() throws IOException {
        return root().resolve("images");
    }

    /** {@code tessera compress -r --out-dir cli-default images/}: the CLI's outputs with its default options. */
    static synchronized Path cliDefault() throws IOException {
        if (cliDefault == null) {
            Path out = root().resolve("cli-default");
            cliCompress(images(), out);
            cliDefault = out;
        }
        return cliDefault;
    }

    /** broken/: empty.png, random.jpg, truncated.png, sos-before-sof.jpg, seven-bytes.jpg, and good.png. */
    static Path broken() throws IOException {
        return root().resolve("broken");
    }

    private static void makeImages(Path dir) throws IOException {
        Path t = testImages();
        Files.createDirectories(dir.resolve("sub/deeper"));
        Files.copy(t.resolve("colorbars.png"), dir.resolve("colorbars.png"));
        Files.copy(t.resolve("gradient.png"), dir.resolve("gradient.png"));
        Files.copy(t.resolve("landscape.png"), dir.resolve("sub/landscape.png"));
        Files.copy(t.resolve("text-edges.png"), dir.resolve("sub/deeper/text-edges.png"));

        Path formats = Files.createDirectories(dir.resolve("formats"));
        BufferedImage bars = ImageIO.read(t.resolve("colorbars.png").toFile());
        BufferedImage rgb = new BufferedImage(bars.getWidth(), bars.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(bars, 0, 0, null);
        for (String format : List.of("bmp", "gif", "tiff", "jpeg")) {
            String name = format.equals("tiff") ? "bars-tiff.tif" : "bars-" + format + "." + (format.equals("jpeg")
                ? "jpg" : format);
            if (!ImageIO.write(rgb, format, formats.resolve(name).toFile())) {
                throw new IOException("no ImageIO writer for " + format);
            }
        }
        Files.write(formats.resolve("bars-ppm.ppm"), ppm(rgb));

        Path photos = Files.createDirectories(dir.resolve("photos"));
        copyResource("/jpeg/cmm-exception-adobe-rgb.jpg", photos.resolve("adobe-rgb.jpg"));
        copyResource("/jpeg/exif-rgb-thumbnail-sony-d700.jpg", photos.resolve("sony-exif.jpg"));
    }

    private static void makeBroken(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("empty.png"), new byte[0]);
        byte[] random = new byte[4096];
        new Random(20).nextBytes(random);
        Files.write(dir.resolve("random.jpg"), random);
        byte[] png = Files.readAllBytes(testImages().resolve("gradient.png"));
        Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, png.length / 3));
        copyResource("/broken-jpeg/broken-sos-before-sof.jpg", dir.resolve("sos-before-sof.jpg"));
        copyResource("/broken-jpeg/5145e95a-02a8-11e7-8372-4787a7307ab8.jpg", dir.resolve("seven-bytes.jpg"));
        Files.copy(testImages().resolve("colorbars.png"), dir.resolve("good.png"));
    }

    /** Netpbm P6 (binary PPM) of a TYPE_3BYTE_BGR image. */
    private static byte[] ppm(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("P6\n" + image.getWidth() + " " + image.getHeight() + "\n255\n")
            .getBytes(StandardCharsets.US_ASCII));
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                out.write(p >> 16 & 0xFF);
                out.write(p >> 8 & 0xFF);
                out.write(p & 0xFF);
            }
        }
        return out.toByteArray();
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = TestData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource missing: " + name);
            }
            Files.copy(in, target);
        }
    }

    /** Runs {@code tessera compress --quiet -r --out-dir OUT ARGS... IN} in-process; fails on a non-zero exit. */
    static void cliCompress(Path in, Path out, String... options) {
        cli("compress", in, out, options);
    }

    /** Runs {@code tessera COMMAND --quiet -r --out-dir OUT ARGS... IN} in-process; fails on a non-zero exit. */
    static void cli(String command, Path in, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--quiet", "-r", "--threads", "2", "--out-dir",
            out.toString()));
        args.addAll(List.of(options));
        args.add(in.toString());
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        if (code != 0) {
            throw new AssertionError("tessera " + command + " exited " + code + ": " + err);
        }
    }

    /** Regular files under {@code dir}, as relative paths with '/' separators, sorted. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .sorted().toList();
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
