package dev.tessera.jpeg.color;

import static dev.tessera.jpeg.color.ColorConverter.CB_G;
import static dev.tessera.jpeg.color.ColorConverter.CB_R;
import static dev.tessera.jpeg.color.ColorConverter.CHROMA_OFFSET;
import static dev.tessera.jpeg.color.ColorConverter.CHROMA_ROUNDING;
import static dev.tessera.jpeg.color.ColorConverter.CR_B;
import static dev.tessera.jpeg.color.ColorConverter.CR_G;
import static dev.tessera.jpeg.color.ColorConverter.HALF;
import static dev.tessera.jpeg.color.ColorConverter.SHIFT;
import static dev.tessera.jpeg.color.ColorConverter.Y_B;
import static dev.tessera.jpeg.color.ColorConverter.Y_G;
import static dev.tessera.jpeg.color.ColorConverter.Y_R;

import dev.tessera.jpeg.simd.VectorWarmup;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColorConverter#rgbToYCbCr(int[], int[], int[], int, int, int[], int[], int[], int)} in the Vector API, 8
 * pixels a step: the scalar fixed-point arithmetic lane for lane (32-bit integer sums are exact in any order),
 * the tail of the row in scalar code. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorRgbToYcc implements ColorConverter.PlanarRgbToYcc {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_256;
    private static final int LANES = 8;

    /** Compiles the converter in the background; {@link ColorConverter#planar} chooses it once ready. */
    static final VectorWarmup WARMUP = VectorWarmup.start("rgb-ycc", new Exercise());

    @Override
    public void convert(int[] red, int[] green, int[] blue, int count, int[] y, int[] cb, int[] cr, int outOffset) {
        int vectorEnd = count - count % LANES;
        for (int i = 0; i < vectorEnd; i += LANES) {
            step(red, green, blue, i, y, cb, cr, outOffset + i);
        }
        ColorConverter.rgbToYCbCr(red, green, blue, vectorEnd, count - vectorEnd, y, cb, cr,
            outOffset + vectorEnd);
    }

    private static void step(int[] red, int[] green, int[] blue, int i, int[] y, int[] cb, int[] cr, int o) {
        IntVector r = IntVector.fromArray(INT, red, i);
        IntVector g = IntVector.fromArray(INT, green, i);
        IntVector b = IntVector.fromArray(INT, blue, i);
        r.mul(Y_R).add(g.mul(Y_G)).add(b.mul(Y_B)).add(HALF).lanewise(VectorOperators.ASHR, SHIFT).intoArray(y, o);
        b.lanewise(VectorOperators.LSHL, SHIFT - 1).sub(r.mul(CB_R)).sub(g.mul(CB_G))
            .add(CHROMA_OFFSET + CHROMA_ROUNDING).lanewise(VectorOperators.ASHR, SHIFT).intoArray(cb, o);
        r.lanewise(VectorOperators.LSHL, SHIFT - 1).sub(g.mul(CR_G)).sub(b.mul(CR_B))
            .add(CHROMA_OFFSET + CHROMA_ROUNDING).lanewise(VectorOperators.ASHR, SHIFT).intoArray(cr, o);
    }

    /** One call of the warm-up: a row of 21 pixels (vector steps and a tail), on its own arrays. */
    private static final class Exercise implements Runnable {
        private final VectorRgbToYcc kernel = new VectorRgbToYcc();
        private final int[] red = new int[21];
        private final int[] green = new int[21];
        private final int[] blue = new int[21];
        private final int[] out = new int[3 * 21];

        Exercise() {
            for (int i = 0; i < 21; i++) {
                red[i] = (i * 37) % 256;
                green[i] = (i * 91) % 256;
                blue[i] = 255 - red[i];
            }
        }

        @Override
        public void run() {
            kernel.convert(red, green, blue, 21, out, out, out, 21);
        }
    }
}
