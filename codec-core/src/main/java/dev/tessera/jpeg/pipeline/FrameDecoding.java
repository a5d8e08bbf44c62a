package dev.tessera.jpeg.pipeline;

import dev.tessera.jpeg.JpegException;
import dev.tessera.jpeg.marker.MarkerReader;

/**
 * Decodes the scans of one frame into component sample planes: {@link FrameDecoder} for the DCT-based
 * processes, {@link LosslessFrameDecoder} for the lossless process (T.81 Annex H). {@link DecodePipeline}
 * picks one when the first scan starts.
 */
interface FrameDecoding {
    /** Decodes one scan whose header was just read; the tables in {@code state} are those in force. */
    void decodeScan(MarkerReader.ScanSelection selection, StreamState state, long offset) throws JpegException;

    /** After the last scan: completes the planes (inverse DCT of multi-scan frames). */
    void finish() throws JpegException;

    /** Per frame component, its samples, row-major with stride {@code DecodeLayout.Component.planeWidth()}. */
    short[][] planes();
}
