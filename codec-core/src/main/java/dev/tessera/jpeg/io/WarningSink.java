package dev.tessera.jpeg.io;

import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.WarningListener;

/**
 * Where the stages of one decode report recoverable damage: forwards each {@link JpegWarning} to the
 * caller's listener, or, in strict mode, turns it into a {@link MalformedJpegException}. One per decode call.
 */
public final class WarningSink {
    /**
     * Warnings of one kind reported to the listener; later ones are only counted. Damaged files with a
     * restart marker per MCU can otherwise produce one warning per MCU (libjpeg's djpeg prints only the first).
     */
    public static final int MAX_REPORTED_PER_KIND = 100;

    private final WarningListener listener;
    private final boolean strict;
    private int count;
    private final int[] perKind = new int[JpegWarning.Kind.values().length];

    public WarningSink(WarningListener listener, boolean strict) {
        this.listener = listener == null ? WarningListener.IGNORE : listener;
        this.strict = strict;
    }

    /** Reports a warning (only the first {@value #MAX_REPORTED_PER_KIND} of each kind); throws in strict mode. */
    public void warn(long offset, JpegWarning.Kind kind, String detail) throws MalformedJpegException {
        if (strict) {
            throw new MalformedJpegException(offset, null, detail + " (strict mode)");
        }
        count++;
        if (perKind[kind.ordinal()]++ < MAX_REPORTED_PER_KIND) {
            listener.warningOccurred(new JpegWarning(offset, kind, detail));
        }
    }

    /** Whether a warning of this kind would still reach the listener or throw (to skip formatting details). */
    public boolean wanted(JpegWarning.Kind kind) {
        return strict || (listener != WarningListener.IGNORE && perKind[kind.ordinal()] < MAX_REPORTED_PER_KIND);
    }

    /** Counts a warning whose details are not wanted (see {@link #wanted}). */
    public void count(JpegWarning.Kind kind) {
        count++;
        perKind[kind.ordinal()]++;
    }

    /** How many warnings were reported so far. */
    public int count() {
        return count;
    }
}
