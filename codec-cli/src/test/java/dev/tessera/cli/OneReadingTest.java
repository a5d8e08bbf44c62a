package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.imageio.JpegImageReaderSpi;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.RestartInterval;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 point 3, one reading of a file: every stream {@code JpegDecoder.decode} accepts is accepted by
 * {@code readInfo}, by {@code tessera info} and by the ImageIO reader, with the same size; and the warnings of
 * {@code readInfo} are kinds that {@code decode} reports too. Run over the shared corpora, the TwelveMonkeys
 * test jar and mutated files (truncations, seeded byte flips, non-marker bytes after 0xFF in entropy-coded data).
 */
class OneReadingTest {
    /**
     * Files the ImageIO reader refuses although decode accepts them, with the reason (a substring of its
     * message). None now: CMYK above 8 bits (T.83 E1, E2, O2), once listed here, reads as 16-bit CMYK.
     */
    private static final Map<String, String> KNOWN_IMAGEIO = Map.of();

    /** Larger files add time, not cases. */
    private static final long MAX_BYTES = 2 << 20;

    @TempDir
    Path dir;

    /** What one reader made of a stream: accepted with a size and warning kinds, or refused. */
    record Outcome(boolean accepted, int width, int height, Set<JpegWarning.Kind> warnings, String problem) {
        static Outcome refused(Throwable e) {
            return new Outcome(false, 0, 0, Set.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static Outcome decode(byte[] data) {
        Set<JpegWarning.Kind> kinds = EnumSet.noneOf(JpegWarning.Kind.class);
        try {
            BufferedImage image = new JpegDecoder(DecoderOptions.DEFAULT.withListener(w -> kinds.add(w.kind())))
                .decode(data);
            return new Outcome(true, image.getWidth(), image.getHeight(), kinds, null);
        } catch (JpegException | RuntimeException e) {
            return Outcome.refused(e);
        }
    }

    static Outcome readInfo(byte[] data) {
        Set<JpegWarning.Kind> kinds = EnumSet.noneOf(JpegWarning.Kind.class);
        try {
            ImageInfo info = new JpegDecoder(DecoderOptions.DEFAULT.withListener(w -> kinds.add(w.kind())))
                .readInfo(data);
            return new Outcome(true, info.width(), info.height(), kinds, null);
        } catch (JpegException | RuntimeException e) {
            return Outcome.refused(e);
        }
    }

    static Outcome imageIo(byte[] data) {
        ImageReader reader = new JpegImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            reader.getImageMetadata(0);
            BufferedImage image = reader.read(0);
            assertEquals(width, image.getWidth());
            assertEquals(height, image.getHeight());
            return new Outcome(true, width, height, Set.of(), null);
        } catch (IOException | RuntimeException e) {
            return Outcome.refused(e);
        } finally {
            reader.dispose();
        }
    }

    Outcome tesseraInfo(String name, byte[] data) throws IOException {
        Path file = dir.resolve("sample.jpg");
        Files.write(file, data);
        Cli.Result result = Cli.run("info", "--json", file);
        if (result.exitCode() != 0) {
            return new Outcome(false, 0, 0, Set.of(), result.err());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"width\": (\\d+), \"height\": (\\d+)")
            .matcher(result.out());
        assertTrue(m.find(), name + ": " + result.out());
        return new Outcome(true, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Set.of(), null);
    }

    /** Checks one stream; returns a line describing a disagreement, or {@code null}. */
    String check(String name, byte[] data) throws IOException {
        Outcome decoded = decode(data);
        if (!decoded.accepted()) {
            return null;
        }
        Outcome info = readInfo(data);
        if (!info.accepted()) {
            return name + ": decode accepts, readInfo refuses: " + info.problem();
        }
        // readInfo reports the image's full size; decode may stop at DNL-less zero heights it refuses anyway.
        if (info.width() != decoded.width() || info.height() != decoded.height()) {
            return name + ": readInfo says " + info.width() + "x" + info.height() + ", decode "
                + decoded.width() + "x" + decoded.height();
        }
        // Malformed metadata (BAD_METADATA) is found only by readers that read the metadata; decode does not.
        Set<JpegWarning.Kind> infoWarnings = EnumSet.noneOf(JpegWarning.Kind.class);
        infoWarnings.addAll(info.warnings());
        infoWarnings.remove(JpegWarning.Kind.BAD_METADATA);
        if (!decoded.warnings().containsAll(infoWarnings)) {
            return name + ": readInfo warns " + info.warnings() + ", decode " + decoded.warnings();
        }
        Outcome cli = tesseraInfo(name, data);
        if (!cli.accepted() || cli.width() != decoded.width() || cli.height() != decoded.height()) {
            return name + ": decode accepts, tessera info: " + (cli.accepted() ? cli.width() + "x" + cli.height()
                : cli.problem().trim());
        }
        Outcome viaImageIo = imageIo(data);
        String known = KNOWN_IMAGEIO.entrySet().stream().filter(k -> name.endsWith(k.getKey()))
            .map(Map.Entry::getValue).findFirst().orElse(null);
        if (known != null) {
            // A listed limitation must still be there, so that fixing it also updates the list.
            return !viaImageIo.accepted() && viaImageIo.problem().contains(known) ? null
                : name + ": listed as refused by the ImageIO reader (" + known + "), now: " + viaImageIo;
        }
        if (!viaImageIo.accepted() || viaImageIo.width() != decoded.width()) {
            return name + ": decode accepts, the ImageIO reader: " + viaImageIo.problem();
        }
        return null;
    }

    private void checkAll(Map<String, byte[]> samples) throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : samples.entrySet()) {
            String d = check(e.getKey(), e.getValue());
            if (d != null) {
                disagreements.add(d);
            }
        }
        assertTrue(disagreements.isEmpty(), disagreements.size() + " of " + samples.size() + " streams:\n"
            + String.join("\n", disagreements));
    }

    @Test
    void sharedCorporaAreReadAlike() throws IOException {
        Map<String, byte[]> samples = new LinkedHashMap<>();
        for (String corpus : List.of("libjpeg-turbo", "conformance", "zune-bench")) {
            Path root = TestCorpus.shared("corpus/" + corpus);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    if ((n.endsWith(".jpg") || n.endsWith(".jpeg")) && Files.size(f) <= MAX_BYTES) {
                        samples.put(root.relativize(f).toString(), Files.readAllBytes(f));
                    }
                }
            }
        }
        checkAll(samples);
    }

    @Test
    void twelveMonkeysFilesAreReadAlike() throws IOException {
        checkAll(TestCorpus.twelveMonkeys());
    }

    @Test
    void mutatedFilesAreReadAlike() throws IOException {
        Map<String, byte[]> samples = new LinkedHashMap<>();
        List<byte[]> seeds = List.of(
            new JpegEncoder(EncoderOptions.DEFAULT.withQuality(80).withProgressive(false)).encode(
                TestImages.gradient(64, 48)),
            new JpegEncoder(EncoderOptions.DEFAULT.withQuality(80).withProgressive(true)).encode(
                TestImages.gradient(64, 48)),
            new JpegEncoder(EncoderOptions.DEFAULT.withQuality(80).withProgressive(false)
                .withRestartInterval(RestartInterval.mcus(1))).encode(TestImages.gradient(64, 48)));
        Random random = new Random(19);
        for (int s = 0; s < seeds.size(); s++) {
            byte[] seed = seeds.get(s);
            int sos = sos(seed);
            for (int cut = sos - 8; cut < seed.length; cut += Math.max(1, (seed.length - sos) / 12)) {
                samples.put("seed" + s + " cut at " + cut, java.util.Arrays.copyOf(seed, cut));
            }
            for (int i = 0; i < 40; i++) {
                byte[] flipped = seed.clone();
                int at = random.nextInt(seed.length);
                flipped[at] = (byte) random.nextInt(256);
                samples.put("seed" + s + " byte " + at + " = " + (flipped[at] & 0xFF), flipped);
            }
            for (int i = 0; i < 15; i++) {
                // 0xFF and a byte that is no marker (0x01..0xBF) inside entropy-coded data.
                int at = sos + 14 + random.nextInt(seed.length - sos - 16);
                int code = 1 + random.nextInt(0xBF);
                byte[] inserted = new byte[seed.length + 2];
                System.arraycopy(seed, 0, inserted, 0, at);
                inserted[at] = (byte) 0xFF;
                inserted[at + 1] = (byte) code;
                System.arraycopy(seed, at, inserted, at + 2, seed.length - at);
                samples.put("seed" + s + " FF " + Integer.toHexString(code) + " at " + at, inserted);
            }
        }
        checkAll(samples);
    }

    @Test
    void nonMarkerByteBeforeARestartMarkerIsReadAsDecodeReadsIt() throws IOException {
        byte[] seed = new JpegEncoder(EncoderOptions.DEFAULT.withQuality(80).withProgressive(false)
            .withRestartInterval(RestartInterval.mcus(1))).encode(TestImages.gradient(64, 48));
        int at = sos(seed) + 20;
        while ((seed[at - 1] & 0xFF) == 0xFF || (seed[at] & 0xFF) == 0xFF) {
            at++;
        }
        byte[] data = new byte[seed.length + 2];
        System.arraycopy(seed, 0, data, 0, at);
        data[at] = (byte) 0xFF;
        data[at + 1] = 0x21;
        System.arraycopy(seed, at, data, at + 2, seed.length - at);
        assertTrue(decode(data).accepted(), "decode resynchronises at the next restart marker");
        assertEquals(null, check("FF 21 at " + at, data));
        Path file = dir.resolve("ff21.jpg");
        Files.write(file, data);
        Cli.Result result = Cli.run("info", file);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("offset " + at + ": corrupt JPEG data: found marker 0x21"), result.err());
    }

    private static int sos(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return i;
            }
        }
        throw new IllegalArgumentException("no SOS");
    }

    /** The test images this test reads: the shared corpus (optional) and the TwelveMonkeys test jar. */
    static final class TestCorpus {
        private TestCorpus() {
        }

        /** {@code ../shared/RELATIVE} beside the repository; skips the test, naming the path, when absent. */
        static Path shared(String relative) {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !Files.isDirectory(dir.resolve("codec-core"))) {
                dir = dir.getParent();
            }
            String override = System.getProperty("tessera.shared");
            Path p = override != null ? Path.of(override, relative)
                : dir == null ? Path.of("/work/shared", relative) : dir.getParent().resolve("shared").resolve(relative);
            if (!Files.isDirectory(p)) {
                p = Path.of("/work/shared", relative);
            }
            assumeTrue(Files.isDirectory(p), p + " is absent: skipping this test");
            return p;
        }

        /** The JPEGs of the TwelveMonkeys imageio-jpeg test jar, by name. */
        static Map<String, byte[]> twelveMonkeys() {
            URL marker = OneReadingTest.class.getResource("/jpeg/gray-sample.jpg");
            assertTrue(marker != null, "the TwelveMonkeys imageio-jpeg test jar is not on the class path");
            Map<String, byte[]> files = new LinkedHashMap<>();
            try {
                String url = marker.toURI().toString();
                Path jar = Path.of(new URI(url.substring("jar:".length(), url.indexOf("!/"))));
                try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of());
                     Stream<Path> all = Files.walk(fs.getPath("/"))) {
                    for (Path p : all.sorted().toList()) {
                        String n = p.toString().toLowerCase(java.util.Locale.ROOT);
                        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
                            try (InputStream in = Files.newInputStream(p)) {
                                files.put(p.toString(), in.readAllBytes());
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            return files;
        }
    }
}
