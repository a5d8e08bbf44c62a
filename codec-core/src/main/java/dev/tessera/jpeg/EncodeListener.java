package dev.tessera.jpeg;

/**
 * Follows one encode and may stop it ({@link JpegEncoder#encode(java.awt.image.BufferedImage, ImageMetadata,
 * java.io.OutputStream, EncodeListener)}). Both methods are called as the encoder reads the image's rows: from
 * the calling thread, or from worker threads when {@link EncoderOptions#threads()} is above 1, so they must be
 * thread-safe and quick.
 */
public interface EncodeListener {
    /** A listener that hears nothing and never stops an encode. */
    EncodeListener NONE = new EncodeListener() {
    };

    /**
     * The share of the image's rows read so far, 0 to 1, never decreasing. Rows are read before they are
     * entropy-coded, so 1 comes shortly before the encode returns; an encode that reads a large image twice
     * (optimized Huffman tables beyond the buffered size) reports the first pass.
     */
    default void progress(float fraction) {
    }

    /**
     * Asked before each row is read: {@code true} stops the encode, which then throws
     * {@link EncodeAbortedException}; what was written to the stream so far is not a whole JPEG file.
     */
    default boolean abortRequested() {
        return false;
    }
}
