package dev.tessera.jpeg.transform;

import dev.tessera.jpeg.model.Transform;

/**
 * What {@link CoefficientTransformer} does to a coefficient image, in jpegtran's terms: one {@link Transform},
 * then an optional crop in the transformed image's coordinates, gray output, trimming of the partial iMCUs that
 * cannot be transformed, and refusal of a transform that would leave such iMCUs.
 *
 * @param transform rotation or flip; {@link Transform#NONE} for crop or grayscale alone
 * @param crop      region of the transformed image to keep, or {@code null} for all of it
 * @param grayscale keep only the luma component of a YCbCr image ({@code jpegtran -grayscale})
 * @param trim      drop the partial iMCUs at the edges a flip or rotation cannot move ({@code -trim})
 * @param perfect   refuse the transform when there are such iMCUs ({@code -perfect})
 */
public record TransformSpec(Transform transform, Crop crop, boolean grayscale, boolean trim, boolean perfect) {
    public TransformSpec {
        if (transform == null) {
            throw new IllegalArgumentException("transform must not be null");
        }
    }

    /**
     * A crop region {@code WxH+X+Y} in samples of the transformed image, before its top-left corner moves up
     * and left to an iMCU boundary (which widens the region by as much).
     *
     * @param width  W, at least 1
     * @param height H, at least 1
     * @param x      X, at least 0
     * @param y      Y, at least 0
     */
    public record Crop(int width, int height, int x, int y) {
        public Crop {
            if (width < 1 || height < 1 || x < 0 || y < 0) {
                throw new IllegalArgumentException("crop must have a positive size and offsets of 0 or more, found "
                    + width + "x" + height + "+" + x + "+" + y);
            }
        }

        @Override
        public String toString() {
            return width + "x" + height + "+" + x + "+" + y;
        }
    }
}
