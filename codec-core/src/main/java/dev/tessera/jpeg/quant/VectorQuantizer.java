package dev.tessera.jpeg.quant;

import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.simd.VectorWarmup;
import dev.tessera.jpeg.spec.ZigZag;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Quantizer} in the Vector API, 8 coefficients a step, for tables of 8-bit precision (every Q at most
 * 255). Each magnitude n = |x| + 4Q is divided by 8Q in single precision and truncated: for n &lt; 2^24 the
 * correctly rounded quotient never crosses an integer, so this is floor(n / 8Q), what {@link Quantizer}'s
 * reciprocal gives ({@code QuantizerTest} checks every n below 2^16 against every such divisor). Not
 * thread-safe (a scratch block): one per row encoder. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorQuantizer implements BlockQuantizer {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;
    private static final VectorSpecies<Float> FLOAT = FloatVector.SPECIES_256;
    private static final int[] NATURAL_OF_ZIGZAG = ZigZag.zigZagToNatural();

    /** Compiles the kernel in the background; {@link Quantizer#forEncoder} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("quant", new Exercise());

    /** In natural order: the divisor 8Q and half of it. */
    private final float[] divisor = new float[64];
    private final int[] half = new int[64];
    /** Quantized values in natural order. */
    private final int[] scratch = new int[64];

    VectorQuantizer(QuantTable table) {
        for (int n = 0; n < 64; n++) {
            int d = 8 * table.get(n);
            if (d > 8 * 255) {
                throw new IllegalArgumentException("the vector quantizer takes 8-bit tables, found Q = " + table.get(n));
            }
            divisor[n] = d;
            half[n] = d >> 1;
        }
    }

    @Override
    public void quantize(int[] coefficients, int inOffset, short[] out, int outOffset) {
        divide(coefficients, inOffset, divisor, half, scratch);
        for (int k = 0; k < 64; k++) {
            out[outOffset + k] = (short) scratch[NATURAL_OF_ZIGZAG[k]];
        }
    }

    /** {@code q[n] = sign(x) * floor((|x| + half) / divisor)} for the 64 coefficients, natural order. */
    private static void divide(int[] coefficients, int inOffset, float[] divisor, int[] half, int[] q) {
        for (int n = 0; n < 64; n += 8) {
            IntVector x = IntVector.fromArray(INT, coefficients, inOffset + n);
            IntVector magnitude = x.abs().add(IntVector.fromArray(INT, half, n));
            IntVector quotient = (IntVector) ((FloatVector) magnitude.convert(VectorOperators.I2F, 0))
                .div(FloatVector.fromArray(FLOAT, divisor, n)).convert(VectorOperators.F2I, 0);
            quotient.lanewise(VectorOperators.NEG, x.compare(VectorOperators.LT, 0)).intoArray(q, n);
        }
    }

    /** One call of the warm-up: a block of varied coefficients, on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorQuantizer kernel;
        private final int[] coefficients = new int[64];
        private final short[] out = new short[64];

        Exercise() {
            int[] q = new int[64];
            for (int i = 0; i < 64; i++) {
                q[i] = 1 + (i * 7) % 99;
                coefficients[i] = (i * 613) % 4001 - 2000;
            }
            kernel = new VectorQuantizer(QuantTable.ofNatural(q));
        }

        @Override
        public void run() {
            kernel.quantize(coefficients, 0, out, 0);
        }
    }
}
