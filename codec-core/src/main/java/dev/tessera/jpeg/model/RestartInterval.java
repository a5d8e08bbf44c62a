package dev.tessera.jpeg.model;

/**
 * How often the encoder ends an interval with a restart marker (T.81 B.2.4.4, DRI and RSTm): every
 * {@code count} MCUs or every {@code count} MCU rows. Restart markers let decoders resynchronise after
 * damage and decode stripes in parallel, at a small cost in size.
 *
 * @param count how many units an interval holds; 0 disables restart markers
 * @param unit  what is counted
 */
public record RestartInterval(int count, Unit unit) {
    /** What a restart interval counts. */
    public enum Unit { MCUS, MCU_ROWS }

    /** No restart markers. */
    public static final RestartInterval NONE = new RestartInterval(0, Unit.MCUS);

    public RestartInterval {
        if (unit == null) {
            throw new IllegalArgumentException("restart unit must not be null");
        }
        if (count < 0 || count > 65535) {
            throw new IllegalArgumentException("restart interval must be 0..65535, found " + count);
        }
    }

    public static RestartInterval mcus(int count) {
        return new RestartInterval(count, Unit.MCUS);
    }

    public static RestartInterval mcuRows(int count) {
        return new RestartInterval(count, Unit.MCU_ROWS);
    }

    public boolean enabled() {
        return count > 0;
    }

    /**
     * The interval in MCUs for an image {@code mcusPerRow} MCUs wide, as DRI's Ri field holds it.
     *
     * @throws IllegalArgumentException if the interval exceeds 65535 MCUs
     */
    public int inMcus(int mcusPerRow) {
        long mcus = unit == Unit.MCUS ? count : (long) count * mcusPerRow;
        if (mcus > 65535) {
            throw new IllegalArgumentException("restart interval of " + mcus + " MCUs exceeds the DRI limit 65535");
        }
        return (int) mcus;
    }
}
