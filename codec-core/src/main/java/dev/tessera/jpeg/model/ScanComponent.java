package dev.tessera.jpeg.model;

/**
 * One component of a scan header (T.81 B.2.3): selector Csj and entropy table slots Tdj (DC) and Taj (AC).
 *
 * @param componentId Csj, the Ci of a frame component
 * @param dcTableSlot Tdj, 0..3
 * @param acTableSlot Taj, 0..3
 */
public record ScanComponent(int componentId, int dcTableSlot, int acTableSlot) {
    public ScanComponent {
        if (componentId < 0 || componentId > 255) {
            throw new IllegalArgumentException("component selector must be 0..255, found " + componentId);
        }
        if (dcTableSlot < 0 || dcTableSlot > 3 || acTableSlot < 0 || acTableSlot > 3) {
            throw new IllegalArgumentException("entropy table slots must be 0..3");
        }
    }
}
