package dev.tessera.jpeg.pipeline;

import dev.tessera.jpeg.JpegColorSpace;
import dev.tessera.jpeg.UnsupportedJpegException;
import dev.tessera.jpeg.UnsupportedJpegException.Feature;
import dev.tessera.jpeg.color.CmykColorSpace;
import dev.tessera.jpeg.color.ColorDeconverter;
import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.sample.Upsampler;
import dev.tessera.jpeg.spec.Marker;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Turns component sample rows into the output {@link BufferedImage} as they become available, iMCU row by
 * iMCU row (libjpeg's main buffer controller, {@code jdmainct.c}, plays this part): each output row is
 * upsampled per component ({@link Upsampler}) and converted to pixels ({@link ColorDeconverter}) as soon as
 * every sample row it needs, including the context row below for fancy upsampling, has been transformed.
 * The upsamplers and the converter are chosen once, as libjpeg's jdmaster.c chooses them.
 */
final class ImageAssembler {
    private final DecodeLayout layout;
    private final Upsampler[] upsamplers;
    private final ColorDeconverter converter;
    private final BufferedImage image;
    private final byte[] out;
    private final short[][] rows;
    private final int channels;
    private int nextRow;

    ImageAssembler(DecodeLayout layout, SamplePlane[] planes, ColorDeconverter converter, long offset)
        throws UnsupportedJpegException {
        this.layout = layout;
        this.converter = converter;
        this.upsamplers = upsamplers(layout, planes, offset);
        int width = layout.outputWidth;
        int height = layout.outputHeight;
        channels = converter.channels();
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
        out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        rows = new short[planes.length][width + 1];
    }

    /** The sample rows each component keeps: enough for one iMCU row plus the context rows around it. */
    static int rowsHeld(DecodeLayout.Component c) {
        return Math.min(c.planeHeight(), (2 * c.v + 2) * c.scaledSize);
    }

    /** Picks the upsamplers; throws for sampling ratios libjpeg cannot upsample (before anything is decoded). */
    static Upsampler[] upsamplers(DecodeLayout layout, SamplePlane[] planes, long offset)
        throws UnsupportedJpegException {
        Upsampler[] ups = new Upsampler[layout.components.length];
        // jdsample.c: fancy upsampling needs context rows, which jdmainct.c cannot give at 1/8 scale.
        boolean fancy = layout.minScaledSize > 1;
        for (DecodeLayout.Component c : layout.components) {
            int hIn = c.h * c.scaledSize / layout.minScaledSize;
            int vIn = c.v * c.scaledSize / layout.minScaledSize;
            SamplePlane plane = planes == null ? new SamplePlane(0, 1) : planes[c.index];
            ups[c.index] = Upsampler.choose(plane, c.sampleHeight, c.sampleWidth, hIn, vIn, layout.maxH,
                layout.maxV, fancy);
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

    /**
     * Called once iMCU row {@code imcu} of every component has been transformed into the planes: converts
     * every output row whose samples are now all present (all remaining rows after the last iMCU row).
     */
    void imcuRowDone(int imcu) {
        boolean last = imcu == layout.imcuRows - 1;
        int width = layout.outputWidth;
        while (nextRow < layout.outputHeight) {
            if (!last) {
                for (DecodeLayout.Component c : layout.components) {
                    int available = (imcu + 1) * c.v * c.scaledSize;
                    if (upsamplers[c.index].lastRowNeeded(nextRow) >= available) {
                        return;
                    }
                }
            }
            for (int i = 0; i < upsamplers.length; i++) {
                upsamplers[i].row(nextRow, rows[i], width);
            }
            converter.convert(rows, width, out, nextRow * width * channels);
            nextRow++;
        }
    }

    /**
     * Converts output rows {@code from .. to - 1} from whole-image sample planes, with upsamplers of its own
     * (so calls for different rows may run at once on different threads).
     */
    void convertRows(int from, int to, SamplePlane[] wholePlanes) throws UnsupportedJpegException {
        Upsampler[] ups = upsamplers(layout, wholePlanes, 0);
        int width = layout.outputWidth;
        short[][] buffers = new short[wholePlanes.length][width + 1];
        for (int y = from; y < to; y++) {
            for (int i = 0; i < ups.length; i++) {
                ups[i].row(y, buffers[i], width);
            }
            converter.convert(buffers, width, out, y * width * channels);
        }
    }

    /** Records that every output row has been written (by {@link #convertRows}). */
    void allRowsDone() {
        nextRow = layout.outputHeight;
    }

    BufferedImage image() {
        return image;
    }
}
