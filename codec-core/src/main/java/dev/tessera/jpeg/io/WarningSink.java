package dev.tessera.jpeg.io;

import dev.tessera.jpeg.JpegWarning;
import dev.tessera.jpeg.MalformedJpegException;
import dev.tessera.jpeg.WarningListener;

/**
 * Where the stages of one decode report recoverable damage: forwards each {@link JpegWarning} to the
 * caller's listener, or, in strict mode, turns it into a {@link MalformedJpegException}. One per decode call.
 */
public final class WarningSink {
    private final WarningListener listener;
    private final boolean strict;
    private int count;

    public WarningSink(WarningListener listener, boolean strict) {
        this.listener = listener == null ? WarningListener.IGNORE : listener;
        this.strict = strict;
    }

    /** Reports a warning; throws instead in strict mode. */
    public void warn(long offset, JpegWarning.Kind kind, String detail) throws MalformedJpegException {
        if (strict) {
            throw new MalformedJpegException(offset, null, detail + " (strict mode)");
        }
        count++;
        listener.warningOccurred(new JpegWarning(offset, kind, detail));
    }

    /** How many warnings were reported so far. */
    public int count() {
        return count;
    }
}
