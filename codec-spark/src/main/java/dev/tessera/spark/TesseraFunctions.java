package dev.tessera.spark;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.lit;

import dev.tessera.jpeg.TranscodeOptions;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Tessera's SQL functions, for the {@code content} column of Spark's {@code binaryFile} source (or any binary
 * column holding whole files):
 *
 * <ul>
 *   <li>{@code tessera_compress(content, quality [, preset])}: struct {@code <jpeg: binary, error: string>}, the
 *       bytes {@code tessera compress -q quality --preset preset} writes for that file;</li>
 *   <li>{@code tessera_optimize(content)}: struct {@code <jpeg: binary, error: string>}, the bytes
 *       {@code tessera optimize} writes for that JPEG file (the same pixels, fewer bytes; the input itself when
 *       nothing smaller is found; damaged files refused);</li>
 *   <li>{@code tessera_info(content)}: struct of a JPEG file's width, height, components, process, color_space,
 *       sampling, quality (the IJG estimate), ijg_tables, warnings and error;</li>
 *   <li>{@code tessera_metrics(original, jpeg)}: struct {@code <psnr_y, psnr_rgb, ssim, ssimulacra2: double,
 *       error: string>}, as {@code tessera compare} measures.</li>
 * </ul>
 *
 * <p>A file that cannot be read gives NULL fields and the reason in {@code error}, never a failed task. A NULL
 * argument gives a NULL result. Select a call once into a column and take its fields from that column.
 */
public final class TesseraFunctions {
    /** {@code tessera_compress}'s and {@code tessera_optimize}'s result. */
    public static final StructType COMPRESS_TYPE = new StructType()
        .add("jpeg", DataTypes.BinaryType)
        .add("error", DataTypes.StringType);
    /** {@code tessera_info}'s result. */
    public static final StructType INFO_TYPE = new StructType()
        .add("width", DataTypes.IntegerType)
        .add("height", DataTypes.IntegerType)
        .add("components", DataTypes.IntegerType)
        .add("process", DataTypes.StringType)
        .add("color_space", DataTypes.StringType)
        .add("sampling", DataTypes.StringType)
        .add("quality", DataTypes.IntegerType)
        .add("ijg_tables", DataTypes.BooleanType)
        .add("warnings", DataTypes.createArrayType(DataTypes.StringType, false))
        .add("error", DataTypes.StringType);
    /** {@code tessera_metrics}'s result. */
    public static final StructType METRICS_TYPE = new StructType()
        .add("psnr_y", DataTypes.DoubleType)
        .add("psnr_rgb", DataTypes.DoubleType)
        .add("ssim", DataTypes.DoubleType)
        .add("ssimulacra2", DataTypes.DoubleType)
        .add("error", DataTypes.StringType);

    /** The Java function behind {@code tessera_compress}, whose SQL wrapper gives the preset its default. */
    static final String COMPRESS_IMPL = "tessera_compress_preset";

    private TesseraFunctions() {
    }

    /** Registers the functions in {@code spark}'s session (temporary functions: once per session). */
    public static void register(SparkSession spark) {
        spark.udf().register(COMPRESS_IMPL, (UDF3<byte[], Integer, String, Row>) TesseraFunctions::compressRow,
            COMPRESS_TYPE);
        // A SQL function, for the optional third argument: Java UDFs have a fixed arity.
        spark.sql("CREATE OR REPLACE TEMPORARY FUNCTION tessera_compress(content BINARY, quality INT, "
            + "preset STRING DEFAULT 'default') RETURNS STRUCT<jpeg: BINARY, error: STRING> "
            + "RETURN " + COMPRESS_IMPL + "(content, quality, preset)");
        spark.udf().register("tessera_optimize", (UDF1<byte[], Row>) TesseraFunctions::optimizeRow, COMPRESS_TYPE);
        spark.udf().register("tessera_info", (UDF1<byte[], Row>) TesseraFunctions::infoRow, INFO_TYPE);
        spark.udf().register("tessera_metrics", (UDF2<byte[], byte[], Row>) TesseraFunctions::metricsRow,
            METRICS_TYPE);
    }

    /** {@code tessera_compress(content, quality)} for the DataFrame API. */
    public static Column compress(Column content, int quality) {
        return call_function("tessera_compress", content, lit(quality));
    }

    /** {@code tessera_compress(content, quality, preset)} for the DataFrame API. */
    public static Column compress(Column content, int quality, String preset) {
        return call_function("tessera_compress", content, lit(quality), lit(preset));
    }

    /** {@code tessera_optimize(content)} for the DataFrame API. */
    public static Column optimize(Column content) {
        return call_function("tessera_optimize", content);
    }

    /** {@code tessera_info(content)} for the DataFrame API. */
    public static Column info(Column content) {
        return call_function("tessera_info", content);
    }

    /** {@code tessera_metrics(original, jpeg)} for the DataFrame API. */
    public static Column metrics(Column original, Column jpeg) {
        return call_function("tessera_metrics", original, jpeg);
    }

    static Row compressRow(byte[] content, Integer quality, String preset) {
        if (content == null || quality == null) {
            return null;
        }
        Setting setting;
        try {
            setting = Setting.DEFAULT.withPreset(Setting.parsePreset(preset)).withQuality(quality);
        } catch (IllegalArgumentException e) {
            return RowFactory.create(null, e.getMessage());
        }
        Operations.Outcome<Operations.Encoded> outcome = Operations.compress(content, setting);
        return RowFactory.create(outcome.value() == null ? null : outcome.value().jpeg(), outcome.error());
    }

    static Row optimizeRow(byte[] content) {
        if (content == null) {
            return null;
        }
        Operations.Outcome<Operations.Encoded> outcome = Operations.optimize(content, TranscodeOptions.DEFAULT);
        return RowFactory.create(outcome.value() == null ? null : outcome.value().jpeg(), outcome.error());
    }

    static Row infoRow(byte[] content) {
        if (content == null) {
            return null;
        }
        Operations.Outcome<Operations.Info> outcome = Operations.info(content);
        Operations.Info i = outcome.value();
        if (i == null) {
            return RowFactory.create(null, null, null, null, null, null, null, null, null, outcome.error());
        }
        return RowFactory.create(i.width(), i.height(), i.components(), i.process(), i.colorSpace(), i.sampling(),
            i.quality(), i.ijgTables(), List.copyOf(i.warnings()), outcome.error());
    }

    static Row metricsRow(byte[] original, byte[] jpeg) {
        if (original == null || jpeg == null) {
            return null;
        }
        Operations.Outcome<Operations.Metrics> outcome = Operations.metrics(original, jpeg);
        Operations.Metrics m = outcome.value();
        if (m == null) {
            return RowFactory.create(null, null, null, null, outcome.error());
        }
        return RowFactory.create(m.psnrY(), m.psnrRgb(), Double.isNaN(m.ssim()) ? null : m.ssim(), m.ssimulacra2(),
            null);
    }
}
