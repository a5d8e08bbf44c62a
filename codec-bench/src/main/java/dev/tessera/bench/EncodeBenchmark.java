package dev.tessera.bench;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.Subsampling;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
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
 * Encodes one image with Tessera and with the JDK's own ImageIO JPEG writer under the same settings:
 * quality 90 (IJG scale; ImageIO 0.9), 4:2:0 (Tessera: {@code subsampling}), baseline, and either the Annex K Huffman tables
 * ({@code huffman=standard}) or tables optimised for the image ({@code huffman=optimized}). One operation is
 * one whole image written into a reused in-memory stream; MP/s = ops/s x megapixels of the image.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncodeBenchmark {
    /** The JDK's writer; looked up by class so that no other JPEG plugin on the class path is measured. */
    static final String JDK_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriter";
    static final int QUALITY = 90;

    /** See {@link BenchImage#load(String)}. */
    @Param({BenchImage.DEFAULT})
    public String image;

    @Param({"standard", "optimized"})
    public String huffman;

    /**
     * Tessera's settings: {@code baseline} is {@link EncoderOptions#BASELINE_COMPATIBLE} (Annex K tables, plain
     * rounding: the work the ImageIO writer does, so the like-for-like comparison); {@code default} is
     * the sequential form of {@link EncoderOptions#DEFAULT} (perceptual tables and trellis quantization, which
     * cost time the JDK writer does not spend; DEFAULT itself is progressive since 2026-11-23, and the JDK
     * writer's output here is sequential).
     */
    @Param({"baseline", "default"})
    public String options = "baseline";

    /** Tessera's chroma subsampling ({@code 420}, {@code 422}, {@code 444}, {@code 411}, {@code 440}); the JDK writer stays at 4:2:0. */
    @Param({"420"})
    public String subsampling = "420";

    /** Tessera's encode threads: a count (1, the options' default) or {@code auto} ({@link EncoderOptions#AUTO_THREADS}). */
    @Param({"1"})
    public String threads = "1";

    BenchImage input;
    BufferedImage pixels;
    JpegEncoder tessera;
    ImageWriter imageIoWriter;
    ImageWriteParam imageIoParam;
    final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

    @Setup
    public void setUp() {
        input = BenchImage.load(image);
        pixels = input.image();
        boolean optimize = switch (huffman) {
            case "standard" -> false;
            case "optimized" -> true;
            default -> throw new IllegalArgumentException("huffman must be standard or optimized: " + huffman);
        };
        EncoderOptions base = switch (options) {
            case "baseline" -> EncoderOptions.BASELINE_COMPATIBLE;
            case "default" -> EncoderOptions.DEFAULT.withProgressive(false);
            default -> throw new IllegalArgumentException("options must be baseline or default: " + options);
        };
        tessera = new JpegEncoder(base.withQuality(QUALITY)
            .withSubsampling(Subsampling.valueOf("S" + subsampling)).withOptimizeHuffman(optimize)
            .withThreads(threads.equals("auto") ? EncoderOptions.AUTO_THREADS : Integer.parseInt(threads)));
        imageIoWriter = jdkJpegWriter();
        JPEGImageWriteParam param = (JPEGImageWriteParam) imageIoWriter.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY / 100f);
        param.setOptimizeHuffmanTables(optimize);
        imageIoParam = param;
        // Shown once per fork, so a run on the synthetic fallback cannot be mistaken for one on the corpus.
        System.err.println("[tessera-bench] image " + input + ", " + input.megapixels() + " MP");
    }

    @TearDown
    public void tearDown() {
        imageIoWriter.dispose();
    }

    /** Tessera; returns the file size. */
    @Benchmark
    public int tessera() throws IOException {
        out.reset();
        tessera.encode(pixels, out);
        return out.size();
    }

    /** The JDK's ImageIO writer (native libjpeg behind JNI); returns the file size. */
    @Benchmark
    public int imageIo() throws IOException {
        out.reset();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            imageIoWriter.setOutput(stream);
            imageIoWriter.write(null, new IIOImage(pixels, null, null), imageIoParam);
        }
        return out.size();
    }

    /** The bytes of the last operation. */
    byte[] lastOutput() {
        return out.toByteArray();
    }

    /** The writer whose class is {@value #JDK_WRITER}. */
    static ImageWriter jdkJpegWriter() {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().equals(JDK_WRITER)) {
                return writer;
            }
        }
        throw new IllegalStateException("the JDK's JPEG writer " + JDK_WRITER + " is not registered");
    }
}
