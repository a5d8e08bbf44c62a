package dev.tessera.jpeg.model;

/**
 * Chroma subsampling of a YCbCr image: the luma component's sampling factors (T.81 A.1.1), with both chroma
 * components at 1x1.
 */
public enum Subsampling {
    /** No subsampling. */
    S444(1, 1, "444"),
    /** Chroma halved horizontally. */
    S422(2, 1, "422"),
    /** Chroma halved in both directions; the default, as in cjpeg. */
    S420(2, 2, "420"),
    /** Chroma halved vertically. */
    S440(1, 2, "440"),
    /** Chroma quartered horizontally. */
    S411(4, 1, "411");

    private final int lumaHorizontal;
    private final int lumaVertical;
    private final String label;

    Subsampling(int lumaHorizontal, int lumaVertical, String label) {
        this.lumaHorizontal = lumaHorizontal;
        this.lumaVertical = lumaVertical;
        this.label = label;
    }

    /** H of the luma component. */
    public int lumaHorizontal() {
        return lumaHorizontal;
    }

    /** V of the luma component. */
    public int lumaVertical() {
        return lumaVertical;
    }

    /** The conventional label: "444", "422", "420", "440" or "411". */
    public String label() {
        return label;
    }

    /** Parses a label such as "420" or "4:2:0". */
    public static Subsampling parse(String text) {
        String digits = text.replace(":", "").trim();
        for (Subsampling s : values()) {
            if (s.label.equals(digits)) {
                return s;
            }
        }
        throw new IllegalArgumentException("subsampling must be one of 444, 422, 420, 440, 411; found " + text);
    }
}
