package dev.tessera.jpeg.sample;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Upsampler.FancyH2V1} (4:2:2) in the Vector API, 8 source columns a step: the same integer arithmetic
 * lane for lane on the sign-extended samples, each pair of outputs packed into one int (even output in the low
 * half, as the pair lies in a little-endian {@code short[]}) and the 16 outputs stored at once. The row's ends
 * and any tail stay scalar. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorFancyH2V1 extends Upsampler.FancyH2V1 {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;
    private static final VectorSpecies<Short> SHORT = ShortVector.SPECIES_128;
    private static final int LANES = 8;
    /** Compiles the upsampler in the background; {@link Upsampler#choose} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("h2v1", new Exercise());

    VectorFancyH2V1(SamplePlane plane, int rows, int columns) {
        super(plane, rows, columns);
    }

    @Override
    void inner(short[] p, int base, short[] out, int from, int to) {
        int i = from;
        // Step i reads source columns i - 1 .. i + 8 and writes outputs 2i .. 2i + 15, all inside the run.
        for (; i + LANES <= to; i += LANES) {
            IntVector left = (IntVector) ShortVector.fromArray(SHORT, p, base + i - 1).castShape(INT, 0);
            IntVector near = (IntVector) ShortVector.fromArray(SHORT, p, base + i).castShape(INT, 0);
            IntVector right = (IntVector) ShortVector.fromArray(SHORT, p, base + i + 1).castShape(INT, 0);
            IntVector near3 = near.mul(3);
            IntVector even = near3.add(left).add(1).lanewise(VectorOperators.ASHR, 2).and(0xFFFF);
            IntVector odd = near3.add(right).add(2).lanewise(VectorOperators.LSHL, 14).and(0xFFFF0000);
            even.or(odd).reinterpretAsShorts().intoArray(out, 2 * i);
        }
        super.inner(p, base, out, i, to);
    }

    /** One call of the warm-up: a row of 64 columns on its own arrays. */
    private static final class Exercise implements Runnable {
        private final SamplePlane plane = new SamplePlane(72, 1);
        private final VectorFancyH2V1 upsampler = new VectorFancyH2V1(plane, 1, 64);
        private final short[] out = new short[128];

        Exercise() {
            short[] d = plane.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (short) ((i * 37) & 255);
            }
        }

        @Override
        public void run() {
            upsampler.row(0, out, 128);
        }
    }
}
