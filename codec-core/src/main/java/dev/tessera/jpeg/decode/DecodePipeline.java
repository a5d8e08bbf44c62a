package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.color.ColorDeconverter;
import dev.tessera.jpeg.color.WideColorDeconverter;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.marker.MarkerReader;
import dev.tessera.jpeg.model.ArithmeticConditioning;
import dev.tessera.jpeg.model.HuffmanDefinition;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.JpegColorSpace;
import dev.tessera.jpeg.model.QualityEstimate;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.quant.QualityEstimator;
import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.jpeg.model.CoefficientImage;
import dev.tessera.jpeg.model.ComponentBlocks;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.spec.ZigZag;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JPEG stream marker by marker (T.81 B.2, Figure B.2 syntax, with libjpeg's {@code jdmarker.c}
 * tolerance) and drives the decode: tables go to the {@link StreamState}, each scan to the
 * {@link FrameDecoder} (or {@link LosslessFrameDecoder} for SOF3), and at EOI the planes become an image.
 * With {@code headersOnly} the entropy-coded data is skipped and only the {@link ImageInfo} is built.
 */
public final class DecodePipeline {
    private final byte[] data;
    private final DecodeSettings options;
    private final WarningSink warnings;
    /** Whether a progressive frame's scans may be deferred and decoded on two threads ({@link ConcurrentScans}). */
    private final boolean deferScans;
    private final ByteSource source;
    private final MarkerReader markers;
    private final BitReader bits;
    private final StreamState state = new StreamState();
    /** The DCT frame decoder of the last decode, for tests. */
    private FrameDecoder lastFrameDecoder;
    /** For tests: see {@link FrameDecoder#awaitSplitWorker}. */
    boolean awaitSplitWorker;
    private boolean replayed;

    public DecodePipeline(byte[] data, DecodeSettings options) {
        this(data, options, new WarningSink(options.listener(), options.strict()), true);
    }

    private DecodePipeline(byte[] data, DecodeSettings options, WarningSink warnings, boolean deferScans) {
        this.data = data;
        this.options = options;
        this.warnings = warnings;
        this.deferScans = deferScans;
        this.source = new ByteSource(data, warnings);
        this.markers = new MarkerReader(source, warnings, options.maxMarkerMemory());
        this.bits = new BitReader(source, warnings);
    }

    /** Decodes the whole stream into an image. */
    public BufferedImage decode() throws JpegException {
        try {
            return run(Mode.IMAGE).image;
        } catch (ConcurrentScans.Replay e) {
            return replay();
        } catch (JpegException | RuntimeException e) {
            if (lastFrameDecoder != null && lastFrameDecoder.scansDeferred()) {
                // The one-thread decode would have decoded the deferred scans, and reported their damage, first.
                return replay();
            }
            throw e;
        }
    }

    /**
     * Decodes the stream again from its start, on one thread for its scans, after deferred scans were found not
     * clean ({@link ConcurrentScans}): the warnings already delivered are not delivered again.
     */
    private BufferedImage replay() throws JpegException {
        warnings.rewind();
        DecodePipeline again = new DecodePipeline(data, options, warnings, false);
        again.awaitSplitWorker = awaitSplitWorker;
        try {
            return again.run(Mode.IMAGE).image;
        } finally {
            lastFrameDecoder = again.lastFrameDecoder;
            replayed = true;
        }
    }

    /** For tests: whether the last decode ran again because a deferred scan was not clean. */
    boolean replayed() {
        return replayed;
    }

    /** Reads every marker, skipping entropy-coded data. */
    public ImageInfo readInfo() throws JpegException {
        return run(Mode.HEADERS).info;
    }

    /** Reads the markers up to and including the first scan header (SOS), and no entropy-coded data. */
    public ImageInfo readHeader() throws JpegException {
        return run(Mode.FIRST_SCAN).info;
    }

    /**
     * Decodes the component sample planes only, before upsampling and colour conversion: per frame
     * component, {@code planeWidth} x {@code planeHeight} samples (whole blocks for DCT-based frames; for
     * lossless frames the component's own sample grid), read as unsigned 16-bit values. For tests against
     * per-component reference data.
     */
    SamplePlane[] decodeSamples() throws JpegException {
        return run(Mode.SAMPLES).planes;
    }

    /**
     * Decodes the entropy-coded data into quantized coefficients only, with no inverse DCT (as libjpeg's
     * {@code jpeg_read_coefficients}): the whole planes, the tables each component used, and every APPn and COM
     * segment. Refuses lossless (SOF3) and 12-bit frames, which have no 8-bit DCT coefficients to keep.
     */
    public CoefficientImage readCoefficients() throws JpegException {
        return run(Mode.COEFFICIENTS).coefficients;
    }

    /** For tests: the frame decoder of the last decode of a DCT frame, or null. */
    FrameDecoder lastFrameDecoder() {
        return lastFrameDecoder;
    }

    private enum Mode { HEADERS, FIRST_SCAN, IMAGE, SAMPLES, COEFFICIENTS }

    private record Result(BufferedImage image, ImageInfo info, SamplePlane[] planes, CoefficientImage coefficients) {
        Result(BufferedImage image, ImageInfo info, SamplePlane[] planes) {
            this(image, info, planes, null);
        }
    }

    private Result run(Mode mode) throws JpegException {
        boolean headersOnly = mode == Mode.HEADERS || mode == Mode.FIRST_SCAN;
        markers.readStartOfImage();
        FrameDecoding frameDecoder = null;
        int pending = 0;
        long pendingOffset = 0;
        int scans = 0;
        int leftover = 0;
        List<CoefficientImage.Segment> segments = new ArrayList<>();
        while (true) {
            int code = markers.nextMarker(pending, pendingOffset, leftover);
            pending = 0;
            leftover = 0;
            long at = markers.markerOffset();
            Marker m = Marker.of(code);
            if (m == null) {
                // jdmarker.c read_markers: JERR_UNKNOWN_MARKER for reserved codes.
                throw new MalformedJpegException(at, null, String.format("unsupported marker 0x%02x", code));
            }
            switch (m) {
                case SOF0, SOF1, SOF2, SOF3, SOF5, SOF6, SOF7, SOF9, SOF10, SOF11, SOF13, SOF14, SOF15 -> {
                    if (state.frame != null) {
                        throw new MalformedJpegException(at, m, "more than one frame header (SOF)");
                    }
                    state.frame = markers.readFrameHeader(code, options.maxPixels(), headersOnly);
                    if (mode == Mode.COEFFICIENTS) {
                        checkCoefficientFrame(at, m);
                    }
                    int components = state.frame.components().size();
                    if (!headersOnly && components > options.maxComponents()) {
                        throw new JpegLimitException(at, m, components + " components exceed the limit of "
                            + options.maxComponents());
                    }
                }
                case JPG, DHP, EXP -> throw new UnsupportedJpegException(at, m,
                    UnsupportedJpegException.Feature.HIERARCHICAL, "unsupported marker " + m);
                case DHT -> {
                    for (HuffmanDefinition h : markers.readHuffmanTables()) {
                        state.define(h);
                    }
                }
                case DQT -> {
                    for (MarkerReader.QuantDefinition q : markers.readQuantTables()) {
                        state.define(q);
                    }
                }
                case DRI -> state.restartInterval = markers.readRestartInterval();
                case DAC -> {
                    for (ArithmeticConditioning a : markers.readArithmeticConditioning()) {
                        state.define(a);
                    }
                }
                case SOI -> throw new MalformedJpegException(at, m, "second SOI marker");
                case EOI -> {
                    markers.recordStandalone(code);
                    return mode == Mode.COEFFICIENTS ? coefficients(frameDecoder, segments, at)
                        : finish(mode, frameDecoder, at);
                }
                case SOS -> {
                    MarkerReader.ScanSelection selection = markers.readScanHeader(state.frame, headersOnly);
                    ScanHeader scan = selection.header();
                    long sosOffset = at;
                    if (++scans > options.maxScans()) {
                        throw new JpegLimitException(at, m, "more than " + options.maxScans() + " scans");
                    }
                    state.scans.add(scan);
                    if (mode == Mode.FIRST_SCAN) {
                        return finish(mode, null, at);
                    }
                    if (headersOnly) {
                        pendingOffset = source.offset();
                        pending = bits.skipEntropyData(state.restartInterval != 0);
                        pendingOffset = bits.markerOffset();
                        continue;
                    }
                    if (frameDecoder == null) {
                        frameDecoder = frameDecoder(mode, scan, at);
                    }
                    frameDecoder.decodeScan(selection, state, sosOffset);
                    pending = bits.finishScan();
                    pendingOffset = bits.markerOffset();
                    leftover = bits.leftoverBytes();
                }
                case RST0, RST1, RST2, RST3, RST4, RST5, RST6, RST7, TEM -> markers.recordStandalone(code);
                case APP0, APP1, APP2, APP3, APP4, APP5, APP6, APP7, APP8, APP9, APP10, APP11, APP12, APP13,
                    APP14, APP15, COM -> {
                    if (mode == Mode.COEFFICIENTS) {
                        // Every segment whole, for the --copy policy of the lossless operations.
                        MarkerReader.ApplicationData app = markers.readWholeApplication(code);
                        segments.add(new CoefficientImage.Segment(code, app.payload()));
                        state.application(app, false, warnings);
                    } else {
                        // decode() needs only JFIF and Adobe fields; readInfo() keeps EXIF, ICC and comments too.
                        state.application(markers.readApplication(code, headersOnly), headersOnly, warnings);
                    }
                }
                default -> markers.skipSegment(code); // DNL: libjpeg skips it
            }
        }
    }

    /** Chooses the frame decoder and its output when the first scan starts (jdmaster.c decides then too). */
    private FrameDecoding frameDecoder(Mode mode, ScanHeader scan, long at) throws JpegException {
        boolean lossless = state.frame.process() == Marker.SOF3;
        if (lossless && options.scaleDenominator() != 1) {
            // libjpeg-turbo 3 scales only DCT-based images.
            throw new UnsupportedJpegException(at, Marker.SOS, UnsupportedJpegException.Feature.OTHER,
                "scaled decoding of a lossless image is not supported");
        }
        DecodeLayout layout = lossless ? DecodeLayout.lossless(state.frame)
            : new DecodeLayout(state.frame, options.scaleDenominator());
        JpegColorSpace space = state.colorSpace(warnings, at);
        int components = layout.components.length;
        PixelOutput output;
        if (mode == Mode.COEFFICIENTS) {
            output = PixelOutput.coefficients();
        } else if (mode == Mode.SAMPLES) {
            output = PixelOutput.samplesOnly();
        } else if (options.grayscale() && space != JpegColorSpace.GRAYSCALE) {
            if (space != JpegColorSpace.YCBCR) {
                // libjpeg's jdcolor.c converts to grayscale from YCbCr (and RGB); Tessera from YCbCr only.
                throw new UnsupportedJpegException(at, Marker.SOS, UnsupportedJpegException.Feature.COLOR_SPACE,
                    "gray output from " + space + " is not supported (from YCbCr it is)");
            }
            // jdcolor.c grayscale_convert: the Y component is the gray image; Cb and Cr are not used.
            output = state.frame.precision() > 8 ? PixelOutput.firstComponent(WideColorDeconverter.gray())
                : PixelOutput.firstComponent(ColorDeconverter.gray());
        } else if (state.frame.precision() > 8) {
            output = PixelOutput.of(ImageAssembler.wideConverter(space, components, state.frame.precision(),
                options.cmykToRgb(), at));
        } else {
            output = PixelOutput.of(ImageAssembler.converter(space, components, options.cmykToRgb(), at));
        }
        ImageAssembler.upsamplers(layout, null, at);
        long maxMemory = options.maxMemory();
        if (lossless) {
            return new LosslessFrameDecoder(state.frame, layout, bits, warnings, output, maxMemory, at);
        }
        FrameDecoder decoder = new FrameDecoder(state.frame, layout, scan, bits, warnings, options.portableIdct(),
            output, maxMemory, options.threads(), deferScans && mode == Mode.IMAGE, at);
        decoder.awaitSplitWorker = awaitSplitWorker;
        lastFrameDecoder = decoder;
        return decoder;
    }

    private Result finish(Mode mode, FrameDecoding frameDecoder, long at) throws JpegException {
        if (state.frame == null) {
            throw new MalformedJpegException(at, Marker.EOI, "no image: the stream holds only tables");
        }
        if (mode == Mode.HEADERS || mode == Mode.FIRST_SCAN) {
            ImageInfo info = new ImageInfo(state.frame, state.colorSpace(WarningSinkHolder.SILENT, at),
                state.allQuant, state.allHuffman, state.scans, state.restartInterval, state.jfif, state.adobe,
                state.metadata(), markers.segments(), qualityEstimate());
            return new Result(null, info, null);
        }
        if (frameDecoder == null) {
            throw new MalformedJpegException(at, Marker.EOI, "no scan (SOS) before EOI");
        }
        frameDecoder.finish();
        return mode == Mode.SAMPLES ? new Result(null, null, frameDecoder.planes())
            : new Result(frameDecoder.image(), null, null);
    }

    /** Coefficient reads keep 8-bit DCT frames only (libjpeg-turbo's jpegtran refuses the others too). */
    private void checkCoefficientFrame(long at, Marker m) throws JpegException {
        if (m == Marker.SOF3 || m == Marker.SOF11 || m == Marker.SOF7 || m == Marker.SOF15) {
            throw new UnsupportedJpegException(at, m, UnsupportedJpegException.Feature.LOSSLESS,
                "lossless JPEG has no DCT coefficients to keep");
        }
        if (m == Marker.SOF5 || m == Marker.SOF6 || m == Marker.SOF13 || m == Marker.SOF14) {
            throw new UnsupportedJpegException(at, m, UnsupportedJpegException.Feature.HIERARCHICAL,
                "differential (hierarchical) frames are not supported");
        }
        if (state.frame.precision() != 8) {
            throw new UnsupportedJpegException(at, m, UnsupportedJpegException.Feature.PRECISION,
                state.frame.precision() + "-bit samples: only 8-bit files are supported here");
        }
        if (state.frame.height() == 0) {
            throw new UnsupportedJpegException(at, m, UnsupportedJpegException.Feature.NUMBER_OF_LINES,
                "the number of lines is defined by a DNL segment");
        }
        if (state.frame.components().size() > 4) {
            throw new UnsupportedJpegException(at, m, UnsupportedJpegException.Feature.COMPONENT_COUNT,
                state.frame.components().size() + " components: at most 4 are supported here");
        }
    }

    /** The coefficient-only decode's result at EOI: whole planes, the tables each component used, segments. */
    private Result coefficients(FrameDecoding frameDecoding, List<CoefficientImage.Segment> segments, long at)
        throws JpegException {
        if (state.frame == null) {
            throw new MalformedJpegException(at, Marker.EOI, "no image: the stream holds only tables");
        }
        if (!(frameDecoding instanceof FrameDecoder decoder)) {
            throw new MalformedJpegException(at, Marker.EOI, "no scan (SOS) before EOI");
        }
        decoder.finish();
        DecodeLayout layout = new DecodeLayout(state.frame, 1);
        FrameDecoder.CoefficientPlane[] planes = decoder.coefficientPlanes();
        List<ComponentBlocks> blocks = new ArrayList<>();
        List<QuantTable> tables = new ArrayList<>();
        boolean single = layout.components.length == 1;
        for (DecodeLayout.Component c : layout.components) {
            int[] q = planes[c.index].quantValues();
            QuantTable table;
            if (q != null) {
                table = QuantTable.decoded(toZigZag(q));
            } else {
                // A component no scan carried: libjpeg leaves its blocks zero; its slot's last table names it.
                table = c.quantSlot < 4 ? state.quant[c.quantSlot] : null;
                if (table == null) {
                    throw new MalformedJpegException(at, Marker.EOI, "quantization table " + c.quantSlot
                        + " is not defined");
                }
            }
            tables.add(table);
            short[] data = planes[c.index].coefficients();
            if (single && (c.paddedBlocksWide != c.blocksWide || c.paddedBlocksHigh != c.blocksHigh)) {
                // A one-component frame is coded without MCU padding (T.81 A.2.2): keep the real blocks only.
                short[] trimmed = new short[c.blocksWide * c.blocksHigh * 64];
                for (int row = 0; row < c.blocksHigh; row++) {
                    System.arraycopy(data, row * c.paddedBlocksWide * 64, trimmed, row * c.blocksWide * 64,
                        c.blocksWide * 64);
                }
                blocks.add(new ComponentBlocks(c.blocksWide, c.blocksHigh, c.blocksWide, c.blocksHigh, trimmed));
            } else {
                blocks.add(new ComponentBlocks(c.paddedBlocksWide, c.paddedBlocksHigh, c.blocksWide, c.blocksHigh,
                    data));
            }
        }
        CoefficientImage image = new CoefficientImage(state.frame, tables, blocks, segments, state.restartInterval);
        return new Result(null, null, null, image);
    }

    private static int[] toZigZag(int[] natural) {
        int[] zz = new int[64];
        for (int k = 0; k < 64; k++) {
            zz[k] = natural[ZigZag.toNatural(k)];
        }
        return zz;
    }

    /** The estimate from the first component's table (the luma table of YCbCr files), if it is defined. */
    private QualityEstimate qualityEstimate() {
        int slot = state.frame.components().get(0).quantTableSlot();
        for (ImageInfo.QuantSlot q : state.allQuant) {
            if (q.slot() == slot) {
                return QualityEstimator.ofLuma(q.table());
            }
        }
        return null;
    }

    /** A sink for warnings that readInfo has no use for. */
    private static final class WarningSinkHolder {
        static final WarningSink SILENT = new WarningSink(null, false);
    }
}
