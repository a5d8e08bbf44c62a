package dev.tessera.jpeg.model;

/**
 * One component of a frame header (T.81 B.2.2): identifier Ci, sampling factors Hi and Vi, and the
 * quantization table slot Tqi.
 *
 * @param id                 Ci, 0..255
 * @param horizontalSampling Hi, 1..4
 * @param verticalSampling   Vi, 1..4
 * @param quantTableSlot     Tqi, 0..3 in T.81; up to 255 accepted, because libjpeg only rejects a slot above 3
 *                           when a scan uses the component
 */
public record ComponentSpec(int id, int horizontalSampling, int verticalSampling, int quantTableSlot) {
    public ComponentSpec {
        if (id < 0 || id > 255) {
            throw new IllegalArgumentException("component id must be 0..255, found " + id);
        }
        if (horizontalSampling < 1 || horizontalSampling > 4 || verticalSampling < 1 || verticalSampling > 4) {
            throw new IllegalArgumentException("sampling factors must be 1..4, found "
                + horizontalSampling + "x" + verticalSampling);
        }
        if (quantTableSlot < 0 || quantTableSlot > 255) {
            throw new IllegalArgumentException("quantization table slot must be 0..255, found " + quantTableSlot);
        }
    }
}
