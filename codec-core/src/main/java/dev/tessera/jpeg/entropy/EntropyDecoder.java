package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.error.JpegException;

/**
 * Decodes the entropy-coded data of one scan, one MCU at a time, into DCT coefficients. One
 * implementation per coding process, chosen once when a scan starts: {@link HuffmanDecoder} (sequential,
 * T.81 F.2.2), {@link ProgressiveHuffmanDecoder} (G.1.2); arithmetic decoders (Annex D) implement this too.
 *
 * <p>The caller ({@code pipeline.ScanDecoder}) owns the MCU walk and the restart interval: before an MCU
 * that starts a new interval it has the bit reader read the RSTm marker and calls {@link #restart()}; it
 * skips {@link #decodeMcu} while the bit reader reports insufficient data, leaving the blocks as they are.
 */
public interface EntropyDecoder {
    /**
     * Decodes one MCU. Block {@code b} of the MCU (T.81 A.2.3 order) holds its 64 coefficients in natural
     * (row-major) order at {@code blocks[b][offsets[b]] .. +63}. Sequential decoders expect zeroed blocks;
     * progressive ones refine what earlier scans left there.
     */
    void decodeMcu(short[][] blocks, int[] offsets) throws JpegException;

    /** Resets the predictions and runs at a restart marker (T.81 F.2.1.3.1, G.1.2.1: EOBRUN = 0). */
    void restart();
}
