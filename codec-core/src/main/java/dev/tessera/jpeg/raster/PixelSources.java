package dev.tessera.jpeg.raster;

import dev.tessera.jpeg.color.ColorConverter;
import dev.tessera.jpeg.model.PixelFormat;
import dev.tessera.jpeg.simd.BlockGroups;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.DirectColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Chooses a {@link PixelSource} for an image: direct readers for the common sRGB and gray raster layouts,
 * and a general reader through {@link BufferedImage#getRGB} for everything else (indexed, custom colour
 * spaces, odd bit depths), which converts to sRGB. Alpha is composited onto a background colour.
 */
public final class PixelSources {
    private PixelSources() {
    }

    /** Splits {@code count} interleaved RGB pixels from {@code rgb[offset]} into three planes from index 0. */
    public static void split(byte[] rgb, int offset, int count, int[] red, int[] green, int[] blue) {
        for (int x = 0, p = offset; x < count; x++, p += 3) {
            red[x] = rgb[p] & 0xFF;
            green[x] = rgb[p + 1] & 0xFF;
            blue[x] = rgb[p + 2] & 0xFF;
        }
    }

    /**
     * A source for a raw interleaved array.
     *
     * @throws IllegalArgumentException if the array is shorter than {@code width * height * bytesPerPixel}
     */
    public static PixelSource ofRaw(byte[] pixels, int width, int height, PixelFormat format) {
        long needed = (long) width * height * format.bytesPerPixel();
        if (pixels.length < needed) {
            throw new IllegalArgumentException("pixel array holds " + pixels.length + " bytes, "
                + width + "x" + height + " " + format + " needs " + needed);
        }
        int rowBytes = width * format.bytesPerPixel();
        boolean gray = format == PixelFormat.GRAY8;
        return new PixelSource() {
            @Override public int width() { return width; }
            @Override public int height() { return height; }
            @Override public boolean isGray() { return gray; }
            @Override public void readRow(int y, byte[] out) {
                System.arraycopy(pixels, y * rowBytes, out, 0, rowBytes);
            }
            @Override public void readRow(int y, int[] red, int[] green, int[] blue) {
                split(pixels, y * rowBytes, width, red, green, blue);
            }
            @Override public void readRowYCbCr(int y, int[] red, int[] green, int[] blue, int[] luma, int[] cb,
                                               int[] cr, int outOffset) {
                ColorConverter.rgbToYCbCr(pixels, y * rowBytes, width, luma, cb, cr, outOffset);
            }
        };
    }

    /**
     * A source for a raster whose bands are, in order, the channels of {@code layout}: gray, R G B, or C M Y K
     * (written unconverted). Samples of more than 8 bits are scaled to 8 by dropping low bits.
     *
     * @throws IllegalArgumentException if the raster's band count is not {@code layout.channels()}
     */
    public static PixelSource ofRaster(Raster raster, SampleLayout layout) {
        int channels = layout.channels();
        if (raster.getNumBands() != channels) {
            throw new IllegalArgumentException("a " + layout + " raster needs " + channels + " bands, found "
                + raster.getNumBands());
        }
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] shifts = new int[channels];
        for (int b = 0; b < channels; b++) {
            shifts[b] = Math.max(0, raster.getSampleModel().getSampleSize(b) - 8);
        }
        return new PixelSource() {
            private final int[] samples = new int[channels * width];

            @Override public int width() { return width; }
            @Override public int height() { return height; }
            @Override public boolean isGray() { return layout == SampleLayout.GRAY; }
            @Override public SampleLayout sampleLayout() { return layout; }

            @Override
            public synchronized void readRow(int y, byte[] out) {
                raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, samples);
                for (int i = 0; i < samples.length; i++) {
                    out[i] = (byte) (samples[i] >>> shifts[i % channels]);
                }
            }
        };
    }

    /** A source for any {@code BufferedImage}; {@code background} is 0xRRGGBB. */
    public static PixelSource of(BufferedImage image, int background) {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        SampleModel sm = raster.getSampleModel();
        ColorSpace cs = cm.getColorSpace();
        boolean opaque = cm.getTransparency() == Transparency.OPAQUE;
        // Direct reads assume the raster starts at the data buffer's origin (no child rasters).
        boolean plainRaster = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
            && raster.getDataBuffer().getNumBanks() == 1;

        if (plainRaster && cs.getType() == ColorSpace.TYPE_GRAY && opaque && sm.getNumBands() == 1
            && cm instanceof ComponentColorModel && sm instanceof PixelInterleavedSampleModel pism) {
            if (raster.getDataBuffer() instanceof DataBufferByte && cm.getComponentSize(0) == 8) {
                return new GrayByteSource(image, pism);
            }
            if (raster.getDataBuffer() instanceof DataBufferUShort && cm.getComponentSize(0) == 16) {
                return new GrayUShortSource(image, pism);
            }
        }
        if (cs.getType() == ColorSpace.TYPE_GRAY && opaque && sm.getNumBands() == 1) {
            return new GraySampleSource(image);
        }
        if (plainRaster && cs.isCS_sRGB() && cm instanceof DirectColorModel dcm
            && sm instanceof SinglePixelPackedSampleModel && raster.getDataBuffer() instanceof DataBufferInt
            && isEightBitMasks(dcm)) {
            return new PackedIntSource(image, dcm, background);
        }
        if (plainRaster && cs.isCS_sRGB() && cm instanceof ComponentColorModel
            && sm instanceof PixelInterleavedSampleModel pism && raster.getDataBuffer() instanceof DataBufferByte
            && (sm.getNumBands() == 3 || sm.getNumBands() == 4) && allEightBit(cm)) {
            return new InterleavedByteSource(image, pism, cm, background);
        }
        return new GeneralSource(image, background);
    }

    private static boolean isEightBitMasks(DirectColorModel dcm) {
        return isByteMask(dcm.getRedMask()) && isByteMask(dcm.getGreenMask()) && isByteMask(dcm.getBlueMask())
            && (dcm.getAlphaMask() == 0 || isByteMask(dcm.getAlphaMask()));
    }

    private static boolean isByteMask(int mask) {
        return mask == 0xFF || mask == 0xFF00 || mask == 0xFF0000 || mask == 0xFF000000;
    }

    private static boolean allEightBit(ColorModel cm) {
        for (int size : cm.getComponentSize()) {
            if (size != 8) {
                return false;
            }
        }
        return true;
    }

    /** x / 255 rounded to nearest, exact for 0 &lt;= x &lt;= 255 * 255. */
    static int divideBy255(int x) {
        int t = x + 128;
        return (t + (t >> 8)) >> 8;
    }

    /** Writes RGB triples, compositing translucent pixels onto a background colour ("over", Porter-Duff). */
    static final class AlphaCompositor {
        private final int backgroundRed;
        private final int backgroundGreen;
        private final int backgroundBlue;
        private final boolean premultiplied;

        AlphaCompositor(int background, boolean premultiplied) {
            backgroundRed = (background >> 16) & 0xFF;
            backgroundGreen = (background >> 8) & 0xFF;
            backgroundBlue = background & 0xFF;
            this.premultiplied = premultiplied;
        }

        /** Puts the pixel (r, g, b, alpha a; all 0..255) at {@code out[o..o+2]}. */
        void put(byte[] out, int o, int r, int g, int b, int a) {
            if (a != 255) {
                r = over(r, a, backgroundRed);
                g = over(g, a, backgroundGreen);
                b = over(b, a, backgroundBlue);
            }
            out[o] = (byte) r;
            out[o + 1] = (byte) g;
            out[o + 2] = (byte) b;
        }

        private int over(int channel, int alpha, int backgroundChannel) {
            int behind = backgroundChannel * (255 - alpha);
            // A premultiplied channel already holds channel * alpha / 255.
            return premultiplied ? Math.min(255, channel + divideBy255(behind))
                : divideBy255(channel * alpha + behind);
        }
    }

    /** TYPE_BYTE_GRAY and other 8-bit single-band gray rasters. */
    private static final class GrayByteSource implements PixelSource {
        private final int width;
        private final int height;
        private final byte[] data;
        private final int scanlineStride;
        private final int pixelStride;
        private final int offset;

        GrayByteSource(BufferedImage image, PixelInterleavedSampleModel sm) {
            width = image.getWidth();
            height = image.getHeight();
            DataBufferByte buffer = (DataBufferByte) image.getRaster().getDataBuffer();
            data = buffer.getData();
            scanlineStride = sm.getScanlineStride();
            pixelStride = sm.getPixelStride();
            offset = buffer.getOffset() + sm.getBandOffsets()[0];
        }

        @Override public int width() { return width; }
        @Override public int height() { return height; }
        @Override public boolean isGray() { return true; }

        @Override
        public void readRow(int y, byte[] out) {
            int p = offset + y * scanlineStride;
            if (pixelStride == 1) {
                System.arraycopy(data, p, out, 0, width);
                return;
            }
            for (int x = 0; x < width; x++, p += pixelStride) {
                out[x] = data[p];
            }
        }
    }

    /** TYPE_USHORT_GRAY: 16-bit samples rounded to 8 bits. */
    private static final class GrayUShortSource implements PixelSource {
        private final int width;
        private final int height;
        private final short[] data;
        private final int scanlineStride;
        private final int pixelStride;
        private final int offset;

        GrayUShortSource(BufferedImage image, PixelInterleavedSampleModel sm) {
            width = image.getWidth();
            height = image.getHeight();
            DataBufferUShort buffer = (DataBufferUShort) image.getRaster().getDataBuffer();
            data = buffer.getData();
            scanlineStride = sm.getScanlineStride();
            pixelStride = sm.getPixelStride();
            offset = buffer.getOffset() + sm.getBandOffsets()[0];
        }

        @Override public int width() { return width; }
        @Override public int height() { return height; }
        @Override public boolean isGray() { return true; }

        @Override
        public void readRow(int y, byte[] out) {
            int p = offset + y * scanlineStride;
            for (int x = 0; x < width; x++, p += pixelStride) {
                // v * 255 / 65535 = v / 257, rounded to nearest.
                out[x] = (byte) (((data[p] & 0xFFFF) + 128) / 257);
            }
        }
    }

    /** Any other opaque one-band gray raster: samples scaled from their bit depth to 8 bits. */
    private static final class GraySampleSource implements PixelSource {
        private final int width;
        private final int height;
        private final Raster raster;
        private final int max;

        GraySampleSource(BufferedImage image) {
            width = image.getWidth();
            height = image.getHeight();
            raster = image.getRaster();
            max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        }

        @Override public int width() { return width; }
        @Override public int height() { return height; }
        @Override public boolean isGray() { return true; }

        @Override
        public void readRow(int y, byte[] out) {
            // A row array per call, not a field: rows may be read by several threads at once.
            int[] row = raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, (int[]) null);
            for (int x = 0; x < width; x++) {
                out[x] = (byte) ((row[x] * 255L + max / 2) / max);
            }
        }
    }

    /** TYPE_INT_RGB, TYPE_INT_ARGB(_PRE), TYPE_INT_BGR and other 8-bit packed sRGB layouts. */
    private static final class PackedIntSource implements PixelSource {
        private final int width;
        private final int height;
        private final int[] data;
        private final int scanlineStride;
        private final int offset;
        private final int redShift;
        private final int greenShift;
        private final int blueShift;
        private final int alphaShift;
        private final boolean hasAlpha;
        private final AlphaCompositor compositor;

        PackedIntSource(BufferedImage image, DirectColorModel cm, int background) {
            width = image.getWidth();
            height = image.getHeight();
            DataBufferInt buffer = (DataBufferInt) image.getRaster().getDataBuffer();
            data = buffer.getData();
            scanlineStride = ((SinglePixelPackedSampleModel) image.getRaster().getSampleModel()).getScanlineStride();
            offset = buffer.getOffset();
            redShift = Integer.numberOfTrailingZeros(cm.getRedMask());
            greenShift = Integer.numberOfTrailingZeros(cm.getGreenMask());
            blueShift = Integer.numberOfTrailingZeros(cm.getBlueMask());
            hasAlpha = cm.hasAlpha() && cm.getAlphaMask() != 0;
            alphaShift = hasAlpha ? Integer.numberOfTrailingZeros(cm.getAlphaMask()) : 0;
            compositor = new AlphaCompositor(background, cm.isAlphaPremultiplied());
        }

        @Override public int width() { return width; }
        @Override public int height() { return height; }
        @Override public boolean isGray() { return false; }

        @Override
        public void readRow(int y, byte[] out) {
            int p = offset + y * scanlineStride;
            int o = 0;
            for (int x = 0; x < width; x++, o += 3) {
                int v = data[p + x];
                int a = hasAlpha ? (v >>> alphaShift) & 0xFF : 255;
                compositor.put(out, o, (v >>> redShift) & 0xFF, (v >>> greenShift) & 0xFF, (v >>> blueShift) & 0xFF, a);
            }
        }

        @Override
        public void readRow(int y, int[] red, int[] green, int[] blue) {
            if (hasAlpha) {
                PixelSource.super.readRow(y, red, green, blue);
                return;
            }
            int p = offset + y * scanlineStride;
            for (int x = 0; x < width; x++) {
                int v = data[p + x];
                red[x] = (v >>> redShift) & 0xFF;
                green[x] = (v >>> greenShift) & 0xFF;
                blue[x] = (v >>> blueShift) & 0xFF;
            }
        }

        @Override
        public void readRowGrouped(int y, int[] red, int[] green, int[] blue) {
            if (hasAlpha) {
                PixelSource.super.readRowGrouped(y, red, green, blue);
                return;
            }
            int p = offset + y * scanlineStride;
            int whole = width & -BlockGroups.ROW_SAMPLES;
            // Whole groups block by block: the 8 pixels of one block row read in a run, to the columns' runs.
            for (int group = 0; group < whole; group += BlockGroups.ROW_SAMPLES) {
                for (int j = 0; j < 8; j++) {
                    int in = p + group + 8 * j;
                    int at = group + j;
                    for (int c = 0; c < 8; c++) {
                        int v = data[in + c];
                        red[at + 8 * c] = (v >>> redShift) & 0xFF;
                        green[at + 8 * c] = (v >>> greenShift) & 0xFF;
                        blue[at + 8 * c] = (v >>> blueShift) & 0xFF;
                    }
                }
            }
            for (int x = whole; x < width; x++) {
                int v = data[p + x];
                int at = BlockGroups.samplePosition(x);
                red[at] = (v >>> redShift) & 0xFF;
                green[at] = (v >>> greenShift) & 0xFF;
                blue[at] = (v >>> blueShift) & 0xFF;
            }
        }

        @Override
        public void readRowYCbCr(int y, int[] red, int[] green, int[] blue, int[] luma, int[] cb, int[] cr,
                                 int outOffset) {
            if (hasAlpha) {
                PixelSource.super.readRowYCbCr(y, red, green, blue, luma, cb, cr, outOffset);
                return;
            }
            ColorConverter.packedToYCbCr(data, offset + y * scanlineStride, redShift, greenShift, blueShift, width,
                luma, cb, cr, outOffset);
        }
    }

    /** TYPE_3BYTE_BGR, TYPE_4BYTE_ABGR(_PRE) and other 8-bit interleaved sRGB byte rasters. */
    private static final class InterleavedByteSource implements PixelSource {
        private final int width;
        private final int height;
        private final byte[] data;
        private final int scanlineStride;
        private final int pixelStride;
        private final int redOffset;
        private final int greenOffset;
        private final int blueOffset;
        private final int alphaOffset;
        private final boolean hasAlpha;
        private final AlphaCompositor compositor;

        InterleavedByteSource(BufferedImage image, PixelInterleavedSampleModel sm, ColorModel cm, int background) {
            width = image.getWidth();
            height = image.getHeight();
            DataBufferByte buffer = (DataBufferByte) image.getRaster().getDataBuffer();
            data = buffer.getData();
            scanlineStride = sm.getScanlineStride();
            pixelStride = sm.getPixelStride();
            int[] bands = sm.getBandOffsets();
            int base = buffer.getOffset();
            redOffset = base + bands[0];
            greenOffset = base + bands[1];
            blueOffset = base + bands[2];
            hasAlpha = cm.hasAlpha() && bands.length == 4;
            alphaOffset = hasAlpha ? base + bands[3] : 0;
            compositor = new AlphaCompositor(background, cm.isAlphaPremultiplied());
        }

        @Override public int width() { return width; }
        @Override public int height() { return height; }
        @Override public boolean isGray() { return false; }

        @Override
        public void readRow(int y, int[] red, int[] green, int[] blue) {
            if (hasAlpha) {
                PixelSource.super.readRow(y, red, green, blue);
                return;
            }
            for (int x = 0, p = y * scanlineStride; x < width; x++, p += pixelStride) {
                red[x] = data[p + redOffset] & 0xFF;
                green[x] = data[p + greenOffset] & 0xFF;
                blue[x] = data[p + blueOffset] & 0xFF;
            }
        }

        @Override
        public void readRowGrouped(int y, int[] red, int[] green, int[] blue) {
            if (hasAlpha) {
                PixelSource.super.readRowGrouped(y, red, green, blue);
                return;
            }
            int rowStart = y * scanlineStride;
            int whole = pixelStride == 3 ? width & -BlockGroups.ROW_SAMPLES : 0;
            // Whole groups, 3 bytes a pixel (TYPE_3BYTE_BGR), block by block: the 8 pixels of one block row are
            // read in a run and go to the 8 columns' runs, 8 apart; offsets are constants, so C2 merges checks.
            int r = redOffset;
            int g = greenOffset;
            int b = blueOffset;
            for (int group = 0; group < whole; group += BlockGroups.ROW_SAMPLES) {
                for (int j = 0; j < 8; j++) {
                    int p = rowStart + (group + 8 * j) * 3;
                    int at = group + j;
                    red[at] = data[p + r] & 0xFF;
                    green[at] = data[p + g] & 0xFF;
                    blue[at] = data[p + b] & 0xFF;
                    red[at + 8] = data[p + 3 + r] & 0xFF;
                    green[at + 8] = data[p + 3 + g] & 0xFF;
                    blue[at + 8] = data[p + 3 + b] & 0xFF;
                    red[at + 16] = data[p + 6 + r] & 0xFF;
                    green[at + 16] = data[p + 6 + g] & 0xFF;
                    blue[at + 16] = data[p + 6 + b] & 0xFF;
                    red[at + 24] = data[p + 9 + r] & 0xFF;
                    green[at + 24] = data[p + 9 + g] & 0xFF;
                    blue[at + 24] = data[p + 9 + b] & 0xFF;
                    red[at + 32] = data[p + 12 + r] & 0xFF;
                    green[at + 32] = data[p + 12 + g] & 0xFF;
                    blue[at + 32] = data[p + 12 + b] & 0xFF;
                    red[at + 40] = data[p + 15 + r] & 0xFF;
                    green[at + 40] = data[p + 15 + g] & 0xFF;
                    blue[at + 40] = data[p + 15 + b] & 0xFF;
                    red[at + 48] = data[p + 18 + r] & 0xFF;
                    green[at + 48] = data[p + 18 + g] & 0xFF;
                    blue[at + 48] = data[p + 18 + b] & 0xFF;
                    red[at + 56] = data[p + 21 + r] & 0xFF;
                    green[at + 56] = data[p + 21 + g] & 0xFF;
                    blue[at + 56] = data[p + 21 + b] & 0xFF;
                }
            }
            for (int x = whole, p = rowStart + whole * pixelStride; x < width; x++, p += pixelStride) {
                int at = BlockGroups.samplePosition(x);
                red[at] = data[p + redOffset] & 0xFF;
                green[at] = data[p + greenOffset] & 0xFF;
                blue[at] = data[p + blueOffset] & 0xFF;
            }
        }

        @Override
        public void readRowYCbCr(int y, int[] red, int[] green, int[] blue, int[] luma, int[] cb, int[] cr,
                                 int outOffset) {
            if (hasAlpha) {
                PixelSource.super.readRowYCbCr(y, red, green, blue, luma, cb, cr, outOffset);
                return;
            }
            ColorConverter.interleavedToYCbCr(data, y * scanlineStride, pixelStride, redOffset, greenOffset,
                blueOffset, width, luma, cb, cr, outOffset);
        }

        @Override
        public void readRow(int y, byte[] out) {
            int p = y * scanlineStride;
            int o = 0;
            for (int x = 0; x < width; x++, p += pixelStride, o += 3) {
                int a = hasAlpha ? data[p + alphaOffset] & 0xFF : 255;
                compositor.put(out, o, data[p + redOffset] & 0xFF, data[p + greenOffset] & 0xFF,
                    data[p + blueOffset] & 0xFF, a);
            }
        }
    }

    /** Everything else, through {@code getRGB} (converts to sRGB, non-premultiplied ARGB). */
    private static final class GeneralSource implements PixelSource {
        private final BufferedImage image;
        private final int width;
        private final int height;
        private final AlphaCompositor compositor;

        GeneralSource(BufferedImage image, int background) {
            this.image = image;
            width = image.getWidth();
            height = image.getHeight();
            compositor = new AlphaCompositor(background, false);
        }

        @Override public int width() { return width; }
        @Override public int height() { return height; }
        @Override public boolean isGray() { return false; }

        @Override
        public void readRow(int y, byte[] out) {
            // A row array per call, not a field: rows may be read by several threads at once.
            int[] row = image.getRGB(0, y, width, 1, null, 0, width);
            int o = 0;
            for (int x = 0; x < width; x++, o += 3) {
                int v = row[x];
                compositor.put(out, o, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, v >>> 24);
            }
        }
    }
}
