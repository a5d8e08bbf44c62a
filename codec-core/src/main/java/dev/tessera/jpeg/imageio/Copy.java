package dev.tessera.jpeg.imageio;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Moves decoded pixels into an ImageIO destination: region, subsampling, offset and band selection. */
final class Copy {
    private Copy() {
    }

    /**
     * One destination row at a time. Same colour space and band count: samples are copied band by band,
     * honouring source and destination bands; otherwise pixels go through {@code getRGB}/{@code setRGB} (and
     * band selection is refused).
     */
    static final class Pixels {
        private final BufferedImage decoded;
        private final BufferedImage destination;
        private final Rectangle source;
        private final Rectangle target;
        private final int stepX;
        private final int stepY;
        private final int scale;
        private final boolean sameModel;
        private final int[] samples;
        private final int[] sourceBands;
        private final int[] destinationBands;
        private final int[] outSamples;

        /**
         * @param sourceBands      bands of the decoded image to take, or {@code null} for all
         * @param destinationBands destination bands they go to, or {@code null} for the same indices
         */
        Pixels(BufferedImage decoded, BufferedImage destination, Rectangle source, Rectangle target, int stepX,
               int stepY, int scale, int[] sourceBands, int[] destinationBands) {
            this.decoded = decoded;
            this.destination = destination;
            this.source = source;
            this.target = target;
            this.stepX = stepX;
            this.stepY = stepY;
            this.scale = scale;
            this.sameModel = decoded.getColorModel().getColorSpace().getType()
                == destination.getColorModel().getColorSpace().getType()
                && decoded.getRaster().getNumBands() == destination.getRaster().getNumBands()
                && !destination.getColorModel().hasAlpha();
            this.samples = new int[decoded.getRaster().getNumBands()];
            this.sourceBands = sourceBands;
            this.destinationBands = destinationBands;
            this.outSamples = new int[destination.getRaster().getNumBands()];
            if ((sourceBands != null || destinationBands != null) && !sameModel) {
                throw new IllegalArgumentException("source and destination bands need a destination of the"
                    + " decoded image's colour space and band count");
            }
        }

        void copyRow(int row) {
            int sy = scale > 1 ? source.y / scale + row : source.y + row * stepY;
            int dy = target.y + row;
            Raster in = decoded.getRaster();
            WritableRaster out = destination.getRaster();
            for (int col = 0; col < target.width; col++) {
                int sx = scale > 1 ? source.x / scale + col : source.x + col * stepX;
                if (sx >= decoded.getWidth() || sy >= decoded.getHeight()) {
                    continue;
                }
                if (sameModel && sourceBands == null && destinationBands == null) {
                    in.getPixel(sx, sy, samples);
                    out.setPixel(target.x + col, dy, samples);
                } else if (sameModel) {
                    in.getPixel(sx, sy, samples);
                    out.getPixel(target.x + col, dy, outSamples);
                    int n = sourceBands != null ? sourceBands.length : destinationBands.length;
                    for (int i = 0; i < n; i++) {
                        int from = sourceBands != null ? sourceBands[i] : i;
                        int to = destinationBands != null ? destinationBands[i] : i;
                        outSamples[to] = samples[from];
                    }
                    out.setPixel(target.x + col, dy, outSamples);
                } else {
                    destination.setRGB(target.x + col, dy, decoded.getRGB(sx, sy));
                }
            }
        }
    }
}
