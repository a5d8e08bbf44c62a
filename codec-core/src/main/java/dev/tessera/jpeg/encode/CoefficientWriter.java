package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.entropy.ArithmeticEncoder;
import dev.tessera.jpeg.entropy.HuffmanOptimizer;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.marker.ApplicationSegments;
import dev.tessera.jpeg.marker.MarkerWriter;
import dev.tessera.jpeg.model.CoefficientImage;
import dev.tessera.jpeg.model.ComponentBlocks;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.jpeg.spec.ZigZag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link CoefficientImage} as a JPEG file without touching its coefficients (libjpeg's
 * {@code jpeg_write_coefficients}, as jpegtran uses it): sequential with Huffman tables optimized for the image
 * (T.81 K.2), progressive with the smallest of the encoder's candidate scan scripts (each scan with its own
 * optimized tables), or arithmetic coding, sequential (SOF9) or progressive (SOF10, T.81 Annex D, F.1.4,
 * G.1.3). The image's APPn and COM segments are written as given, a JFIF APP0 first.
 *
 * <p>Dummy blocks (the padding of MCUs beyond the image's blocks, T.81 A.2.4) are written with zero AC
 * coefficients and the DC of the block before them, as libjpeg's {@code jctrans.c} writes them, whatever the
 * plane held: they cost almost nothing and no decoder shows them. A one-component frame is written with
 * sampling factors 1x1, which its non-interleaved scans imply anyway (A.2.2); a frame whose component
 * identifiers repeat gets identifiers 1..n, so that each scan names its component unambiguously. One instance writes one image
 * in any number of codings; it is not for concurrent use.
 */
public final class CoefficientWriter {
    /** How the coefficients are entropy-coded. */
    public enum Coding {
        /** Sequential, Huffman tables optimized for the image (SOF0, or SOF1 with 16-bit tables). */
        SEQUENTIAL,
        /** Progressive, Huffman (SOF2): the smallest of the candidate scan scripts. */
        PROGRESSIVE,
        /** Sequential, arithmetic coding (SOF9). */
        ARITHMETIC_SEQUENTIAL,
        /** Progressive, arithmetic coding (SOF10): the smallest of the candidate scan scripts. */
        ARITHMETIC_PROGRESSIVE
    }

    /** 8-bit samples: DCT coefficients fit 11 bits (DC) and 10 bits (AC) in magnitude (T.81 F.1.2.1, F.1.2.2). */
    private static final int MAX_DC = 2047;
    private static final int MAX_AC = 1023;

    private final CoefficientImage image;
    private final EncodeLayout layout;
    private final int count;
    private final int[] ids;
    /** Huffman table or arithmetic conditioning slot per component: 0 for the first, 1 for the others. */
    private final int[] slots;
    private final int tableCount;
    private final int[] quantSlots;
    private final List<QuantTable> slotTables = new ArrayList<>();
    /** Zig-zag blocks per MCU row and component, laid out as {@link McuRowEncoder} writes them. */
    private final short[][][] store;
    private final int restartMcus;

    /**
     * Prepares {@code image} for writing.
     *
     * @throws IllegalArgumentException when the image cannot be written as an 8-bit DCT JPEG: not 8-bit, more
     *                                  than 4 components, an MCU of more than 10 blocks (T.81 B.2.3), or a
     *                                  coefficient outside the 8-bit range
     */
    public CoefficientWriter(CoefficientImage image) {
        this.image = image;
        FrameHeader frame = image.frame();
        if (frame.precision() != 8) {
            throw new IllegalArgumentException(frame.precision() + "-bit samples: only 8-bit images can be written");
        }
        count = frame.components().size();
        if (count > 4) {
            throw new IllegalArgumentException(count + " components: a scan holds at most 4 (T.81 B.2.3)");
        }
        int[] h = new int[count];
        int[] v = new int[count];
        ids = new int[count];
        slots = new int[count];
        quantSlots = new int[count];
        int blocksInMcu = 0;
        for (int c = 0; c < count; c++) {
            ComponentSpec spec = frame.components().get(c);
            h[c] = count == 1 ? 1 : spec.horizontalSampling();
            v[c] = count == 1 ? 1 : spec.verticalSampling();
            blocksInMcu += h[c] * v[c];
            ids[c] = spec.id();
            slots[c] = c == 0 || (count == 4 && c == 3) ? 0 : 1;
            QuantTable q = image.quantTables().get(c);
            int slot = slotTables.indexOf(q);
            if (slot < 0) {
                slot = slotTables.size();
                slotTables.add(q);
            }
            quantSlots[c] = slot;
        }
        if (java.util.Arrays.stream(ids).distinct().count() < count) {
            // Duplicate identifiers (T.81 B.2.2 wants them distinct): a decoder could not tell which component a
            // non-interleaved scan carries, so number them 1..n, as a JFIF file does (T.871 clause 7).
            for (int c = 0; c < count; c++) {
                ids[c] = c + 1;
            }
        }
        if (count > 1 && blocksInMcu > 10) {
            throw new IllegalArgumentException("an MCU of " + blocksInMcu + " blocks exceeds 10 (T.81 B.2.3)");
        }
        tableCount = count == 1 ? 1 : 2;
        layout = new EncodeLayout(frame.width(), frame.height(), h, v);
        store = fill();
        restartMcus = image.restartInterval();
    }

    /** Copies the planes into the encoder's zig-zag MCU-row store, making the dummy blocks (see class doc). */
    private short[][][] fill() {
        int mcuRows = layout.mcuRows();
        short[][][] rows = new short[mcuRows][count][];
        for (int c = 0; c < count; c++) {
            ComponentBlocks plane = image.components().get(c);
            int h = layout.horizontal(c);
            int v = layout.vertical(c);
            int perLine = layout.blocksPerLine(c);
            int realWide = Math.min(layout.realBlocksWide(c), plane.visibleBlocksWide());
            int realHigh = Math.min(layout.realBlocksHigh(c), plane.visibleBlocksHigh());
            if (realWide < layout.realBlocksWide(c) || realHigh < layout.realBlocksHigh(c)) {
                throw new IllegalArgumentException("component " + c + " holds " + plane.visibleBlocksWide() + "x"
                    + plane.visibleBlocksHigh() + " blocks, the frame needs " + layout.realBlocksWide(c) + "x"
                    + layout.realBlocksHigh(c));
            }
            short[] source = plane.coefficients();
            for (int row = 0; row < mcuRows; row++) {
                short[] blocks = new short[v * perLine * 64];
                rows[row][c] = blocks;
                for (int mx = 0; mx < layout.mcusPerRow(); mx++) {
                    int previousDc = 0;
                    for (int yy = 0; yy < v; yy++) {
                        for (int xx = 0; xx < h; xx++) {
                            int by = row * v + yy;
                            int bx = mx * h + xx;
                            int to = (yy * perLine + bx) * 64;
                            if (by < realHigh && bx < realWide) {
                                int from = plane.offset(by, bx);
                                for (int k = 0; k < 64; k++) {
                                    blocks[to + k] = source[from + ZigZag.toNatural(k)];
                                }
                                check(blocks, to, c, by, bx);
                            } else {
                                blocks[to] = (short) previousDc; // jctrans.c: dummy block, DC of the one before
                            }
                            previousDc = blocks[to];
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static void check(short[] block, int at, int c, int by, int bx) {
        int dc = block[at];
        boolean bad = dc < -MAX_DC / 2 - 1 || dc > MAX_DC / 2; // -1024..1023: DC differences fit 11 bits
        for (int k = 1; k < 64 && !bad; k++) {
            bad = Math.abs(block[at + k]) > MAX_AC;
        }
        if (bad) {
            throw new IllegalArgumentException("component " + c + " block (" + by + ", " + bx
                + ") has a coefficient outside the range of 8-bit samples");
        }
    }

    /** The whole file, SOI to EOI, in {@code coding}. */
    public byte[] write(Coding coding) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream(1 << 16);
        ByteSink sink = new ByteSink(file);
        switch (coding) {
            case SEQUENTIAL -> sequential(sink);
            case PROGRESSIVE -> progressive(sink);
            case ARITHMETIC_SEQUENTIAL -> arithmetic(sink, List.of(sequentialScan()), Marker.SOF9);
            default -> arithmeticProgressive(sink);
        }
        sink.flush();
        return file.toByteArray();
    }

    private boolean sixteenBitTables() {
        for (QuantTable q : slotTables) {
            if (q.precision() > 0) {
                return true;
            }
        }
        return false;
    }

    private FrameHeader frame(Marker process) {
        List<ComponentSpec> specs = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            specs.add(new ComponentSpec(ids[c], layout.horizontal(c), layout.vertical(c), quantSlots[c]));
        }
        return new FrameHeader(process, 8, image.height(), image.width(), specs);
    }

    /** SOI, the segments (a JFIF APP0 first), DQT, SOF. */
    private void writeHeaders(MarkerWriter markers, Marker process) throws IOException {
        markers.writeStartOfImage();
        List<CoefficientImage.Segment> segments = new ArrayList<>(image.segments());
        for (int i = 0; i < segments.size(); i++) {
            if (isJfif(segments.get(i))) {
                // T.871 clause 10.1: the JFIF APP0 marker immediately follows SOI.
                segments.add(0, segments.remove(i));
                break;
            }
        }
        for (CoefficientImage.Segment s : segments) {
            markers.writeSegment(s.marker(), s.payload());
        }
        for (int t = 0; t < slotTables.size(); t++) {
            markers.writeQuantTable(t, slotTables.get(t));
        }
        markers.writeFrameHeader(frame(process));
    }

    private static boolean isJfif(CoefficientImage.Segment s) {
        return s.marker() == 0xE0 && ApplicationSegments.startsWith(s.payload(), "JFIF\0");
    }

    /** The sequential scan of every component, in frame order, with their table slots. */
    private ScanHeader sequentialScan() {
        List<ScanComponent> components = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            components.add(new ScanComponent(c + 1, slots[c], slots[c]));
        }
        return ScanHeader.sequential(components);
    }

    private ScanHeader withFrameIds(ScanHeader scan) {
        return ProgressiveEncoder.withIds(scan, ids);
    }

    /** T.81 K.2: count the symbols, build the tables, then code the one interleaved scan with them. */
    private void sequential(ByteSink sink) throws IOException {
        long[][] dcCounts = new long[2][256];
        long[][] acCounts = new long[2][256];
        ScanCoder counter = new ScanCoder(layout, restartMcus);
        for (short[][] row : store) {
            counter.count(row, slots, dcCounts, acCounts);
        }
        HuffmanSpec[] dcSpecs = new HuffmanSpec[tableCount];
        HuffmanSpec[] acSpecs = new HuffmanSpec[tableCount];
        for (int t = 0; t < tableCount; t++) {
            dcSpecs[t] = HuffmanOptimizer.optimize(dcCounts[t]);
            acSpecs[t] = HuffmanOptimizer.optimize(acCounts[t]);
        }
        MarkerWriter markers = new MarkerWriter(sink);
        writeHeaders(markers, sixteenBitTables() ? Marker.SOF1 : Marker.SOF0);
        for (int t = 0; t < tableCount; t++) {
            markers.writeHuffmanTable(0, t, dcSpecs[t]);
            markers.writeHuffmanTable(1, t, acSpecs[t]);
        }
        if (restartMcus > 0) {
            markers.writeRestartInterval(restartMcus);
        }
        markers.writeScanHeader(withFrameIds(sequentialScan()));
        HuffmanTable[] dc = new HuffmanTable[count];
        HuffmanTable[] ac = new HuffmanTable[count];
        for (int c = 0; c < count; c++) {
            dc[c] = new HuffmanTable(dcSpecs[slots[c]]);
            ac[c] = new HuffmanTable(acSpecs[slots[c]]);
        }
        ScanCoder coder = new ScanCoder(layout, restartMcus);
        BitWriter bits = new BitWriter(sink);
        for (short[][] row : store) {
            coder.encode(row, bits, dc, ac);
        }
        bits.flushToByteBoundary();
        markers.writeEndOfImage();
    }

    /** The scan scripts tried: the encoder's candidates for one and three components, else one per component. */
    private List<List<ScanHeader>> scripts() {
        if (count == 1 || count == 3) {
            return ScanScript.candidates(count);
        }
        return List.of(ScanScript.uniform(count));
    }

    private void progressive(ByteSink sink) throws IOException {
        ProgressiveEncoder encoder = new ProgressiveEncoder(layout, store, restartMcus, ids);
        List<List<ScanHeader>> scripts = new ArrayList<>(scripts());
        scripts.add(0, ScanSearch.search(encoder, count, slots));
        List<byte[]> scans = EncodePipeline.smallestScript(scripts, encoder, null);
        MarkerWriter markers = new MarkerWriter(sink);
        writeHeaders(markers, Marker.SOF2);
        if (restartMcus > 0) {
            markers.writeRestartInterval(restartMcus);
        }
        for (byte[] scan : scans) {
            sink.write(scan, 0, scan.length);
        }
        markers.writeEndOfImage();
    }

    /** Codes every candidate script and keeps the smallest (the first smallest in candidate order). */
    private void arithmeticProgressive(ByteSink sink) throws IOException {
        byte[] best = null;
        for (List<ScanHeader> script : scripts()) {
            ByteArrayOutputStream file = new ByteArrayOutputStream(1 << 16);
            ByteSink candidate = new ByteSink(file);
            arithmetic(candidate, script, Marker.SOF10);
            candidate.flush();
            if (best == null || file.size() < best.length) {
                best = file.toByteArray();
            }
        }
        sink.write(best, 0, best.length);
    }

    /** T.81 F.1.4 and G.1.3: the scans of {@code script} arithmetic-coded, default conditioning (no DAC). */
    private void arithmetic(ByteSink sink, List<ScanHeader> script, Marker process) throws IOException {
        MarkerWriter markers = new MarkerWriter(sink);
        writeHeaders(markers, process);
        if (restartMcus > 0) {
            markers.writeRestartInterval(restartMcus);
        }
        boolean progressive = process == Marker.SOF10;
        for (ScanHeader scan : script) {
            markers.writeScanHeader(withFrameIds(scan));
            BitWriter bits = new BitWriter(sink);
            int n = scan.components().size();
            int[] dc = new int[n];
            int[] ac = new int[n];
            for (int i = 0; i < n; i++) {
                dc[i] = scan.components().get(i).dcTableSlot();
                ac[i] = scan.components().get(i).acTableSlot();
            }
            ArithmeticEncoder coder = new ArithmeticEncoder(bits, dc, ac, scan.spectralStart(), scan.spectralEnd(),
                scan.approxLow());
            BlockCoder block;
            if (!progressive) {
                block = coder::encodeSequential;
            } else if (scan.spectralStart() == 0) {
                block = scan.approxHigh() == 0 ? coder::encodeDcFirst : (i, data, at) -> coder.encodeDcRefine(data, at);
            } else {
                block = scan.approxHigh() == 0 ? (i, data, at) -> coder.encodeAcFirst(data, at)
                    : (i, data, at) -> coder.encodeAcRefine(data, at);
            }
            walk(scan, block, coder::restart);
            coder.finish();
            bits.flushToByteBoundary();
        }
        markers.writeEndOfImage();
    }

    /** Codes one block of a scan: the scan component index, the block's array and offset. */
    private interface BlockCoder {
        void code(int scanIndex, short[] blocks, int offset) throws IOException;
    }

    /** Ends a restart interval: RSTn with n = index mod 8. */
    private interface Restart {
        void restart(int index) throws IOException;
    }

    /**
     * Visits the blocks of one scan in order (T.81 A.2.3 interleaved MCUs, A.2.2 a component's own blocks
     * without dummies), with a restart before every {@link #restartMcus} MCUs after the first.
     */
    private void walk(ScanHeader scan, BlockCoder coder, Restart restart) throws IOException {
        List<ScanComponent> components = scan.components();
        long mcu = 0;
        int restartIndex = 0;
        if (components.size() > 1) {
            for (int row = 0; row < layout.mcuRows(); row++) {
                for (int mx = 0; mx < layout.mcusPerRow(); mx++) {
                    if (restartMcus > 0 && mcu > 0 && mcu % restartMcus == 0) {
                        restart.restart(restartIndex++);
                    }
                    mcu++;
                    for (int i = 0; i < components.size(); i++) {
                        int c = components.get(i).componentId() - 1;
                        int h = layout.horizontal(c);
                        int perLine = layout.blocksPerLine(c);
                        short[] blocks = store[row][c];
                        for (int yy = 0; yy < layout.vertical(c); yy++) {
                            for (int xx = 0; xx < h; xx++) {
                                coder.code(i, blocks, (yy * perLine + mx * h + xx) * 64);
                            }
                        }
                    }
                }
            }
            return;
        }
        int c = components.get(0).componentId() - 1;
        int v = layout.vertical(c);
        int perLine = layout.blocksPerLine(c);
        for (int by = 0; by < layout.realBlocksHigh(c); by++) {
            short[] blocks = store[by / v][c];
            int lineStart = (by % v) * perLine;
            for (int bx = 0; bx < layout.realBlocksWide(c); bx++) {
                if (restartMcus > 0 && mcu > 0 && mcu % restartMcus == 0) {
                    restart.restart(restartIndex++);
                }
                mcu++;
                coder.code(0, blocks, (lineStart + bx) * 64);
            }
        }
    }
}
