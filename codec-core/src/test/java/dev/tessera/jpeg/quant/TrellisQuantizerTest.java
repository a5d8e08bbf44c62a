package dev.tessera.jpeg.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.spec.ZigZag;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Oracle tests for the trellis: on blocks small enough to enumerate, the dynamic programme finds the same
 * minimum cost as brute force over every choice it is allowed (0, round(x) or round(x) - 1 per coefficient);
 * it never costs more than plain rounding; with lambda 0 it is plain rounding. The block energy scale
 * lowers lambda only for blocks whose AC coefficients are around a quantizer step or less.
 */
class TrellisQuantizerTest {
    private static final QuantTable TABLE = QualityScaling.scale(StandardTables.LUMINANCE_QUANT, 75, true);

    /** A block of forward-DCT output (natural order, scaled by 8) with {@code active} coefficients that round
     * to non-zero, the others below half a step. */
    private static int[] sparseBlock(Random random, int active) {
        int[] block = new int[64];
        block[0] = random.nextInt(4000) - 2000;
        for (int k = 1; k < 64; k++) {
            int q = 8 * TABLE.getZigZag(k);
            block[ZigZag.toNatural(k)] = (int) ((random.nextDouble() - 0.5) * 0.98 * q);
        }
        for (int i = 0; i < active; i++) {
            int k = 1 + random.nextInt(63);
            int q = 8 * TABLE.getZigZag(k);
            double magnitude = 0.5 + random.nextDouble() * (random.nextBoolean() ? 2 : 12);
            block[ZigZag.toNatural(k)] = (int) ((random.nextBoolean() ? 1 : -1) * magnitude * q);
        }
        return block;
    }

    @Test
    void dynamicProgrammeMatchesBruteForce() {
        Random random = new Random(20261123);
        TrellisQuantizer trellis = new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, 0.1);
        for (int trial = 0; trial < 300; trial++) {
            double lambda = new double[] {0.01, 0.06, 0.3, 1.5}[trial % 4];
            int[] block = sparseBlock(random, 1 + random.nextInt(7));
            short[] dp = new short[64];
            trellis.quantizeWithLambda(block, 0, dp, 0, lambda);
            double best = bruteForceMinimum(trellis, block, lambda);
            double got = trellis.cost(block, 0, dp, 0, lambda);
            assertEquals(best, got, 1e-9 * Math.max(1, best), "trial " + trial);
        }
    }

    /** Every combination of 0, round(x), round(x) - 1 at the positions that round to non-zero. */
    private static double bruteForceMinimum(TrellisQuantizer trellis, int[] block, double lambda) {
        short[] plain = new short[64];
        new Quantizer(TABLE).quantize(block, 0, plain, 0);
        List<Integer> positions = new ArrayList<>();
        for (int k = 1; k < 64; k++) {
            if (plain[k] != 0) {
                positions.add(k);
            }
        }
        int n = positions.size();
        int combinations = (int) Math.pow(3, n);
        double best = Double.POSITIVE_INFINITY;
        short[] candidate = plain.clone();
        for (int c = 0; c < combinations; c++) {
            int code = c;
            boolean valid = true;
            for (int k : positions) {
                int choice = code % 3;
                code /= 3;
                int v = Math.abs(plain[k]);
                int value = choice == 0 ? v : choice == 1 ? v - 1 : 0;
                if (choice == 1 && v - 1 == 0) {
                    valid = false; // same as choice 2
                }
                candidate[k] = (short) (plain[k] < 0 ? -value : value);
            }
            if (valid) {
                best = Math.min(best, trellis.cost(block, 0, candidate, 0, lambda));
            }
        }
        return best;
    }

    @Test
    void neverCostsMoreThanRounding() {
        Random random = new Random(7);
        TrellisQuantizer trellis = new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, 0.06);
        Quantizer plain = new Quantizer(TABLE);
        for (int trial = 0; trial < 2000; trial++) {
            int[] block = sparseBlock(random, random.nextInt(64));
            short[] rounded = new short[64];
            short[] optimised = new short[64];
            plain.quantize(block, 0, rounded, 0);
            trellis.quantize(block, 0, optimised, 0);
            assertEquals(rounded[0], optimised[0], "DC is rounded as by Quantizer");
            double lambda = trellis.blockLambda(block, 0);
            assertTrue(lambda >= 0.06 * TrellisQuantizer.DEFAULT_ENERGY_FLOOR - 1e-12 && lambda <= 0.06 + 1e-12);
            assertTrue(trellis.cost(block, 0, optimised, 0, lambda)
                <= trellis.cost(block, 0, rounded, 0, lambda) + 1e-9, "trial " + trial);
            for (int k = 1; k < 64; k++) {
                assertTrue(Math.abs(optimised[k]) <= Math.abs(rounded[k]), "magnitudes only shrink");
                assertTrue(optimised[k] == 0 || Integer.signum(optimised[k]) == Integer.signum(rounded[k]));
            }
        }
    }

    @Test
    void lambdaZeroIsPlainRounding() {
        Random random = new Random(11);
        TrellisQuantizer trellis = new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, 0);
        Quantizer plain = new Quantizer(TABLE);
        for (int trial = 0; trial < 500; trial++) {
            int[] block = sparseBlock(random, random.nextInt(40));
            short[] rounded = new short[64];
            short[] optimised = new short[64];
            plain.quantize(block, 0, rounded, 0);
            trellis.quantize(block, 0, optimised, 0);
            // Equal distortion: the same values except where |x| is exactly halfway, a tie either way.
            assertEquals(trellis.cost(block, 0, rounded, 0, 0), trellis.cost(block, 0, optimised, 0, 0), 1e-9,
                "trial " + trial);
        }
    }

    @Test
    void adaptiveScaleIsSmallForFlatAndOneForBusyBlocks() {
        AdaptiveQuantization aq = new AdaptiveQuantization(1.0, 6.0, 0.15, 1.0);
        int[] flat = new int[64];
        java.util.Arrays.fill(flat, 100);
        assertEquals(0.15, aq.lambdaScale(flat, 0), 1e-12);
        int[] busy = new int[64];
        for (int i = 0; i < 64; i++) {
            busy[i] = ((i + i / 8) & 1) * 60;
        }
        assertEquals(1.0, aq.lambdaScale(busy, 0), 1e-12);
        int[] edge = busy.clone();
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                edge[y * 8 + x] = 30;
            }
        }
        assertTrue(aq.lambdaScale(edge, 0) < 0.2, "a flat quadrant makes the block sensitive");
    }

    @Test
    void energyScaleIsTheFloorForFlatAndOneForBusyBlocks() {
        TrellisQuantizer trellis = new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, 0.06);
        int[] flat = new int[64];
        flat[0] = 800;
        assertEquals(TrellisQuantizer.DEFAULT_ENERGY_FLOOR, trellis.energyScale(flat, 0), 1e-12);
        // Every AC coefficient exactly one step: E = 1 step^2, scale 1.
        int[] oneStep = new int[64];
        for (int k = 1; k < 64; k++) {
            oneStep[ZigZag.toNatural(k)] = 8 * TABLE.getZigZag(k) * (k % 2 == 0 ? 1 : -1);
        }
        assertEquals(1.0, trellis.energyScale(oneStep, 0), 1e-12);
        // Half a step everywhere: E = 1/4, scale (1/4)^0.75 = 0.354.
        int[] halfStep = new int[64];
        for (int k = 1; k < 64; k++) {
            halfStep[ZigZag.toNatural(k)] = 4 * TABLE.getZigZag(k);
        }
        assertEquals(Math.pow(0.25, 0.75), trellis.energyScale(halfStep, 0), 1e-12);
        // A fifth of a step: E = 1/25, (1/25)^0.75 = 0.089 is below the floor.
        int[] fifthStep = new int[64];
        for (int k = 1; k < 64; k++) {
            fifthStep[ZigZag.toNatural(k)] = (int) Math.round(8 * TABLE.getZigZag(k) / 5.0);
        }
        assertEquals(TrellisQuantizer.DEFAULT_ENERGY_FLOOR, trellis.energyScale(fifthStep, 0), 1e-12);
    }

    @Test
    void busyBlocksAreQuantizedAsWithOneLambda() {
        Random random = new Random(5);
        TrellisQuantizer scaled = new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, 0.06);
        TrellisQuantizer uniform = new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, 0.06, 0, 1);
        int busy = 0;
        for (int trial = 0; trial < 500; trial++) {
            int[] block = sparseBlock(random, 10 + random.nextInt(50));
            if (scaled.energyScale(block, 0) < 1) {
                continue;
            }
            busy++;
            short[] a = new short[64];
            short[] b = new short[64];
            scaled.quantize(block, 0, a, 0);
            uniform.quantize(block, 0, b, 0);
            assertEquals(java.util.Arrays.toString(b), java.util.Arrays.toString(a), "trial " + trial);
        }
        assertTrue(busy > 100, "enough busy blocks tested: " + busy);
    }

    @Test
    void flatBlockKeepsAnIsolatedCoefficientThatOneLambdaDrops() {
        double lambda = 0.2;
        TrellisQuantizer scaled = new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, lambda);
        TrellisQuantizer uniform = new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, lambda, 0, 1);
        int[] block = new int[64];
        // 0.7 of a step at zig-zag position 4: rounds to 1; a lone +-1 in a smooth block, as in a gradient.
        block[ZigZag.toNatural(4)] = (int) Math.round(0.7 * 8 * TABLE.getZigZag(4));
        short[] a = new short[64];
        short[] b = new short[64];
        scaled.quantize(block, 0, a, 0);
        uniform.quantize(block, 0, b, 0);
        assertEquals(0, b[4], "one lambda: dropping it saves more bits than the distortion it adds");
        assertEquals(1, a[4], "energy-scaled lambda: the flat block keeps it");
    }

    @Test
    void rejectsEnergyFloorOutsideZeroToOne() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, 0.06, 0, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new TrellisQuantizer(TABLE, StandardTables.LUMINANCE_AC, 0.06, 0, 1.5));
    }
}
