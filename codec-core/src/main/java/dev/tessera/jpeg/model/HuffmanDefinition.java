package dev.tessera.jpeg.model;

/**
 * One table of a DHT segment (T.81 B.2.4.2) as found in the stream: its class Tc, destination Th and
 * either a valid {@link HuffmanSpec} or, when the code lengths are invalid, the problem. libjpeg only
 * rejects a bad table when a scan uses it, so the decoder keeps invalid definitions until then.
 *
 * @param ac      Tc: false for a DC table, true for an AC table
 * @param slot    Th, 0..3
 * @param spec    the table, or {@code null} if invalid
 * @param problem why the table is invalid, or {@code null}
 */
public record HuffmanDefinition(boolean ac, int slot, HuffmanSpec spec, String problem) {
}
