package dev.tessera.jpeg.quant;

import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.spec.ZigZag;

/**
 * Rate-distortion optimised quantization of a block's AC coefficients ("trellis quantization", after
 * Ramchandran and Vetterli, IEEE Trans. Image Processing 3(5), 1994, and Crouse and Ramchandran, IEEE Trans.
 * Image Processing 6(2), 1997). For each block it chooses the quantized values that minimise
 * <pre>
 *     J = sum_k (|c_k| / Q_k - v_k)^2 + lambda * s * bits
 * </pre>
 * where c_k is the DCT coefficient (orthonormal scale), Q_k the quantizer step, v_k the chosen magnitude
 * (0, or round(|c_k|/Q_k) or one less), bits the exact sequential Huffman cost of the block's AC data (T.81
 * F.1.2.2: run/size code lengths from the current tables, the SSSS extra bits, ZRL and EOB), and s a per-block
 * scale: the block's own {@link #energyScale energy scale} times the caller's (1, or from
 * {@link AdaptiveQuantization} when adaptive quantization is on). Distortion is counted in quantizer steps,
 * i.e. weighted by 1/Q_k^2, so the quantization table's perceptual weighting carries over.
 *
 * <p>Energy scale: lambda is relative to the block's own AC energy, as in mozjpeg's trellis (which divides its
 * lambda by a constant plus the block's mean squared AC coefficient). Here the energy is measured in quantizer
 * steps, E = mean over the 63 AC positions of (c_k / Q_k)^2, and the scale is (E / 1 step^2)^0.75 clamped to
 * [{@code energyFloor}, 1]: a block whose AC coefficients are around one step or less (flat areas, smooth
 * gradients and fine grain, where a dropped +-1 shows as a block edge, a band or lost texture) keeps most of
 * its coefficients, and busy blocks get the full lambda. Relative to Q the protection follows quality: at low
 * quality more blocks count as flat. Fitted on the odd Kodak images (docs/compression.md): the square root with
 * floor 0.2 moved butteraugli's BD-rate by about 4 points for under 1 point of PSNR; the exponent 0.75 with
 * floor 0.1 (stronger protection of the faintest blocks) about 1 more.
 *
 * <p>The minimum is found exactly by dynamic programming over the position of the last non-zero coefficient
 * (the state of the run-length coder): O(63 * 63 * 2) per block at worst, pruned by the zero-run distortion.
 * The DC coefficient is rounded as by {@link Quantizer} (its cost depends on the neighbouring block).
 *
 * <p>Not thread-safe: holds scratch arrays. One instance per encode call and component table.
 */
public final class TrellisQuantizer implements BlockQuantizer {
    private static final int ZRL = 0xF0;
    private static final int EOB = 0x00;
    /** Cost given to a run/size symbol the current table lacks (the tables are re-optimized afterwards). */
    private static final int ABSENT_SYMBOL_BITS = 16;

    private final double[] inverseStep = new double[64];
    /** Distortion weight per zig-zag position, see the constructor. */
    private final double[] weight = new double[64];
    private final int[] naturalIndex = new int[64];
    private final int dcStep;
    /** Code length in bits of each AC run/size symbol. */
    private final double[] symbolBits = new double[256];
    private final double lambda;
    /** Smallest energy scale (1: lambda the same for every block). */
    private final double energyFloor;

    private final double[] magnitude = new double[64];
    private final int[] rounded = new int[64];
    private final double[] zeroPrefix = new double[64];
    private final double[] best = new double[64];
    private final int[] from = new int[64];
    private final int[] chosen = new int[64];
    /** Positions that can end a run (0, the start, and every position that may be non-zero), ascending. */
    private final int[] live = new int[64];

    /** The energy floor used by the encoder (see the class comment), fitted on the odd Kodak images. */
    public static final double DEFAULT_ENERGY_FLOOR = 0.1;
    /** The exponent of the block energy in its lambda scale (see the class comment). */
    static final double ENERGY_EXPONENT = 0.75;

    /**
     * A trellis with the block energy scale at {@link #DEFAULT_ENERGY_FLOOR}.
     *
     * @param table    the quantization table
     * @param acTable  the AC Huffman table whose code lengths measure rate
     * @param lambda   bits-to-distortion trade-off, in squared quantizer steps per bit (larger: smaller files)
     */
    public TrellisQuantizer(QuantTable table, HuffmanSpec acTable, double lambda) {
        this(table, acTable, lambda, 0, DEFAULT_ENERGY_FLOOR);
    }

    /**
     * @param mseMix      0: distortion in squared quantizer steps (weight 1/Q_k^2); 1: plain squared error
     *                    (weight 1, normalised by the mean squared AC step); between: geometric blend
     * @param energyFloor smallest block energy scale, in (0, 1]; 1 gives every block the same lambda
     */
    public TrellisQuantizer(QuantTable table, HuffmanSpec acTable, double lambda, double mseMix,
                            double energyFloor) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, found " + lambda);
        }
        if (!(energyFloor > 0 && energyFloor <= 1)) {
            throw new IllegalArgumentException("energy floor must be in (0, 1], found " + energyFloor);
        }
        this.energyFloor = energyFloor;
        for (int k = 0; k < 64; k++) {
            inverseStep[k] = 1.0 / table.getZigZag(k);
            naturalIndex[k] = ZigZag.toNatural(k);
        }
        dcStep = 8 * table.getZigZag(0);
        double meanSquare = 0;
        for (int k = 1; k < 64; k++) {
            meanSquare += (double) table.getZigZag(k) * table.getZigZag(k) / 63;
        }
        for (int k = 1; k < 64; k++) {
            double q2 = (double) table.getZigZag(k) * table.getZigZag(k);
            weight[k] = Math.pow(q2 / meanSquare, mseMix);
        }
        java.util.Arrays.fill(symbolBits, ABSENT_SYMBOL_BITS);
        int i = 0;
        for (int length = 1; length <= 16; length++) {
            for (int n = 0; n < acTable.countOfLength(length); n++) {
                symbolBits[acTable.symbol(i++)] = length;
            }
        }
        this.lambda = lambda;
    }

    @Override
    public void quantize(int[] coefficients, int inOffset, short[] out, int outOffset) {
        if (!round(coefficients, inOffset)) {
            quantizeFlat(coefficients, inOffset, out, outOffset);
            return;
        }
        double energy = prefixSums();
        quantizePrepared(coefficients, inOffset, out, outOffset, lambdaForEnergy(energy));
    }

    @Override
    public void quantize(int[] coefficients, int inOffset, short[] out, int outOffset, double lambdaScale) {
        if (!round(coefficients, inOffset)) {
            quantizeFlat(coefficients, inOffset, out, outOffset);
            return;
        }
        double energy = prefixSums();
        quantizePrepared(coefficients, inOffset, out, outOffset, lambdaForEnergy(energy) * lambdaScale);
    }

    /** The lambda {@link #quantize} uses for a block: the configured lambda times its energy scale. */
    double blockLambda(int[] coefficients, int inOffset) {
        return energyFloor >= 1 ? lambda : lambda * energyScale(coefficients, inOffset);
    }

    /** {@link #blockLambda} from the block's summed squared AC magnitudes, as {@link #prepare} returns it. */
    private double lambdaForEnergy(double energy) {
        return energyFloor >= 1 ? lambda : lambda * scaleOf(energy);
    }

    /**
     * E^0.75 clamped to [energyFloor, 1], E the mean squared AC coefficient in quantizer steps (see the class
     * comment).
     */
    double energyScale(int[] coefficients, int inOffset) {
        double energy = 0;
        for (int k = 1; k < 64; k++) {
            // The forward DCT output is scaled by 8.
            double a = coefficients[inOffset + naturalIndex[k]] * 0.125 * inverseStep[k];
            energy += a * a;
        }
        return scaleOf(energy);
    }

    private double scaleOf(double energy) {
        double scale = Math.pow(energy / 63, ENERGY_EXPONENT);
        return Math.max(energyFloor, Math.min(1, scale));
    }

    /** Quantizes with an explicit lambda. */
    void quantizeWithLambda(int[] coefficients, int inOffset, short[] out, int outOffset, double lam) {
        if (!round(coefficients, inOffset)) {
            quantizeFlat(coefficients, inOffset, out, outOffset);
            return;
        }
        prefixSums();
        quantizePrepared(coefficients, inOffset, out, outOffset, lam);
    }

    /**
     * Fills the per-position magnitudes (in quantizer steps) and their rounding for {@link #prefixSums} and
     * {@link #quantizePrepared}. Returns whether any AC magnitude rounds to 1 or more: if none does, every AC
     * value the trellis may choose is 0 and the block needs no more work ({@link #quantizeFlat}).
     */
    private boolean round(int[] coefficients, int inOffset) {
        int any = 0;
        for (int k = 1; k < 64; k++) {
            // The forward DCT output is scaled by 8.
            double a = Math.abs(coefficients[inOffset + naturalIndex[k]]) * 0.125 * inverseStep[k];
            magnitude[k] = a;
            int r = (int) (a + 0.5);
            rounded[k] = r;
            any |= r;
        }
        return any != 0;
    }

    /**
     * Fills the zero-run distortion prefix sums from the magnitudes. Returns the sum of the squared AC
     * magnitudes in steps, the same sum {@link #energyScale} forms.
     */
    private double prefixSums() {
        double energy = 0;
        zeroPrefix[0] = 0;
        for (int k = 1; k < 64; k++) {
            double a = magnitude[k];
            energy += a * a;
            zeroPrefix[k] = zeroPrefix[k - 1] + weight[k] * a * a;
        }
        return energy;
    }

    /** A block whose AC magnitudes all round to 0: the DC as {@link #quantizePrepared} rounds it, AC zero. */
    private void quantizeFlat(int[] coefficients, int inOffset, short[] out, int outOffset) {
        // T.81 A.3.4 for DC: round half away from zero.
        int dc = coefficients[inOffset];
        int dcMagnitude = (Math.abs(dc) + (dcStep >> 1)) / dcStep;
        out[outOffset] = (short) (dc < 0 ? -dcMagnitude : dcMagnitude);
        java.util.Arrays.fill(out, outOffset + 1, outOffset + 64, (short) 0);
    }

    /** The trellis proper, on the arrays {@link #round} and {@link #prefixSums} filled for this block. */
    private void quantizePrepared(int[] coefficients, int inOffset, short[] out, int outOffset, double lam) {
        // T.81 A.3.4 for DC: round half away from zero.
        int dc = coefficients[inOffset];
        int dcMagnitude = (Math.abs(dc) + (dcStep >> 1)) / dcStep;
        out[outOffset] = (short) (dc < 0 ? -dcMagnitude : dcMagnitude);

        double eob = lam * symbolBits[EOB];
        double zrl = lam * symbolBits[ZRL];
        best[0] = 0;
        live[0] = 0;
        int liveCount = 1;
        for (int k = 1; k < 64; k++) {
            int v0 = rounded[k];
            if (v0 == 0) {
                best[k] = Double.POSITIVE_INFINITY;
                continue;
            }
            double bestCost = Double.POSITIVE_INFINITY;
            int bestFrom = -1;
            int bestValue = 0;
            double a = magnitude[k];
            double w = weight[k];
            for (int v = v0; v >= Math.max(1, v0 - 1); v--) {
                double d = w * (a - v) * (a - v);
                int size = 32 - Integer.numberOfLeadingZeros(v);
                double sizeBits = lam * size;
                // Only positions that may be non-zero can precede k; positions between are zero.
                for (int i = liveCount - 1; i >= 0; i--) {
                    int j = live[i];
                    double zeros = zeroPrefix[k - 1] - zeroPrefix[j];
                    if (zeros + d >= bestCost) {
                        break; // the zero-run distortion only grows as j moves back
                    }
                    int run = k - j - 1;
                    double cost = best[j] + zeros + d + sizeBits + zrl * (run >> 4)
                        + lam * symbolBits[((run & 15) << 4) | size];
                    if (cost < bestCost) {
                        bestCost = cost;
                        bestFrom = j;
                        bestValue = v;
                    }
                }
            }
            best[k] = bestCost;
            from[k] = bestFrom;
            chosen[k] = bestValue;
            live[liveCount++] = k;
        }
        // Choose the last non-zero position (0: none), then an EOB unless it is position 63.
        int last = 0;
        double total = zeroPrefix[63] + eob;
        for (int i = 1; i < liveCount; i++) {
            int k = live[i];
            double t = best[k] + (zeroPrefix[63] - zeroPrefix[k]) + (k < 63 ? eob : 0);
            if (t < total) {
                total = t;
                last = k;
            }
        }
        java.util.Arrays.fill(out, outOffset + 1, outOffset + 64, (short) 0);
        for (int k = last; k > 0; k = from[k]) {
            int v = chosen[k];
            out[outOffset + k] = (short) (coefficients[inOffset + naturalIndex[k]] < 0 ? -v : v);
        }
    }

    /**
     * The cost J this quantizer minimises, for any quantized AC data of a block: distortion in squared
     * quantizer steps plus lambda times the Huffman bits, walking the block as the sequential encoder does
     * (T.81 F.1.2.2). DC is not included.
     */
    double cost(int[] coefficients, int inOffset, short[] quantized, int qOffset, double lam) {
        double j = 0;
        int run = 0;
        for (int k = 1; k < 64; k++) {
            double a = coefficients[inOffset + naturalIndex[k]] * 0.125 * inverseStep[k];
            int v = quantized[qOffset + k];
            j += weight[k] * (a - v) * (a - v);
            if (v == 0) {
                run++;
                continue;
            }
            while (run > 15) {
                j += lam * symbolBits[ZRL];
                run -= 16;
            }
            int size = 32 - Integer.numberOfLeadingZeros(Math.abs(v));
            j += lam * (symbolBits[(run << 4) | size] + size);
            run = 0;
        }
        if (run > 0) {
            j += lam * symbolBits[EOB];
        }
        return j;
    }
}
