package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.color.ColorConverter;
import dev.tessera.jpeg.dct.ForwardDct;
import dev.tessera.jpeg.entropy.HuffmanTable;
import dev.tessera.jpeg.marker.MarkerWriter;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.quant.AdaptiveQuantization;
import dev.tessera.jpeg.quant.BlockQuantizer;
import dev.tessera.jpeg.quant.PerceptualTables;
import dev.tessera.jpeg.quant.QualityScaling;
import dev.tessera.jpeg.quant.Quantizer;
import dev.tessera.jpeg.quant.TrellisQuantizer;
import dev.tessera.jpeg.raster.PixelSource;
import dev.tessera.jpeg.raster.SampleLayout;
import dev.tessera.jpeg.sample.Downsampler;
import dev.tessera.jpeg.simd.BlockGroups;
import dev.tessera.jpeg.spec.Marker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What stays fixed while one image is encoded: the frame geometry, table slots, quantization tables, the
 * chosen quantizer and the header segments. Immutable; {@link #rowEncoder} makes the per-thread stages.
 */
final class EncodePlan {
    /**
     * Trellis lambda in squared quantizer steps per bit at quality 30 and below, fitted on the odd Kodak images
     * (docs/compression.md); {@link #trellisLambda} lowers it at higher qualities.
     */
    static final double TRELLIS_LAMBDA = 0.066;
    /** Trellis lambda at quality 90 and above. */
    static final double TRELLIS_LAMBDA_HIGH_QUALITY = 0.045;

    /**
     * The trellis lambda for an IJG quality: {@link #TRELLIS_LAMBDA} at quality 30 and below, falling linearly
     * to {@link #TRELLIS_LAMBDA_HIGH_QUALITY} at quality 90. At high quality the eye looks at finer detail, so
     * fewer small coefficients are traded for bits (docs/compression.md: a fall of 30% gained about half a
     * butteraugli point for a tenth of a SSIMULACRA 2 point).
     */
    static double trellisLambda(int quality) {
        double t = Math.max(0, Math.min(1, (quality - 30) / 60.0));
        return TRELLIS_LAMBDA + (TRELLIS_LAMBDA_HIGH_QUALITY - TRELLIS_LAMBDA) * t;
    }

    /**
     * Adaptive quantization: lambda scale (activity / 6)^1 clamped to [0.15, 1], so flat blocks get up to
     * 6.7 times less rate pressure and busy ones the plain lambda (docs/compression.md).
     */
    static final AdaptiveQuantization ADAPTIVE = new AdaptiveQuantization(1.0, 6.0, 0.15, 1.0);

    final EncodeSettings options;
    final ImageMetadata metadata;
    final SampleLayout sampleLayout;
    final EncodeLayout layout;
    final int componentCount;
    /** Table slot per component: 0 for Y (and every CMYK component, as libjpeg's JCS_CMYK), 1 for chroma. */
    final int[] slots;
    final int tableCount;
    final QuantTable[] tables;
    /** SOF0, or SOF1 when a table has 16-bit entries (T.81 B.2.2). */
    final FrameHeader sequentialFrame;
    final FrameHeader progressiveFrame;
    final ScanHeader sequentialScan;
    /** Restart interval in MCUs, 0 for none. */
    final int restartMcus;
    private final AdaptiveQuantization adaptive;

    EncodePlan(EncodeSettings options, int width, int height, SampleLayout sampleLayout, ImageMetadata metadata) {
        this.options = options;
        this.metadata = metadata;
        this.sampleLayout = sampleLayout;
        componentCount = sampleLayout.channels();
        boolean ycbcr = sampleLayout == SampleLayout.RGB;
        int[] h = new int[componentCount];
        int[] v = new int[componentCount];
        slots = new int[componentCount];
        for (int c = 0; c < componentCount; c++) {
            h[c] = 1;
            v[c] = 1;
            slots[c] = ycbcr && c > 0 ? 1 : 0;
        }
        if (ycbcr) {
            h[0] = options.subsampling().lumaHorizontal();
            v[0] = options.subsampling().lumaVertical();
        }
        tableCount = ycbcr ? 2 : 1;
        layout = new EncodeLayout(width, height, h, v);
        tables = quantTables(options);
        restartMcus = options.restartInterval().inMcus(layout.mcusPerRow());
        List<ComponentSpec> frameComponents = new ArrayList<>();
        List<ScanComponent> scanComponents = new ArrayList<>();
        for (int c = 0; c < componentCount; c++) {
            // JFIF (T.871 clause 7) component ids 1, 2, 3 for Y, Cb, Cr; Adobe CMYK files number theirs 1..4 too.
            frameComponents.add(new ComponentSpec(c + 1, h[c], v[c], slots[c]));
            scanComponents.add(new ScanComponent(c + 1, slots[c], slots[c]));
        }
        sequentialScan = ScanHeader.sequential(scanComponents);
        adaptive = options.adaptiveQuantization() && options.trellis() ? ADAPTIVE : null;
        boolean extended = tables[0].precision() > 0 || (tableCount > 1 && tables[1].precision() > 0);
        sequentialFrame = new FrameHeader(extended ? Marker.SOF1 : Marker.SOF0, 8, height, width, frameComponents);
        progressiveFrame = new FrameHeader(Marker.SOF2, 8, height, width, frameComponents);
    }

    /** The luma and chroma quantization tables these options produce. */
    static QuantTable[] quantTables(EncodeSettings options) {
        boolean perceptual = options.perceptualTables();
        QuantTable lumaBase = perceptual ? PerceptualTables.luminance(options.quality())
            : StandardTables.LUMINANCE_QUANT;
        QuantTable chromaBase = perceptual ? PerceptualTables.CHROMINANCE : StandardTables.CHROMINANCE_QUANT;
        QuantTable luma = options.lumaTable() != null ? options.lumaTable()
            : QualityScaling.scale(lumaBase, options.quality(), true);
        QuantTable chroma = options.chromaTable() != null ? options.chromaTable()
            : QualityScaling.scale(chromaBase, options.chromaQuality(), true);
        return new QuantTable[] {luma, chroma};
    }

    /**
     * A new colour-to-coefficients stage reading {@code source}, with its own quantizers (the trellis keeps
     * scratch arrays), so each thread needs its own. Plain rounding or trellis is chosen here, once per image.
     */
    McuRowEncoder rowEncoder(PixelSource source) {
        // Asking starts each kernel's warm-up; all are asked (not &&) so that they warm up together. The 2x2 and
        // 2x1 downsamplers are not waited for: until one is ready the scalar one gives the same samples.
        Downsampler.vectorReady();
        return rowEncoder(source, ForwardDct.vectorReady() & Quantizer.vectorReady() & ColorConverter.vectorReady());
    }

    /**
     * As {@link #rowEncoder(PixelSource)}, told whether to use the Vector API kernels (only when
     * {@code simd.VectorSupport} enables them; tests compare the two paths, which give the same coefficients).
     */
    McuRowEncoder rowEncoder(PixelSource source, boolean vector) {
        BlockQuantizer[] slotQuantizers = new BlockQuantizer[2];
        for (int t = 0; t < 2; t++) {
            // Trellis rates bits with the Annex K AC tables even when the final tables are optimized: rating
            // with first-pass tables gained under 0.7% for a second pass over the image (docs/compression.md).
            slotQuantizers[t] = !options.trellis() ? Quantizer.forEncoder(tables[t], vector)
                : new TrellisQuantizer(tables[t], t == 0 ? StandardTables.LUMINANCE_AC
                    : StandardTables.CHROMINANCE_AC, trellisLambda(options.quality()));
        }
        BlockQuantizer[] quantizers = new BlockQuantizer[componentCount];
        for (int c = 0; c < componentCount; c++) {
            quantizers[c] = slotQuantizers[slots[c]];
        }
        return new McuRowEncoder(source, layout, quantizers, adaptive, vector);
    }

    /** A coefficient array set for one MCU row, as {@link McuRowEncoder#encodeRow} fills it. */
    short[][] newRow() {
        short[][] r = new short[componentCount][];
        for (int c = 0; c < componentCount; c++) {
            r[c] = new short[layout.blocksPerLine(c) * layout.vertical(c) * 64];
        }
        return r;
    }

    /**
     * As {@link #newRow()}, for {@code McuRowEncoder.encodeRowNatural} (coefficients as ints in the group layout,
     * each block row a whole number of groups).
     */
    int[][] newNaturalRow() {
        int[][] r = new int[componentCount][];
        for (int c = 0; c < componentCount; c++) {
            r[c] = new int[BlockGroups.groups(layout.blocksPerLine(c)) * layout.vertical(c) * BlockGroups.COEFFICIENTS];
        }
        return r;
    }

    long blocksPerMcuRow() {
        long n = 0;
        for (int c = 0; c < componentCount; c++) {
            n += (long) layout.blocksPerLine(c) * layout.vertical(c);
        }
        return n;
    }

    /** Coefficients of the whole frame, dummy blocks included (64 per block). */
    long coefficientCount() {
        return 64L * layout.mcuRows() * blocksPerMcuRow();
    }

    /** True if every restart interval is a whole number of MCU rows, so MCU rows can be coded apart. */
    boolean restartsAtRowStarts() {
        return restartMcus > 0 && restartMcus % layout.mcusPerRow() == 0;
    }

    /** The Annex K example tables, K.3 (DC) and K.5 (AC), per slot. */
    static HuffmanSpec[] standardDc() {
        return new HuffmanSpec[] {StandardTables.LUMINANCE_DC, StandardTables.CHROMINANCE_DC};
    }

    static HuffmanSpec[] standardAc() {
        return new HuffmanSpec[] {StandardTables.LUMINANCE_AC, StandardTables.CHROMINANCE_AC};
    }

    /** Derived code tables (T.81 C.2) per component, from specs per slot. */
    HuffmanTable[] perComponent(HuffmanSpec[] specs) {
        HuffmanTable[] bySlot = new HuffmanTable[specs.length];
        HuffmanTable[] byComponent = new HuffmanTable[componentCount];
        for (int c = 0; c < componentCount; c++) {
            int s = slots[c];
            if (bySlot[s] == null) {
                bySlot[s] = new HuffmanTable(specs[s]);
            }
            byComponent[c] = bySlot[s];
        }
        return byComponent;
    }

    /**
     * Refuses, before anything is allocated, to keep the whole frame's coefficients (2 bytes each) when they
     * need more than half the heap: an exception with a message rather than an OutOfMemoryError.
     */
    void checkWholeImageFits(String mode) {
        long bytes = 2 * coefficientCount();
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new IllegalArgumentException(mode + " encoding of " + layout.width() + "x" + layout.height()
                + " needs " + (bytes >> 20) + " MiB of coefficient memory, more than half of the "
                + (heap >> 20) + " MiB heap; encode sequentially or give the JVM more memory (-Xmx)");
        }
    }

    /**
     * The segments before the first scan: SOI, JFIF or Adobe, metadata, DQT, SOF, DHT (if given), DRI. The
     * frame is sequential when Huffman tables are given (a progressive file defines them per scan) and
     * progressive otherwise.
     */
    void writeHeaders(MarkerWriter markers, HuffmanSpec[] dcSpecs, HuffmanSpec[] acSpecs) throws IOException {
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
        byte[] xmp = metadata.xmp();
        if (xmp != null) {
            markers.writeXmp(xmp);
            byte[] extended = metadata.extendedXmp();
            if (extended != null) {
                markers.writeExtendedXmp(extended, MarkerWriter.xmpGuid(xmp, extended));
            }
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
        markers.writeFrameHeader(dcSpecs != null ? sequentialFrame : progressiveFrame);
        for (int t = 0; dcSpecs != null && t < tableCount; t++) {
            markers.writeHuffmanTable(0, t, dcSpecs[t]);
            markers.writeHuffmanTable(1, t, acSpecs[t]);
        }
        if (restartMcus > 0) {
            markers.writeRestartInterval(restartMcus);
        }
    }
}
