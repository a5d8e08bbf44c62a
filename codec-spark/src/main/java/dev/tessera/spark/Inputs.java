package dev.tessera.spark;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The files a job works on: every file under {@code --input} (a directory, a file, or a Hadoop glob such as
 * {@code s3a://bucket/photos/2024-*}), in all subdirectories, whose name matches {@code --glob}. Spark's
 * {@code binaryFile} source lists them (in parallel for large trees) without reading their content; like every
 * Spark file source it skips names starting with '.' or '_'.
 */
final class Inputs {
    /** The extensions {@code tessera compress} reads, in lower and upper case (globs are case-sensitive). */
    static final String DEFAULT_GLOB = "*.{png,PNG,bmp,BMP,gif,GIF,pbm,PBM,pgm,PGM,ppm,PPM,pnm,PNM,pam,PAM,"
        + "tif,TIF,tiff,TIFF,jpg,JPG,jpeg,JPEG}";

    private final String base;
    private final Dataset<Row> paths;

    private Inputs(String base, Dataset<Row> paths) {
        this.base = base;
        this.paths = paths;
    }

    /**
     * Lists the inputs.
     *
     * @param exclude a directory whose files are never inputs (the job's output), or {@code null}
     */
    static Inputs list(SparkSession spark, String input, String glob, String exclude) throws IOException {
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        Path inputPath = new Path(input);
        FileSystem fs = inputPath.getFileSystem(conf.get());
        String base = baseOf(fs.makeQualified(inputPath).toString());
        if (fs.isFile(inputPath)) {
            base = fs.makeQualified(inputPath).getParent().toString();
        }
        Dataset<Row> paths = spark.read().format("binaryFile")
            .option("recursiveFileLookup", "true")
            .option("pathGlobFilter", glob == null ? DEFAULT_GLOB : glob)
            .load(input)
            .select("path");
        if (exclude != null) {
            Path out = new Path(exclude);
            String prefix = out.getFileSystem(conf.get()).makeQualified(out).toString() + "/";
            paths = paths.filter(paths.col("path").startsWith(prefix).unary_$bang());
        }
        return new Inputs(base, paths);
    }

    /** The directory relative paths start from: the input, or for a glob the directory above its first pattern. */
    static String baseOf(String qualified) {
        int glob = indexOfGlob(qualified);
        String base = glob < 0 ? qualified : qualified.substring(0, Math.max(0, qualified.lastIndexOf('/', glob)));
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static int indexOfGlob(String path) {
        for (int i = 0; i < path.length(); i++) {
            if ("*?[{".indexOf(path.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The listed files' fully qualified paths (column {@code path}). */
    Dataset<Row> paths() {
        return paths;
    }

    /** The path of {@code file} below the input's base directory, e.g. {@code 2024/a.png}. */
    static String relative(String base, String file) {
        if (file.startsWith(base + "/")) {
            return file.substring(base.length() + 1);
        }
        return new Path(file).getName();
    }

    String base() {
        return base;
    }
}
