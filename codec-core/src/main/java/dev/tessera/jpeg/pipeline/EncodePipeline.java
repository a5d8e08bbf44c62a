package dev.tessera.jpeg.pipeline;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.ImageMetadata;
import dev.tessera.jpeg.QuantTables;
import dev.tessera.jpeg.entropy.HuffmanEncoder;
import dev.tessera.jpeg.entropy.HuffmanOptimizer;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.marker.MarkerWriter;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.quant.QualityScaling;
import dev.tessera.jpeg.quant.AdaptiveQuantization;
import dev.tessera.jpeg.quant.BlockQuantizer;
import dev.tessera.jpeg.quant.PerceptualTables;
import dev.tessera.jpeg.quant.Quantizer;
import dev.tessera.jpeg.quant.TrellisQuantizer;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.jpeg.spec.StandardTables;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes one image: the buffer controller between the stage classes. Sequential files have one interleaved
 * scan; progressive ones are handed to {@link ProgressiveEncoder} with the whole image quantized. Sequential
 * encoding is the buffer controller between
 * the stage classes. With the Annex K Huffman tables it streams, holding one MCU row of coefficients. With
 * optimized tables it makes two passes, statistics then coding, keeping the coefficients between them when
 * they fit {@link #DEFAULT_MAX_BUFFERED_COEFFICIENTS} and recomputing them from the pixels otherwise.
 */
public final class EncodePipeline {
    /**
     * Coefficients kept in memory between the two passes of optimized Huffman coding, at most (2 bytes each,
     * so 16 MiB: a 5-megapixel 4:2:0 image). A larger image is read twice instead, so memory stays bounded
     * by a few MCU rows whatever the image size.
     */
    static final long DEFAULT_MAX_BUFFERED_COEFFICIENTS = 8L << 20;

    private final EncoderOptions options;
    private final long maxBufferedCoefficients;

    public EncodePipeline(EncoderOptions options) {
        this(options, DEFAULT_MAX_BUFFERED_COEFFICIENTS);
    }

    EncodePipeline(EncoderOptions options, long maxBufferedCoefficients) {
        this.options = options;
        this.maxBufferedCoefficients = maxBufferedCoefficients;
    }

    /** The luma and chroma quantization tables these options produce. */
    public static QuantTable[] quantTables(EncoderOptions options) {
        boolean perceptual = options.tables() == QuantTables.PERCEPTUAL;
        QuantTable lumaBase = perceptual ? PerceptualTables.LUMINANCE : StandardTables.LUMINANCE_QUANT;
        QuantTable chromaBase = perceptual ? PerceptualTables.CHROMINANCE : StandardTables.CHROMINANCE_QUANT;
        QuantTable luma = options.lumaTable() != null ? options.lumaTable()
            : QualityScaling.scale(lumaBase, options.quality(), true);
        QuantTable chroma = options.chromaTable() != null ? options.chromaTable()
            : QualityScaling.scale(chromaBase, options.chromaQuality(), true);
        return new QuantTable[] {luma, chroma};
    }

    /** Plain rounding quantizers for table slots 0 (luma) and 1 (chroma). */
    private static BlockQuantizer[] plainQuantizers(QuantTable[] tables) {
        return new BlockQuantizer[] {new Quantizer(tables[0]), new Quantizer(tables[1])};
    }

    /**
     * Trellis lambda in squared quantizer steps per bit, fitted on the odd Kodak images (docs/compression.md).
     */
    static final double TRELLIS_LAMBDA = 0.06;

    /**
     * Adaptive quantization: lambda scale (activity / 6)^1 clamped to [0.15, 1], so flat blocks get up to
     * 6.7 times less rate pressure and busy ones the plain lambda (docs/compression.md).
     */
    static final AdaptiveQuantization ADAPTIVE = new AdaptiveQuantization(1.0, 6.0, 0.15, 1.0);

    /**
     * Trellis quantizers rating bits with the Annex K AC tables. With optimized Huffman coding the final tables
     * differ; rating with tables optimized for a first pass was measured to gain under 0.7% for a second pass
     * over the image, so the encoder does not spend it.
     */
    private static BlockQuantizer[] trellisQuantizers(QuantTable[] tables) {
        return new BlockQuantizer[] {
            new TrellisQuantizer(tables[0], StandardTables.LUMINANCE_AC, TRELLIS_LAMBDA),
            new TrellisQuantizer(tables[1], StandardTables.CHROMINANCE_AC, TRELLIS_LAMBDA)};
    }

    public void encode(PixelSource source, ImageMetadata metadata, OutputStream stream) throws IOException {
        SampleLayout sampleLayout = source.sampleLayout();
        int componentCount = sampleLayout.channels();
        boolean ycbcr = sampleLayout == SampleLayout.RGB;
        int[] h = new int[componentCount];
        int[] v = new int[componentCount];
        // Table slot per component: 0 for Y (and for every CMYK component, as libjpeg's JCS_CMYK), 1 for chroma.
        int[] slots = new int[componentCount];
        for (int c = 0; c < componentCount; c++) {
            h[c] = 1;
            v[c] = 1;
            slots[c] = ycbcr && c > 0 ? 1 : 0;
        }
        if (ycbcr) {
            h[0] = options.subsampling().lumaHorizontal();
            v[0] = options.subsampling().lumaVertical();
        }
        int tableCount = ycbcr ? 2 : 1;
        EncodeLayout layout = new EncodeLayout(source.width(), source.height(), h, v);
        QuantTable[] tables = quantTables(options);
        int restartMcus = options.restartInterval().inMcus(layout.mcusPerRow());

        // Choose the quantizer once per image (plain rounding or trellis), one per table slot.
        BlockQuantizer[] slotQuantizers = options.trellis() ? trellisQuantizers(tables) : plainQuantizers(tables);
        BlockQuantizer[] quantizers = new BlockQuantizer[componentCount];
        List<ComponentSpec> frameComponents = new ArrayList<>();
        List<ScanComponent> scanComponents = new ArrayList<>();
        for (int c = 0; c < componentCount; c++) {
            quantizers[c] = slotQuantizers[slots[c]];
            // JFIF (T.871 clause 7) component ids 1, 2, 3 for Y, Cb, Cr; Adobe CMYK files number theirs 1..4 too.
            frameComponents.add(new ComponentSpec(c + 1, h[c], v[c], slots[c]));
            scanComponents.add(new ScanComponent(c + 1, slots[c], slots[c]));
        }
        AdaptiveQuantization adaptive = options.adaptiveQuantization() && options.trellis() ? ADAPTIVE : null;
        boolean extended = tables[0].precision() > 0 || (tableCount > 1 && tables[1].precision() > 0);
        Marker process = options.progressive() ? Marker.SOF2 : extended ? Marker.SOF1 : Marker.SOF0;
        FrameHeader frame = new FrameHeader(process, 8, source.height(), source.width(), frameComponents);
        Headers headers = new Headers(metadata, frame, tables, tableCount, sampleLayout, restartMcus);

        McuRowEncoder rows = new McuRowEncoder(source, layout, quantizers, adaptive);
        ByteSink sink = new ByteSink(stream);
        MarkerWriter markers = new MarkerWriter(sink);
        if (options.progressive()) {
            short[][][] store = storeAllRows(rows, layout);
            headers.write(markers, null, null);
            // Scan script search: code the same coefficients with each candidate script, keep the smallest.
            List<List<ScanHeader>> scripts = sampleLayout == SampleLayout.CMYK
                ? List.of(ScanScript.uniform(componentCount)) : ScanScript.candidates(componentCount);
            ProgressiveEncoder progressive = new ProgressiveEncoder(layout, store, restartMcus);
            byte[] smallest = null;
            for (List<ScanHeader> script : scripts) {
                java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
                ByteSink scanSink = new ByteSink(buffer);
                progressive.writeScans(script, new MarkerWriter(scanSink), scanSink);
                scanSink.flush();
                if (smallest == null || buffer.size() < smallest.length) {
                    smallest = buffer.toByteArray();
                }
            }
            sink.write(smallest, 0, smallest.length);
            markers.writeEndOfImage();
            sink.flush();
            return;
        }
        ScanCoder coder = new ScanCoder(layout, restartMcus);
        HuffmanSpec[] dcSpecs;
        HuffmanSpec[] acSpecs;
        short[][][] stored = null;
        if (options.optimizeHuffman()) {
            // T.81 K.2: gather symbol statistics in a first pass, then build the tables.
            long coefficients = 64L * layout.mcuRows() * totalBlocksPerMcuRow(layout);
            boolean keep = coefficients <= maxBufferedCoefficients;
            stored = keep ? new short[layout.mcuRows()][][] : null;
            long[][] dcCounts = new long[2][256];
            long[][] acCounts = new long[2][256];
            short[][] scratch = newRow(rows, componentCount);
            for (int row = 0; row < layout.mcuRows(); row++) {
                short[][] coefs = keep ? newRow(rows, componentCount) : scratch;
                rows.encodeRow(row, coefs);
                coder.count(coefs, row, slots, dcCounts, acCounts);
                if (keep) {
                    stored[row] = coefs;
                }
            }
            dcSpecs = new HuffmanSpec[tableCount];
            acSpecs = new HuffmanSpec[tableCount];
            for (int t = 0; t < tableCount; t++) {
                dcSpecs[t] = HuffmanOptimizer.optimize(dcCounts[t]);
                acSpecs[t] = HuffmanOptimizer.optimize(acCounts[t]);
            }
        } else {
            dcSpecs = new HuffmanSpec[] {StandardTables.LUMINANCE_DC, StandardTables.CHROMINANCE_DC};
            acSpecs = new HuffmanSpec[] {StandardTables.LUMINANCE_AC, StandardTables.CHROMINANCE_AC};
        }

        headers.write(markers, dcSpecs, acSpecs);
        markers.writeScanHeader(ScanHeader.sequential(scanComponents));

        BitWriter bits = new BitWriter(sink);
        HuffmanTable[] dc = new HuffmanTable[componentCount];
        HuffmanTable[] ac = new HuffmanTable[componentCount];
        for (int c = 0; c < componentCount; c++) {
            dc[c] = new HuffmanTable(dcSpecs[slots[c]]);
            ac[c] = new HuffmanTable(acSpecs[slots[c]]);
        }
        coder.reset();
        short[][] scratch = stored == null ? newRow(rows, componentCount) : null;
        for (int row = 0; row < layout.mcuRows(); row++) {
            short[][] coefs;
            if (stored != null) {
                coefs = stored[row];
                stored[row] = null; // let coded rows go
            } else {
                coefs = scratch;
                rows.encodeRow(row, coefs);
            }
            coder.encode(coefs, row, bits, dc, ac);
        }
        bits.flushToByteBoundary();
        markers.writeEndOfImage();
        sink.flush();
    }

    /**
     * Quantizes the whole image into memory, for progressive coding. Checked against the heap first, so an
     * image too large for it is refused with a message rather than an OutOfMemoryError.
     */
    private static short[][][] storeAllRows(McuRowEncoder rows, EncodeLayout layout) {
        long bytes = 2 * 64L * layout.mcuRows() * totalBlocksPerMcuRow(layout);
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new IllegalArgumentException("progressive encoding of " + layout.width() + "x" + layout.height()
                + " needs " + (bytes >> 20) + " MiB of coefficient memory, more than half of the "
                + (heap >> 20) + " MiB heap; encode sequentially or give the JVM more memory (-Xmx)");
        }
        int n = layout.componentCount();
        short[][][] store = new short[layout.mcuRows()][][];
        for (int row = 0; row < layout.mcuRows(); row++) {
            store[row] = newRow(rows, n);
            rows.encodeRow(row, store[row]);
        }
        return store;
    }

    private static short[][] newRow(McuRowEncoder rows, int componentCount) {
        short[][] r = new short[componentCount][];
        for (int c = 0; c < componentCount; c++) {
            r[c] = rows.newRowBuffer(c);
        }
        return r;
    }

    private static long totalBlocksPerMcuRow(EncodeLayout layout) {
        long n = 0;
        for (int c = 0; c < layout.componentCount(); c++) {
            n += (long) layout.blocksPerLine(c) * layout.vertical(c);
        }
        return n;
    }

    /** The segments before the first scan, for one frame. */
    private record Headers(ImageMetadata metadata, FrameHeader frame, QuantTable[] tables, int tableCount,
                           SampleLayout sampleLayout, int restartMcus) {

        void write(MarkerWriter markers, HuffmanSpec[] dcSpecs, HuffmanSpec[] acSpecs) throws IOException {
            markers.writeStartOfImage();
            if (sampleLayout == SampleLayout.CMYK) {
                // JFIF allows only Y and YCbCr (T.871 clause 6); CMYK is identified by Adobe APP14, transform 0.
                markers.writeAdobe(0);
            } else {
                markers.writeJfif(metadata.jfif());
            }
            byte[] exif = metadata.exif();
            if (exif != null) {
                markers.writeExif(exif);
            }
            byte[] icc = metadata.iccProfile();
            if (icc != null) {
                markers.writeIccProfile(icc);
            }
            for (String comment : metadata.comments()) {
                markers.writeComment(comment);
            }
            for (int t = 0; t < tableCount; t++) {
                markers.writeQuantTable(t, tables[t]);
            }
            markers.writeFrameHeader(frame);
            for (int t = 0; dcSpecs != null && t < tableCount; t++) {
                markers.writeHuffmanTable(0, t, dcSpecs[t]);
                markers.writeHuffmanTable(1, t, acSpecs[t]);
            }
            if (restartMcus > 0) {
                markers.writeRestartInterval(restartMcus);
            }
        }
    }

    /**
     * Walks the MCUs of MCU rows in scan order (T.81 A.2.3), tracking DC predictions and restart intervals,
     * and either counts or codes each block.
     */
    static final class ScanCoder {
        private final EncodeLayout layout;
        private final int restartMcus;
        private final int[] previousDc;
        private long mcuIndex;
        private int restartIndex;

        ScanCoder(EncodeLayout layout, int restartMcus) {
            this.layout = layout;
            this.restartMcus = restartMcus;
            this.previousDc = new int[layout.componentCount()];
        }

        void reset() {
            java.util.Arrays.fill(previousDc, 0);
            mcuIndex = 0;
            restartIndex = 0;
        }

        void count(short[][] coefs, int mcuRow, int[] slots, long[][] dcCounts, long[][] acCounts) {
            int n = layout.componentCount();
            for (int mx = 0; mx < layout.mcusPerRow(); mx++) {
                if (restartMcus > 0 && mcuIndex > 0 && mcuIndex % restartMcus == 0) {
                    java.util.Arrays.fill(previousDc, 0);
                }
                mcuIndex++;
                for (int c = 0; c < n; c++) {
                    int table = slots[c];
                    int h = layout.horizontal(c);
                    int perLine = layout.blocksPerLine(c);
                    for (int v = 0; v < layout.vertical(c); v++) {
                        for (int u = 0; u < h; u++) {
                            int offset = (v * perLine + mx * h + u) * 64;
                            HuffmanEncoder.countBlock(coefs[c], offset, previousDc[c], dcCounts[table],
                                acCounts[table]);
                            previousDc[c] = coefs[c][offset];
                        }
                    }
                }
            }
        }

        void encode(short[][] coefs, int mcuRow, BitWriter bits, HuffmanTable[] dc, HuffmanTable[] ac)
            throws IOException {
            int n = layout.componentCount();
            for (int mx = 0; mx < layout.mcusPerRow(); mx++) {
                // T.81 F.1.2.3 / E.1.4: restart marker and DC prediction reset between intervals.
                if (restartMcus > 0 && mcuIndex > 0 && mcuIndex % restartMcus == 0) {
                    bits.writeRestartMarker(restartIndex++);
                    java.util.Arrays.fill(previousDc, 0);
                }
                mcuIndex++;
                for (int c = 0; c < n; c++) {
                    int h = layout.horizontal(c);
                    int perLine = layout.blocksPerLine(c);
                    for (int v = 0; v < layout.vertical(c); v++) {
                        for (int u = 0; u < h; u++) {
                            int offset = (v * perLine + mx * h + u) * 64;
                            HuffmanEncoder.encodeBlock(bits, coefs[c], offset, previousDc[c], dc[c], ac[c]);
                            previousDc[c] = coefs[c][offset];
                        }
                    }
                }
            }
        }
    }
}
