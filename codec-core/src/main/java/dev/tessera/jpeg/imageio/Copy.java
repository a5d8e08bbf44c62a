package dev.tessera.jpeg.imageio;

import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/** Moves decoded pixels into an ImageIO destination: region, subsampling, offset and band selection. */
final class Copy {
    private Copy() {
    }

    /**
     * One destination row at a time, in a way chosen once per image: straight array copies between byte
     * rasters of the same layout, packing into {@code int} pixels for the {@code TYPE_INT_*} RGB types, and
     * otherwise sample by sample. Same colour space and band count: samples are copied band by band, honouring
     * source and destination bands. A gray image into an RGB destination gets its sample in R, G and B, as the
     * JDK's reader does (no gamma conversion). Anything else goes through {@code getRGB}/{@code setRGB} (and band
     * selection is refused).
     */
    static final class Pixels {
        private final BufferedImage decoded;
        private final BufferedImage destination;
        private final Rectangle source;
        private final Rectangle target;
        private final int stepX;
        private final int stepY;
        private final int scale;
        private final Way way;
        private final int[] samples;
        private final int[] sourceBands;
        private final int[] destinationBands;
        private final int[] outSamples;
        // For the array ways: the decoded bytes and the destination's array, with their layouts.
        private final byte[] in;
        private final int inOrigin;
        private final int inStride;
        private final int inPixel;
        private final int[] inOffsets;
        private final byte[] outBytes;
        private final int[] outInts;
        private final int outStride;
        private final int outOrigin;
        private final int[] shifts;
        private final int alpha;

        private enum Way { BYTES, PACK_INT, GRAY_TO_RGB, SAMPLES, BANDS, RGB }

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
            this.sourceBands = sourceBands;
            this.destinationBands = destinationBands;
            this.samples = new int[decoded.getRaster().getNumBands()];
            this.outSamples = new int[destination.getRaster().getNumBands()];
            Raster inRaster = decoded.getRaster();
            WritableRaster outRaster = destination.getRaster();
            int inType = decoded.getColorModel().getColorSpace().getType();
            int outType = destination.getColorModel().getColorSpace().getType();
            boolean sameModel = inType == outType && inRaster.getNumBands() == outRaster.getNumBands()
                && !destination.getColorModel().hasAlpha();
            boolean bands = sourceBands != null || destinationBands != null;
            if (bands && !sameModel) {
                throw new IllegalArgumentException("source and destination bands need a destination of the"
                    + " decoded image's colour space and band count");
            }
            boolean byteInput = simpleBytes(inRaster);
            byte[] inData = null;
            int[] inOffs = null;
            int inStr = 0;
            int inPix = 0;
            int inStart = 0;
            if (byteInput) {
                PixelInterleavedSampleModel model = (PixelInterleavedSampleModel) inRaster.getSampleModel();
                inData = ((DataBufferByte) inRaster.getDataBuffer()).getData();
                inStart = inRaster.getDataBuffer().getOffset();
                inStr = model.getScanlineStride();
                inPix = model.getPixelStride();
                inOffs = model.getBandOffsets();
            }
            byte[] oBytes = null;
            int[] oInts = null;
            int oStride = 0;
            int oOrigin = 0;
            int[] sh = null;
            int a = 0;
            Way chosen;
            if (bands) {
                chosen = Way.BANDS;
            } else if (byteInput && sameModel && simpleBytes(outRaster)
                && Arrays.equals(inOffs, ((PixelInterleavedSampleModel) outRaster.getSampleModel()).getBandOffsets())
                && inPix == ((PixelInterleavedSampleModel) outRaster.getSampleModel()).getPixelStride()) {
                PixelInterleavedSampleModel model = (PixelInterleavedSampleModel) outRaster.getSampleModel();
                oBytes = ((DataBufferByte) outRaster.getDataBuffer()).getData();
                oStride = model.getScanlineStride();
                oOrigin = outRaster.getDataBuffer().getOffset() - outRaster.getSampleModelTranslateY() * oStride
                    - outRaster.getSampleModelTranslateX() * inPix;
                chosen = Way.BYTES;
            } else if (byteInput && (inType == ColorSpace.TYPE_RGB && inRaster.getNumBands() == 3
                || inType == ColorSpace.TYPE_GRAY && inRaster.getNumBands() == 1) && packedRgb(destination)) {
                DirectColorModel model = (DirectColorModel) destination.getColorModel();
                oInts = ((DataBufferInt) outRaster.getDataBuffer()).getData();
                oStride = ((SinglePixelPackedSampleModel) outRaster.getSampleModel()).getScanlineStride();
                oOrigin = outRaster.getDataBuffer().getOffset() - outRaster.getSampleModelTranslateY() * oStride
                    - outRaster.getSampleModelTranslateX();
                sh = new int[] {Integer.numberOfTrailingZeros(model.getRedMask()),
                    Integer.numberOfTrailingZeros(model.getGreenMask()),
                    Integer.numberOfTrailingZeros(model.getBlueMask())};
                a = model.getAlphaMask();
                chosen = Way.PACK_INT;
            } else if (sameModel) {
                chosen = Way.SAMPLES;
            } else if (inType == ColorSpace.TYPE_GRAY && inRaster.getNumBands() == 1 && outType == ColorSpace.TYPE_RGB
                && outRaster.getNumBands() >= 3 && decoded.getColorModel().getComponentSize(0)
                == destination.getColorModel().getComponentSize(0)) {
                chosen = Way.GRAY_TO_RGB;
            } else {
                chosen = Way.RGB;
            }
            way = chosen;
            in = inData;
            inOrigin = inStart;
            inStride = inStr;
            inPixel = inPix;
            inOffsets = inOffs;
            outBytes = oBytes;
            outInts = oInts;
            outStride = oStride;
            outOrigin = oOrigin;
            shifts = sh;
            alpha = a;
        }

        /** An 8-bit pixel-interleaved raster whose samples this class may index directly. */
        private static boolean simpleBytes(Raster raster) {
            return raster.getSampleModel() instanceof PixelInterleavedSampleModel
                && raster.getDataBuffer() instanceof DataBufferByte && raster.getDataBuffer().getNumBanks() == 1
                && raster.getParent() == null;
        }

        /** An sRGB image of packed 8-bit R, G, B (and maybe alpha) {@code int} pixels, not premultiplied. */
        private static boolean packedRgb(BufferedImage image) {
            ColorModel cm = image.getColorModel();
            if (!(cm instanceof DirectColorModel model) || model.isAlphaPremultiplied()
                || !model.getColorSpace().isCS_sRGB() || !(image.getRaster().getDataBuffer() instanceof DataBufferInt)
                || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel)
                || image.getRaster().getParent() != null) {
                return false;
            }
            for (int mask : new int[] {model.getRedMask(), model.getGreenMask(), model.getBlueMask()}) {
                if (Integer.bitCount(mask) != 8 || (mask >>> Integer.numberOfTrailingZeros(mask)) != 0xFF) {
                    return false;
                }
            }
            int alphaMask = model.getAlphaMask();
            return alphaMask == 0 || Integer.bitCount(alphaMask) == 8;
        }

        void copyRow(int row) {
            int sy = scale > 1 ? source.y / scale + row : source.y + row * stepY;
            int dy = target.y + row;
            if (sy >= decoded.getHeight()) {
                return;
            }
            int firstX = scale > 1 ? source.x / scale : source.x;
            int step = scale > 1 ? 1 : stepX;
            // Columns whose source pixel lies inside the decoded image (a scaled image may be a pixel short).
            int count = Math.min(target.width, (decoded.getWidth() - firstX + step - 1) / step);
            if (count <= 0) {
                return;
            }
            switch (way) {
                case BYTES -> copyBytes(sy, dy, firstX, step, count);
                case PACK_INT -> packInts(sy, dy, firstX, step, count);
                default -> copySamples(sy, dy, firstX, step, count);
            }
        }

        private void copyBytes(int sy, int dy, int firstX, int step, int count) {
            int from = inOrigin + sy * inStride + firstX * inPixel;
            int to = outOrigin + dy * outStride + target.x * inPixel;
            if (step == 1) {
                System.arraycopy(in, from, outBytes, to, count * inPixel);
                return;
            }
            for (int col = 0; col < count; col++, from += step * inPixel, to += inPixel) {
                System.arraycopy(in, from, outBytes, to, inPixel);
            }
        }

        private void packInts(int sy, int dy, int firstX, int step, int count) {
            int from = inOrigin + sy * inStride + firstX * inPixel;
            int to = outOrigin + dy * outStride + target.x;
            int advance = step * inPixel;
            // Locals: the stores into outInts would otherwise make the JIT reload the shifts every pixel.
            byte[] src = in;
            int[] dst = outInts;
            int a = alpha;
            int rs = shifts[0];
            int gs = shifts[1];
            int bs = shifts[2];
            if (inOffsets.length == 1) {
                int g = inOffsets[0];
                for (int col = 0; col < count; col++, from += advance) {
                    int v = src[from + g] & 0xFF;
                    dst[to + col] = a | v << rs | v << gs | v << bs;
                }
                return;
            }
            int r = inOffsets[0];
            int g = inOffsets[1];
            int b = inOffsets[2];
            for (int col = 0; col < count; col++, from += advance) {
                dst[to + col] = a | (src[from + r] & 0xFF) << rs | (src[from + g] & 0xFF) << gs
                    | (src[from + b] & 0xFF) << bs;
            }
        }

        private void copySamples(int sy, int dy, int firstX, int step, int count) {
            Raster inRaster = decoded.getRaster();
            WritableRaster out = destination.getRaster();
            for (int col = 0; col < count; col++) {
                int sx = firstX + col * step;
                int dx = target.x + col;
                switch (way) {
                    case SAMPLES -> out.setPixel(dx, dy, inRaster.getPixel(sx, sy, samples));
                    case BANDS -> {
                        inRaster.getPixel(sx, sy, samples);
                        out.getPixel(dx, dy, outSamples);
                        int n = sourceBands != null ? sourceBands.length : destinationBands.length;
                        for (int i = 0; i < n; i++) {
                            int fromBand = sourceBands != null ? sourceBands[i] : i;
                            int toBand = destinationBands != null ? destinationBands[i] : i;
                            outSamples[toBand] = samples[fromBand];
                        }
                        out.setPixel(dx, dy, outSamples);
                    }
                    case GRAY_TO_RGB -> {
                        int v = inRaster.getSample(sx, sy, 0);
                        out.setSample(dx, dy, 0, v);
                        out.setSample(dx, dy, 1, v);
                        out.setSample(dx, dy, 2, v);
                        if (out.getNumBands() > 3) {
                            out.setSample(dx, dy, 3, (1 << destination.getColorModel().getComponentSize(3)) - 1);
                        }
                    }
                    default -> destination.setRGB(dx, dy, decoded.getRGB(sx, sy));
                }
            }
        }
    }
}
