package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Turns JMH JSON result files ({@code -rf json -rff FILE}) of the {@code ImageIo*Benchmark}s into a Markdown
 * table: per case (benchmark method and every parameter but {@code plugin}), MP/s for {@code tessera},
 * {@code jdk} and {@code direct}, the Tessera/JDK ratio and the Tessera-through-ImageIO/direct ratio. Ratios
 * are taken within each file (one run, one JVM) and shown as min-max ranges over the files, as are MP/s. One
 * table per JDK version found, and one over all files when there are several versions.
 *
 * <pre>java -cp codec-bench/target/benchmarks.jar dev.tessera.bench.RatioReport run1.json run2.json ...</pre>
 *
 * MP/s is ops/s times the megapixels of the source image (for {@code region} and {@code subsample} reads too),
 * from the {@code image} parameter: {@code photo} and {@code kodak} by their known sizes, a file by its header
 * (so the file must be where the run found it; {@code ?} otherwise). Results without a {@code plugin}
 * parameter, or not in throughput mode, are left out.
 */
public final class RatioReport {
    static final String DASH = "—";

    /** One JMH result: one benchmark method with one set of parameters in one file. */
    record Result(String file, String jdk, String benchmark, Map<String, String> params, String plugin,
                  double opsPerSecond) {
        /** The benchmark and its parameters without the plugin: what the plugins are compared on. */
        String caseKey() {
            return benchmark + " " + parameters();
        }

        String parameters() {
            return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        }
    }

    private RatioReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: RatioReport RESULT.json [RESULT.json ...]  (JMH -rf json -rff RESULT.json)");
            System.exit(2);
        }
        List<Result> results = new ArrayList<>();
        for (String arg : args) {
            results.addAll(read(Path.of(arg)));
        }
        Map<String, Double> sizes = new HashMap<>();
        System.out.print(report(results, params -> sizes.computeIfAbsent(params.get("image") + " "
            + params.getOrDefault("kind", ImageIoInput.AS_IS), key -> megapixels(params))));
    }

    /** The ImageIO comparison results in one JMH JSON file. */
    static List<Result> read(Path file) throws IOException {
        Object root = Json.parse(Files.readString(file));
        if (!(root instanceof List<?> entries)) {
            throw new IOException(file + ": not a JMH JSON result file (no top-level array)");
        }
        List<Result> results = new ArrayList<>();
        for (Object entry : entries) {
            Map<?, ?> run = (Map<?, ?>) entry;
            Map<?, ?> params = run.get("params") instanceof Map<?, ?> p ? p : Map.of();
            if (!"thrpt".equals(run.get("mode")) || !params.containsKey("plugin")) {
                continue;
            }
            Map<String, String> others = new TreeMap<>();
            params.forEach((k, v) -> others.put(k.toString(), v.toString()));
            String plugin = others.remove("plugin");
            Map<?, ?> metric = (Map<?, ?>) run.get("primaryMetric");
            double ops = opsPerSecond(Json.number(metric.get("score")), (String) metric.get("scoreUnit"));
            String benchmark = run.get("benchmark").toString();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            results.add(new Result(file.getFileName().toString(), String.valueOf(run.get("jdkVersion")), benchmark,
                others, plugin, ops));
        }
        return results;
    }

    static double opsPerSecond(double score, String unit) {
        return switch (unit) {
            case "ops/s" -> score;
            case "ops/ms" -> score * 1e3;
            case "ops/us" -> score * 1e6;
            case "ops/ns" -> score * 1e9;
            case "ops/min" -> score / 60;
            default -> throw new IllegalArgumentException("not a throughput unit: " + unit);
        };
    }

    /** The megapixels of the source image the parameters name; NaN when it cannot be found. */
    static double megapixels(Map<String, String> params) {
        String image = params.get("image");
        if (image == null) {
            return Double.NaN;
        }
        double mp = ImageIoInput.megapixels(image, params.getOrDefault("kind", ImageIoInput.AS_IS));
        if (Double.isNaN(mp)) {
            try {
                // An encode benchmark's picture (PNG and others).
                mp = BenchImage.load(image).megapixels();
            } catch (RuntimeException e) {
                mp = Double.NaN;
            }
        }
        return mp;
    }

    /** The Markdown report: one table per JDK version, and one over all files when there are several. */
    static String report(List<Result> results, ToDoubleFunction<Map<String, String>> megapixels) {
        StringBuilder out = new StringBuilder();
        Map<String, List<Result>> byJdk = new TreeMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (Result r : results) {
            byJdk.computeIfAbsent(r.jdk(), k -> new ArrayList<>()).add(r);
            files.putIfAbsent(r.file(), r.jdk());
        }
        out.append("Files: ").append(files.entrySet().stream().map(e -> e.getKey() + " (JDK " + e.getValue() + ")")
            .collect(Collectors.joining(", "))).append(".\n");
        out.append("MP/s = ops/s x megapixels of the source image; ranges are min-max over the files, ratios taken"
            + " within each file. " + DASH + ": no result (not run, or setup refused the case).\n");
        for (Map.Entry<String, List<Result>> jdk : byJdk.entrySet()) {
            out.append("\n### JDK ").append(jdk.getKey()).append(" (").append(fileCount(jdk.getValue()))
                .append(" file(s))\n\n");
            table(out, jdk.getValue(), megapixels);
        }
        if (byJdk.size() > 1) {
            out.append("\n### All JDKs (").append(fileCount(results)).append(" files)\n\n");
            table(out, results, megapixels);
        }
        return out.toString();
    }

    private static long fileCount(List<Result> results) {
        return results.stream().map(Result::file).distinct().count();
    }

    private static void table(StringBuilder out, List<Result> results,
                              ToDoubleFunction<Map<String, String>> megapixels) {
        // case -> file -> plugin -> ops/s
        Map<String, Map<String, Map<String, Double>>> cases = new TreeMap<>();
        Map<String, Result> examples = new HashMap<>();
        for (Result r : results) {
            cases.computeIfAbsent(r.caseKey(), k -> new TreeMap<>())
                .computeIfAbsent(r.file(), k -> new HashMap<>()).put(r.plugin(), r.opsPerSecond());
            examples.putIfAbsent(r.caseKey(), r);
        }
        out.append("| benchmark | parameters | MP | Tessera MP/s | JDK MP/s | direct MP/s | Tessera/JDK"
            + " | Tessera ImageIO/direct |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, Map<String, Double>>> c : cases.entrySet()) {
            Result example = examples.get(c.getKey());
            double mp = megapixels.applyAsDouble(example.params());
            List<Double> tessera = new ArrayList<>();
            List<Double> jdk = new ArrayList<>();
            List<Double> direct = new ArrayList<>();
            List<Double> tesseraOverJdk = new ArrayList<>();
            List<Double> tesseraOverDirect = new ArrayList<>();
            for (Map<String, Double> byPlugin : c.getValue().values()) {
                Double t = byPlugin.get(ImageIoPlugins.TESSERA);
                Double j = byPlugin.get(ImageIoPlugins.JDK);
                Double d = byPlugin.get(ImageIoPlugins.DIRECT);
                addIf(tessera, t, mp);
                addIf(jdk, j, mp);
                addIf(direct, d, mp);
                if (t != null && j != null) {
                    tesseraOverJdk.add(t / j);
                }
                if (t != null && d != null) {
                    tesseraOverDirect.add(t / d);
                }
            }
            out.append("| ").append(example.benchmark()).append(" | ").append(example.parameters()).append(" | ")
                .append(Double.isNaN(mp) ? "?" : String.format(Locale.ROOT, "%.2f", mp)).append(" | ")
                .append(range(tessera, false)).append(" | ").append(range(jdk, false)).append(" | ")
                .append(range(direct, false)).append(" | ").append(range(tesseraOverJdk, true)).append(" | ")
                .append(range(tesseraOverDirect, true)).append(" |\n");
        }
    }

    private static void addIf(List<Double> values, Double ops, double mp) {
        if (ops != null) {
            values.add(ops * mp);
        }
    }

    /** {@code min-max}, one value, {@value #DASH} for none, {@code ?} for unknown megapixels. */
    static String range(List<Double> values, boolean ratio) {
        if (values.isEmpty()) {
            return DASH;
        }
        if (values.stream().anyMatch(v -> Double.isNaN(v))) {
            return "?";
        }
        String min = format(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), ratio);
        String max = format(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), ratio);
        return min.equals(max) ? min : min + "–" + max;
    }

    private static String format(double v, boolean ratio) {
        if (ratio) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
