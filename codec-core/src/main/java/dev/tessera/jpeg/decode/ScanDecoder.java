package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.entropy.EntropyDecoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.io.BitReader;

/**
 * Walks the MCUs of one scan (T.81 A.2.2 non-interleaved, A.2.3 interleaved) and hands each to the
 * scan's {@link EntropyDecoder}, handling restart intervals (T.81 F.2.1.3.1) as libjpeg's coefficient
 * controller and entropy decoders do together. Knows nothing about the coding process.
 */
final class ScanDecoder {
    /** Called after each iMCU row of the scan has been decoded. */
    interface RowListener {
        void rowDecoded(int imcuRow) throws JpegException;
    }

    private ScanDecoder() {
    }

    /**
     * Decodes the scan.
     *
     * @param scanComponents frame indices of the scan's components, in scan order
     * @param lastGoodRow    libjpeg's last_good_iMCU_row before the scan
     * @return last_good_iMCU_row after it: the last iMCU row in which an MCU started with data left
     */
    static int decode(DecodeLayout layout, int[] scanComponents, CoefficientBuffer[] buffers,
                      EntropyDecoder decoder, BitReader bits, int restartInterval, int lastGoodRow,
                      RowListener listener) throws JpegException {
        return decode(layout, scanComponents, buffers, decoder, bits, restartInterval, lastGoodRow, listener, 0,
            layout.imcuRows);
    }

    /**
     * Decodes iMCU rows {@code firstRow} (inclusive) to {@code endRow} (exclusive) of the scan; the bit reader
     * and decoder are at the start of {@code firstRow}, which is the start of the scan or of a restart interval.
     */
    static int decode(DecodeLayout layout, int[] scanComponents, CoefficientBuffer[] buffers,
                      EntropyDecoder decoder, BitReader bits, int restartInterval, int lastGoodRow,
                      RowListener listener, int firstRow, int endRow) throws JpegException {
        int lastGood = lastGoodRow;
        int togo = restartInterval;
        if (scanComponents.length == 1) {
            DecodeLayout.Component c = layout.components[scanComponents[0]];
            CoefficientBuffer buf = buffers[c.index];
            short[][] blocks = {buf.data};
            int[] offsets = new int[1];
            for (int imcu = firstRow; imcu < endRow; imcu++) {
                // T.81 A.2.2: one block per MCU, only the blocks that hold image samples.
                int rows = imcu < layout.imcuRows - 1 ? c.v : c.blocksHigh - (layout.imcuRows - 1) * c.v;
                for (int yy = 0; yy < rows; yy++) {
                    int rowStart = buf.offset(imcu * c.v + yy, 0); // blocks of a row are consecutive
                    for (int col = 0; col < c.blocksWide; col++) {
                        offsets[0] = buf.address(rowStart + col * 64);
                        if (!bits.insufficientData()) {
                            lastGood = imcu;
                        }
                        if (restartInterval != 0) {
                            if (togo == 0) {
                                bits.readRestartMarker();
                                decoder.restart();
                                togo = restartInterval;
                            }
                            togo--;
                        }
                        if (!bits.insufficientData()) {
                            decoder.decodeMcu(blocks, offsets);
                        }
                    }
                }
                listener.rowDecoded(imcu);
            }
            return lastGood;
        }
        int blocksInMcu = 0;
        for (int ci : scanComponents) {
            blocksInMcu += layout.components[ci].h * layout.components[ci].v;
        }
        short[][] blocks = new short[blocksInMcu][];
        CoefficientBuffer[] owners = new CoefficientBuffer[blocksInMcu];
        int[] offsets = new int[blocksInMcu];
        // T.81 A.2.3: Hi x Vi blocks of each component in scan order, left to right, top to bottom. Block b of
        // the MCU in column mcuCol is at rowOffsets[b] + mcuCol * step[b] (block rows are consecutive blocks).
        int[] rowOffsets = new int[blocksInMcu];
        int[] step = new int[blocksInMcu];
        for (int b = 0, i = 0; i < scanComponents.length; i++) {
            DecodeLayout.Component c = layout.components[scanComponents[i]];
            for (int k = 0; k < c.h * c.v; k++, b++) {
                blocks[b] = buffers[scanComponents[i]].data;
                owners[b] = buffers[scanComponents[i]];
                step[b] = c.h * 64;
            }
        }
        for (int imcu = firstRow; imcu < endRow; imcu++) {
            for (int b = 0, i = 0; i < scanComponents.length; i++) {
                DecodeLayout.Component c = layout.components[scanComponents[i]];
                CoefficientBuffer buf = buffers[scanComponents[i]];
                for (int yy = 0; yy < c.v; yy++) {
                    for (int xx = 0; xx < c.h; xx++) {
                        rowOffsets[b++] = buf.offset(imcu * c.v + yy, xx);
                    }
                }
            }
            for (int mcuCol = 0; mcuCol < layout.mcusPerRow; mcuCol++) {
                for (int b = 0; b < blocksInMcu; b++) {
                    offsets[b] = owners[b].address(rowOffsets[b] + mcuCol * step[b]);
                }
                if (!bits.insufficientData()) {
                    lastGood = imcu;
                }
                if (restartInterval != 0) {
                    if (togo == 0) {
                        bits.readRestartMarker();
                        decoder.restart();
                        togo = restartInterval;
                    }
                    togo--;
                }
                if (!bits.insufficientData()) {
                    decoder.decodeMcu(blocks, offsets);
                }
            }
            listener.rowDecoded(imcu);
        }
        return lastGood;
    }
}
