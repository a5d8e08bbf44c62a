package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.marker.MarkerReader;
import dev.tessera.jpeg.sample.SamplePlane;
import java.awt.image.BufferedImage;

/**
 * Decodes the scans of one frame: {@link FrameDecoder} for the DCT-based processes, {@link LosslessFrameDecoder}
 * for the lossless process (T.81 Annex H). {@link DecodePipeline} picks one when the first scan starts.
 */
interface FrameDecoding {
    /** Decodes one scan whose header was just read; the tables in {@code state} are those in force. */
    void decodeScan(MarkerReader.ScanSelection selection, StreamState state, long offset) throws JpegException;

    /** After the last scan: completes the samples and the image. */
    void finish() throws JpegException;

    /** The output image once {@link #finish()} has returned, or {@code null} when only samples were asked for. */
    BufferedImage image();

    /** Per frame component, its samples; whole planes only when no image was asked for ({@link PixelOutput}). */
    SamplePlane[] planes();
}
