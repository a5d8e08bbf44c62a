package dev.tessera.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * The image every benchmark works on, as a {@code TYPE_3BYTE_BGR} {@link BufferedImage}.
 *
 * <p>The {@code image} parameter of each benchmark names it:
 * <ul>
 *   <li>{@code default}: the file named by system property {@value #PROPERTY}, else {@value #DEFAULT_PATH}
 *       (the Kodak corpus beside the repository), else the synthetic image;</li>
 *   <li>{@code synthetic}: a {@value #SYNTHETIC_WIDTH}x{@value #SYNTHETIC_HEIGHT} picture generated from a
 *       fixed seed, so runs without the corpus still compare like with like;</li>
 *   <li>any other value: a file path; the run fails if it cannot be read.</li>
 * </ul>
 * Relative paths are tried from the working directory and then from its parent, so the default resolves
 * both from the repository root ({@code java -jar}) and from the module directory (Maven tests).
 */
public final class BenchImage {
    /** System property that overrides the default image file. */
    public static final String PROPERTY = "tessera.bench.image";
    /** The default image, relative to the repository root. */
    public static final String DEFAULT_PATH = "../shared/corpus/kodak/kodim01.png";
    public static final String DEFAULT = "default";
    public static final String SYNTHETIC = "synthetic";
    /** The Kodak size, so synthetic and corpus figures are per the same pixel count. */
    static final int SYNTHETIC_WIDTH = 768;
    static final int SYNTHETIC_HEIGHT = 512;

    private final BufferedImage image;
    private final String source;

    private BenchImage(BufferedImage image, String source) {
        this.image = image;
        this.source = source;
    }

    /** Loads the image a benchmark's {@code image} parameter names (see the class comment). */
    public static BenchImage load(String name) {
        if (SYNTHETIC.equals(name)) {
            return synthetic();
        }
        if (DEFAULT.equals(name)) {
            Path path = resolve(System.getProperty(PROPERTY, DEFAULT_PATH));
            return path == null ? synthetic() : read(path);
        }
        Path path = resolve(name);
        if (path == null) {
            throw new UncheckedIOException(new IOException("benchmark image not found: " + name));
        }
        return read(path);
    }

    public BufferedImage image() {
        return image;
    }

    /** Where the pixels came from: a file path or {@code synthetic}. */
    public String source() {
        return source;
    }

    /** Megapixels, for converting ops/s to MP/s. */
    public double megapixels() {
        return image.getWidth() * (double) image.getHeight() / 1e6;
    }

    @Override
    public String toString() {
        return source + " (" + image.getWidth() + "x" + image.getHeight() + ")";
    }

    private static Path resolve(String name) {
        Path path = Path.of(name);
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (!path.isAbsolute()) {
            Path parent = Path.of("").toAbsolutePath().getParent();
            if (parent != null && Files.isRegularFile(parent.resolve(path))) {
                return parent.resolve(path).normalize();
            }
        }
        return null;
    }

    private static BenchImage read(Path path) {
        try {
            BufferedImage decoded = ImageIO.read(path.toFile());
            if (decoded == null) {
                throw new IOException("no ImageIO reader for " + path);
            }
            return new BenchImage(toBgr(decoded), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage toBgr(BufferedImage in) {
        if (in.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return in;
        }
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        out.createGraphics().drawImage(in, 0, 0, null);
        return out;
    }

    /**
     * A photo-like test card: smooth colour gradients, a few soft-edged shapes, fine stripes and mild noise,
     * so that every coefficient band and both chroma planes carry signal. Deterministic (fixed seed).
     */
    static BenchImage synthetic() {
        int w = SYNTHETIC_WIDTH;
        int h = SYNTHETIC_HEIGHT;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom random = new SplittableRandom(0x7E55E7AL);
        int[] rgb = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double fx = x / (double) w;
                double fy = y / (double) h;
                double r = 200 * fx + 30 * Math.sin(fy * 9);
                double g = 180 * fy + 40 * Math.cos(fx * 7 + fy * 3);
                double b = 120 + 90 * Math.sin((fx + fy) * 5);
                double dx = x - 0.3 * w;
                double dy = y - 0.5 * h;
                if (dx * dx + dy * dy < 0.04 * w * w) {
                    r = 230 - r / 3;
                    b = b / 2;
                }
                if (x > 0.6 * w && x < 0.9 * w && y > 0.2 * h && y < 0.8 * h) {
                    g += 50 * Math.sin(x * 0.9) * Math.sin(y * 0.7);
                }
                double noise = random.nextInt(17) - 8;
                rgb[x] = clamp(r + noise) << 16 | clamp(g + noise) << 8 | clamp(b + noise);
            }
            out.setRGB(0, y, w, 1, rgb, 0, w);
        }
        return new BenchImage(out, SYNTHETIC);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
