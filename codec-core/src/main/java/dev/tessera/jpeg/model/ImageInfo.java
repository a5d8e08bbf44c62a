package dev.tessera.jpeg.model;

import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.spec.Marker;
import java.util.List;
import java.util.Optional;

/**
 * What the markers of a JPEG stream say, read without decoding the entropy-coded data
 * ({@link JpegDecoder#readInfo}).
 *
 * @param frame           the frame header (T.81 B.2.2): process, precision, size, components and sampling
 * @param colorSpace      the components' colour space, as libjpeg would decide it
 * @param quantTables     every DQT table in stream order, as (slot, table) pairs
 * @param huffmanTables   every DHT table in stream order
 * @param scans           every scan header (T.81 B.2.3), in order
 * @param restartInterval the last DRI value (MCUs per interval), 0 if none
 * @param jfif            the JFIF APP0 header, or {@code null}
 * @param adobe           the Adobe APP14 segment, or {@code null}
 * @param metadata        EXIF (TIFF payload), ICC profile (reassembled from its APP2 chunks) and comments;
 *                        its JFIF field is {@link JfifHeader#DEFAULT} when the file has none
 * @param segments        every marker with its offset and length, in stream order
 * @param qualityEstimate the IJG quality estimated from the first component's table, or {@code null} when that
 *                        table is not defined
 */
public record ImageInfo(FrameHeader frame, JpegColorSpace colorSpace, List<QuantSlot> quantTables,
                        List<HuffmanDefinition> huffmanTables, List<ScanHeader> scans, int restartInterval,
                        JfifHeader jfif, AdobeApp14 adobe, ImageMetadata metadata, List<MarkerSegment> segments,
                        QualityEstimate qualityEstimate) {
    /** A quantization table and the slot Tq it was defined for. */
    public record QuantSlot(int slot, QuantTable table) {
    }

    public ImageInfo {
        quantTables = List.copyOf(quantTables);
        huffmanTables = List.copyOf(huffmanTables);
        scans = List.copyOf(scans);
        segments = List.copyOf(segments);
    }

    public int width() {
        return frame.width();
    }

    public int height() {
        return frame.height();
    }

    public int precision() {
        return frame.precision();
    }

    /** The SOFn marker naming the process (T.81 Table B.1). */
    public Marker process() {
        return frame.process();
    }

    public List<ComponentSpec> components() {
        return frame.components();
    }

    /** The EXIF Orientation tag (IFD0 0x0112), or empty when there is no EXIF, no tag or a damaged one. */
    public Optional<Orientation> orientation() {
        return metadata == null ? Optional.empty() : Orientation.fromExif(metadata.exif());
    }

    public boolean progressive() {
        return frame.process() == Marker.SOF2 || frame.process() == Marker.SOF10;
    }
}
