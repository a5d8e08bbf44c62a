package dev.tessera.jpeg.error;

/**
 * Recoverable damage found while decoding, reported as libjpeg reports its {@code JWRN_*} messages: the
 * decoder went on and the image is still produced, possibly with grey areas.
 *
 * @param offset byte offset from the start of the stream where the damage was noticed, or -1
 * @param kind   what went wrong
 * @param detail a lower-case sentence giving the particulars
 */
public record JpegWarning(long offset, Kind kind, String detail) {
    /** The kinds of recoverable damage, each named after the libjpeg warning it mirrors. */
    public enum Kind {
        /** Bytes that are not a marker where a marker was expected (libjpeg JWRN_EXTRANEOUS_DATA). */
        EXTRANEOUS_DATA,
        /** Entropy-coded data ended at a marker before the scan was complete (JWRN_HIT_MARKER). */
        PREMATURE_END_OF_SCAN,
        /** The stream ended without EOI (JWRN_JPEG_EOF). */
        PREMATURE_END_OF_FILE,
        /** A restart marker was missing or out of order; the decoder resynchronised (JWRN_MUST_RESYNC). */
        RESTART_RESYNC,
        /** A Huffman code matched no symbol (JWRN_HUFF_BAD_CODE). */
        BAD_HUFFMAN_CODE,
        /** Arithmetic-coded data that no valid encoder produces (JWRN_ARITH_BAD_CODE). */
        BAD_ARITHMETIC_CODE,
        /** A sequential scan with Ss, Se, Ah or Al not 0, 63, 0, 0 (JWRN_NOT_SEQUENTIAL). */
        NOT_SEQUENTIAL,
        /** Progressive scans out of order (JWRN_BOGUS_PROGRESSION). */
        BOGUS_PROGRESSION,
        /** An Adobe APP14 transform value other than 0, 1, 2 (JWRN_ADOBE_XFORM). */
        UNKNOWN_ADOBE_TRANSFORM,
        /** A malformed APPn or ICC chunk that was ignored. */
        BAD_METADATA
    }

    public JpegWarning {
        if (kind == null) {
            throw new IllegalArgumentException("warning kind must not be null");
        }
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return "offset " + offset + ": " + kind + ": " + detail;
    }
}
