package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.entropy.HuffmanLookup;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.marker.MarkerReader;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.HuffmanDefinition;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.spec.Marker;
import java.awt.image.BufferedImage;

/**
 * Decodes the scans of a lossless frame (T.81 Annex H, SOF3 with Huffman coding) into component sample
 * planes. A scan is decoded one MCU row at a time: the Huffman-coded differences of the row's MCUs (H.2,
 * A.2 with a data unit of one sample, so an interleaved MCU holds Hi x Vi samples of component i) into a
 * row buffer, then each sample row is reconstructed by prediction (H.1.2.1, Table H.1) and point transform.
 *
 * <p>Planes hold the reconstructed samples shifted left by Pt, masked to the sample width (8 bits when
 * P <= 8, else 16 bits and so read back with {@code & 0xFFFF}). Samples past a component's edge that an
 * interleaved MCU codes are decoded and dropped; the predictors never look right or down, so they do not
 * matter.
 *
 * <p>Restart intervals must be whole MCU rows, as libjpeg-turbo 3 requires (JERR_BAD_RESTART): at the start
 * of each interval the first sample row is predicted as the first row of the scan.
 */
final class LosslessFrameDecoder implements FrameDecoding {
    private final DecodeLayout layout;
    private final int precision;
    private final BitReader bits;
    private final WarningSink warnings;
    private final SamplePlane[] planes;
    private final ImageAssembler assembler;
    private final int sampleMask;

    /**
     * @param output    the image to make at the end, or none (whole planes are kept either way)
     * @param maxMemory the most bytes the planes and the output may take ({@code Limits.maxMemory})
     */
    LosslessFrameDecoder(FrameHeader frame, DecodeLayout layout, BitReader bits, WarningSink warnings,
                         PixelOutput output, long maxMemory, long offset) throws JpegException {
        this.layout = layout;
        this.precision = frame.precision();
        this.bits = bits;
        this.warnings = warnings;
        this.sampleMask = precision <= 8 ? 0xFF : 0xFFFF;
        long total = 0;
        for (DecodeLayout.Component c : layout.components) {
            long samples = (long) c.planeWidth() * c.planeHeight();
            if (samples > Integer.MAX_VALUE - 64) {
                throw new JpegLimitException(offset, Marker.SOS, "component " + c.id + " is too large to buffer");
            }
            total += 2 * samples;
        }
        total += (long) layout.outputWidth * layout.outputHeight * output.bytesPerPixel();
        MemoryBudget.check(total, maxMemory, offset);
        planes = new SamplePlane[layout.components.length];
        for (DecodeLayout.Component c : layout.components) {
            // Whole planes: a frame may code its components in separate scans (T.81 H.1.1).
            planes[c.index] = new SamplePlane(c.planeWidth(), c.planeHeight());
        }
        assembler = output.image() ? new ImageAssembler(layout, planes, output, offset) : null;
    }

    @Override
    public SamplePlane[] planes() {
        return planes.clone();
    }

    @Override
    public BufferedImage image() {
        return assembler == null ? null : assembler.image();
    }

    /** Each scan reconstructs its samples as it goes; the image is assembled once all scans are in. */
    @Override
    public void finish() {
        if (assembler != null) {
            assembler.imcuRowDone(layout.imcuRows - 1);
        }
    }

    @Override
    public void decodeScan(MarkerReader.ScanSelection selection, StreamState state, long offset)
        throws JpegException {
        ScanHeader scan = selection.header();
        // T.81 H.1.2.1 and B.2.3: Ss is the predictor selection value, Al the point transform Pt.
        int predictor = scan.spectralStart();
        int pointTransform = scan.approxLow();
        if (predictor < 1 || predictor > 7 || pointTransform >= precision) {
            throw new MalformedJpegException(offset, Marker.SOS, "invalid lossless parameters: predictor "
                + predictor + ", point transform " + pointTransform + " for " + precision + "-bit samples");
        }
        if (scan.spectralEnd() != 0 || scan.approxHigh() != 0) {
            warnings.warn(offset, JpegWarning.Kind.NOT_SEQUENTIAL, "invalid SOS parameters for lossless JPEG: Se="
                + scan.spectralEnd() + " Ah=" + scan.approxHigh());
        }
        int n = scan.components().size();
        DecodeLayout.Component[] comps = new DecodeLayout.Component[n];
        HuffmanLookup[] tables = new HuffmanLookup[n];
        for (int i = 0; i < n; i++) {
            comps[i] = layout.components[selection.frameIndices().get(i)];
            int slot = scan.components().get(i).dcTableSlot();
            tables[i] = lookup(slot < 4 ? state.dcTables[slot] : null, slot, offset);
        }
        boolean interleaved = n > 1;
        int mcusPerRow = interleaved ? layout.mcusPerRow : comps[0].blocksWide;
        int mcuRows = interleaved ? layout.imcuRows : comps[0].blocksHigh;
        int restartInterval = state.restartInterval;
        if (restartInterval % mcusPerRow != 0) {
            throw new UnsupportedJpegException(offset, Marker.SOS, UnsupportedJpegException.Feature.OTHER,
                "restart interval " + restartInterval + " is not a whole number of MCU rows (" + mcusPerRow
                    + " MCUs), which libjpeg-turbo does not support for lossless JPEG");
        }
        int restartRows = restartInterval / mcusPerRow;
        int[] h = new int[n];
        int[] v = new int[n];
        int[][][] differences = new int[n][][];
        Predictor[] predictors = new Predictor[n];
        for (int i = 0; i < n; i++) {
            h[i] = interleaved ? comps[i].h : 1;
            v[i] = interleaved ? comps[i].v : 1;
            differences[i] = new int[v[i]][mcusPerRow * h[i]];
            predictors[i] = new Predictor(predictor, precision, pointTransform, comps[i].blocksWide);
        }
        bits.startScan();
        int togo = restartInterval;
        for (int mcuRow = 0; mcuRow < mcuRows; mcuRow++) {
            boolean intervalStart = mcuRow == 0 || (restartRows != 0 && mcuRow % restartRows == 0);
            for (int[][] rows : differences) {
                for (int[] row : rows) {
                    java.util.Arrays.fill(row, 0);
                }
            }
            for (int mcu = 0; mcu < mcusPerRow; mcu++) {
                if (restartInterval != 0) {
                    if (togo == 0) {
                        bits.readRestartMarker();
                        togo = restartInterval;
                    }
                    togo--;
                }
                if (bits.insufficientData()) {
                    continue; // libjpeg: the rest of the interval decodes as zero differences
                }
                // T.81 A.2.3 / H.1.1: Hi x Vi samples of each component in scan order.
                for (int i = 0; i < n; i++) {
                    int x0 = mcu * h[i];
                    for (int yy = 0; yy < v[i]; yy++) {
                        int[] row = differences[i][yy];
                        for (int xx = 0; xx < h[i]; xx++) {
                            row[x0 + xx] = difference(tables[i]);
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                DecodeLayout.Component c = comps[i];
                for (int yy = 0; yy < v[i]; yy++) {
                    int y = mcuRow * v[i] + yy;
                    if (y >= c.blocksHigh) {
                        break;
                    }
                    SamplePlane plane = planes[c.index];
                    predictors[i].reconstruct(differences[i][yy], intervalStart && yy == 0, plane.data(),
                        plane.offset(y), sampleMask);
                }
            }
        }
    }

    /** T.81 H.2.2 (F.2.2.1 with SSSS up to 16): one difference, SSSS = 16 meaning 32768 with no extra bits. */
    private int difference(HuffmanLookup table) throws JpegException {
        int s = table.decode(bits);
        if (s == 0) {
            return 0;
        }
        if (s == 16) {
            return 32768;
        }
        return HuffmanLookup.extend(bits.getBits(s), s);
    }

    private static HuffmanLookup lookup(HuffmanDefinition def, int slot, long offset) throws MalformedJpegException {
        if (def == null) {
            throw new MalformedJpegException(offset, Marker.SOS, "DC Huffman table " + slot + " is not defined");
        }
        if (def.spec() == null) {
            throw new MalformedJpegException(offset, Marker.DHT, def.problem());
        }
        try {
            return HuffmanLookup.forLossless(def.spec());
        } catch (IllegalArgumentException e) {
            throw new MalformedJpegException(offset, Marker.DHT, e.getMessage());
        }
    }

    /**
     * Reconstructs sample rows of one component from differences (T.81 H.1.2.1): keeps the previous row of
     * point-transformed values (Rb, Rc come from it).
     */
    static final class Predictor {
        private final int selection;
        private final int pointTransform;
        private final int first;
        private int[] previous;
        private int[] current;

        /**
         * @param selection      the predictor selection value, 1..7 (Table H.1)
         * @param precision      P
         * @param pointTransform Pt
         * @param width          samples per row
         */
        Predictor(int selection, int precision, int pointTransform, int width) {
            this.selection = selection;
            this.pointTransform = pointTransform;
            this.first = 1 << (precision - pointTransform - 1);
            this.previous = new int[width];
            this.current = new int[width];
        }

        /**
         * Reconstructs one row: {@code Px + difference} modulo 2^16 (H.1.2.1), then {@code << Pt} into
         * {@code out} at {@code offset}, masked with {@code mask}.
         *
         * @param firstRow true for the first row of the scan or of a restart interval: its first sample is
         *                 predicted by 2^(P-Pt-1) and the others by Ra
         */
        void reconstruct(int[] differences, boolean firstRow, short[] out, int offset, int mask) {
            int width = current.length;
            int[] up = previous;
            int[] row = current;
            if (width == 0) {
                return;
            }
            row[0] = ((firstRow ? first : up[0]) + differences[0]) & 0xFFFF;
            if (firstRow) {
                for (int x = 1; x < width; x++) {
                    row[x] = (row[x - 1] + differences[x]) & 0xFFFF;
                }
            } else {
                // Table H.1, one loop per predictor so that the choice is made once per row.
                switch (selection) {
                    case 1 -> {
                        for (int x = 1; x < width; x++) {
                            row[x] = (row[x - 1] + differences[x]) & 0xFFFF;
                        }
                    }
                    case 2 -> {
                        for (int x = 1; x < width; x++) {
                            row[x] = (up[x] + differences[x]) & 0xFFFF;
                        }
                    }
                    case 3 -> {
                        for (int x = 1; x < width; x++) {
                            row[x] = (up[x - 1] + differences[x]) & 0xFFFF;
                        }
                    }
                    case 4 -> {
                        for (int x = 1; x < width; x++) {
                            row[x] = (row[x - 1] + up[x] - up[x - 1] + differences[x]) & 0xFFFF;
                        }
                    }
                    case 5 -> {
                        for (int x = 1; x < width; x++) {
                            row[x] = (row[x - 1] + ((up[x] - up[x - 1]) >> 1) + differences[x]) & 0xFFFF;
                        }
                    }
                    case 6 -> {
                        for (int x = 1; x < width; x++) {
                            row[x] = (up[x] + ((row[x - 1] - up[x - 1]) >> 1) + differences[x]) & 0xFFFF;
                        }
                    }
                    default -> {
                        for (int x = 1; x < width; x++) {
                            row[x] = (((row[x - 1] + up[x]) >> 1) + differences[x]) & 0xFFFF;
                        }
                    }
                }
            }
            for (int x = 0; x < width; x++) {
                out[offset + x] = (short) ((row[x] << pointTransform) & mask);
            }
            previous = row;
            current = up;
        }
    }
}
