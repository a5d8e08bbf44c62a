package dev.tessera.jpeg.model;

import dev.tessera.jpeg.spec.Marker;
import java.util.List;

/**
 * A frame header (T.81 B.2.2): the SOFn marker that names the process, sample precision P, number of
 * lines Y, samples per line X, and the components.
 *
 * @param process    the SOFn marker
 * @param precision  P, bits per sample: 8 or 12 for DCT processes, 2..16 for lossless
 * @param height     Y, number of lines; 0 means a DNL segment defines it later (B.2.5)
 * @param width      X, samples per line, 1..65535
 * @param components 1..255 components (1..4 in a scan)
 */
public record FrameHeader(Marker process, int precision, int height, int width, List<ComponentSpec> components) {
    public FrameHeader {
        if (process == null || !process.isStartOfFrame()) {
            throw new IllegalArgumentException("frame process must be a SOFn marker, found " + process);
        }
        if (precision < 2 || precision > 16) {
            throw new IllegalArgumentException("sample precision must be 2..16, found " + precision);
        }
        if (height < 0 || height > 65535 || width < 1 || width > 65535) {
            throw new IllegalArgumentException("image size must be 1..65535, found " + width + "x" + height);
        }
        if (components == null || components.isEmpty() || components.size() > 255) {
            throw new IllegalArgumentException("a frame needs 1..255 components");
        }
        components = List.copyOf(components);
    }

    /** Hmax, the largest horizontal sampling factor (A.1.1). */
    public int maxHorizontalSampling() {
        int m = 1;
        for (ComponentSpec c : components) {
            m = Math.max(m, c.horizontalSampling());
        }
        return m;
    }

    /** Vmax, the largest vertical sampling factor (A.1.1). */
    public int maxVerticalSampling() {
        int m = 1;
        for (ComponentSpec c : components) {
            m = Math.max(m, c.verticalSampling());
        }
        return m;
    }

    /** The component with identifier {@code id}, or {@code null}. */
    public ComponentSpec component(int id) {
        for (ComponentSpec c : components) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }
}
