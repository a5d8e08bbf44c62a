package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.RestartInterval;
import dev.tessera.jpeg.Subsampling;
import java.util.Locale;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;

/**
 * The default write parameters of Tessera's JPEG writer: a {@link JPEGImageWriteParam}, so code written for
 * the JDK's writer (casts, {@code setOptimizeHuffmanTables}, {@code setEncodeTables}) works unchanged, plus
 * Tessera's own settings.
 *
 * <p>Defaults: quality 0.75 when {@code MODE_EXPLICIT} is chosen (the JDK's default), optimized Huffman tables
 * <em>on</em> (the JDK's default is off), progressive off, subsampling and restart interval taken from the image
 * metadata or else 4:2:0 and none.
 */
public class TesseraJpegWriteParam extends JPEGImageWriteParam {
    private Subsampling subsampling;
    private RestartInterval restartInterval;

    public TesseraJpegWriteParam(Locale locale) {
        super(locale);
        setOptimizeHuffmanTables(true);
    }

    /** Chroma subsampling, or {@code null} (the default) to take it from the metadata, else 4:2:0. */
    public Subsampling getSubsampling() {
        return subsampling;
    }

    /** Sets the chroma subsampling of colour images; {@code null} takes it from the metadata. */
    public void setSubsampling(Subsampling subsampling) {
        this.subsampling = subsampling;
    }

    /** The restart interval, or {@code null} (the default) to take it from the metadata's DRI, else none. */
    public RestartInterval getRestartInterval() {
        return restartInterval;
    }

    /** Sets the restart interval; {@code null} takes it from the metadata. */
    public void setRestartInterval(RestartInterval restartInterval) {
        this.restartInterval = restartInterval;
    }
}
