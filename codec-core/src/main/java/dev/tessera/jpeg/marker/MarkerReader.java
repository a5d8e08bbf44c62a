package dev.tessera.jpeg.marker;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.UnsupportedJpegException.Feature;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.model.ArithmeticConditioning;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.HuffmanDefinition;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.MarkerSegment;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.spec.Marker;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads marker segments (T.81 Annex B) and turns them into model records. The only decoder class that
 * knows segment layouts and lengths. It validates what libjpeg's {@code jdmarker.c} validates, naming the
 * offset and marker in each exception, and tolerates what libjpeg tolerates.
 */
public final class MarkerReader {
    /** libjpeg's MAX_COMPONENTS: frames with more components are rejected. */
    public static final int MAX_COMPONENTS = 10;

    private final ByteSource source;
    private final WarningSink warnings;
    private final long maxMarkerMemory;
    private long markerMemory;
    private final List<MarkerSegment> segments = new ArrayList<>();
    private long markerOffset;
    private Marker current;

    /** One table of a DQT segment: destination Tq and the table (T.81 B.2.4.1). */
    public record QuantDefinition(int slot, QuantTable table) {
    }

    /** An APPn or COM segment: its code, where it starts, and the payload kept (maybe only a prefix). */
    public record ApplicationData(int code, long offset, int length, byte[] payload, boolean complete) {
    }

    public MarkerReader(ByteSource source, WarningSink warnings, long maxMarkerMemory) {
        this.source = source;
        this.warnings = warnings;
        this.maxMarkerMemory = maxMarkerMemory;
    }

    /** The markers read so far, in stream order. */
    public List<MarkerSegment> segments() {
        return List.copyOf(segments);
    }

    /** Offset of the 0xFF of the marker last returned by {@link #nextMarker(int, long)}. */
    public long markerOffset() {
        return markerOffset;
    }

    private MalformedJpegException malformed(String problem) {
        return new MalformedJpegException(markerOffset, current, problem);
    }

    /** T.81 B.2.1: the stream must start with SOI; libjpeg's first_marker accepts nothing else. */
    public void readStartOfImage() throws JpegException {
        markerOffset = 0;
        if (source.length() == 0) {
            throw new MalformedJpegException(0, null, "empty input");
        }
        int c1 = source.read();
        int c2 = source.read();
        if (c1 != 0xFF || c2 != Marker.SOI.code()) {
            throw new MalformedJpegException(0, null,
                String.format("not a JPEG file: starts with 0x%02x 0x%02x", c1, c2));
        }
        segments.add(new MarkerSegment(Marker.SOI.code(), 0, 0, ""));
    }

    /**
     * The next marker's code. {@code pending} is a marker the bit reader already met at the end of
     * entropy-coded data (0 if none); otherwise this searches for the next 0xFF xx pair, warning about
     * bytes skipped on the way.
     */
    public int nextMarker(int pending, long pendingOffset) throws JpegException {
        return nextMarker(pending, pendingOffset, 0);
    }

    /**
     * As {@link #nextMarker(int, long)}, counting {@code leftoverBytes} of entropy-coded data read but not
     * decoded as extraneous when there is no pending marker (libjpeg's discarded_bytes).
     */
    public int nextMarker(int pending, long pendingOffset, int leftoverBytes) throws JpegException {
        int code;
        if (pending != 0) {
            code = pending;
            markerOffset = pendingOffset;
        } else {
            long before = source.offset();
            code = BitReader.seekMarker(source, warnings, leftoverBytes);
            markerOffset = source.offset() - 2;
            if (markerOffset < before) {
                markerOffset = before;
            }
        }
        current = Marker.of(code);
        return code;
    }

    private void record(int code, int length, String label) {
        segments.add(new MarkerSegment(code, markerOffset, length, label));
    }

    /** Records a standalone marker (EOI, RSTm, TEM) in the segment list. */
    public void recordStandalone(int code) {
        record(code, 0, "");
    }

    /**
     * T.81 B.2.2 frame header, validated as libjpeg's get_sof and initial_setup do.
     *
     * @param maxPixels   the pixel limit, checked here before anything is allocated
     * @param headersOnly when true (reading information, not decoding), processes, precisions and component
     *                    counts the decoder does not support are accepted, and so is Y = 0 (DNL)
     */
    public FrameHeader readFrameHeader(int code, long maxPixels, boolean headersOnly) throws JpegException {
        Marker process = Marker.of(code);
        int length = source.readUnsigned16();
        record(code, length, "");
        if (!headersOnly) {
            checkProcess(process);
        }
        int precision = source.read();
        int height = source.readUnsigned16();
        int width = source.readUnsigned16();
        int count = source.read();
        if (width == 0 || count == 0) {
            throw malformed("empty image: " + width + "x" + height + ", " + count + " components");
        }
        if (height == 0 && !headersOnly) {
            throw new UnsupportedJpegException(markerOffset, process, Feature.NUMBER_OF_LINES,
                "number of lines is 0 (defined later by DNL, T.81 B.2.5), which libjpeg does not support");
        }
        if (length != 8 + 3 * count) {
            throw malformed("bad segment length " + length + " for " + count + " components");
        }
        if (precision < 2 || precision > 16) {
            throw malformed("sample precision " + precision + " is outside 2..16 (T.81 B.2.2)");
        }
        if (!headersOnly) {
            if (process != Marker.SOF3 && precision != 8 && precision != 12) {
                // T.81 B.2.2: 8 bits (baseline, extended, progressive) or 12 (extended, progressive); lossless
                // takes 2..16 (libjpeg-turbo 3 jdinput.c initial_setup). libjpeg-turbo 3 also takes 12-bit
                // samples in a SOF0 frame, and so do we.
                throw malformed("sample precision " + precision + " is not allowed for DCT processes (T.81 B.2.2)");
            }
            if (count > MAX_COMPONENTS) {
                throw new UnsupportedJpegException(markerOffset, process, Feature.COMPONENT_COUNT,
                    count + " components; at most " + MAX_COMPONENTS + " are supported");
            }
            if ((long) width * height > maxPixels) {
                throw new JpegLimitException(markerOffset, process,
                    width + "x" + height + " exceeds the limit of " + maxPixels + " pixels");
            }
        }
        List<ComponentSpec> components = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = source.read();
            int sampling = source.read();
            int tq = source.read();
            int h = sampling >> 4;
            int v = sampling & 15;
            if (h < 1 || h > 4 || v < 1 || v > 4) {
                throw malformed("bad sampling factors " + h + "x" + v + " for component " + id);
            }
            components.add(new ComponentSpec(id, h, v, tq));
        }
        return new FrameHeader(process, precision, height, width, components);
    }

    private void checkProcess(Marker process) throws UnsupportedJpegException {
        switch (process) {
            case SOF0, SOF1, SOF2, SOF3, SOF9, SOF10 -> { }
            case SOF11 -> throw new UnsupportedJpegException(markerOffset, process, Feature.LOSSLESS,
                "lossless JPEG with arithmetic coding is not supported yet");
            default -> throw new UnsupportedJpegException(markerOffset, process, Feature.HIERARCHICAL,
                "hierarchical JPEG (T.81 Annex J) is not supported");
        }
    }

    /** T.81 B.2.4.1: one or more quantization tables, as libjpeg's get_dqt reads them. */
    public List<QuantDefinition> readQuantTables() throws JpegException {
        int length = source.readUnsigned16();
        record(Marker.DQT.code(), length, "");
        int left = length - 2;
        List<QuantDefinition> out = new ArrayList<>();
        while (left > 0) {
            int pqTq = source.read();
            int precision = pqTq >> 4;
            int slot = pqTq & 15;
            if (slot > 3) {
                throw malformed("quantization table destination " + slot + " out of range 0..3");
            }
            int[] values = new int[64];
            for (int k = 0; k < 64; k++) {
                values[k] = precision != 0 ? source.readUnsigned16() : source.read();
            }
            out.add(new QuantDefinition(slot, QuantTable.decoded(values)));
            left -= 65;
            if (precision != 0) {
                left -= 64;
            }
        }
        if (left != 0) {
            throw malformed("bad segment length " + length);
        }
        return out;
    }

    /** T.81 B.2.4.2: one or more Huffman tables, as libjpeg's get_dht reads them. */
    public List<HuffmanDefinition> readHuffmanTables() throws JpegException {
        int length = source.readUnsigned16();
        record(Marker.DHT.code(), length, "");
        int left = length - 2;
        List<HuffmanDefinition> out = new ArrayList<>();
        while (left > 16) {
            int tcTh = source.read();
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = source.read();
                total += counts[i];
            }
            left -= 17;
            if (total > 256 || total > left) {
                throw malformed("bad Huffman table: " + total + " symbols");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = source.read();
            }
            left -= total;
            boolean ac = (tcTh & 0x10) != 0;
            int slot = tcTh & ~0x10;
            if (slot > 3) {
                throw malformed("Huffman table destination " + slot + " out of range 0..3");
            }
            HuffmanSpec spec = null;
            String problem = null;
            try {
                spec = new HuffmanSpec(counts, symbols);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            out.add(new HuffmanDefinition(ac, slot, spec, problem));
        }
        if (left != 0) {
            throw malformed("bad segment length " + length);
        }
        return out;
    }

    /**
     * T.81 B.2.4.3 DAC, validated as libjpeg's get_dac does (destinations 0..15 per class, DC needs L &lt;= U,
     * and libjpeg-turbo 2.1 checks nothing else, not even Kx).
     */
    public List<ArithmeticConditioning> readArithmeticConditioning() throws JpegException {
        int length = source.readUnsigned16();
        record(Marker.DAC.code(), length, "");
        int left = length - 2;
        List<ArithmeticConditioning> out = new ArrayList<>();
        while (left > 0) {
            int index = source.read();
            int value = source.read();
            left -= 2;
            if (index >= 32) {
                throw malformed("arithmetic table destination " + index + " out of range");
            }
            boolean ac = index >= 16;
            if (!ac && (value & 15) > (value >> 4)) {
                throw malformed(String.format("bogus DAC value 0x%x: L %d exceeds U %d", value, value & 15,
                    value >> 4));
            }
            out.add(new ArithmeticConditioning(ac, index & 15, value));
        }
        if (left != 0) {
            throw malformed("bad segment length " + length);
        }
        return out;
    }

    /** T.81 B.2.4.4: the restart interval Ri, in MCUs. */
    public int readRestartInterval() throws JpegException {
        int length = source.readUnsigned16();
        record(Marker.DRI.code(), length, "");
        if (length != 4) {
            throw malformed("bad segment length " + length);
        }
        return source.readUnsigned16();
    }

    /**
     * A scan header and, for each scan component, the index of the frame component it selects (component
     * identifiers need not be unique in damaged files, so the index is what counts).
     */
    public record ScanSelection(ScanHeader header, List<Integer> frameIndices) {
        public ScanSelection {
            frameIndices = List.copyOf(frameIndices);
        }
    }

    /**
     * T.81 B.2.3 scan header, validated as libjpeg-turbo 2.1's get_sos does. Its component search is
     * quirky and we keep it: scan component i selects the first frame component c with a matching
     * identifier such that c is at least i and below 4, so duplicate identifiers map to successive
     * components, and a scan listing components in descending frame order is rejected; then, as T.81
     * B.2.3 requires, no frame component may be selected twice.
     *
     * @param headersOnly when true, every frame component can be selected (libjpeg's limit to the first
     *                    four only matters for decoding)
     */
    public ScanSelection readScanHeader(FrameHeader frame, boolean headersOnly) throws JpegException {
        if (frame == null) {
            throw malformed("SOS before SOF");
        }
        int length = source.readUnsigned16();
        record(Marker.SOS.code(), length, "");
        int n = source.read();
        if (length != 2 * n + 6 || n < 1 || n > 4) {
            throw malformed("bad segment length " + length + " for " + n + " components");
        }
        List<ScanComponent> components = new ArrayList<>(n);
        List<Integer> indices = new ArrayList<>(n);
        // When only reading headers, frames with more than 4 components (T.83 B2 has 255) are listed fully.
        int searchable = headersOnly ? frame.components().size() : Math.min(frame.components().size(), 4);
        for (int i = 0; i < n; i++) {
            int id = source.read();
            int tables = source.read();
            int index = -1;
            for (int c = i; c < searchable; c++) {
                if (frame.components().get(c).id() == id) {
                    index = c;
                    break;
                }
            }
            if (index < 0 || indices.contains(index)) {
                throw malformed("bad component id " + id + " in scan");
            }
            indices.add(index);
            components.add(new ScanComponent(id, tables >> 4, tables & 15));
        }
        int ss = source.read();
        int se = source.read();
        int a = source.read();
        return new ScanSelection(new ScanHeader(components, ss, se, a >> 4, a & 15), indices);
    }

    /**
     * An APPn or COM segment. With {@code keepMetadata}, keeps the payload of APP0, APP1, APP2, APP14 and COM
     * (counted against the marker memory limit); otherwise, and for other segments, only a 32-byte prefix
     * (enough to name them and to read the JFIF and Adobe fields that decoding needs).
     */
    public ApplicationData readApplication(int code, boolean keepMetadata) throws JpegException {
        int length = source.readUnsigned16();
        long offset = markerOffset;
        // libjpeg's skip_variable and get_interesting_appn accept a length below 2 as an empty segment.
        int size = Math.max(0, length - 2);
        boolean keep = keepMetadata
            && (code == 0xE0 || code == 0xE1 || code == 0xE2 || code == 0xEE || code == 0xFE);
        byte[] payload;
        boolean complete;
        if (keep) {
            if (markerMemory + size > maxMarkerMemory) {
                throw new JpegLimitException(markerOffset, current,
                    "metadata exceeds the marker memory limit of " + maxMarkerMemory + " bytes");
            }
            markerMemory += size;
            payload = source.readBytes(size);
            complete = true;
        } else {
            int prefix = Math.min(size, 32);
            payload = source.readBytes(prefix);
            source.skip(size - prefix);
            complete = size <= 32;
        }
        record(code, length, ApplicationSegments.label(code, payload));
        return new ApplicationData(code, offset, length, payload, complete);
    }

    /**
     * An APPn or COM segment kept whole whatever its kind (for the lossless operations, which copy segments),
     * counted against the marker memory limit.
     */
    public ApplicationData readWholeApplication(int code) throws JpegException {
        int length = source.readUnsigned16();
        long offset = markerOffset;
        int size = Math.max(0, length - 2);
        if (markerMemory + size > maxMarkerMemory) {
            throw new JpegLimitException(markerOffset, current,
                "metadata exceeds the marker memory limit of " + maxMarkerMemory + " bytes");
        }
        markerMemory += size;
        byte[] payload = source.readBytes(size);
        record(code, length, ApplicationSegments.label(code, payload));
        return new ApplicationData(code, offset, length, payload, true);
    }

    /** Skips a segment this reader has no use for (DNL, DAC, ...), as libjpeg's skip_variable does. */
    public void skipSegment(int code) throws JpegException {
        int length = source.readUnsigned16();
        record(code, length, "");
        source.skip(length - 2L);
    }
}
