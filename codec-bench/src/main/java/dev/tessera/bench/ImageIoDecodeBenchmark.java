package dev.tessera.bench;

import dev.tessera.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
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
 * Decodes one JPEG file the ways users call ImageIO, with Tessera's plugin ({@code plugin=tessera}) or the
 * JDK's ({@code plugin=jdk}), each reader picked by class name; {@code plugin=direct} is the direct API
 * ({@link JpegDecoder}) on the same input, the reference for the adapter's cost. One operation is one whole
 * image decoded into a new {@link BufferedImage}.
 *
 * <p>For {@code ImageIO.read}, which takes the first registered plugin that can read the file, setup orders
 * the chosen plugin's provider ahead of every other JPEG provider and checks that ImageIO then picks it, for a
 * file and for a stream. Setup also checks that both plugins decode the file to images of its size and that
 * Tessera's plugin gives exactly the direct API's pixels ({@link ImageIoInput#checkDecoders}). The read-param
 * variants (destination type, source region, subsampling) are in {@link ImageIoDecodeParamBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImageIoDecodeBenchmark {
    /** {@code tessera}, {@code jdk} (ImageIO plugins) or {@code direct} ({@link JpegDecoder}). */
    @Param({"tessera", "jdk", "direct"})
    public String plugin;

    /** {@code photo}, {@code kodak}, a JPEG file's path or {@code JAR!/ENTRY}; see {@link ImageIoInput}. */
    @Param({"photo"})
    public String image;

    /** For {@code photo} and {@code kodak}, see {@link DecodeInputs}; {@code file} for a path. */
    @Param({"420", "progressive"})
    public String kind;

    ImageIoInput input;
    ImageReader reader;
    ImageIoPlugins.Preference preference;

    @Setup
    public void setUp() throws IOException {
        input = ImageIoInput.load(image, kind);
        input.checkDecoders();
        if (!plugin.equals(ImageIoPlugins.DIRECT)) {
            String readerClass = ImageIoPlugins.readerClass(plugin);
            reader = ImageIoPlugins.reader(readerClass);
            preference = ImageIoPlugins.Preference.reader(readerClass);
            try (ImageInputStream file = ImageIO.createImageInputStream(input.file.toFile());
                 ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(input.bytes))) {
                checkFirst(file, readerClass, "ImageIO.read(File)");
                checkFirst(stream, readerClass, "ImageIO.read(InputStream) over " + stream.getClass().getSimpleName());
            }
        }
        System.err.println("[tessera-bench] ImageIO decode, " + plugin + ": " + input);
    }

    @TearDown
    public void tearDown() throws IOException {
        if (reader != null) {
            reader.dispose();
        }
        if (preference != null) {
            preference.close();
        }
        input.close();
    }

    /** {@code ImageIO.read(File)}; direct: {@code decode(Path)}. */
    @Benchmark
    public BufferedImage imageIoReadFile() throws IOException {
        if (reader == null) {
            return new JpegDecoder().decode(input.file);
        }
        return nonNull(ImageIO.read(input.file.toFile()));
    }

    /** {@code ImageIO.read(InputStream)} over the file's bytes; direct: {@code decode(InputStream)}. */
    @Benchmark
    public BufferedImage imageIoReadStream() throws IOException {
        if (reader == null) {
            return new JpegDecoder().decode(new ByteArrayInputStream(input.bytes));
        }
        return nonNull(ImageIO.read(new ByteArrayInputStream(input.bytes)));
    }

    /** {@code reader.read(0)} over a {@link FileImageInputStream}; direct: {@code decode(Path)}. */
    @Benchmark
    public BufferedImage readerFileStream() throws IOException {
        if (reader == null) {
            return new JpegDecoder().decode(input.file);
        }
        try (FileImageInputStream in = new FileImageInputStream(input.file.toFile())) {
            reader.setInput(in, true, true);
            return reader.read(0);
        }
    }

    /** {@code reader.read(0)} over a {@link MemoryCacheImageInputStream}; direct: {@code decode(byte[])}. */
    @Benchmark
    public BufferedImage readerMemoryStream() throws IOException {
        if (reader == null) {
            return new JpegDecoder().decode(input.bytes);
        }
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(
            new ByteArrayInputStream(input.bytes))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        }
    }

    /** Fails unless the first reader ImageIO offers for {@code in} is of class {@code readerClass}. */
    static void checkFirst(ImageInputStream in, String readerClass, String call) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        String first = readers.hasNext() ? readers.next().getClass().getName() : "none";
        if (!first.equals(readerClass)) {
            throw new IllegalStateException(call + " would use " + first + ", not " + readerClass);
        }
    }

    private static BufferedImage nonNull(BufferedImage image) throws IOException {
        if (image == null) {
            throw new IOException("ImageIO found no reader");
        }
        return image;
    }
}
