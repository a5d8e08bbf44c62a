package dev.tessera.bench;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.error.JpegException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
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
 * Decodes one JPEG file held in memory with Tessera and with the JDK's own ImageIO JPEG reader
 * ({@value #JDK_READER}, picked by class so no other plugin is measured), into a new {@link BufferedImage}
 * per operation ({@code TYPE_3BYTE_BGR} or {@code TYPE_BYTE_GRAY} for both). The file is made by
 * {@link DecodeInputs} from the {@code image} and {@code kind} parameters; MP/s = ops/s x megapixels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {
    static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";

    /** {@code photo} (4.06 MP mosaic), {@code kodak} (kodim01) or a path; see {@link DecodeInputs}. */
    @Param({"photo", "kodak"})
    public String image;

    /** {@code 420}, {@code 444}, {@code progressive}, {@code gray} or {@code 420-rst}. */
    @Param({"420", "444", "progressive", "gray"})
    public String kind;

    /** Decoder threads for Tessera (restart-interval splitting needs {@code 420-rst}); 1 = single-threaded. */
    @Param({"1"})
    public int threads;

    byte[] file;
    JpegDecoder tessera;
    ImageReader imageIoReader;

    @Setup
    public void setUp() {
        BufferedImage picture = DecodeInputs.picture(image);
        file = DecodeInputs.encode(picture, kind);
        tessera = new JpegDecoder(DecoderOptions.DEFAULT.withThreads(threads));
        imageIoReader = jdkJpegReader();
        System.err.println("[tessera-bench] decode " + image + " " + kind + ": " + picture.getWidth() + "x"
            + picture.getHeight() + " (" + picture.getWidth() * (double) picture.getHeight() / 1e6 + " MP), "
            + file.length + " bytes");
    }

    @TearDown
    public void tearDown() {
        imageIoReader.dispose();
    }

    @Benchmark
    public BufferedImage tessera() throws JpegException {
        return tessera.decode(file);
    }

    @Benchmark
    public BufferedImage imageIo() throws IOException {
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
            imageIoReader.setInput(in, true, true);
            return imageIoReader.read(0);
        }
    }

    /** The reader whose class is {@value #JDK_READER}. */
    static ImageReader jdkJpegReader() {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader reader = it.next();
            if (reader.getClass().getName().equals(JDK_READER)) {
                return reader;
            }
        }
        throw new IllegalStateException("the JDK's JPEG reader " + JDK_READER + " is not registered");
    }
}
