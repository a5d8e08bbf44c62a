package dev.tessera.jpeg.model;

/**
 * One conditioning table of a DAC segment (T.81 B.2.4.3): class Tc, destination Tb and value Cs. For a
 * DC table Cs holds the bounds L (low nibble) and U (high nibble) of F.1.4.4.1.3; for an AC table it is
 * Kx of F.1.4.4.2.1.
 *
 * @param ac    Tc: false for DC, true for AC
 * @param slot  Tb; T.81 allows 0..3, libjpeg accepts 0..15 (NUM_ARITH_TBLS) and so does this record
 * @param value Cs, 0..255
 */
public record ArithmeticConditioning(boolean ac, int slot, int value) {
    public ArithmeticConditioning {
        if (slot < 0 || slot > 15 || value < 0 || value > 255) {
            throw new IllegalArgumentException("conditioning table " + slot + " value " + value + " out of range");
        }
        if (!ac && (value & 15) > (value >> 4)) {
            throw new IllegalArgumentException("DC conditioning L " + (value & 15) + " exceeds U " + (value >> 4));
        }
    }

    /** L, the lower DC bound (DC tables only). */
    public int lower() {
        return value & 15;
    }

    /** U, the upper DC bound (DC tables only). */
    public int upper() {
        return value >> 4;
    }
}
