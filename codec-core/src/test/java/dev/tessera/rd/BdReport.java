package dev.tessera.rd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Prints a Markdown table of BD-rates against an anchor CSV, one line per test CSV.
 *
 * <pre>
 * java -cp codec-core/target/classes:codec-core/target/test-classes dev.tessera.rd.BdReport \
 *     [--images all|odd|even] ANCHOR.csv TEST.csv...
 * </pre>
 *
 * The anchor is cut to the (image, quality) points each test CSV has, so a run over a subset of images or
 * qualities is compared like for like. {@code odd}/{@code even} keep images whose name ends in an odd/even
 * number (kodim01, kodim03, ... is the tuning half of Kodak).
 */
public final class BdReport {
    private BdReport() {
    }

    public static void main(String[] args) throws IOException {
        String images = "all";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--images")) {
                images = args[++i];
            } else {
                files.add(Path.of(args[i]));
            }
        }
        Predicate<String> keep = imageFilter(images);
        List<RdRow> anchor = filter(RdRow.read(files.get(0)), keep);
        System.out.println("| encoder | images | BD-rate SSIMULACRA2 | BD-rate butteraugli | BD-rate PSNR "
            + "| BD-rate PSNR-Y | mean bpp |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Path p : files.subList(1, files.size())) {
            List<RdRow> test = filter(RdRow.read(p), keep);
            Set<String> points = new HashSet<>();
            for (RdRow r : test) {
                points.add(r.image() + "@" + r.q());
            }
            List<RdRow> a = filter(anchor, r -> true);
            a.removeIf(r -> !points.contains(r.image() + "@" + r.q()));
            long imageCount = test.stream().map(RdRow::image).distinct().count();
            double bpp = test.stream().mapToDouble(RdRow::bpp).average().orElse(Double.NaN);
            System.out.println("| " + (test.isEmpty() ? p : test.get(0).encoder()) + " | " + imageCount + " | "
                + pct(a, test, RdRow::ssimulacra2) + " | " + pct(a, test, RdRow::butteraugli) + " | "
                + pct(a, test, RdRow::psnr) + " | " + pct(a, test, RdRow::psnrY) + " | "
                + String.format(Locale.ROOT, "%.3f", bpp) + " |");
        }
    }

    static Predicate<String> imageFilter(String which) {
        return switch (which) {
            case "all" -> s -> true;
            case "odd" -> s -> trailingNumber(s) % 2 == 1;
            case "even" -> s -> trailingNumber(s) % 2 == 0;
            default -> throw new IllegalArgumentException("--images all|odd|even, found " + which);
        };
    }

    private static int trailingNumber(String s) {
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            i--;
        }
        return i == s.length() ? 0 : Integer.parseInt(s.substring(i));
    }

    private static List<RdRow> filter(List<RdRow> rows, Predicate<String> keep) {
        List<RdRow> out = new ArrayList<>();
        for (RdRow r : rows) {
            if (keep.test(r.image())) {
                out.add(r);
            }
        }
        return out;
    }

    private static String pct(List<RdRow> anchor, List<RdRow> test, ToDoubleFunction<RdRow> metric) {
        List<RdRow> a = new ArrayList<>(anchor);
        List<RdRow> t = new ArrayList<>(test);
        a.removeIf(r -> Double.isNaN(metric.applyAsDouble(r)));
        t.removeIf(r -> Double.isNaN(metric.applyAsDouble(r)));
        double bd = BdRate.ofRows(a, t, metric);
        return Double.isNaN(bd) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * bd);
    }
}
