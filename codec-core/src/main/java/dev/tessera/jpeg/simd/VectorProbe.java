package dev.tessera.jpeg.simd;

import jdk.incubator.vector.IntVector;

/**
 * Names a vector type, so linking it needs {@code jdk.incubator.vector}: only {@link VectorSupport} calls it,
 * after checking that the module is there. Initialising the species also initialises the Vector API's own
 * classes once, here, rather than in the first kernel call.
 */
final class VectorProbe {
    private VectorProbe() {
    }

    static int preferredBits() {
        return IntVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
