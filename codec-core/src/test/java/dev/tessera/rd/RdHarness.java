package dev.tessera.rd;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.metrics.Psnr;
import dev.tessera.metrics.Ssimulacra2;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Rate-distortion harness: encodes every image of a folder at a list of qualities with one set of encoder
 * options, decodes each file with libjpeg-turbo's {@code djpeg} (the JDK's reader when djpeg is absent), and
 * writes one CSV row per (image, quality) in the format of ../shared/reference/rd/. SSIMULACRA2 is Tessera's
 * own ({@link Ssimulacra2}). Butteraugli comes from the
 * external {@code butteraugli} binary (Debian package, 2017 version) when installed, given the original PNG
 * and the JPEG itself, as the reference CSVs were made. Run it as a plain program (see docs/compression.md):
 *
 * <pre>
 * java -cp "$CP" dev.tessera.rd.RdHarness \
 *     --images ../shared/corpus/kodak --q 30,40,50,60,70,75,80,85,90,95 --name tessera-default \
 *     --options preset=default --out /tmp/rd/tessera-default.csv [--threads 2] [--only odd|even|all]
 *     [--no-butteraugli]
 * </pre>
 *
 * {@code CP} is the test classpath (docs/compression.md, Reproduce): the classes of codec-core and its test
 * dependencies, since the ImageIO plugin in the test classpath needs the TwelveMonkeys jars.
 *
 * <p>Inputs that are not PNG (the TwelveMonkeys camera JPEGs) are decoded once and written as PNG to the
 * {@code --cache} folder, which then serves as the original.
 */
public final class RdHarness {
    private RdHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path images = null;
        String qualities = "30,40,50,60,70,75,80,85,90,95";
        String name = "tessera";
        String optionSpec = "";
        Path out = null;
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "tessera-rd-cache");
        int threads = 1;
        boolean butteraugli = true;
        String only = "all";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--images" -> images = Path.of(args[++i]);
                case "--q" -> qualities = args[++i];
                case "--name" -> name = args[++i];
                case "--options" -> optionSpec = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--no-butteraugli" -> butteraugli = false;
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (images == null || out == null) {
            throw new IllegalArgumentException("need --images DIR and --out FILE.csv");
        }
        EncoderOptions base = EncoderOptionSpec.parse(optionSpec);
        List<Integer> qs = new ArrayList<>();
        for (String q : qualities.split(",")) {
            qs.add(Integer.parseInt(q.trim()));
        }
        var keep = BdReport.imageFilter(only);
        List<Path> inputs;
        try (Stream<Path> s = Files.list(images)) {
            inputs = s.filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g)$"))
                .filter(p -> keep.test(stem(p))).sorted(Comparator.comparing(Path::toString)).toList();
        }
        boolean haveDjpeg = Tools.onPath("djpeg");
        boolean haveButteraugli = butteraugli && Tools.onPath("butteraugli");
        System.err.printf(Locale.ROOT, "%d images x %d qualities, decoder %s, butteraugli %s%n", inputs.size(),
            qs.size(), haveDjpeg ? "djpeg" : "JDK", haveButteraugli ? "yes" : "no");
        Files.createDirectories(cache);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<RdRow>>> jobs = new ArrayList<>();
        for (Path input : inputs) {
            final String encoderName = name;
            final Path cacheDir = cache;
            jobs.add(pool.submit(() -> measureImage(input, cacheDir, encoderName, base, qs, haveDjpeg,
                haveButteraugli)));
        }
        List<RdRow> rows = new ArrayList<>();
        try {
            for (Future<List<RdRow>> j : jobs) {
                rows.addAll(j.get());
            }
        } finally {
            // Without this a failed image left the pool's threads waiting and the JVM running.
            pool.shutdownNow();
        }
        pool.awaitTermination(1, TimeUnit.MINUTES);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        RdRow.write(out, rows);
        System.err.printf(Locale.ROOT, "wrote %d rows to %s%n", rows.size(), out);
    }

    static List<RdRow> measureImage(Path input, Path cache, String name, EncoderOptions base, List<Integer> qs,
                                    boolean djpeg, boolean butteraugli) throws IOException, InterruptedException {
        BufferedImage original = ImageIO.read(input.toFile());
        if (original == null) {
            throw new IOException("cannot read " + input);
        }
        Path png = input;
        if (!input.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            png = cache.resolve(stem(input) + ".png");
            if (!Files.exists(png)) {
                BufferedImage rgb = new BufferedImage(original.getWidth(), original.getHeight(),
                    BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(original, 0, 0, null);
                ImageIO.write(rgb, "png", png.toFile());
                original = rgb;
            }
        }
        double pixels = (double) original.getWidth() * original.getHeight();
        List<RdRow> rows = new ArrayList<>();
        for (int q : qs) {
            EncoderOptions o = base.withQuality(q);
            if (TableExperiment.LUMA != null) {
                o = o.withTables(dev.tessera.jpeg.quant.QualityScaling.scale(TableExperiment.LUMA, q, true),
                    dev.tessera.jpeg.quant.QualityScaling.scale(TableExperiment.CHROMA, q, true));
            }
            byte[] jpeg = new JpegEncoder(o).encode(original);
            BufferedImage decoded = djpeg ? Tools.djpeg(jpeg) : ImageIO.read(new ByteArrayInputStream(jpeg));
            double ba = Double.NaN;
            if (butteraugli) {
                ba = Tools.butteraugli(png, jpeg);
            }
            rows.add(new RdRow(name, stem(input), q, jpeg.length, 8.0 * jpeg.length / pixels,
                Psnr.rgb(original, decoded), ba, Ssimulacra2.score(original, decoded), Psnr.luma(original, decoded)));
        }
        System.err.println("  " + stem(input));
        return rows;
    }

    static String stem(Path p) {
        String s = p.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? s : s.substring(0, dot);
    }

    /** Quick look-ups used by the harness; kept out of the JUnit helpers so no test library is needed. */
    static final class Tools {
        private Tools() {
        }

        static boolean onPath(String program) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, program))) {
                    return true;
                }
            }
            return false;
        }

        static BufferedImage djpeg(byte[] jpeg) throws IOException, InterruptedException {
            Path in = Files.createTempFile("rd", ".jpg");
            Path ppm = Files.createTempFile("rd", ".ppm");
            try {
                Files.write(in, jpeg);
                run(List.of("djpeg", "-outfile", ppm.toString(), in.toString()));
                return dev.tessera.testing.Pnm.read(Files.readAllBytes(ppm)).toImage();
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(ppm);
            }
        }

        static double butteraugli(Path png, byte[] jpeg) throws IOException, InterruptedException {
            Path in = Files.createTempFile("rd", ".jpg");
            try {
                Files.write(in, jpeg);
                return Double.parseDouble(run(List.of("butteraugli", png.toString(), in.toString())).trim());
            } finally {
                Files.deleteIfExists(in);
            }
        }

        private static String run(List<String> command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(command + " failed: " + new String(output));
            }
            String s = new String(output);
            if (command.get(0).equals("djpeg") && !s.isBlank()) {
                throw new IOException("djpeg warned: " + s);
            }
            return s;
        }
    }

    /** Subsampling names as the CLI spells them. */
    static Subsampling subsampling(String s) {
        return switch (s) {
            case "444" -> Subsampling.S444;
            case "422" -> Subsampling.S422;
            case "420" -> Subsampling.S420;
            default -> throw new IllegalArgumentException("subsampling " + s);
        };
    }
}
