package dev.tessera.jpeg.model;

import java.util.List;

/**
 * A baseline, extended or progressive 8-bit JPEG held as its quantized DCT coefficients: what the lossless
 * operations (optimize, transforms) read from one file and write to another without touching a pixel.
 *
 * <p>The frame keeps the source's component identifiers, sampling factors and quantization slots; its
 * {@code process} is the source's SOFn, which a writer may change. {@link #quantTables()} holds one table per
 * component, in frame order (the table the component's slot named when its first scan began, T.81 B.2.4.1).
 * {@link #segments()} are the APPn and COM segments in file order, which the {@code --copy} policy filters.
 * The coefficient arrays are shared, not copied: a transform builds new {@link ComponentBlocks}.
 *
 * @param frame           frame header: size, components, sampling factors, SOFn of the source
 * @param quantTables     one table per component of {@code frame}, in the same order
 * @param components      one coefficient plane per component of {@code frame}, in the same order
 * @param segments        APPn (0xE0..0xEF) and COM (0xFE) segments in file order, payload without length
 * @param restartInterval the source's restart interval in MCUs (T.81 B.2.4.4), 0 for none
 */
public record CoefficientImage(FrameHeader frame, List<QuantTable> quantTables, List<ComponentBlocks> components,
        List<Segment> segments, int restartInterval) {
    public CoefficientImage {
        if (frame == null || quantTables == null || components == null || segments == null) {
            throw new IllegalArgumentException("frame, tables, components and segments are required");
        }
        int n = frame.components().size();
        if (quantTables.size() != n || components.size() != n) {
            throw new IllegalArgumentException("need one quantization table and one plane per component, found "
                + quantTables.size() + " and " + components.size() + " for " + n);
        }
        if (restartInterval < 0 || restartInterval > 65535) {
            throw new IllegalArgumentException("restart interval must be 0..65535, found " + restartInterval);
        }
        quantTables = List.copyOf(quantTables);
        components = List.copyOf(components);
        segments = List.copyOf(segments);
    }

    /** Image width X in samples. */
    public int width() {
        return frame.width();
    }

    /** Image height Y in lines. */
    public int height() {
        return frame.height();
    }

    /** This image with other segments (for the {@code --copy} policy). */
    public CoefficientImage withSegments(List<Segment> value) {
        return new CoefficientImage(frame, quantTables, components, value, restartInterval);
    }

    /**
     * One APPn or COM segment as found in the file.
     *
     * @param marker  second byte of the marker: 0xE0..0xEF for APPn, 0xFE for COM
     * @param payload the bytes after the two length bytes; not copied
     */
    public record Segment(int marker, byte[] payload) {
        public Segment {
            if (!(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE) {
                throw new IllegalArgumentException(String.format("not an APPn or COM marker: 0x%02X", marker));
            }
            if (payload == null || payload.length > 65533) {
                throw new IllegalArgumentException("segment payload must be 0..65533 bytes");
            }
        }
    }
}
