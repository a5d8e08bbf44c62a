package dev.tessera.jpeg.io;

import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.error.WarningListener;
import java.util.ArrayList;
import java.util.List;

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
    private int[] perKind = new int[JpegWarning.Kind.values().length];
    /** Warnings handed to the listener so far (for {@link #rewind()}). */
    private int delivered;
    /** Warnings still to swallow after {@link #rewind()}: the replay's repeats of those already delivered. */
    private int repeats;
    /** While non-null, warnings are held here instead of delivered ({@link #hold()}). */
    private List<JpegWarning> held;
    private int deliveredBeforeHold;

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
            JpegWarning w = new JpegWarning(offset, kind, detail);
            if (held != null) {
                held.add(w);
            } else {
                deliver(w);
            }
        }
    }

    private void deliver(JpegWarning w) {
        if (repeats > 0) {
            repeats--;
            return;
        }
        delivered++;
        listener.warningOccurred(w);
    }

    /**
     * Holds the warnings reported from now on until {@link #release()} (or {@link #rewind()}): for a decode that
     * defers work and must report, if that work is clean, the warnings it met meanwhile in the one-thread order.
     */
    public void hold() {
        if (held == null) {
            held = new ArrayList<>();
            deliveredBeforeHold = delivered;
        }
    }

    /** Delivers the held warnings, in order, and stops holding. */
    public void release() {
        List<JpegWarning> h = held;
        held = null;
        if (h != null) {
            for (JpegWarning w : h) {
                deliver(w);
            }
        }
    }

    /**
     * Drops the held warnings and forgets every warning so far, for the same decode to run again from the start
     * of the stream: its first warnings, those delivered before the hold, are the ones already delivered, so they
     * are swallowed rather than delivered twice.
     */
    public void rewind() {
        held = null;
        repeats = deliveredBeforeHold;
        delivered = 0;
        deliveredBeforeHold = 0;
        count = 0;
        perKind = new int[perKind.length];
    }

    /** Whether warnings throw ({@link MalformedJpegException}) instead of reaching the listener. */
    public boolean strict() {
        return strict;
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
