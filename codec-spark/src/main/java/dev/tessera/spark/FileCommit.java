package dev.tessera.spark;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;

/**
 * Reads inputs and commits outputs one file at a time through Hadoop's file system API, so a job writes to
 * HDFS and object stores as to local disks.
 *
 * <p>An output is written to a hidden temporary name beside it ({@code .NAME.tessera-XXXXXXXX.tmp}, the CLI's
 * pattern; Spark and Hadoop input listings skip names starting with a dot) and then renamed onto its name, so
 * a killed or retried task never leaves a partial file under an output's name. An existing output is kept
 * unless {@code overwrite}.
 */
final class FileCommit {
    private static final SecureRandom RANDOM = new SecureRandom();

    private FileCommit() {
    }

    /**
     * The file system of {@code path}; for local paths the raw one, which writes no {@code .crc} files beside
     * the outputs.
     */
    static FileSystem fileSystem(Path path, HadoopConf conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf.get());
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    /** A whole input file; refuses files over 2 GiB (a Java array's limit) before reading. */
    static byte[] read(FileSystem fs, Path path) throws IOException {
        long length = fs.getFileStatus(path).getLen();
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("file of " + length + " bytes is too large to read into memory");
        }
        try (InputStream in = fs.open(path)) {
            return in.readAllBytes();
        }
    }

    /**
     * Writes {@code bytes} to {@code target} through a temporary file in its directory.
     *
     * @throws FileAlreadyExistsException if the target exists and {@code overwrite} is not set
     */
    static void write(FileSystem fs, Path target, byte[] bytes, boolean overwrite) throws IOException {
        Path dir = target.getParent();
        fs.mkdirs(dir);
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        Path temp = new Path(dir, "." + target.getName() + ".tessera-" + HexFormat.of().formatHex(suffix) + ".tmp");
        boolean published = false;
        try {
            try (FSDataOutputStream out = fs.create(temp, false)) {
                out.write(bytes);
                // On disk before the rename where the file system can say so (HDFS, local); object stores
                // (S3A) have no hsync and make the object visible only when the stream closes.
                if (out.hasCapability(StreamCapabilities.HSYNC)) {
                    out.hsync();
                }
            }
            if (fs.exists(target)) {
                if (!overwrite) {
                    throw new FileAlreadyExistsException(target + " exists (use --overwrite to replace it)");
                }
                fs.delete(target, false);
            }
            published = fs.rename(temp, target);
            if (!published) {
                throw new IOException("cannot rename " + temp + " to " + target);
            }
        } finally {
            if (!published) {
                fs.delete(temp, false);
            }
        }
    }
}
