package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.entropy.HuffmanOptimizer;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.entropy.ProgressiveHuffmanEncoder;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.marker.MarkerWriter;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the scans of a progressive frame (T.81 Annex G) from a whole-image coefficient store: for each scan,
 * a counting pass, Huffman tables optimized for that scan (K.2), the DHT and SOS segments, then the coded
 * data. A scan's bytes depend on its header alone (each has its own tables and ends on a byte boundary), so
 * callers may count or code the scans of several scripts once each, in any order or at once. Interleaved scans (DC only) walk MCUs; single-component scans walk the component's own blocks
 * (A.2.2), without the dummy blocks of whole MCUs.
 */
final class ProgressiveEncoder {
    private final EncodeLayout layout;
    /** Quantized blocks: {@code store[mcuRow][component]}, laid out as {@link McuRowEncoder} writes them. */
    private final short[][][] store;
    private final int restartMcus;
    /** The identifier Ci written in scan headers for component index c (scripts name components c + 1). */
    private final int[] componentIds;

    /**
     * Zig-zag index of the last non-zero coefficient of each block (0 when no AC coefficient is), laid out
     * like {@link #store} with one entry a block: AC scans stop there.
     */
    private final byte[][][] lastNonZero;

    ProgressiveEncoder(EncodeLayout layout, short[][][] store, int restartMcus) {
        this(layout, store, restartMcus, null);
    }

    /** @param componentIds Ci of each component index in the written scan headers; {@code null} for c + 1 */
    ProgressiveEncoder(EncodeLayout layout, short[][][] store, int restartMcus, int[] componentIds) {
        this.layout = layout;
        this.store = store;
        this.restartMcus = restartMcus;
        this.componentIds = componentIds;
        lastNonZero = new byte[store.length][][];
        for (int row = 0; row < store.length; row++) {
            lastNonZero[row] = new byte[store[row].length][];
            for (int c = 0; c < store[row].length; c++) {
                short[] blocks = store[row][c];
                byte[] last = new byte[blocks.length / 64];
                for (int b = 0; b < last.length; b++) {
                    int k = 63;
                    while (k > 0 && blocks[b * 64 + k] == 0) {
                        k--;
                    }
                    last[b] = (byte) k;
                }
                lastNonZero[row][c] = last;
            }
        }
    }

    /**
     * One scan after its counting pass: the tables optimized for it (K.2; none for a DC refinement scan,
     * whose bits are raw), its DHT and SOS segments, and its entropy-coded length in bits before byte
     * stuffing and padding, so that {@link #lowerBound()} never exceeds the bytes {@link #code} writes.
     */
    static final class CountedScan {
        final ScanHeader scan;
        final HuffmanTable[] tables;
        final byte[] headers;
        final long dataBits;

        private CountedScan(ScanHeader scan, HuffmanTable[] tables, byte[] headers, long dataBits) {
            this.scan = scan;
            this.tables = tables;
            this.headers = headers;
            this.dataBits = dataBits;
        }

        /** Bytes of this scan's segments and data at least: stuffing, padding and restarts only add. */
        long lowerBound() {
            return headers.length + (dataBits + 7) / 8;
        }
    }

    /** The counting pass of one scan (T.81 K.2): its tables, headers and coded length. Thread-safe. */
    CountedScan count(ScanHeader scan) throws IOException {
        boolean dcRefine = scan.spectralStart() == 0 && scan.approxHigh() > 0;
        long[][] counts = new long[2][256];
        ProgressiveHuffmanEncoder counter = ProgressiveHuffmanEncoder.counting(counts, scan.spectralStart(),
            scan.spectralEnd(), scan.approxLow());
        walk(scan, counter, null);
        long dataBits = counter.extraBits();
        HuffmanTable[] tables = new HuffmanTable[2];
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream(256);
        ByteSink headerSink = new ByteSink(headerBytes, 1024);
        MarkerWriter markers = new MarkerWriter(headerSink);
        if (!dcRefine) {
            int tableClass = scan.spectralStart() == 0 ? 0 : 1;
            for (int slot = 0; slot < 2; slot++) {
                if (usesSlot(scan, slot)) {
                    var spec = HuffmanOptimizer.optimize(counts[slot]);
                    markers.writeHuffmanTable(tableClass, slot, spec);
                    tables[slot] = new HuffmanTable(spec);
                    for (int symbol = 0; symbol < 256; symbol++) {
                        dataBits += counts[slot][symbol] * tables[slot].lengthOf(symbol);
                    }
                }
            }
        }
        markers.writeScanHeader(withFrameIds(scan));
        headerSink.flush();
        return new CountedScan(scan, tables, headerBytes.toByteArray(), dataBits);
    }

    /** The DHT and SOS segments and the coded data of a counted scan. Thread-safe. */
    byte[] code(CountedScan counted) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64,
            counted.lowerBound() + counted.lowerBound() / 64 + 64));
        ByteSink sink = new ByteSink(buffer, (int) Math.min(1 << 16, counted.lowerBound() + 64));
        code(counted, sink);
        sink.flush();
        return buffer.toByteArray();
    }

    /** Writes the DHT and SOS segments and the coded data of a counted scan to {@code sink}. */
    void code(CountedScan counted, ByteSink sink) throws IOException {
        ScanHeader scan = counted.scan;
        sink.write(counted.headers);
        BitWriter bits = new BitWriter(sink);
        walk(scan, ProgressiveHuffmanEncoder.writing(bits, counted.tables, scan.spectralStart(), scan.spectralEnd(),
            scan.approxLow()), bits);
        bits.flushToByteBoundary();
    }

    /** The scan header as written: component indexes + 1 replaced by the frame's identifiers. */
    private ScanHeader withFrameIds(ScanHeader scan) {
        return componentIds == null ? scan : withIds(scan, componentIds);
    }

    /** {@code scan} with component k (1-based, frame order) named {@code ids[k - 1]}. */
    static ScanHeader withIds(ScanHeader scan, int[] ids) {
        List<ScanComponent> named = new java.util.ArrayList<>();
        for (ScanComponent c : scan.components()) {
            named.add(new ScanComponent(ids[c.componentId() - 1], c.dcTableSlot(), c.acTableSlot()));
        }
        return new ScanHeader(named, scan.spectralStart(), scan.spectralEnd(), scan.approxHigh(), scan.approxLow());
    }

    private static boolean usesSlot(ScanHeader scan, int slot) {
        for (ScanComponent c : scan.components()) {
            if ((scan.spectralStart() == 0 ? c.dcTableSlot() : c.acTableSlot()) == slot) {
                return true;
            }
        }
        return false;
    }

    /** Codes (or counts) every block the scan covers, in scan order, with restarts (E.1.4). */
    private void walk(ScanHeader scan, ProgressiveHuffmanEncoder coder, BitWriter bits) throws IOException {
        boolean dc = scan.spectralStart() == 0;
        boolean refine = scan.approxHigh() > 0;
        List<ScanComponent> components = scan.components();
        int[] predictors = new int[components.size()];
        int acSlot = components.get(0).acTableSlot();
        long mcuIndex = 0;
        int restartIndex = 0;

        if (components.size() > 1) {
            int mcuRows = layout.mcuRows();
            int mcusPerRow = layout.mcusPerRow();
            for (int row = 0; row < mcuRows; row++) {
                for (int mx = 0; mx < mcusPerRow; mx++) {
                    if (restartMcus > 0 && mcuIndex > 0 && mcuIndex % restartMcus == 0) {
                        restartIndex = restart(bits, restartIndex, predictors);
                    }
                    mcuIndex++;
                    for (int i = 0; i < components.size(); i++) {
                        int c = components.get(i).componentId() - 1;
                        int h = layout.horizontal(c);
                        int perLine = layout.blocksPerLine(c);
                        short[] blocks = store[row][c];
                        for (int v = 0; v < layout.vertical(c); v++) {
                            for (int u = 0; u < h; u++) {
                                int offset = (v * perLine + mx * h + u) * 64;
                                if (refine) {
                                    coder.encodeDcRefine(blocks, offset);
                                } else {
                                    predictors[i] = coder.encodeDcFirst(components.get(i).dcTableSlot(), blocks,
                                        offset, predictors[i]);
                                }
                            }
                        }
                    }
                }
            }
            return;
        }

        ScanComponent only = components.get(0);
        int c = only.componentId() - 1;
        int v = layout.vertical(c);
        int perLine = layout.blocksPerLine(c);
        int blocksHigh = layout.realBlocksHigh(c);
        int blocksWide = layout.realBlocksWide(c);
        for (int by = 0; by < blocksHigh; by++) {
            short[] blocks = store[by / v][c];
            byte[] last = lastNonZero[by / v][c];
            int lineStart = (by % v) * perLine;
            for (int bx = 0; bx < blocksWide; bx++) {
                if (restartMcus > 0 && mcuIndex > 0 && mcuIndex % restartMcus == 0) {
                    if (!dc) {
                        coder.flushEobRun(acSlot);
                    }
                    restartIndex = restart(bits, restartIndex, predictors);
                }
                mcuIndex++;
                int block = lineStart + bx;
                int offset = block * 64;
                if (dc && refine) {
                    coder.encodeDcRefine(blocks, offset);
                } else if (dc) {
                    predictors[0] = coder.encodeDcFirst(only.dcTableSlot(), blocks, offset, predictors[0]);
                } else if (refine) {
                    coder.encodeAcRefine(acSlot, blocks, offset, last[block]);
                } else {
                    coder.encodeAcFirst(acSlot, blocks, offset, last[block]);
                }
            }
        }
        if (!dc) {
            coder.flushEobRun(acSlot);
        }
    }

    private static int restart(BitWriter bits, int restartIndex, int[] predictors) throws IOException {
        Arrays.fill(predictors, 0);
        if (bits != null) {
            bits.writeRestartMarker(restartIndex);
        }
        return restartIndex + 1;
    }
}
