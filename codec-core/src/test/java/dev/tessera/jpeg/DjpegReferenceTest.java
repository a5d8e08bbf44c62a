package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.testing.Corpus;
import dev.tessera.testing.ExternalTool;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Decodes every input of {@code golden/djpeg-2.1.5.tsv} at every scale and compares the SHA-256 of the
 * pixels with libjpeg-turbo 2.1.5's {@code djpeg -pnm} (4-component files with {@code cmykToRgb}, which is what
 * djpeg's PPM writer does to CMYK). Where djpeg's x86-64 SIMD and portable C paths disagree (corrupt files
 * whose coefficients overflow), the decode with {@link DecoderOptions#portableIdct()} must also equal the C
 * path's hash. Rows listed in {@code golden/known-differences.tsv} are excluded from exactness and must stay
 * within the listed bound. Inputs djpeg rejects are left to {@code RobustnessTest}; inputs from ../shared
 * are skipped when it is absent.
 *
 * <p>Images over 16 million pixels are skipped unless {@code -Dtessera.fullReference=true} (they take
 * seconds each).
 */
class DjpegReferenceTest {
    private static final long LARGE = 16L << 20;
    private static final Set<UnsupportedJpegException.Feature> NOT_YET = Set.of(
        UnsupportedJpegException.Feature.PRECISION, UnsupportedJpegException.Feature.LOSSLESS);

    record Row(String source, String file, int scale, long pixels, String sha, String outcome, String shaC) {
        String key() {
            return source + "\t" + file + "\t" + scale;
        }
    }

    record KnownDifference(int bound, String reason) {
    }

    static List<Row> golden() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : lines("/golden/djpeg-2.1.5.tsv")) {
            String[] f = line.split("\t", -1);
            long pixels = f[3].equals("-") ? 0 : Long.parseLong(f[3]) * Long.parseLong(f[4]);
            rows.add(new Row(f[0], f[1], Integer.parseInt(f[2]), pixels, f[6], f[7], f[8]));
        }
        return rows;
    }

    static Map<String, KnownDifference> knownDifferences() throws IOException {
        Map<String, KnownDifference> map = new HashMap<>();
        for (String line : lines("/golden/known-differences.tsv")) {
            String[] f = line.split("\t", -1);
            map.put(f[0] + "\t" + f[1] + "\t" + f[2], new KnownDifference(Integer.parseInt(f[3]), f[4]));
        }
        return map;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = DjpegReferenceTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            List<String> all = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return all.subList(1, all.size()).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    /** The decoded pixels in djpeg's PNM byte order: R, G, B or grey. */
    static byte[] pnmBytes(BufferedImage image) {
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            return data;
        }
        byte[] rgb = new byte[data.length];
        for (int i = 0; i < data.length; i += 3) {
            rgb[i] = data[i + 2];
            rgb[i + 1] = data[i + 1];
            rgb[i + 2] = data[i];
        }
        return rgb;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static DecoderOptions options(int scale) {
        return DecoderOptions.DEFAULT.withScale(scale).withCmykToRgb(true);
    }

    @Test
    void decodesLikeDjpeg() throws IOException {
        compareWithDjpeg(1, 0);
    }

    /**
     * The same comparison with two threads a decode, on the outputs large enough for the decoder to use them
     * (restart-marked files split by interval, every other single-scan file pipelined).
     */
    @Test
    void decodesLikeDjpegOnTwoThreads() throws IOException {
        compareWithDjpeg(2, DecoderOptions.MIN_PIXELS_FOR_THREADS);
    }

    private static void compareWithDjpeg(int threads, long minPixels) throws IOException {
        boolean full = Boolean.getBoolean("tessera.fullReference");
        Optional<ExternalTool> djpeg = ExternalTool.find("djpeg");
        Map<String, KnownDifference> known = knownDifferences();
        int exact = 0;
        int knownDifferent = 0;
        int unsupported = 0;
        int skipped = 0;
        int djpegErrors = 0;
        int portableChecked = 0;
        List<String> failures = new ArrayList<>();
        Map<String, byte[]> cache = new HashMap<>();
        for (Row row : golden()) {
            if (row.outcome.equals("error") || row.sha.equals("-")) {
                djpegErrors++;
                continue;
            }
            if (row.pixels > LARGE && !full) {
                skipped++;
                continue;
            }
            if (row.pixels < minPixels) {
                continue;
            }
            ReferenceCorpus.Input input = new ReferenceCorpus.Input(row.source, row.file);
            Optional<byte[]> data = Optional.ofNullable(cache.get(input.toString()));
            if (data.isEmpty()) {
                data = input.read();
                if (data.isEmpty()) {
                    skipped++;
                    continue;
                }
                cache.clear();
                cache.put(input.toString(), data.get());
            }
            byte[] pixels;
            try {
                pixels = pnmBytes(new JpegDecoder(options(row.scale).withThreads(threads)).decode(data.get()));
            } catch (UnsupportedJpegException e) {
                if (NOT_YET.contains(e.feature())) {
                    unsupported++;
                } else {
                    failures.add(row.key() + ": " + e.getMessage());
                }
                continue;
            } catch (JpegException e) {
                failures.add(row.key() + ": djpeg decodes it, we throw " + e.getMessage());
                continue;
            }
            String hash = sha256(pixels);
            if (hash.equals(row.sha) && !row.shaC.equals(row.sha) && !row.shaC.equals("-")) {
                try {
                    String c = sha256(pnmBytes(new JpegDecoder(options(row.scale).withPortableIdct(true))
                        .decode(data.get())));
                    if (!c.equals(row.shaC)) {
                        failures.add(row.key() + ": portable IDCT differs from djpeg's C path (JSIMD_FORCENONE=1)");
                        continue;
                    }
                    portableChecked++;
                } catch (JpegException e) {
                    failures.add(row.key() + ": portable IDCT: " + e.getMessage());
                    continue;
                }
            }
            KnownDifference kd = known.get(row.key());
            if (hash.equals(row.sha) && kd == null) {
                exact++;
            } else if (kd != null) {
                if (djpeg.isPresent()) {
                    int diff = Difference.max(djpeg.get(), data.get(), row.scale, pixels).max();
                    if (diff > kd.bound()) {
                        failures.add(row.key() + ": difference " + diff + " exceeds the listed bound " + kd.bound());
                        continue;
                    }
                }
                knownDifferent++;
            } else {
                String detail = hash.equals(row.shaC) ? " (equals djpeg's C path, JSIMD_FORCENONE=1)" : "";
                if (djpeg.isPresent()) {
                    detail += "; " + Difference.max(djpeg.get(), data.get(), row.scale, pixels);
                }
                failures.add(row.key() + ": pixels differ" + detail);
            }
        }
        System.out.printf("djpeg reference (%d threads): %d exact (%d of them also exact against djpeg's C path where it "
            + "differs from SIMD), %d known-different, %d unsupported, %d skipped, %d rejected by djpeg (not "
            + "compared), %d failures%n", threads, exact, portableChecked, knownDifferent, unsupported, skipped, djpegErrors,
            failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " mismatches:\n" + String.join("\n", failures));
        // The TwelveMonkeys test jar (a test dependency) always gives some rows, of both sizes.
        assertTrue(exact > 0, "no file was compared");
    }

    @Test
    void filesDjpegDecodesWithoutWarningDecodeInStrictMode() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Row row : golden()) {
            if (row.scale != 1 || !row.outcome.equals("ok") || row.pixels > LARGE) {
                continue;
            }
            Optional<byte[]> data = new ReferenceCorpus.Input(row.source, row.file).read();
            if (data.isEmpty()) {
                continue;
            }
            try {
                new JpegDecoder(DecoderOptions.DEFAULT.withStrict(true)).decode(data.get());
                checked++;
            } catch (UnsupportedJpegException e) {
                // arithmetic coding: not yet
            } catch (JpegException e) {
                failures.add(row.source + " " + row.file + ": " + e.getMessage());
            }
        }
        assertTrue(checked > minimumChecked(100), "only " + checked + " files checked");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void filesDjpegWarnsAboutGiveWarnings() throws IOException {
        List<String> silent = new ArrayList<>();
        int checked = 0;
        for (Row row : golden()) {
            if (row.scale != 1 || !row.outcome.equals("warn") || row.pixels > LARGE) {
                continue;
            }
            Optional<byte[]> data = new ReferenceCorpus.Input(row.source, row.file).read();
            if (data.isEmpty()) {
                continue;
            }
            List<JpegWarning> warnings = new ArrayList<>();
            try {
                new JpegDecoder(DecoderOptions.DEFAULT.withListener(warnings::add)).decode(data.get());
            } catch (JpegException e) {
                continue; // unsupported; compared elsewhere
            }
            checked++;
            if (warnings.isEmpty()) {
                silent.add(row.source + " " + row.file);
            }
        }
        assertTrue(checked > minimumChecked(20), "only " + checked + " files checked");
        assertTrue(silent.isEmpty(), "djpeg warns, we do not:\n" + String.join("\n", silent));
    }

    /**
     * How many files a sweep must at least check: {@code withShared} when ../shared is beside the repository;
     * without it only the TwelveMonkeys files remain, so the guard asks for at least one and says so.
     */
    private static int minimumChecked(int withShared) {
        if (dev.tessera.testing.Corpus.shared("corpus").isPresent()) {
            return withShared;
        }
        System.out.println("DjpegReferenceTest: ../shared/corpus is absent: checking the TwelveMonkeys files only");
        return 0;
    }

    /** The largest per-channel difference from djpeg's output, and where. */
    record Difference(int max, int x, int y, int channel, String note) {
        static Difference max(ExternalTool djpeg, byte[] jpeg, int scale, byte[] ours) throws IOException {
            String[] args = scale == 1 ? new String[] {"-pnm"} : new String[] {"-pnm", "-scale", "1/" + scale};
            byte[] out = djpeg.run(jpeg, args).stdout();
            if (out.length == 0) {
                return new Difference(256, 0, 0, 0, "djpeg produced nothing");
            }
            DjpegGoldenGenerator.Payload p = DjpegGoldenGenerator.Payload.of(out);
            int n = out.length - p.offset();
            if (n != ours.length) {
                return new Difference(256, 0, 0, 0, "sizes differ: djpeg " + p.width() + "x" + p.height() + "x"
                    + p.channels() + ", ours " + ours.length + " bytes");
            }
            int best = 0;
            int at = 0;
            for (int i = 0; i < n; i++) {
                int d = Math.abs((out[p.offset() + i] & 0xFF) - (ours[i] & 0xFF));
                if (d > best) {
                    best = d;
                    at = i;
                }
            }
            int px = at / p.channels();
            return new Difference(best, px % p.width(), px / p.width(), at % p.channels(), "");
        }

        @Override
        public String toString() {
            return note.isEmpty() ? "largest difference " + max + " at (" + x + ", " + y + ") channel " + channel
                : note;
        }
    }

    static String corpusNote() {
        return Corpus.shared("corpus").isPresent() ? "" : " (../shared absent)";
    }
}
