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
 * The batch job's {@code compress} and {@code optimize} on one partition of inputs: each input becomes one JPEG
 * file under the same relative path in the output directory (for {@code compress} with the extension
 * {@code .jpg}, for {@code optimize} under its own name), committed through {@link FileCommit}. Gives one status
 * row per input; a file that cannot be read or written is a {@code failed} row, never a failed task.
 */
final class ConvertTask implements FlatMapFunction<Iterator<ConvertTask.Item>, Row> {
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

    /** What is done to one input's bytes. */
    interface Conversion extends java.io.Serializable {
        /** The output, or the reason there is none. */
        Operations.Outcome<Operations.Encoded> apply(byte[] content);
    }

    private final Conversion conversion;
    private final boolean overwrite;
    private final HadoopConf conf;

    ConvertTask(Conversion conversion, boolean overwrite, HadoopConf conf) {
        this.conversion = conversion;
        this.overwrite = overwrite;
        this.conf = conf;
    }

    /**
     * One input of the task: the input file, its output, and the earlier input (in path order) that has the
     * same output, or {@code null}.
     */
    record Item(String input, String output, String sameOutputAs) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The items of a listing: {@code base/a/b.png} goes to {@code output/a/b.jpg} (or {@code output/a/b.png} with
     * {@code keepName}). Two inputs with one output ({@code a.png}, {@code a.bmp}): the first in path order is
     * converted, the others fail, as in the CLI.
     */
    static List<Item> plan(Inputs inputs, Path outputDir, boolean keepName) {
        java.util.Map<String, String> firstByOutput = new java.util.HashMap<>();
        List<Item> items = new ArrayList<>();
        for (String file : inputs.files()) {
            String relative = inputs.relative(file);
            int slash = relative.lastIndexOf('/');
            int dot = relative.lastIndexOf('.');
            String stem = dot > slash + 1 ? relative.substring(0, dot) : relative;
            String output = new Path(outputDir, keepName ? relative : stem + ".jpg").toString();
            String first = firstByOutput.putIfAbsent(output, file);
            items.add(new Item(file, output, first));
        }
        return items;
    }

    @Override
    public Iterator<Row> call(Iterator<Item> items) {
        List<Row> rows = new ArrayList<>();
        while (items.hasNext()) {
            rows.add(convert(items.next()));
        }
        return rows.iterator();
    }

    private Row convert(Item item) {
        String file = item.input();
        Path input = new Path(file);
        Path target = new Path(item.output());
        long bytesIn = -1;
        if (item.sameOutputAs() != null) {
            return failed(file, target, bytesIn, "output " + target + " is also the output of " + item.sameOutputAs());
        }
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
            Operations.Outcome<Operations.Encoded> outcome = conversion.apply(content);
            if (outcome.value() == null) {
                return failed(file, target, bytesIn, outcome.error());
            }
            byte[] jpeg = outcome.value().jpeg();
            FileCommit.write(outFs, target, jpeg, overwrite);
            int quality = outcome.value().quality();
            return RowFactory.create(file, qualifiedTarget.toString(), "written", bytesIn, (long) jpeg.length,
                quality > 0 ? quality : null, null);
        } catch (Exception e) {
            return failed(file, target, bytesIn, Failures.describe(e));
        }
    }

    private static Row failed(String file, Path target, long bytesIn, String error) {
        return RowFactory.create(file, target.toString(), "failed", bytesIn < 0 ? null : bytesIn, null, null, error);
    }
}
