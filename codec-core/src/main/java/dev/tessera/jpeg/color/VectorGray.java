package dev.tessera.jpeg.color;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColorDeconverter#gray()} in the Vector API: 16 samples a step narrowed to bytes, as the scalar
 * converter's {@code (byte)} cast does (the low 8 bits). Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorGray extends ColorDeconverter {
    private static final VectorSpecies<Short> SHORT = ShortVector.SPECIES_256;
    private static final VectorSpecies<Byte> BYTE = ByteVector.SPECIES_128;
    private static final int LANES = 16;
    /** Compiles the converter in the background; {@link ColorDeconverter#gray()} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("gray", new Exercise());

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public void convert(short[][] rows, int[] starts, int width, byte[] out, int offset) {
        short[] g = rows[0];
        int s = starts[0];
        int x = 0;
        for (; x <= width - LANES; x += LANES) {
            ShortVector.fromArray(SHORT, g, s + x).convertShape(VectorOperators.S2B, BYTE, 0)
                .reinterpretAsBytes().intoArray(out, offset + x);
        }
        for (; x < width; x++) {
            out[offset + x] = (byte) g[s + x];
        }
    }

    /** One call of the warm-up: a 64-sample row of made-up samples, on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorGray converter = new VectorGray();
        private final short[][] rows = new short[1][64];
        private final int[] starts = new int[1];
        private final byte[] out = new byte[64];

        Exercise() {
            for (int i = 0; i < 64; i++) {
                rows[0][i] = (short) (i * 4);
            }
        }

        @Override
        public void run() {
            converter.convert(rows, starts, 64, out, 0);
        }
    }
}
