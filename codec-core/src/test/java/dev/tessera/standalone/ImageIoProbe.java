package dev.tessera.standalone;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Run by {@link StandaloneJarIT} in a fresh JVM whose class path (or module path) holds only the codec-core jar
 * besides this class: PNG and JPEG through plain ImageIO calls, with Tessera's reader and writer picked first.
 * Uses nothing of Tessera's directly, only class names. Any failure is an uncaught exception: exit status 1 and
 * the stack trace on stderr.
 *
 * <p>Argument {@code class-path} or {@code module-path}: where the jar is, so where Tessera's classes must be
 * (the unnamed module, or module {@value #MODULE} with only the API packages exported). An optional second
 * argument, {@code vector} or {@code scalar}, is the path {@value #VECTOR_SUPPORT} must have chosen (on the
 * module path, its package has to be exported to the probe with {@code --add-exports}).
 */
public final class ImageIoProbe {
    static final String READER = "dev.tessera.jpeg.imageio.JpegImageReader";
    static final String WRITER = "dev.tessera.jpeg.imageio.JpegImageWriter";
    static final String MODULE = "dev.tessera.codec";
    static final String VECTOR_SUPPORT = "dev.tessera.jpeg.simd.VectorSupport";
    static final Set<String> EXPORTS = Set.of("dev.tessera.jpeg", "dev.tessera.jpeg.error", "dev.tessera.jpeg.imageio",
        "dev.tessera.jpeg.model", "dev.tessera.jpeg.spec", "dev.tessera.metrics", "dev.tessera.tune");

    /**
     * Bounds on the difference per sample (0..255) between the smooth test image and its JPEG round trip at the
     * writer's default quality (0.75): measured 1.1 mean, 6 at most; the bounds leave room for encoder tuning
     * while still catching a wrong colour conversion, channel order or offset.
     */
    static final double MAX_MEAN_ERROR = 2.0;
    static final int MAX_ERROR = 16;

    private ImageIoProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || !(args[0].equals("class-path") || args[0].equals("module-path"))
            || (args.length == 2 && !(args[1].equals("vector") || args[1].equals("scalar")))) {
            throw new IllegalArgumentException("usage: ImageIoProbe class-path|module-path [vector|scalar]");
        }
        boolean modulePath = args[0].equals("module-path");
        File dir = Files.createTempDirectory("tessera-probe").toFile();
        File png = new File(dir, "probe.png");
        File jpeg = new File(dir, "probe.jpg");
        try {
            BufferedImage image = testImage();

            check(ImageIO.write(image, "png", png), "no PNG writer");
            BufferedImage fromPng = ImageIO.read(png);
            check(fromPng != null, "ImageIO.read found no reader for a PNG");
            check(maxError(image, fromPng) == 0, "the PNG did not read back exactly");

            ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
            String writer = ImageIO.getImageWritersByFormatName("jpeg").next().getClass().getName();
            check(reader.getClass().getName().equals(READER), "first JPEG reader is " + reader.getClass().getName());
            check(writer.equals(WRITER), "first JPEG writer is " + writer);
            checkModule(reader.getClass().getModule(), modulePath);
            String path = "";
            if (args.length == 2) {
                path = ", " + checkPath(reader.getClass().getClassLoader(), args[1].equals("vector"));
            }

            check(ImageIO.write(image, "jpeg", jpeg), "ImageIO.write found no JPEG writer");
            try (ImageInputStream in = ImageIO.createImageInputStream(jpeg)) {
                String picked = ImageIO.getImageReaders(in).next().getClass().getName();
                check(picked.equals(READER), "the reader picked for the written file is " + picked);
            }
            BufferedImage fromJpeg = ImageIO.read(jpeg);
            check(fromJpeg != null, "ImageIO.read found no reader for the JPEG");
            check(fromJpeg.getWidth() == image.getWidth() && fromJpeg.getHeight() == image.getHeight(),
                "the JPEG read back as " + fromJpeg.getWidth() + "x" + fromJpeg.getHeight());
            double mean = meanError(image, fromJpeg);
            int max = maxError(image, fromJpeg);
            check(mean <= MAX_MEAN_ERROR && max <= MAX_ERROR, "JPEG round trip differs by " + mean + " on average, "
                + max + " at most (bounds " + MAX_MEAN_ERROR + ", " + MAX_ERROR + ")");
            System.out.printf("ImageIoProbe %s: %s and %s first, %d bytes, round trip error %.2f mean, %d max%s%n",
                args[0], READER, WRITER, jpeg.length(), mean, max, path);
        } finally {
            png.delete();
            jpeg.delete();
            dir.delete();
        }
    }

    /** On the module path: in module {@value #MODULE}, which exports {@link #EXPORTS} and nothing else. */
    private static void checkModule(Module module, boolean modulePath) {
        if (!modulePath) {
            check(!module.isNamed(), "on the class path, yet the reader is in module " + module.getName());
            return;
        }
        check(MODULE.equals(module.getName()), "the reader is in module " + module.getName() + ", not " + MODULE);
        Set<String> exports = module.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toCollection(TreeSet::new));
        check(exports.equals(new TreeSet<>(EXPORTS)), MODULE + " exports " + exports + ", expected " + EXPORTS);
    }

    /** Checks that the vector kernels were (or were not) chosen; returns VectorSupport's status. */
    private static String checkPath(ClassLoader loader, boolean vector) {
        try {
            Class<?> support = Class.forName(VECTOR_SUPPORT, true, loader);
            boolean enabled = (Boolean) support.getMethod("enabled").invoke(null);
            String status = (String) support.getMethod("status").invoke(null);
            if (vector && (Boolean) support.getMethod("narrowHardware").invoke(null)) {
                // A CPU without 256-bit vectors: the scalar path is right there, and says why.
                return status;
            }
            check(enabled == vector, "expected the " + (vector ? "vector" : "scalar") + " path, " + status);
            return status;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask " + VECTOR_SUPPORT, e);
        }
    }

    /** Smooth gradients in all three channels, as a photo's large areas are. */
    private static BufferedImage testImage() {
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int r = 40 + x * 2;
                int g = 30 + y * 3;
                int b = 200 - x - y;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    private static double meanError(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((a.getRGB(x, y) >> shift & 0xFF) - (b.getRGB(x, y) >> shift & 0xFF));
                }
            }
        }
        return (double) sum / (3L * a.getWidth() * a.getHeight());
    }

    private static int maxError(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    max = Math.max(max, Math.abs((a.getRGB(x, y) >> shift & 0xFF) - (b.getRGB(x, y) >> shift & 0xFF)));
                }
            }
        }
        return max;
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
