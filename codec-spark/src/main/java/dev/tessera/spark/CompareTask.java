package dev.tessera.spark;

import dev.tessera.cli.Failures;
import dev.tessera.cli.SourceImage;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The batch job's {@code compare} on one partition of input paths: each input is read once (as
 * {@code tessera compare} reads originals: no metadata), encoded at every setting, decoded with Tessera's
 * decoder and measured. One row per input and setting; an input that cannot be read is one row with its error
 * and no setting.
 */
final class CompareTask implements FlatMapFunction<Iterator<String>, Row> {
    private static final long serialVersionUID = 1L;

    static final StructType SCHEMA = new StructType()
        .add("input", DataTypes.StringType)
        .add("preset", DataTypes.StringType)
        .add("quality", DataTypes.IntegerType)
        .add("width", DataTypes.IntegerType)
        .add("height", DataTypes.IntegerType)
        .add("bytes", DataTypes.LongType)
        .add("bpp", DataTypes.DoubleType)
        .add("psnr_y", DataTypes.DoubleType)
        .add("psnr_rgb", DataTypes.DoubleType)
        .add("ssim", DataTypes.DoubleType)
        .add("ssimulacra2", DataTypes.DoubleType)
        .add("encode_ms", DataTypes.DoubleType)
        .add("error", DataTypes.StringType);

    private final List<Setting> settings;
    private final HadoopConf conf;

    CompareTask(List<Setting> settings, HadoopConf conf) {
        this.settings = List.copyOf(settings);
        this.conf = conf;
    }

    @Override
    public Iterator<Row> call(Iterator<String> paths) {
        List<Row> rows = new ArrayList<>();
        while (paths.hasNext()) {
            measure(paths.next(), rows);
        }
        return rows.iterator();
    }

    private void measure(String file, List<Row> rows) {
        SourceImage source;
        try {
            Path input = new Path(file);
            source = Operations.load(FileCommit.read(FileCommit.fileSystem(input, conf), input), false);
        } catch (Exception | OutOfMemoryError e) {
            rows.add(error(file, null, Failures.describe(e)));
            return;
        }
        BufferedImage image = source.image();
        for (Setting setting : settings) {
            try {
                Operations.Encoded encoded = Operations.encode(source, setting);
                Operations.Metrics m = Operations.measure(image, Operations.decode(encoded.jpeg()));
                long bytes = encoded.jpeg().length;
                rows.add(RowFactory.create(file, Setting.presetName(setting.preset()), setting.quality(),
                    m.width(), m.height(), bytes, bytes * 8.0 / ((double) m.width() * m.height()), m.psnrY(),
                    m.psnrRgb(), Double.isNaN(m.ssim()) ? null : m.ssim(), m.ssimulacra2(), encoded.encodeMs(), null));
            } catch (Exception | OutOfMemoryError e) {
                rows.add(error(file, setting, Failures.describe(e)));
            }
        }
    }

    private static Row error(String file, Setting setting, String message) {
        return RowFactory.create(file, setting == null ? null : Setting.presetName(setting.preset()),
            setting == null ? null : setting.quality(), null, null, null, null, null, null, null, null, null, message);
    }
}
