package dev.tessera.jpeg.quant;

import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.simd.VectorWarmup;
import dev.tessera.jpeg.spec.ZigZag;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Quantizer} in the Vector API, 8 coefficients a step, for tables of 8-bit precision (every Q at most
 * 255). With n = |x| + 4Q below 2^15, floor(n / 8Q) = floor(floor(n / 8) / Q), and for n / 8 below 2^12
 * multiplying by r = ceil(2^20 / Q) and keeping the top bits, ((n &gt;&gt; 3) * r) &gt;&gt;&gt; 20, is that quotient
 * exactly (the error (n &gt;&gt; 3)(rQ - 2^20) stays below 2^20) and fits 32 unsigned bits: what {@link Quantizer}'s
 * 40-bit reciprocal gives ({@code VectorQuantizerTest} checks every n below 2^15 against every Q). The forward
 * DCT of 8-bit samples keeps |x| below 2^14 + 2^11; a block with a larger magnitude goes to the scalar
 * quantizer. (Dividing in single precision would be exact too, but JDK 17 does not compile the int-float
 * conversions to vector code.) Not thread-safe (a scratch block): one per row encoder. Loaded only when
 * {@code jdk.incubator.vector} is present.
 */
final class VectorQuantizer implements BlockQuantizer {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;
    private static final int[] NATURAL_OF_ZIGZAG = ZigZag.zigZagToNatural();
    private static final int RECIPROCAL_BITS = 20;
    /** Magnitudes n from here up take the scalar quantizer. */
    static final int LIMIT = 1 << 15;

    /** Compiles the kernel in the background; {@link Quantizer#forEncoder} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("quant", new Exercise());

    private final Quantizer scalar;
    /** In natural order: ceil(2^20 / Q) and 4Q, half the divisor 8Q. */
    private final int[] reciprocal = new int[64];
    private final int[] half = new int[64];
    /** Quantized values in natural order. */
    private final int[] scratch = new int[64];

    VectorQuantizer(QuantTable table) {
        scalar = new Quantizer(table);
        for (int n = 0; n < 64; n++) {
            int q = table.get(n);
            if (q > 255) {
                throw new IllegalArgumentException("the vector quantizer takes 8-bit tables, found Q = " + q);
            }
            reciprocal[n] = ((1 << RECIPROCAL_BITS) + q - 1) / q;
            half[n] = 4 * q;
        }
    }

    @Override
    public void quantize(int[] coefficients, int inOffset, short[] out, int outOffset) {
        if (!divide(coefficients, inOffset, reciprocal, half, scratch)) {
            scalar.quantize(coefficients, inOffset, out, outOffset);
            return;
        }
        for (int k = 0; k < 64; k++) {
            out[outOffset + k] = (short) scratch[NATURAL_OF_ZIGZAG[k]];
        }
    }

    /**
     * {@code q[n] = sign(x) * floor((|x| + half) / 8Q)} for the 64 coefficients, natural order; false (q
     * unusable) if some |x| + half is {@link #LIMIT} or more.
     */
    private static boolean divide(int[] coefficients, int inOffset, int[] reciprocal, int[] half, int[] q) {
        IntVector all = IntVector.zero(INT);
        for (int n = 0; n < 64; n += 8) {
            IntVector x = IntVector.fromArray(INT, coefficients, inOffset + n);
            IntVector magnitude = x.abs().add(IntVector.fromArray(INT, half, n));
            all = all.or(magnitude);
            IntVector quotient = magnitude.lanewise(VectorOperators.ASHR, 3)
                .mul(IntVector.fromArray(INT, reciprocal, n)).lanewise(VectorOperators.LSHR, RECIPROCAL_BITS);
            IntVector sign = x.lanewise(VectorOperators.ASHR, 31); // -1 for negative x, else 0
            quotient.lanewise(VectorOperators.XOR, sign).sub(sign).intoArray(q, n);
        }
        // abs(MIN_VALUE) is negative: the OR then has the sign bit, which also fails the test.
        return (all.reduceLanes(VectorOperators.OR) & -LIMIT) == 0;
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
