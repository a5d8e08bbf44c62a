package dev.tessera.jpeg.model;

/**
 * One component of a scan header (T.81 B.2.3): selector Csj and entropy table slots Tdj (DC) and Taj (AC).
 *
 * @param componentId Csj, the Ci of a frame component
 * @param dcTableSlot Tdj, 0..3 in T.81; 0..15 accepted, because libjpeg only rejects a slot above 3 when the
 *                    scan actually uses that table
 * @param acTableSlot Taj, likewise
 */
public record ScanComponent(int componentId, int dcTableSlot, int acTableSlot) {
    public ScanComponent {
        if (componentId < 0 || componentId > 255) {
            throw new IllegalArgumentException("component selector must be 0..255, found " + componentId);
        }
        if (dcTableSlot < 0 || dcTableSlot > 15 || acTableSlot < 0 || acTableSlot > 15) {
            throw new IllegalArgumentException("entropy table slots must be 0..15");
        }
    }
}
