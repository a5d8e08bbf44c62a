package dev.tessera.bench;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Encodes one image the ways users call ImageIO, with Tessera's writer ({@code plugin=tessera}) or the JDK's
 * ({@code plugin=jdk}), each picked by class name, or with the direct API ({@code plugin=direct}):
 *
 * <ul>
 *   <li>{@link #imageIoWrite}: {@code ImageIO.write(image, "jpeg", OutputStream)} (no param: quality 0.75);
 *       setup orders the chosen writer first and checks ImageIO then picks it; direct:
 *       {@code new JpegEncoder(BASELINE_COMPATIBLE)} (quality 75);</li>
 *   <li>{@link #writerExplicit}: {@code writer.write(null, new IIOImage(image, null, null), param)} into a
 *       {@link MemoryCacheImageOutputStream}, {@code param} the writer's default {@link JPEGImageWriteParam}
 *       with {@code MODE_EXPLICIT} and quality 0.9; direct: {@code BASELINE_COMPATIBLE.withQuality(90)}, the
 *       IJG quality Tessera's writer uses for 0.9.</li>
 * </ul>
 *
 * Each writer keeps its own defaults, as users get them: Tessera's writes optimized Huffman tables (its
 * param's default, and with no param), the JDK's the Annex K tables. Setup checks that Tessera's ImageIO output
 * equals the direct output byte for byte in both cases, and that every output decodes to the image's size.
 * One operation is one whole image written into a reused {@link ByteArrayOutputStream}; returns its size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImageIoEncodeBenchmark {
    static final float EXPLICIT_QUALITY = 0.9f;

    @Param({"tessera", "jdk", "direct"})
    public String plugin;

    /** {@code photo}, {@code kodak} or an image file path; see {@link DecodeInputs#picture}. */
    @Param({"photo"})
    public String image;

    /** The source image's type: {@code int-rgb}, {@code 3byte-bgr} or {@code byte-gray}. */
    @Param({"int-rgb", "3byte-bgr", "byte-gray"})
    public String imageType;

    BufferedImage pixels;
    ImageWriter writer;
    ImageWriteParam explicitParam;
    ImageIoPlugins.Preference preference;
    JpegEncoder directDefault;
    JpegEncoder directExplicit;
    final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

    @Setup
    public void setUp() throws IOException {
        pixels = convert(DecodeInputs.picture(image), imageType);
        directDefault = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE);
        directExplicit = new JpegEncoder(EncoderOptions.BASELINE_COMPATIBLE.withQuality(ijgQuality(EXPLICIT_QUALITY)));
        checkTesseraEqualsDirect();
        if (!plugin.equals(ImageIoPlugins.DIRECT)) {
            String writerClass = ImageIoPlugins.writerClass(plugin);
            writer = ImageIoPlugins.writer(writerClass);
            explicitParam = explicitParam(writer);
            preference = ImageIoPlugins.Preference.writer(writerClass);
            Iterator<ImageWriter> chosen = ImageIO.getImageWriters(ImageTypeSpecifier.createFromRenderedImage(pixels),
                "jpeg");
            String first = chosen.hasNext() ? chosen.next().getClass().getName() : "none";
            if (!first.equals(writerClass)) {
                throw new IllegalStateException("ImageIO.write would use " + first + ", not " + writerClass);
            }
            // Every output decodes to the image's size.
            imageIoWrite();
            checkDecodes(lastOutput());
            writerExplicit();
            checkDecodes(lastOutput());
        }
        System.err.println("[tessera-bench] ImageIO encode, " + plugin + ": " + image + " " + imageType + " "
            + pixels.getWidth() + "x" + pixels.getHeight() + " (" + megapixels() + " MP)");
    }

    @TearDown
    public void tearDown() {
        if (writer != null) {
            writer.dispose();
        }
        if (preference != null) {
            preference.close();
        }
    }

    /** {@code ImageIO.write(image, "jpeg", out)}; direct: {@code BASELINE_COMPATIBLE} (quality 75). */
    @Benchmark
    public int imageIoWrite() throws IOException {
        out.reset();
        if (writer == null) {
            directDefault.encode(pixels, out);
        } else if (!ImageIO.write(pixels, "jpeg", out)) {
            throw new IOException("ImageIO found no JPEG writer");
        }
        return out.size();
    }

    /** The writer with an explicit quality of 0.9; direct: {@code BASELINE_COMPATIBLE.withQuality(90)}. */
    @Benchmark
    public int writerExplicit() throws IOException {
        out.reset();
        if (writer == null) {
            directExplicit.encode(pixels, out);
        } else {
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(pixels, null, null), explicitParam);
            }
        }
        return out.size();
    }

    /** The bytes of the last operation. */
    byte[] lastOutput() {
        return out.toByteArray();
    }

    double megapixels() {
        return pixels.getWidth() * (double) pixels.getHeight() / 1e6;
    }

    /**
     * The IJG quality Tessera's ImageIO writer encodes an explicit ImageIO quality at: {@code round(100 q)},
     * clamped to 1..100, as {@code dev.tessera.jpeg.imageio.WriteSettings.ijgQuality} (package-private there;
     * the byte-for-byte check in setup keeps the two in step).
     */
    static int ijgQuality(float quality) {
        return Math.max(1, Math.min(100, Math.round(quality * 100)));
    }

    static ImageWriteParam explicitParam(ImageWriter writer) {
        JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(EXPLICIT_QUALITY);
        return param;
    }

    /**
     * Fails unless Tessera's writer, through ImageIO, writes the direct API's bytes: for {@code ImageIO.write}
     * (no param) against {@code BASELINE_COMPATIBLE}, and for the explicit 0.9 param against quality 90.
     */
    private void checkTesseraEqualsDirect() throws IOException {
        ImageWriter tessera = ImageIoPlugins.writer(ImageIoPlugins.TESSERA_WRITER);
        try {
            for (boolean explicit : new boolean[] {false, true}) {
                ByteArrayOutputStream viaImageIo = new ByteArrayOutputStream();
                try (ImageOutputStream stream = new MemoryCacheImageOutputStream(viaImageIo)) {
                    tessera.setOutput(stream);
                    tessera.write(null, new IIOImage(pixels, null, null), explicit ? explicitParam(tessera) : null);
                }
                ByteArrayOutputStream direct = new ByteArrayOutputStream();
                (explicit ? directExplicit : directDefault).encode(pixels, direct);
                if (!Arrays.equals(viaImageIo.toByteArray(), direct.toByteArray())) {
                    throw new IllegalStateException(image + " " + imageType
                        + (explicit ? ", quality 0.9" : ", no param") + ": Tessera's ImageIO writer wrote "
                        + viaImageIo.size() + " bytes, the direct API " + direct.size() + " bytes, not the same file");
                }
                checkDecodes(direct.toByteArray());
            }
        } finally {
            tessera.dispose();
        }
    }

    private void checkDecodes(byte[] jpeg) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        if (decoded == null || decoded.getWidth() != pixels.getWidth() || decoded.getHeight() != pixels.getHeight()) {
            throw new IllegalStateException(plugin + ": an output does not decode to the image's size");
        }
    }

    static BufferedImage convert(BufferedImage picture, String imageType) {
        int type = switch (imageType) {
            case "int-rgb" -> BufferedImage.TYPE_INT_RGB;
            case "3byte-bgr" -> BufferedImage.TYPE_3BYTE_BGR;
            case "byte-gray" -> BufferedImage.TYPE_BYTE_GRAY;
            default -> throw new IllegalArgumentException("imageType must be int-rgb, 3byte-bgr or byte-gray: "
                + imageType);
        };
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return out;
    }
}
