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
    /** A group's nonzero bits, per block: zig-zag indices 0..31 and 32..63 ({@link #divideGroup}). */
    private final int[] lowBits = new int[8];
    private final int[] highBits = new int[8];

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
        toZigZag(scratch, out, outOffset);
    }

    /**
     * The scalar quantizer's: one block in natural order is only asked of this kernel for the blocks of a group
     * that {@link #quantizeGroup} could not take (one past the limit), so it needs no vector code of its own.
     */
    @Override
    public long quantizeNatural(int[] coefficients, int inOffset, int[] out, int outOffset, short[] zigZag) {
        return scalar.quantizeNatural(coefficients, inOffset, out, outOffset, zigZag);
    }

    @Override
    public void quantizeGroup(int[] coefficients, int count, int[] out, int outOffset, long[] masks, int[] block,
                              short[] zigZag) {
        if (!divideGroup(coefficients, reciprocal, half, out, outOffset, lowBits, highBits)) {
            BlockQuantizer.super.quantizeGroup(coefficients, count, out, outOffset, masks, block, zigZag);
            return;
        }
        for (int j = 0; j < 8; j++) {
            masks[j] = ((long) highBits[j] << 32 | lowBits[j] & 0xFFFFFFFFL) & ~1L;
        }
    }

    /**
     * {@link #divide} for the eight blocks of a group, one per lane ({@link BlockQuantizer#quantizeGroup}): the
     * quotients to {@code q[qOffset + 8 * n + j]}, and the nonzero bits of block j in zig-zag order to lane j of
     * {@code low} (zig-zag indices 0..31) and {@code high} (32..63), DC bit included. The coefficients are taken
     * in zig-zag order, k and k + 32 together, so that each one's bit is shifted by the same k in either half.
     * False (q unusable) if some |x| + half is {@link #LIMIT} or more.
     */
    private static boolean divideGroup(int[] coefficients, int[] reciprocal, int[] half, int[] q, int qOffset,
                                       int[] lowOut, int[] highOut) {
        IntVector all = IntVector.zero(INT);
        IntVector low = IntVector.zero(INT);
        IntVector high = IntVector.zero(INT);
        for (int k = 0; k < 32; k++) {
            int n = NATURAL_OF_ZIGZAG[k];
            IntVector x = IntVector.fromArray(INT, coefficients, 8 * n);
            IntVector magnitude = x.abs().add(half[n]);
            all = all.or(magnitude);
            IntVector quotient = magnitude.lanewise(VectorOperators.ASHR, 3).mul(reciprocal[n])
                .lanewise(VectorOperators.LSHR, RECIPROCAL_BITS);
            IntVector sign = x.lanewise(VectorOperators.ASHR, 31); // -1 for negative x, else 0
            quotient.lanewise(VectorOperators.XOR, sign).sub(sign).intoArray(q, qOffset + 8 * n);
            // The quotient is at least 0: its negation has the sign bit exactly when it is not 0.
            low = low.or(quotient.neg().lanewise(VectorOperators.LSHR, 31).lanewise(VectorOperators.LSHL, k));

            int m = NATURAL_OF_ZIGZAG[k + 32];
            IntVector x2 = IntVector.fromArray(INT, coefficients, 8 * m);
            IntVector magnitude2 = x2.abs().add(half[m]);
            all = all.or(magnitude2);
            IntVector quotient2 = magnitude2.lanewise(VectorOperators.ASHR, 3).mul(reciprocal[m])
                .lanewise(VectorOperators.LSHR, RECIPROCAL_BITS);
            IntVector sign2 = x2.lanewise(VectorOperators.ASHR, 31);
            quotient2.lanewise(VectorOperators.XOR, sign2).sub(sign2).intoArray(q, qOffset + 8 * m);
            high = high.or(quotient2.neg().lanewise(VectorOperators.LSHR, 31).lanewise(VectorOperators.LSHL, k));
        }
        // abs(MIN_VALUE) is negative: the OR then has the sign bit, which also fails the test.
        if ((all.reduceLanes(VectorOperators.OR) & -LIMIT) != 0) {
            return false;
        }
        low.intoArray(lowOut, 0);
        high.intoArray(highOut, 0);
        return true;
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

    /**
     * Writes the quantized values {@code q} (natural order) to {@code out} from {@code at} in zig-zag order (T.81
     * Figure A.6), written out so that every index is a constant.
     */
    private static void toZigZag(int[] q, short[] out, int at) {
        out[at] = (short) q[0];
        out[at + 1] = (short) q[1];
        out[at + 2] = (short) q[8];
        out[at + 3] = (short) q[16];
        out[at + 4] = (short) q[9];
        out[at + 5] = (short) q[2];
        out[at + 6] = (short) q[3];
        out[at + 7] = (short) q[10];
        out[at + 8] = (short) q[17];
        out[at + 9] = (short) q[24];
        out[at + 10] = (short) q[32];
        out[at + 11] = (short) q[25];
        out[at + 12] = (short) q[18];
        out[at + 13] = (short) q[11];
        out[at + 14] = (short) q[4];
        out[at + 15] = (short) q[5];
        out[at + 16] = (short) q[12];
        out[at + 17] = (short) q[19];
        out[at + 18] = (short) q[26];
        out[at + 19] = (short) q[33];
        out[at + 20] = (short) q[40];
        out[at + 21] = (short) q[48];
        out[at + 22] = (short) q[41];
        out[at + 23] = (short) q[34];
        out[at + 24] = (short) q[27];
        out[at + 25] = (short) q[20];
        out[at + 26] = (short) q[13];
        out[at + 27] = (short) q[6];
        out[at + 28] = (short) q[7];
        out[at + 29] = (short) q[14];
        out[at + 30] = (short) q[21];
        out[at + 31] = (short) q[28];
        out[at + 32] = (short) q[35];
        out[at + 33] = (short) q[42];
        out[at + 34] = (short) q[49];
        out[at + 35] = (short) q[56];
        out[at + 36] = (short) q[57];
        out[at + 37] = (short) q[50];
        out[at + 38] = (short) q[43];
        out[at + 39] = (short) q[36];
        out[at + 40] = (short) q[29];
        out[at + 41] = (short) q[22];
        out[at + 42] = (short) q[15];
        out[at + 43] = (short) q[23];
        out[at + 44] = (short) q[30];
        out[at + 45] = (short) q[37];
        out[at + 46] = (short) q[44];
        out[at + 47] = (short) q[51];
        out[at + 48] = (short) q[58];
        out[at + 49] = (short) q[59];
        out[at + 50] = (short) q[52];
        out[at + 51] = (short) q[45];
        out[at + 52] = (short) q[38];
        out[at + 53] = (short) q[31];
        out[at + 54] = (short) q[39];
        out[at + 55] = (short) q[46];
        out[at + 56] = (short) q[53];
        out[at + 57] = (short) q[60];
        out[at + 58] = (short) q[61];
        out[at + 59] = (short) q[54];
        out[at + 60] = (short) q[47];
        out[at + 61] = (short) q[55];
        out[at + 62] = (short) q[62];
        out[at + 63] = (short) q[63];
    }

    /** One call of the warm-up: a block of varied coefficients, on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorQuantizer kernel;
        private final int[] coefficients = new int[64];
        private final short[] out = new short[64];
        private final int[] natural = new int[512];
        private final int[] group = new int[512];
        private final long[] masks = new long[8];
        private final int[] block = new int[64];

        Exercise() {
            int[] q = new int[64];
            for (int i = 0; i < 64; i++) {
                q[i] = 1 + (i * 7) % 99;
                coefficients[i] = (i * 613) % 4001 - 2000;
            }
            for (int i = 0; i < group.length; i++) {
                group[i] = (i * 613) % 4001 - 2000;
            }
            kernel = new VectorQuantizer(QuantTable.ofNatural(q));
        }

        @Override
        public void run() {
            kernel.quantize(coefficients, 0, out, 0);
            kernel.quantizeGroup(group, 8, natural, 0, masks, block, out);
        }
    }
}
