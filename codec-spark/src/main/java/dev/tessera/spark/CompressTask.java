package dev.tessera.spark;

import dev.tessera.cli.Failures;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The batch job's {@code compress} on one partition of input paths: each input becomes one JPEG under the same
 * relative path in the output directory, with the extension {@code .jpg}, committed through {@link FileCommit}.
 * Gives one status row per input; a file that cannot be read or written is a {@code failed} row, never a failed
 * task.
 */
final class CompressTask implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;

    /** Written, skipped (the output existed) or failed. */
    static final StructType SCHEMA = new StructType()
        .add("input", DataTypes.StringType)
        .add("output", DataTypes.StringType)
        .add("status", DataTypes.StringType)
        .add("bytes_in", DataTypes.LongType)
        .add("bytes_out", DataTypes.LongType)
        .add("quality", DataTypes.IntegerType)
        .add("error", DataTypes.StringType);

    private final String base;
    private final String output;
    private final Setting setting;
    private final boolean overwrite;
    private final HadoopConf conf;

    CompressTask(String base, String output, Setting setting, boolean overwrite, HadoopConf conf) {
        this.base = base;
        this.output = output;
        this.setting = setting;
        this.overwrite = overwrite;
        this.conf = conf;
    }

    /** {@code dir/a/b.png} for base {@code dir} and output {@code out}: {@code out/a/b.jpg}. */
    static Path outputFor(String base, String file, Path outputDir) {
        String relative = Inputs.relative(base, file);
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        String stem = dot > slash + 1 ? relative.substring(0, dot) : relative;
        return new Path(outputDir, stem + ".jpg");
    }

    @Override
    public Iterator<Row> call(Iterator<Row> paths) {
        List<Row> rows = new ArrayList<>();
        Path outputDir = new Path(output);
        while (paths.hasNext()) {
            String file = paths.next().getString(0);
            rows.add(convert(file, outputDir));
        }
        return rows.iterator();
    }

    private Row convert(String file, Path outputDir) {
        Path input = new Path(file);
        Path target = outputFor(base, file, outputDir);
        long bytesIn = -1;
        try {
            FileSystem outFs = FileCommit.fileSystem(target, conf);
            Path qualifiedTarget = outFs.makeQualified(target);
            if (qualifiedTarget.equals(input)) {
                return failed(file, target, bytesIn, "output " + target + " is the input itself; choose another "
                    + "--output");
            }
            if (!overwrite && outFs.exists(target)) {
                return RowFactory.create(file, qualifiedTarget.toString(), "skipped", null, outFs.getFileStatus(target)
                    .getLen(), null, null);
            }
            byte[] content = FileCommit.read(FileCommit.fileSystem(input, conf), input);
            bytesIn = content.length;
            Operations.Outcome<Operations.Encoded> outcome = Operations.compress(content, setting);
            if (outcome.value() == null) {
                return failed(file, target, bytesIn, outcome.error());
            }
            byte[] jpeg = outcome.value().jpeg();
            FileCommit.write(outFs, target, jpeg, overwrite);
            return RowFactory.create(file, qualifiedTarget.toString(), "written", bytesIn, (long) jpeg.length,
                outcome.value().quality(), null);
        } catch (Exception e) {
            return failed(file, target, bytesIn, Failures.describe(e));
        }
    }

    private static Row failed(String file, Path target, long bytesIn, String error) {
        return RowFactory.create(file, target.toString(), "failed", bytesIn < 0 ? null : bytesIn, null, null, error);
    }
}
