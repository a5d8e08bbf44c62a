package dev.tessera.jpeg.error;

/** Receives {@link JpegWarning}s as a decode finds recoverable damage; called on the decoding thread. */
@FunctionalInterface
public interface WarningListener {
    /** Ignores every warning. */
    WarningListener IGNORE = warning -> { };

    void warningOccurred(JpegWarning warning);
}
