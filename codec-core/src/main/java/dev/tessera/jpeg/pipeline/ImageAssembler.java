package dev.tessera.jpeg.pipeline;

import dev.tessera.jpeg.JpegColorSpace;
import dev.tessera.jpeg.UnsupportedJpegException;
import dev.tessera.jpeg.UnsupportedJpegException.Feature;
import dev.tessera.jpeg.color.CmykColorSpace;
import dev.tessera.jpeg.color.ColorDeconverter;
import dev.tessera.jpeg.color.WideColorDeconverter;
import dev.tessera.jpeg.sample.Upsampler;
import dev.tessera.jpeg.spec.Marker;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Turns component sample planes into a {@link BufferedImage}: per output row, each component is
 * upsampled ({@link Upsampler}) and the row converted to pixels ({@link ColorDeconverter}). The
 * upsamplers and the converter are chosen once, as libjpeg's jdmaster.c chooses them.
 */
final class ImageAssembler {
    private ImageAssembler() {
    }

    /** Checks, before decoding, that the frame's sampling factors can be upsampled and the colour converted. */
    static Upsampler[] upsamplers(DecodeLayout layout, short[][] planes, long offset)
        throws UnsupportedJpegException {
        Upsampler[] ups = new Upsampler[layout.components.length];
        // jdsample.c: fancy upsampling needs context rows, which jdmainct.c cannot give at 1/8 scale.
        boolean fancy = layout.minScaledSize > 1;
        for (DecodeLayout.Component c : layout.components) {
            int hIn = c.h * c.scaledSize / layout.minScaledSize;
            int vIn = c.v * c.scaledSize / layout.minScaledSize;
            ups[c.index] = Upsampler.choose(planes == null ? new short[0] : planes[c.index], c.planeWidth(),
                c.sampleHeight, c.sampleWidth, hIn, vIn, layout.maxH, layout.maxV, fancy);
            if (ups[c.index] == null) {
                // libjpeg: JERR_FRACT_SAMPLE_NOTIMPL.
                throw new UnsupportedJpegException(offset, Marker.SOS, Feature.SAMPLING,
                    "fractional sampling ratio " + c.h + "x" + c.v + " in " + layout.maxH + "x" + layout.maxV
                        + " is not supported");
            }
        }
        return ups;
    }

    static ColorDeconverter converter(JpegColorSpace space, int components, boolean cmykToRgb, long offset)
        throws UnsupportedJpegException {
        switch (space) {
            case GRAYSCALE:
                return ColorDeconverter.gray();
            case YCBCR:
                return ColorDeconverter.yccToBgr();
            case RGB:
                return ColorDeconverter.rgbToBgr();
            case CMYK:
            case YCCK:
                boolean ycck = space == JpegColorSpace.YCCK;
                return cmykToRgb ? ColorDeconverter.cmykToBgr(ycck) : ColorDeconverter.toCmyk(ycck);
            default:
                throw new UnsupportedJpegException(offset, null, Feature.COLOR_SPACE,
                    components + " components in an unknown colour space cannot be converted to an image");
        }
    }

    static BufferedImage assemble(DecodeLayout layout, short[][] planes, ColorDeconverter converter, long offset)
        throws UnsupportedJpegException {
        Upsampler[] ups = upsamplers(layout, planes, offset);
        int width = layout.outputWidth;
        int height = layout.outputHeight;
        int channels = converter.channels();
        BufferedImage image;
        if (channels == 1) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        } else if (channels == 3) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        } else {
            ColorModel cm = new ComponentColorModel(CmykColorSpace.INSTANCE, false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
            WritableRaster raster = Raster.createWritableRaster(new PixelInterleavedSampleModel(
                DataBuffer.TYPE_BYTE, width, height, 4, 4 * width, new int[] {0, 1, 2, 3}), null);
            image = new BufferedImage(cm, raster, false, null);
        }
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int n = layout.components.length;
        short[][] rows = new short[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new short[width + 1];
        }
        for (int y = 0; y < height; y++) {
            for (int i = 0; i < n; i++) {
                ups[i].row(y, rows[i], width);
            }
            converter.convert(rows, width, out, y * width * channels);
        }
        return image;
    }

    /**
     * The converter for an image of more than 8 bits per sample: grey, RGB (no colour transform), or YCbCr
     * at 12 or 16 bits (the precisions libjpeg-turbo 3 builds colour tables for). Anything else throws.
     */
    static WideColorDeconverter wideConverter(JpegColorSpace space, int components, int precision, long offset)
        throws UnsupportedJpegException {
        switch (space) {
            case GRAYSCALE:
                return WideColorDeconverter.gray();
            case RGB:
                return WideColorDeconverter.rgb();
            case YCBCR:
                if (precision == 12 || precision == 16) {
                    return WideColorDeconverter.yccToRgb(precision);
                }
                break;
            default:
                break;
        }
        throw new UnsupportedJpegException(offset, null, Feature.COLOR_SPACE, components + " components in colour"
            + " space " + space + " with " + precision + "-bit samples cannot be converted to an image (grey, RGB,"
            + " and YCbCr at 12 or 16 bits can)");
    }

    /**
     * An image with 16-bit samples holding the decoded values unscaled (0 .. 2^P - 1, as libjpeg-turbo 3's
     * djpeg writes them with maxval 2^P - 1): {@code TYPE_USHORT_GRAY} for grey, else a {@code TYPE_CUSTOM}
     * image with a pixel-interleaved {@code TYPE_USHORT} raster of R, G, B and a 16-bit sRGB colour model.
     * Components are upsampled as for 8-bit images.
     */
    static BufferedImage assembleWide(DecodeLayout layout, short[][] planes, WideColorDeconverter converter,
                                      long offset) throws UnsupportedJpegException {
        Upsampler[] ups = upsamplers(layout, planes, offset);
        int width = layout.outputWidth;
        int height = layout.outputHeight;
        int n = layout.components.length;
        int channels = converter.channels();
        BufferedImage image;
        if (channels == 1) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        } else {
            ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
            WritableRaster raster = Raster.createWritableRaster(new PixelInterleavedSampleModel(
                DataBuffer.TYPE_USHORT, width, height, 3, 3 * width, new int[] {0, 1, 2}), null);
            image = new BufferedImage(cm, raster, false, null);
        }
        short[] out = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
        short[][] rows = new short[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new short[width + 1];
        }
        for (int y = 0; y < height; y++) {
            for (int i = 0; i < n; i++) {
                ups[i].row(y, rows[i], width);
            }
            converter.convert(rows, width, out, y * width * channels);
        }
        return image;
    }
}
