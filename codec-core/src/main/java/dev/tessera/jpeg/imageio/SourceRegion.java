package dev.tessera.jpeg.imageio;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import javax.imageio.IIOParam;

/**
 * Applies an {@link IIOParam}'s source region, subsampling and source bands to the pixels to be written:
 * a child raster for a plain region, a copy when pixels are skipped.
 */
final class SourceRegion {
    private SourceRegion() {
    }

    /** The region and subsampling of an image; source bands are the caller's to apply to the raster. */
    static BufferedImage apply(BufferedImage image, IIOParam param) {
        if (!needed(param)) {
            return image;
        }
        WritableRaster raster = (WritableRaster) apply(image.getRaster(), param);
        return new BufferedImage(image.getColorModel(), raster, image.isAlphaPremultiplied(), null);
    }

    static Raster apply(Raster raster, IIOParam param) {
        if (!needed(param)) {
            return raster;
        }
        Rectangle region = new Rectangle(raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight());
        if (param.getSourceRegion() != null) {
            region = region.intersection(param.getSourceRegion());
        }
        int stepX = param.getSourceXSubsampling();
        int stepY = param.getSourceYSubsampling();
        int x0 = region.x + param.getSubsamplingXOffset();
        int y0 = region.y + param.getSubsamplingYOffset();
        int width = (region.x + region.width - x0 + stepX - 1) / stepX;
        int height = (region.y + region.height - y0 + stepY - 1) / stepY;
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the source region and subsampling leave no pixels");
        }
        int[] bands = param.getSourceBands();
        Raster source = bands == null ? raster
            : raster.createChild(raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(),
                raster.getMinX(), raster.getMinY(), bands);
        WritableRaster out = source.createCompatibleWritableRaster(width, height);
        int[] pixel = new int[source.getNumBands()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                source.getPixel(x0 + x * stepX, y0 + y * stepY, pixel);
                out.setPixel(x, y, pixel);
            }
        }
        return out;
    }

    private static boolean needed(IIOParam param) {
        return param != null && (param.getSourceRegion() != null || param.getSourceXSubsampling() != 1
            || param.getSourceYSubsampling() != 1 || param.getSubsamplingXOffset() != 0
            || param.getSubsamplingYOffset() != 0 || param.getSourceBands() != null);
    }
}
