package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.Limits;
import javax.imageio.plugins.jpeg.JPEGImageReadParam;

/**
 * The default read parameters of Tessera's JPEG reader: a {@link JPEGImageReadParam}, so code written for the
 * JDK's reader works unchanged, plus the decoder's resource {@link Limits} (docs/security.md).
 *
 * <pre>{@code
 * ImageReadParam param = reader.getDefaultReadParam();
 * if (param instanceof TesseraJpegReadParam tessera) {
 *     tessera.setLimits(Limits.DEFAULT.withMaxPixels(40_000_000).withMaxMemory(256L << 20));
 * }
 * BufferedImage image = reader.read(0, param);
 * }</pre>
 *
 * A file over a limit fails with an {@code IIOException} whose cause is the {@code JpegLimitException}, before
 * the reader allocates the destination image. Reads without such a param use {@link Limits#DEFAULT}.
 *
 * <p>{@link #setThreads} sets the threads one read may use, as {@link DecoderOptions#threads()} says; reads start
 * from {@link DecoderOptions#AUTO_THREADS} (a second thread while a core is idle), or from the system property
 * {@value #THREADS_PROPERTY} when it is set ({@code auto} or a whole number from 1), which reads without a param,
 * such as {@code ImageIO.read}, use too.
 */
public class TesseraJpegReadParam extends JPEGImageReadParam {
    /** System property with the threads reads start from: {@code auto} (the default) or a whole number from 1. */
    public static final String THREADS_PROPERTY = "dev.tessera.imageio.decodeThreads";

    private Limits limits = Limits.DEFAULT;
    private boolean autoOrient;
    private int threads = defaultThreads();

    /** Parameters with the JDK's defaults and {@link Limits#DEFAULT}. */
    public TesseraJpegReadParam() {
    }

    /** The limits a read with this param enforces; {@link Limits#DEFAULT} unless set. */
    public Limits getLimits() {
        return limits;
    }

    /** Sets the limits; {@code null} is refused. */
    public void setLimits(Limits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        this.limits = limits;
    }

    /** Whether reads turn the image upright as its EXIF Orientation tag says; false unless set. */
    public boolean isAutoOrient() {
        return autoOrient;
    }

    /**
     * Turns the image a read returns upright as its EXIF Orientation tag (2 to 8) says, as
     * {@code DecoderOptions.withAutoOrient} does. The source region, subsampling and bands select from the image
     * as stored (as {@code getWidth} and {@code getHeight} report it); the selected pixels are then mirrored or
     * rotated, so orientations 5 to 8 return an image of swapped width and height. A read with a destination image
     * set in the param refuses this, since the destination cannot change shape.
     */
    public void setAutoOrient(boolean autoOrient) {
        this.autoOrient = autoOrient;
    }

    /** Threads a read with this param may use: at least 1, or {@link DecoderOptions#AUTO_THREADS} (0). */
    public int getThreads() {
        return threads;
    }

    /**
     * Sets the threads a read may use: 1 decodes on the calling thread alone; more lets a large single-scan file
     * be decoded in a pipeline (see {@link DecoderOptions#threads()}); {@link DecoderOptions#AUTO_THREADS} decides
     * per read from the machine's load. The pixels are the same for every value.
     *
     * @throws IllegalArgumentException if {@code threads} is negative
     */
    public void setThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be at least 1, or AUTO_THREADS (0), found " + threads);
        }
        this.threads = threads;
    }

    /**
     * The threads reads start from: the system property {@value #THREADS_PROPERTY} when it holds {@code auto} or
     * a whole number from 1, else {@link DecoderOptions#AUTO_THREADS}.
     */
    static int defaultThreads() {
        return ThreadsProperty.read(THREADS_PROPERTY, Integer.MAX_VALUE); // 0 is DecoderOptions.AUTO_THREADS
    }
}
