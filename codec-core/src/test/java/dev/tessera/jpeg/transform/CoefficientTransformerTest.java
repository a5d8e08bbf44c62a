package dev.tessera.jpeg.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.TransformException;
import dev.tessera.jpeg.model.CoefficientImage;
import dev.tessera.jpeg.model.ComponentBlocks;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.JpegColorSpace;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.Transform;
import dev.tessera.jpeg.spec.Marker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the coefficient transforms that need no reference program (JpegTransformerTest compares with
 * jpegtran): the group laws of rotations and flips, block placement under crop, transposed tables.
 */
class CoefficientTransformerTest {
    /** A 3-component image with random coefficients, sampling factors h x v for luma, 1x1 for chroma. */
    static CoefficientImage random(int width, int height, int h, int v, long seed) {
        Random random = new Random(seed);
        List<ComponentSpec> comps = List.of(new ComponentSpec(1, h, v, 0), new ComponentSpec(2, 1, 1, 1),
            new ComponentSpec(3, 1, 1, 1));
        FrameHeader frame = new FrameHeader(Marker.SOF0, 8, height, width, comps);
        int mcusWide = (width + 8 * h - 1) / (8 * h);
        int mcusHigh = (height + 8 * v - 1) / (8 * v);
        List<ComponentBlocks> planes = new ArrayList<>();
        List<QuantTable> tables = new ArrayList<>();
        for (ComponentSpec c : comps) {
            int wide = mcusWide * c.horizontalSampling();
            int high = mcusHigh * c.verticalSampling();
            int visibleWide = ((width * c.horizontalSampling() + h - 1) / h + 7) / 8;
            int visibleHigh = ((height * c.verticalSampling() + v - 1) / v + 7) / 8;
            ComponentBlocks b = ComponentBlocks.zeroes(wide, high, visibleWide, visibleHigh);
            short[] k = b.coefficients();
            for (int i = 0; i < k.length; i++) {
                k[i] = (short) (random.nextInt(2001) - 1000);
            }
            planes.add(b);
            int[] q = new int[64];
            for (int i = 0; i < 64; i++) {
                q[i] = 1 + random.nextInt(255);
            }
            tables.add(QuantTable.ofNatural(q));
        }
        return new CoefficientImage(frame, tables, planes, List.of(), 0);
    }

    static CoefficientImage apply(CoefficientImage image, Transform t) throws TransformException {
        return CoefficientTransformer.apply(image, JpegColorSpace.YCBCR, new TransformSpec(t, null, false, false,
            false));
    }

    static void assertSameImage(CoefficientImage a, CoefficientImage b, String what) {
        assertEquals(a.width(), b.width(), what);
        assertEquals(a.height(), b.height(), what);
        assertEquals(a.frame().components(), b.frame().components(), what);
        assertEquals(a.quantTables(), b.quantTables(), what);
        for (int c = 0; c < a.components().size(); c++) {
            ComponentBlocks x = a.components().get(c);
            ComponentBlocks y = b.components().get(c);
            assertEquals(x.blocksWide() + "x" + x.blocksHigh(), y.blocksWide() + "x" + y.blocksHigh(), what);
            assertArrayEquals(x.coefficients(), y.coefficients(), what + ", component " + c);
        }
    }

    @Test
    void rotationsAndFlipsComposeAsTheDihedralGroupOnWholeImcus() throws TransformException {
        CoefficientImage image = random(64, 48, 2, 2, 1);
        CoefficientImage r90 = apply(image, Transform.ROTATE_90);
        assertEquals(48, r90.width());
        assertEquals(64, r90.height());
        CoefficientImage r180 = apply(r90, Transform.ROTATE_90);
        assertSameImage(apply(image, Transform.ROTATE_180), r180, "90 + 90 = 180");
        assertSameImage(apply(image, Transform.ROTATE_270), apply(r180, Transform.ROTATE_90), "180 + 90 = 270");
        assertSameImage(image, apply(apply(r180, Transform.ROTATE_90), Transform.ROTATE_90), "4 x 90 = identity");
        assertSameImage(apply(image, Transform.TRANSVERSE), apply(r90, Transform.FLIP_VERTICAL),
            "transverse = 90 then flip vertical");
        assertSameImage(apply(image, Transform.TRANSPOSE), apply(r90, Transform.FLIP_HORIZONTAL),
            "transpose = 90 then flip horizontal");
        assertSameImage(apply(image, Transform.ROTATE_180),
            apply(apply(image, Transform.FLIP_HORIZONTAL), Transform.FLIP_VERTICAL), "180 = both flips");
    }

    @Test
    void involutionsUndoThemselvesEvenWithPartialImcus() throws TransformException {
        // 61x45 leaves partial iMCUs in both directions (4:2:2 and 4:2:0): those stay where they are, so every
        // transform that is its own inverse is still undone by a second application.
        for (int[] s : new int[][] {{2, 1}, {2, 2}, {1, 2}, {1, 1}}) {
            CoefficientImage image = random(61, 45, s[0], s[1], 2);
            for (Transform t : List.of(Transform.FLIP_HORIZONTAL, Transform.FLIP_VERTICAL, Transform.TRANSPOSE,
                Transform.ROTATE_180)) {
                assertSameImage(image, apply(apply(image, t), t), t + " twice, sampling " + s[0] + "x" + s[1]);
            }
        }
    }

    @Test
    void partialImcusStayWhereTheyAre() throws TransformException {
        CoefficientImage image = random(61, 45, 2, 2, 3);
        CoefficientImage flipped = apply(image, Transform.FLIP_HORIZONTAL);
        ComponentBlocks src = image.components().get(0);
        ComponentBlocks dst = flipped.components().get(0);
        // Luma blocks 0..5 (3 whole 16-wide iMCUs) are mirrored, block 6 and padding block 7 are copied.
        for (int by = 0; by < src.blocksHigh(); by++) {
            for (int bx = 6; bx < 8; bx++) {
                for (int k = 0; k < 64; k++) {
                    assertEquals(src.coefficients()[src.offset(by, bx) + k], dst.coefficients()[dst.offset(by, bx) + k]);
                }
            }
            for (int bx = 0; bx < 6; bx++) {
                for (int k = 0; k < 64; k++) {
                    int sign = (k % 8) % 2 == 1 ? -1 : 1;
                    assertEquals((short) (sign * src.coefficients()[src.offset(by, 5 - bx) + k]),
                        dst.coefficients()[dst.offset(by, bx) + k]);
                }
            }
        }
    }

    @Test
    void cropMovesTheCornerToAnImcuBoundaryAndCopiesBlocks() throws TransformException {
        CoefficientImage image = random(61, 45, 2, 2, 4);
        CoefficientImage cropped = CoefficientTransformer.apply(image, JpegColorSpace.YCBCR,
            new TransformSpec(Transform.NONE, new TransformSpec.Crop(30, 20, 17, 9), false, false, false));
        assertEquals(31, cropped.width(), "17 moves down to 16: one column more");
        assertEquals(29, cropped.height(), "9 moves down to 0: nine rows more");
        for (int c = 0; c < 3; c++) {
            ComponentBlocks src = image.components().get(c);
            ComponentBlocks dst = cropped.components().get(c);
            int dx = c == 0 ? 2 : 1;
            for (int by = 0; by < dst.blocksHigh(); by++) {
                for (int bx = 0; bx < dst.blocksWide(); bx++) {
                    for (int k = 0; k < 64; k++) {
                        assertEquals(src.coefficients()[src.offset(by, bx + dx) + k],
                            dst.coefficients()[dst.offset(by, bx) + k]);
                    }
                }
            }
        }
    }

    @Test
    void transposingTransformsTransposeTablesAndSamplingFactors() throws TransformException {
        CoefficientImage image = random(64, 48, 2, 1, 5);
        CoefficientImage t = apply(image, Transform.ROTATE_270);
        assertEquals(1, t.frame().components().get(0).horizontalSampling());
        assertEquals(2, t.frame().components().get(0).verticalSampling());
        for (int i = 0; i < 64; i++) {
            assertEquals(image.quantTables().get(0).get(i), t.quantTables().get(0).get((i % 8) * 8 + i / 8));
        }
        CoefficientImage gray = CoefficientTransformer.apply(image, JpegColorSpace.YCBCR,
            new TransformSpec(Transform.TRANSPOSE, null, true, false, false));
        assertEquals(1, gray.frame().components().size());
        assertEquals(1, gray.frame().components().get(0).horizontalSampling());
    }

    @Test
    void perfectIsDecidedOnTheMirroredDirections() {
        for (Transform t : Transform.values()) {
            assertTrue(CoefficientTransformer.isPerfect(t, 64, 48, 16, 16), t.toString());
        }
        assertTrue(CoefficientTransformer.isPerfect(Transform.TRANSPOSE, 61, 45, 16, 16));
        assertFalse(CoefficientTransformer.isPerfect(Transform.FLIP_HORIZONTAL, 61, 48, 16, 16));
        assertTrue(CoefficientTransformer.isPerfect(Transform.FLIP_VERTICAL, 61, 48, 16, 16));
        assertFalse(CoefficientTransformer.isPerfect(Transform.ROTATE_90, 64, 45, 16, 16));
        assertTrue(CoefficientTransformer.isPerfect(Transform.ROTATE_270, 64, 45, 16, 16));
        assertFalse(CoefficientTransformer.isPerfect(Transform.ROTATE_180, 64, 45, 16, 16));
    }
}
