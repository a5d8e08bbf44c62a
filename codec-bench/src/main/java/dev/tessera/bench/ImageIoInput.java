package dev.tessera.bench;

import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.model.ImageInfo;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * One JPEG file for the ImageIO decode benchmarks, in memory and on disk (for {@code ImageIO.read(File)} and
 * {@code FileImageInputStream}). The {@code image} parameter names it:
 *
 * <ul>
 *   <li>{@code photo} or {@code kodak}: made by {@link DecodeInputs} as the {@code kind} given, and written
 *       to a temporary file that {@link #close} deletes;</li>
 *   <li>a path to a JPEG file, used as it is ({@code kind} must then be {@value #AS_IS}, so that one file is
 *       not measured once per kind), e.g. one of {@code ../shared/corpus/zune-bench/*.jpg};</li>
 *   <li>{@code JAR!/ENTRY}: an entry of a jar or zip file, copied to a temporary file, e.g. the 4.05 MP camera
 *       photo {@value #CAMERA_ENTRY} in TwelveMonkeys' {@code imageio-jpeg-3.14.0-tests.jar}.</li>
 * </ul>
 */
final class ImageIoInput implements AutoCloseable {
    static final String AS_IS = "file";
    static final String CAMERA_ENTRY = "jpeg/exif-jpeg-thumbnail-sony-dsc-p150-inverted-colors.jpg";

    final String name;
    final byte[] bytes;
    final Path file;
    final int width;
    final int height;
    private final boolean temporary;

    private ImageIoInput(String name, byte[] bytes, Path file, boolean temporary) throws IOException {
        this.name = name;
        this.bytes = bytes;
        this.file = file;
        this.temporary = temporary;
        ImageInfo info = new JpegDecoder().readInfo(bytes);
        this.width = info.width();
        this.height = info.height();
    }

    static ImageIoInput load(String image, String kind) {
        try {
            if (image.equals("photo") || image.equals("kodak")) {
                byte[] bytes = DecodeInputs.encode(DecodeInputs.picture(image), kind);
                return new ImageIoInput(image + "-" + kind, bytes, temporaryFile(bytes), true);
            }
            if (!kind.equals(AS_IS)) {
                throw new IllegalArgumentException("a file is decoded as it is: run it with -p kind=" + AS_IS
                    + ", not kind=" + kind + " (" + image + ")");
            }
            int bang = image.indexOf("!/");
            if (bang >= 0) {
                byte[] bytes = jarEntry(resolve(image.substring(0, bang)), image.substring(bang + 2));
                return new ImageIoInput(image, bytes, temporaryFile(bytes), true);
            }
            Path path = resolve(image);
            return new ImageIoInput(image, Files.readAllBytes(path), path, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The megapixels of the JPEG {@code image} names (for the ratio report), or NaN when it cannot be read. */
    static double megapixels(String image, String kind) {
        switch (image) {
            case "photo":
                return DecodeInputs.PHOTO_WIDTH * (double) DecodeInputs.PHOTO_HEIGHT / 1e6;
            case "kodak":
                return BenchImage.SYNTHETIC_WIDTH * (double) BenchImage.SYNTHETIC_HEIGHT / 1e6;
            default:
                try (ImageIoInput input = load(image, AS_IS)) {
                    return input.megapixels();
                } catch (RuntimeException | IOException e) {
                    return Double.NaN;
                }
        }
    }

    double megapixels() {
        return width * (double) height / 1e6;
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public String toString() {
        return name + " (" + width + "x" + height + ", " + megapixels() + " MP, " + bytes.length + " bytes)";
    }

    /**
     * The correctness guards every ImageIO decode benchmark runs in its setup, whichever plugin it measures:
     * the JDK's and Tessera's readers decode the file to images of its size, and Tessera's reader (default
     * param) gives exactly the direct API's pixels.
     */
    void checkDecoders() throws IOException {
        BufferedImage direct = new JpegDecoder().decode(bytes);
        BufferedImage tessera = read(ImageIoPlugins.TESSERA_READER);
        BufferedImage jdk = read(DecodeBenchmark.JDK_READER);
        for (BufferedImage decoded : new BufferedImage[] {direct, tessera, jdk}) {
            if (decoded.getWidth() != width || decoded.getHeight() != height) {
                throw new IllegalStateException(name + ": decoded to " + decoded.getWidth() + "x"
                    + decoded.getHeight() + ", the header says " + width + "x" + height);
            }
        }
        if (!samePixels(tessera, direct)) {
            throw new IllegalStateException(name + ": Tessera's ImageIO reader and the direct API give different"
                + " pixels");
        }
    }

    private BufferedImage read(String readerClass) throws IOException {
        ImageReader reader = ImageIoPlugins.reader(readerClass);
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    /** The same type and the same samples (byte-backed images compared as arrays, others by ARGB). */
    static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getType() != b.getType() || a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        if (a.getRaster().getDataBuffer() instanceof DataBufferByte da
            && b.getRaster().getDataBuffer() instanceof DataBufferByte db
            && da.getNumBanks() == 1 && db.getNumBanks() == 1
            && a.getRaster().getSampleModel().equals(b.getRaster().getSampleModel())) {
            return Arrays.equals(da.getData(), db.getData());
        }
        int w = a.getWidth();
        int h = a.getHeight();
        return Arrays.equals(a.getRGB(0, 0, w, h, null, 0, w), b.getRGB(0, 0, w, h, null, 0, w));
    }

    private static Path temporaryFile(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("tessera-iio-", ".jpg");
        file.toFile().deleteOnExit();
        Files.write(file, bytes);
        return file;
    }

    private static byte[] jarEntry(Path jar, String entryName) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new IOException("no entry " + entryName + " in " + jar);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /** As {@link BenchImage}: from the working directory, then from its parent; {@code ~/} is the home. */
    private static Path resolve(String name) throws IOException {
        if (name.startsWith("~/")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        Path path = Path.of(name);
        if (Files.isRegularFile(path)) {
            return path;
        }
        Path parent = Path.of("").toAbsolutePath().getParent();
        if (!path.isAbsolute() && parent != null && Files.isRegularFile(parent.resolve(path))) {
            return parent.resolve(path).normalize();
        }
        throw new IOException("benchmark file not found: " + name);
    }
}
