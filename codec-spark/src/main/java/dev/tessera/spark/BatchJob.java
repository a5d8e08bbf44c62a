package dev.tessera.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.lit;

import dev.tessera.cli.Failures;
import dev.tessera.jpeg.CopyPolicy;
import dev.tessera.jpeg.Preset;
import dev.tessera.jpeg.TranscodeOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Tessera's batch job for Spark: {@code compress} a tree of images to JPEG, {@code optimize} a tree of JPEG
 * files losslessly, or {@code compare} settings over a tree of images.
 *
 * <pre>
 * spark-submit --class dev.tessera.spark.BatchJob codec-spark-VERSION.jar compress --input DIR --output DIR
 *     [--quality N | --target-ssimulacra2 S] [--preset baseline|fast|default|smallest] [--strip-metadata]
 *     [--glob PATTERN] [--partitions N] [--overwrite] [--master URL]
 * spark-submit ... optimize --input DIR --output DIR [--copy none|comments|icc|exif|all] [--glob PATTERN]
 *     [--partitions N] [--overwrite] [--master URL]
 * spark-submit ... compare --input DIR --report DIR [--qualities 30,50,70,85,95] [--presets default,...]
 *     [--target-ssimulacra2 S] [--glob PATTERN] [--partitions N] [--overwrite] [--master URL]
 * </pre>
 *
 * <p>Exit codes: 0 every input done, 1 any input failed (or the job could not run), 2 bad arguments.
 * docs/spark.md describes the commands, outputs and reports.
 */
public final class BatchJob {
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private BatchJob() {
    }

    /** Runs one command in a session of its own, stops the session and exits with the command's code. */
    public static void main(String[] args) {
        JobArgs parsed;
        try {
            parsed = JobArgs.parse(args);
        } catch (JobArgs.UsageException e) {
            System.err.println("tessera-spark: " + e.getMessage());
            System.err.println(usage());
            System.exit(EXIT_USAGE);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("tessera " + parsed.command);
        boolean submitted = new SparkConf().contains("spark.master"); // spark-submit sets it
        if (parsed.get("master") != null) {
            builder.master(parsed.get("master"));
        } else if (!submitted) {
            builder.master("local[*]"); // run outside spark-submit (exec:java, an IDE): all local cores
        }
        SparkSession spark = builder.getOrCreate();
        if (!submitted) {
            spark.sparkContext().setLogLevel("WARN"); // a local run prints the summary, not Spark's INFO lines
        }
        int code;
        try {
            code = run(spark, parsed, System.out, System.err);
        } finally {
            spark.stop();
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command in {@code spark}; prints the summary to {@code out} and failures to {@code err}. */
    static int run(SparkSession spark, PrintStream out, PrintStream err, String... args) {
        JobArgs parsed;
        try {
            parsed = JobArgs.parse(args);
        } catch (JobArgs.UsageException e) {
            err.println("tessera-spark: " + e.getMessage());
            return EXIT_USAGE;
        }
        return run(spark, parsed, out, err);
    }

    private static int run(SparkSession spark, JobArgs args, PrintStream out, PrintStream err) {
        try {
            return switch (args.command) {
                case "compress" -> compress(spark, args, out, err);
                case "optimize" -> optimize(spark, args, out, err);
                case "compare" -> compare(spark, args, out, err);
                default -> throw new JobArgs.UsageException("unknown command " + args.command);
            };
        } catch (JobArgs.UsageException e) {
            err.println("tessera-spark: " + e.getMessage());
            return EXIT_USAGE;
        } catch (Exception e) { // also Spark's AnalysisException, a checked exception thrown from Scala
            err.println("tessera-spark: " + Failures.describe(e));
            return EXIT_FAILED;
        }
    }

    static String usage() {
        return String.join("\n",
            "usage: BatchJob compress --input DIR --output DIR [--quality N | --target-ssimulacra2 S]",
            "                [--preset baseline|fast|default|smallest] [--strip-metadata] [--glob PATTERN]",
            "                [--partitions N] [--overwrite] [--master URL]",
            "       BatchJob optimize --input DIR --output DIR [--copy none|comments|icc|exif|all]",
            "                [--glob PATTERN] [--partitions N] [--overwrite] [--master URL]",
            "       BatchJob compare --input DIR --report DIR [--qualities 30,50,70,85,95]",
            "                [--presets default,...] [--target-ssimulacra2 S] [--glob PATTERN]",
            "                [--partitions N] [--overwrite] [--master URL]");
    }

    private static int compress(SparkSession spark, JobArgs args, PrintStream out, PrintStream err)
        throws IOException {
        String input = args.required("input");
        String output = args.required("output");
        Setting setting = compressSetting(args);
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        Path outputDir = new Path(output);
        outputDir = outputDir.getFileSystem(conf.get()).makeQualified(outputDir);
        Inputs inputs = Inputs.list(input, args.get("glob"), outputDir.toString(), conf);
        List<ConvertTask.Item> items = ConvertTask.plan(inputs, outputDir, false);
        ConvertTask.Conversion conversion = content -> Operations.compress(content, setting);
        return convert(spark, items, new ConvertTask(conversion, args.flag("overwrite"), conf), args,
            "compress " + setting.label(), out, err);
    }

    private static int optimize(SparkSession spark, JobArgs args, PrintStream out, PrintStream err)
        throws IOException {
        String input = args.required("input");
        String output = args.required("output");
        CopyPolicy copy;
        try {
            copy = CopyPolicy.valueOf(args.list("copy", "all").get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JobArgs.UsageException("--copy: expected none, comments, icc, exif or all, found '"
                + args.get("copy") + "'");
        }
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        Path outputDir = new Path(output);
        outputDir = outputDir.getFileSystem(conf.get()).makeQualified(outputDir);
        Inputs inputs = Inputs.list(input, args.get("glob") == null ? Inputs.JPEG_GLOB : args.get("glob"),
            outputDir.toString(), conf);
        List<ConvertTask.Item> items = ConvertTask.plan(inputs, outputDir, true);
        ConvertTask.Conversion conversion = content -> Operations.optimize(content,
            TranscodeOptions.DEFAULT.withCopy(copy));
        return convert(spark, items, new ConvertTask(conversion, args.flag("overwrite"), conf), args,
            "optimize (copy " + copy.name().toLowerCase(Locale.ROOT) + ")", out, err);
    }

    /** Runs a conversion over the items and prints the totals and the failures. */
    private static int convert(SparkSession spark, List<ConvertTask.Item> items, ConvertTask task, JobArgs args,
                               String label, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        JavaRDD<Row> statuses = partitioned(spark, items, args.integer("partitions")).mapPartitions(task);
        Dataset<Row> rows = spark.createDataFrame(statuses, ConvertTask.SCHEMA)
            .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Row> totals = rows.groupBy("status")
                .agg(count(lit(1)), sum("bytes_in"), sum("bytes_out")).collectAsList();
            long failed = 0;
            StringBuilder line = new StringBuilder(label + ":");
            for (String status : List.of("written", "skipped", "failed")) {
                long n = 0;
                long bytesIn = 0;
                long bytesOut = 0;
                for (Row t : totals) {
                    if (t.getString(0).equals(status)) {
                        n = t.getLong(1);
                        bytesIn = t.isNullAt(2) ? 0 : t.getLong(2);
                        bytesOut = t.isNullAt(3) ? 0 : t.getLong(3);
                    }
                }
                line.append(' ').append(n).append(' ').append(status);
                if (status.equals("written")) {
                    line.append(" (").append(bytesIn).append(" bytes in, ").append(bytesOut).append(" bytes out)");
                }
                line.append(status.equals("failed") ? "" : ",");
                if (status.equals("failed")) {
                    failed = n;
                }
            }
            for (Row f : rows.filter(col("status").equalTo("failed")).select("input", "error").limit(1000)
                .collectAsList()) {
                err.println("tessera-spark: " + f.getString(0) + ": " + f.getString(1));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            line.append(String.format(Locale.ROOT, "; %.1f s, %.2f files/s", seconds, items.size() / seconds));
            out.println(line);
            return failed == 0 ? 0 : EXIT_FAILED;
        } finally {
            rows.unpersist();
        }
    }

    private static Setting compressSetting(JobArgs args) {
        Integer quality = args.integer("quality");
        Double target = args.number("target-ssimulacra2");
        if (quality != null && target != null) {
            throw new JobArgs.UsageException("--quality cannot be combined with --target-ssimulacra2");
        }
        try {
            return Setting.DEFAULT.withPreset(Setting.parsePreset(args.get("preset")))
                .withQuality(quality == null ? Setting.DEFAULT.quality() : quality)
                .withTarget(target)
                .withStripMetadata(args.flag("strip-metadata"));
        } catch (IllegalArgumentException e) {
            throw new JobArgs.UsageException(e.getMessage());
        }
    }

    /** The work items in slices of consecutive items; each task reads its own files. */
    private static <T> JavaRDD<T> partitioned(SparkSession spark, List<T> items, Integer requested) {
        long files = items.size();
        int partitions;
        if (requested != null) {
            if (requested < 1) {
                throw new JobArgs.UsageException("--partitions must be at least 1, found " + requested);
            }
            partitions = requested;
        } else {
            // Four tasks per core evens out images of different sizes; at most ~500 files per task.
            long wanted = Math.max(4L * spark.sparkContext().defaultParallelism(), (files + 499) / 500);
            partitions = (int) Math.max(1, Math.min(files, Math.min(wanted, 100_000)));
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(items, partitions);
    }

    private static int compare(SparkSession spark, JobArgs args, PrintStream out, PrintStream err)
        throws IOException {
        String input = args.required("input");
        String report = args.required("report");
        List<Setting> settings = compareSettings(args);
        Double target = args.number("target-ssimulacra2");
        boolean overwrite = args.flag("overwrite");
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        List<String> names = List.of("images.parquet", "images.csv", "summary.parquet", "summary.csv");
        Path reportDir = new Path(report);
        FileSystem fs = reportDir.getFileSystem(conf.get());
        if (!overwrite) {
            for (String name : names) {
                if (fs.exists(new Path(reportDir, name))) {
                    throw new IOException(new Path(reportDir, name) + " exists (use --overwrite to replace the report)");
                }
            }
        }
        Inputs inputs = Inputs.list(input, args.get("glob"), fs.makeQualified(reportDir).toString(), conf);
        JavaRDD<Row> measured = partitioned(spark, inputs.files(), args.integer("partitions"))
            .mapPartitions(new CompareTask(settings, conf));
        Dataset<Row> rows = spark.createDataFrame(measured, CompareTask.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            rows.write().mode(mode).parquet(new Path(reportDir, "images.parquet").toString());
            rows.coalesce(1).write().mode(mode).option("header", "true")
                .csv(new Path(reportDir, "images.csv").toString());
            Dataset<Row> summary = summary(rows);
            summary.write().mode(mode).parquet(new Path(reportDir, "summary.parquet").toString());
            summary.coalesce(1).write().mode(mode).option("header", "true")
                .csv(new Path(reportDir, "summary.csv").toString());

            List<Row> lines = summary.collectAsList();
            out.println(String.format(Locale.ROOT, "%-10s %7s %7s %9s %10s %10s %9s", "preset", "quality",
                "images", "mean bpp", "mean ssu2", "p5 ssu2", "encode ms"));
            for (Row r : lines) {
                out.println(String.format(Locale.ROOT, "%-10s %7d %7d %9.3f %10.2f %10.2f %9.1f", r.getString(0),
                    r.getInt(1), r.getLong(2), r.getDouble(3), r.getDouble(5), r.getDouble(6), r.getDouble(9)));
            }
            if (target != null) {
                out.println(answer(lines, target));
            }
            List<Row> failures = rows.filter(col("error").isNotNull()).select("input", "preset", "quality", "error")
                .limit(1000).collectAsList();
            for (Row f : failures) {
                err.println("tessera-spark: " + f.getString(0) + (f.isNullAt(1) ? "" : " (" + f.getString(1) + " q"
                    + f.getInt(2) + ")") + ": " + f.getString(3));
            }
            int images = inputs.files().size(); // every input gives at least one row, an error row if nothing else
            out.println("compare: " + images + " images x " + settings.size() + " settings, report in " + report
                + (failures.isEmpty() ? "" : "; " + failures.size() + " rows with errors"));
            return failures.isEmpty() ? 0 : EXIT_FAILED;
        } finally {
            rows.unpersist();
        }
    }

    /**
     * One row per setting over the images measured without error, cheapest first: images, mean bpp, mean bytes,
     * mean and 5th-percentile SSIMULACRA 2 (95% of the images score at least that), mean PSNR (luma), mean
     * SSIM and mean encode time.
     */
    static Dataset<Row> summary(Dataset<Row> rows) {
        return rows.filter(col("error").isNull())
            .groupBy("preset", "quality")
            .agg(count(lit(1)).as("images"),
                avg("bpp").as("mean_bpp"),
                avg("bytes").as("mean_bytes"),
                avg("ssimulacra2").as("mean_ssimulacra2"),
                percentile(col("ssimulacra2"), lit(0.05)).as("p5_ssimulacra2"),
                avg("psnr_y").as("mean_psnr_y"),
                avg("ssim").as("mean_ssim"),
                avg("encode_ms").as("mean_encode_ms"))
            .orderBy("mean_bpp", "preset", "quality");
    }

    /** The cheapest setting whose 5th-percentile SSIMULACRA 2 reaches {@code target}. */
    static String answer(List<Row> summary, double target) {
        for (Row r : summary) {
            if (r.getDouble(6) >= target) {
                return String.format(Locale.ROOT, "cheapest setting scoring at least %.1f on 95%% of the images: "
                    + "%s q%d (mean %.3f bpp, 5th percentile %.2f)", target, r.getString(0), r.getInt(1),
                    r.getDouble(3), r.getDouble(6));
            }
        }
        return String.format(Locale.ROOT, "no setting scores at least %.1f on 95%% of the images", target);
    }

    private static List<Setting> compareSettings(JobArgs args) {
        List<Setting> settings = new ArrayList<>();
        try {
            for (String presetName : args.list("presets", "default")) {
                Preset preset = Setting.parsePreset(presetName);
                for (String q : args.list("qualities", "30,50,70,85,95")) {
                    int quality;
                    try {
                        quality = Integer.parseInt(q);
                    } catch (NumberFormatException e) {
                        throw new JobArgs.UsageException("--qualities: not a whole number: '" + q + "'");
                    }
                    // Originals are read without metadata, as tessera compare reads them.
                    settings.add(Setting.DEFAULT.withPreset(preset).withQuality(quality).withStripMetadata(true));
                }
            }
        } catch (JobArgs.UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JobArgs.UsageException(e.getMessage());
        }
        return settings;
    }
}
