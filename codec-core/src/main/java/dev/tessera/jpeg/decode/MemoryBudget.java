package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.spec.Marker;

/**
 * The one check of a decode's buffers (coefficients, sample planes, output raster) against
 * {@code Limits.maxMemory} and the Java heap, made by each frame decoder before it allocates them.
 */
final class MemoryBudget {
    private MemoryBudget() {
    }

    /**
     * @param total     bytes the frame decoder is about to allocate
     * @param maxMemory {@code Limits.maxMemory}
     * @param offset    the SOS whose scan starts the decode, for the exception
     */
    static void check(long total, long maxMemory, long offset) throws JpegLimitException {
        if (total > maxMemory) {
            throw new JpegLimitException(offset, Marker.SOS, "decoding needs " + total
                + " bytes of buffers, more than the memory limit of " + maxMemory);
        }
        if (total > Runtime.getRuntime().maxMemory()) {
            throw new JpegLimitException(offset, Marker.SOS, "decoding needs " + total
                + " bytes of buffers, more than the Java heap allows");
        }
    }
}
