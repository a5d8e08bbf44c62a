package dev.tessera.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files a job works on: every file under {@code --input} (a directory, a file, or a Hadoop glob such as
 * {@code s3a://bucket/photos/2024-*}), in all subdirectories, whose name matches {@code --glob}, sorted by path.
 * Names starting with '.' or '_' are skipped below the input, as Spark's file sources skip them (hidden files,
 * {@code _SUCCESS}, the job's own temporary files). Listed on the driver with Hadoop's recursive listing, which
 * object stores answer with paged flat listings; empty files are kept (Spark's file sources drop them), so they
 * are reported as failures as the CLI reports them.
 *
 * @param base  the directory relative paths start from: the input directory, a file's directory, or for a
 *              glob the directory above its first pattern character
 * @param files fully qualified paths
 */
record Inputs(String base, List<String> files) {
    /** The extensions {@code tessera compress} reads, in lower and upper case (globs are case-sensitive). */
    static final String DEFAULT_GLOB = "*.{png,PNG,bmp,BMP,gif,GIF,pbm,PBM,pgm,PGM,ppm,PPM,pnm,PNM,pam,PAM,"
        + "tif,TIF,tiff,TIFF,jpg,JPG,jpeg,JPEG}";

    /** The extensions {@code tessera optimize} reads. */
    static final String JPEG_GLOB = "*.{jpg,JPG,jpeg,JPEG,jpe,JPE,jfif,JFIF}";

    Inputs {
        files = List.copyOf(files);
    }

    /**
     * Lists the inputs.
     *
     * @param glob    the file name pattern, or {@code null} for {@link #DEFAULT_GLOB}
     * @param exclude a directory whose files are never inputs (the job's output), or {@code null}
     */
    static Inputs list(String input, String glob, String exclude, HadoopConf conf) throws IOException {
        Path inputPath = new Path(input);
        FileSystem fs = inputPath.getFileSystem(conf.get());
        Path qualified = fs.makeQualified(inputPath);
        FileStatus[] roots = fs.globStatus(inputPath);
        if (roots == null || roots.length == 0) {
            throw new FileNotFoundException(input + ": no such file or directory");
        }
        String base = baseOf(qualified.toString());
        if (roots.length == 1 && roots[0].isFile()) {
            base = roots[0].getPath().getParent().toString();
        }
        String excluded = null;
        if (exclude != null) {
            Path out = new Path(exclude);
            excluded = out.getFileSystem(conf.get()).makeQualified(out).toString() + "/";
        }
        GlobFilter filter = new GlobFilter(glob == null ? DEFAULT_GLOB : glob);
        List<String> files = new ArrayList<>();
        for (FileStatus root : roots) {
            if (root.isFile()) {
                files.add(root.getPath().toString()); // a file named by the input is taken as given
                continue;
            }
            String rootName = root.getPath().toString();
            RemoteIterator<LocatedFileStatus> found = fs.listFiles(root.getPath(), true);
            while (found.hasNext()) {
                String path = found.next().getPath().toString();
                if (filter.accept(new Path(path)) && !hidden(path.substring(rootName.length()))
                    && (excluded == null || !path.startsWith(excluded))) {
                    files.add(path);
                }
            }
        }
        files.sort(null);
        return new Inputs(base, files);
    }

    /** Whether a path below the input has a part starting with '.' or '_'. */
    private static boolean hidden(String below) {
        for (String part : below.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** The input itself, or for a glob the directory above its first pattern character; no trailing '/'. */
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

    /** The path of {@code file} below the base directory, e.g. {@code 2024/a.png}. */
    String relative(String file) {
        if (file.startsWith(base + "/")) {
            return file.substring(base.length() + 1);
        }
        return new Path(file).getName();
    }
}
