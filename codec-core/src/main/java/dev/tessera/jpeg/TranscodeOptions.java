package dev.tessera.jpeg;

/**
 * How {@link JpegTranscoder} writes coefficients and optimizes files. Immutable and thread-safe; start from
 * {@link #DEFAULT} and change one option with a {@code with...} method or several with {@link #toBuilder()}.
 *
 * <table>
 * <caption>Transcode options</caption>
 * <tr><th>option</th><th>default</th><th>meaning and interactions</th></tr>
 * <tr><td>{@link #coding()}</td><td>{@link Coding#SMALLEST}</td><td>the entropy coding written; with
 *     {@code SMALLEST}, {@link JpegTranscoder#optimize} also returns the input unchanged when no coding is
 *     smaller than it</td></tr>
 * <tr><td>{@link #copy()}</td><td>{@link CopyPolicy#ALL}</td><td>the APPn and COM segments copied</td></tr>
 * <tr><td>{@link #force()}</td><td>false</td><td>{@link JpegTranscoder#optimize} rewrites files the decoder
 *     reads only with warnings (damaged data, rewritten as the decoder recovered it); otherwise they are
 *     refused</td></tr>
 * </table>
 */
public final class TranscodeOptions {
    /** The smallest coding, every segment copied, damaged files refused. */
    public static final TranscodeOptions DEFAULT = new Builder().build();

    /** The entropy coding of the written file. */
    public enum Coding {
        /** The smaller of {@link #SEQUENTIAL} and {@link #PROGRESSIVE} (Huffman codings every decoder reads). */
        SMALLEST,
        /** Sequential with Huffman tables optimized for the image (T.81 K.2): SOF0, or SOF1 for 16-bit tables. */
        SEQUENTIAL,
        /** Progressive (SOF2): the smallest of the encoder's candidate scan scripts, each scan's tables optimized. */
        PROGRESSIVE,
        /** The smaller of {@link #ARITHMETIC_SEQUENTIAL} and {@link #ARITHMETIC_PROGRESSIVE}. */
        ARITHMETIC,
        /** Sequential arithmetic coding (SOF9, T.81 Annex D and F.1.4). */
        ARITHMETIC_SEQUENTIAL,
        /** Progressive arithmetic coding (SOF10, T.81 G.1.3). */
        ARITHMETIC_PROGRESSIVE
    }

    private final Coding coding;
    private final CopyPolicy copy;
    private final boolean force;

    private TranscodeOptions(Builder b) {
        if (b.coding == null || b.copy == null) {
            throw new IllegalArgumentException("coding and copy policy must not be null");
        }
        coding = b.coding;
        copy = b.copy;
        force = b.force;
    }

    public Coding coding() {
        return coding;
    }

    public CopyPolicy copy() {
        return copy;
    }

    public boolean force() {
        return force;
    }

    public TranscodeOptions withCoding(Coding value) {
        return toBuilder().coding(value).build();
    }

    public TranscodeOptions withCopy(CopyPolicy value) {
        return toBuilder().copy(value).build();
    }

    public TranscodeOptions withForce(boolean value) {
        return toBuilder().force(value).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TranscodeOptions t && t.coding == coding && t.copy == copy && t.force == force;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(coding, copy, force);
    }

    @Override
    public String toString() {
        return "TranscodeOptions[coding=" + coding + ", copy=" + copy + ", force=" + force + "]";
    }

    /** Builds {@link TranscodeOptions}; not thread-safe. */
    public static final class Builder {
        private Coding coding = Coding.SMALLEST;
        private CopyPolicy copy = CopyPolicy.ALL;
        private boolean force;

        public Builder() {
        }

        private Builder(TranscodeOptions o) {
            coding = o.coding;
            copy = o.copy;
            force = o.force;
        }

        public Builder coding(Coding value) {
            coding = value;
            return this;
        }

        public Builder copy(CopyPolicy value) {
            copy = value;
            return this;
        }

        public Builder force(boolean value) {
            force = value;
            return this;
        }

        public TranscodeOptions build() {
            return new TranscodeOptions(this);
        }
    }
}
