package dev.tessera.bench;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
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
 * {@code reader.read(0, param)} over a {@link MemoryCacheImageInputStream}, with Tessera's or the JDK's
 * reader (picked by class name), for each {@code readParam}:
 *
 * <ul>
 *   <li>{@code default}: {@code reader.getDefaultReadParam()} unchanged;</li>
 *   <li>{@code int-rgb}, {@code 3byte-bgr}, {@code byte-gray}: {@code setDestinationType} to
 *       {@code TYPE_INT_RGB}, {@code TYPE_3BYTE_BGR}, {@code TYPE_BYTE_GRAY}, where the reader offers that type
 *       for the file ({@code getImageTypes}); otherwise setup fails with a message starting {@value #REFUSED}
 *       and JMH goes on to the next case. The JDK's reader offers {@code TYPE_3BYTE_BGR} and
 *       {@code TYPE_BYTE_GRAY} (for colour files too: it keeps Y), not {@code TYPE_INT_RGB}; Tessera's offers
 *       {@code TYPE_3BYTE_BGR}, {@code TYPE_INT_RGB}, {@code TYPE_INT_BGR}, and {@code TYPE_BYTE_GRAY} for
 *       gray files only;</li>
 *   <li>{@code region}: the centre quarter ({@code setSourceRegion(w/4, h/4, w/2, h/2)});</li>
 *   <li>{@code subsample}: {@code setSourceSubsampling(2, 2, 0, 0)}.</li>
 * </ul>
 *
 * {@code plugin=direct} is the nearest direct-API call: {@code new JpegDecoder().decode(bytes)} (full size, the
 * decoder's own type: so the ratio to it is the adapter's whole cost, conversion or cropping included), and
 * {@code JpegDecoder(withScale(2))} for {@code subsample}, the scaled IDCT Tessera's reader uses for it, and
 * {@code withGrayscale(true)} for {@code byte-gray} (the luma of a colour file). It runs
 * where Tessera's reader offers the destination type. Setup also checks that the two readers give images of
 * the same size and type for the param, where both offer it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImageIoDecodeParamBenchmark {
    static final String REFUSED = "refused:";

    @Param({"tessera", "jdk", "direct"})
    public String plugin;

    /** See {@link ImageIoDecodeBenchmark#image}. */
    @Param({"photo"})
    public String image;

    @Param({"420", "gray"})
    public String kind;

    @Param({"default", "int-rgb", "3byte-bgr", "byte-gray", "region", "subsample"})
    public String readParam;

    ImageIoInput input;
    ImageReader reader;
    ImageReadParam param;
    JpegDecoder direct;

    @Setup
    public void setUp() throws IOException {
        input = ImageIoInput.load(image, kind);
        input.checkDecoders();
        List<BufferedImage> sizes = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (String candidate : new String[] {ImageIoPlugins.TESSERA, ImageIoPlugins.JDK}) {
            ImageReader r = ImageIoPlugins.reader(ImageIoPlugins.readerClass(candidate));
            ImageReadParam p = param(r, input, readParam);
            if (p == null) {
                refusals.add(candidate);
                r.dispose();
                continue;
            }
            sizes.add(read(r, input.bytes, p));
            if (candidate.equals(plugin)) {
                reader = r;
                param = p;
            } else {
                r.dispose();
            }
        }
        if (sizes.size() == 2 && (sizes.get(0).getWidth() != sizes.get(1).getWidth()
            || sizes.get(0).getHeight() != sizes.get(1).getHeight()
            || sizes.get(0).getType() != sizes.get(1).getType())) {
            throw new IllegalStateException(input.name + ", " + readParam + ": Tessera gives " + sizes.get(0)
                + ", the JDK " + sizes.get(1));
        }
        String checked = plugin.equals(ImageIoPlugins.DIRECT) ? ImageIoPlugins.TESSERA : plugin;
        if (refusals.contains(checked)) {
            throw new IllegalStateException(REFUSED + " the " + checked + " reader does not offer destination "
                + readParam + " for " + input + (plugin.equals(checked) ? "" : ", so there is no direct reference"));
        }
        if (plugin.equals(ImageIoPlugins.DIRECT)) {
            // The gray destination of a colour file is its luma, which the direct API gives with grayscale output.
            direct = new JpegDecoder(DecoderOptions.DEFAULT.withScale(readParam.equals("subsample") ? 2 : 1)
                .withGrayscale(readParam.equals("byte-gray")));
        }
        System.err.println("[tessera-bench] ImageIO decode " + readParam + ", " + plugin + ": " + input);
    }

    @TearDown
    public void tearDown() throws IOException {
        if (reader != null) {
            reader.dispose();
        }
        input.close();
    }

    @Benchmark
    public BufferedImage readerParam() throws IOException {
        if (direct != null) {
            return direct.decode(input.bytes);
        }
        return read(reader, input.bytes, param);
    }

    private static BufferedImage read(ImageReader reader, byte[] bytes, ImageReadParam param) throws IOException {
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return reader.read(0, param);
        }
    }

    /** The param {@code name} describes for {@code reader}, or null when the reader does not offer the type. */
    static ImageReadParam param(ImageReader reader, ImageIoInput input, String name) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        switch (name) {
            case "default" -> {
            }
            case "int-rgb", "3byte-bgr", "byte-gray" -> {
                int type = switch (name) {
                    case "int-rgb" -> BufferedImage.TYPE_INT_RGB;
                    case "3byte-bgr" -> BufferedImage.TYPE_3BYTE_BGR;
                    default -> BufferedImage.TYPE_BYTE_GRAY;
                };
                ImageTypeSpecifier offered = offered(reader, input.bytes, type);
                if (offered == null) {
                    return null;
                }
                param.setDestinationType(offered);
            }
            case "region" -> param.setSourceRegion(
                new Rectangle(input.width / 4, input.height / 4, input.width / 2, input.height / 2));
            case "subsample" -> param.setSourceSubsampling(2, 2, 0, 0);
            default -> throw new IllegalArgumentException("unknown readParam " + name);
        }
        return param;
    }

    /**
     * {@code createFromBufferedImageType(type)} if the reader lists an equal specifier for the file, as
     * {@code ImageReader.getDestination} requires of a destination type; otherwise null.
     */
    private static ImageTypeSpecifier offered(ImageReader reader, byte[] bytes, int type) throws IOException {
        ImageTypeSpecifier wanted = ImageTypeSpecifier.createFromBufferedImageType(type);
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            for (Iterator<ImageTypeSpecifier> it = reader.getImageTypes(0); it.hasNext(); ) {
                if (it.next().equals(wanted)) {
                    return wanted;
                }
            }
            return null;
        }
    }
}
