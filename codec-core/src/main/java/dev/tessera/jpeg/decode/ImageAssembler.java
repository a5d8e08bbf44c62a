package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.color.ColorDeconverter;
import dev.tessera.jpeg.color.FancyH2V2YccToBgr;
import dev.tessera.jpeg.color.WideColorDeconverter;
import dev.tessera.jpeg.error.UnsupportedJpegException.Feature;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.model.JpegColorSpace;
import dev.tessera.jpeg.raster.CmykColorSpace;
import dev.tessera.jpeg.sample.SamplePlane;
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
    private final WideColorDeconverter wide;
    private final BufferedImage image;
    private final byte[] out;
    private final short[] wideOut;
    /** Above 8 bits: per component, its upsampled row. */
    private final short[][] rows;
    /** The 8-bit output's rows, from this decoder's planes and upsamplers; null above 8 bits. */
    private final Rows narrow;
    private final int channels;
    /** Components upsampled for the output: the first only for gray from YCbCr, else all. */
    private final int used;
    private int nextRow;

    /**
     * @param output the converter: 8-bit output as {@code TYPE_BYTE_GRAY}, {@code TYPE_3BYTE_BGR} or a CMYK
     *               byte raster; above 8 bits {@code TYPE_USHORT_GRAY} or a {@code TYPE_CUSTOM} image with a
     *               pixel-interleaved {@code TYPE_USHORT} raster of R, G, B (16-bit sRGB colour model) or of
     *               C, M, Y, K (16-bit CMYK colour model),
     *               holding the unscaled P-bit samples (0 .. 2^P - 1, as libjpeg-turbo 3's djpeg writes them)
     */
    ImageAssembler(DecodeLayout layout, SamplePlane[] planes, PixelOutput output, long offset)
        throws UnsupportedJpegException {
        this.layout = layout;
        this.converter = output.narrow;
        this.wide = output.wide;
        this.upsamplers = upsamplers(layout, planes, offset);
        this.used = output.firstComponentOnly ? 1 : upsamplers.length;
        int width = layout.outputWidth;
        int height = layout.outputHeight;
        channels = output.channels();
        if (wide != null) {
            if (channels == 1) {
                image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
            } else {
                ColorSpace space = channels == 4 ? CmykColorSpace.INSTANCE : ColorSpace.getInstance(ColorSpace.CS_sRGB);
                int[] bits = new int[channels];
                java.util.Arrays.fill(bits, 16);
                int[] bands = new int[channels];
                for (int i = 0; i < channels; i++) {
                    bands[i] = i;
                }
                ColorModel cm = new ComponentColorModel(space, bits, false, false, Transparency.OPAQUE,
                    DataBuffer.TYPE_USHORT);
                WritableRaster raster = Raster.createWritableRaster(new PixelInterleavedSampleModel(
                    DataBuffer.TYPE_USHORT, width, height, channels, channels * width, bands), null);
                image = new BufferedImage(cm, raster, false, null);
            }
            wideOut = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
            out = null;
            rows = new short[planes.length][width + 1];
            narrow = null;
            return;
        }
        wideOut = null;
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
        rows = null;
        narrow = new Rows(upsamplers);
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
            if (wide != null) {
                for (int i = 0; i < used; i++) {
                    upsamplers[i].row(nextRow, rows[i], width);
                }
                wide.convert(rows, width, wideOut, nextRow * width * channels);
            } else {
                narrow.convert(nextRow);
            }
            nextRow++;
        }
    }

    /** Whether {@link #convertSingleRows} applies: one component, full size, 8-bit output. */
    boolean convertsSingleDirectly() {
        return narrow != null && narrow.fused == null && upsamplers.length == 1 && narrow.identity[0];
    }

    /**
     * Converts output rows {@code from .. to - 1} of a one-component image that needs no upsampling straight
     * from {@code window}, whose rows are addressed as {@link SamplePlane#offset} says (so calls for different
     * rows may run at once on different threads, each with its own window). See {@link #convertsSingleDirectly}.
     */
    void convertSingleRows(int from, int to, SamplePlane window) {
        short[][] sources = {window.data()};
        int[] at = new int[1];
        int width = layout.outputWidth;
        for (int y = from; y < to; y++) {
            at[0] = window.offset(y);
            converter.convert(sources, at, width, out, y * width * channels);
        }
    }

    /**
     * Converts output rows {@code from .. to - 1} from whole-image sample planes, with upsamplers of its own
     * (so calls for different rows may run at once on different threads).
     */
    void convertRows(int from, int to, SamplePlane[] wholePlanes) throws UnsupportedJpegException {
        Rows rows = new Rows(wholePlanes);
        for (int y = from; y < to; y++) {
            rows.convert(y);
        }
    }

    /**
     * Converts output rows of an 8-bit image from the given planes, with upsamplers of its own, so that rows may
     * be converted on several threads at once (each with its own {@code Rows}); the planes may be windows, as
     * long as they hold every row a converted row needs.
     */
    final class Rows {
        private final Upsampler[] ups;
        private final FancyH2V2YccToBgr fused;
        private final short[][] buffers;
        private final short[][] from;
        private final int[] at;
        private final boolean[] identity;

        Rows(SamplePlane[] planes) throws UnsupportedJpegException {
            this(upsamplers(layout, planes, 0));
        }

        private Rows(Upsampler[] ups) {
            this.ups = ups;
            // Chosen once: 4:2:0 fancy upsampling merged with YCbCr to BGR when it applies; full-size components
            // converted straight from their planes, without a copy.
            fused = FancyH2V2YccToBgr.choose(ups, converter);
            int width = layout.outputWidth;
            buffers = new short[ups.length][width + 1];
            from = new short[ups.length][];
            at = new int[ups.length];
            identity = new boolean[ups.length];
            for (int i = 0; i < ups.length; i++) {
                identity[i] = ups[i].isIdentity();
                from[i] = identity[i] ? ups[i].plane().data() : buffers[i];
            }
        }

        /** Converts output row {@code y}. */
        void convert(int y) {
            int width = layout.outputWidth;
            if (fused != null) {
                fused.row(y, width, out, y * width * channels);
                return;
            }
            for (int i = 0; i < used; i++) {
                if (identity[i]) {
                    at[i] = ups[i].plane().offset(y);
                } else {
                    ups[i].row(y, buffers[i], width);
                }
            }
            converter.convert(from, at, width, out, y * width * channels);
        }
    }

    /** Whether {@link Rows} applies: 8-bit output. */
    boolean convertsInRows() {
        return converter != null;
    }

    /** Whether component {@code index} is upsampled by the identity (it has the output's sampling). */
    boolean identity(int index) {
        return upsamplers[index].isIdentity();
    }

    /** Records that every output row has been written (by {@link #convertRows}). */
    void allRowsDone() {
        nextRow = layout.outputHeight;
    }

    BufferedImage image() {
        return image;
    }

    /**
     * The converter for an image of more than 8 bits per sample: grey, RGB (no colour transform), CMYK (as
     * stored), or YCbCr and YCCK at 12 or 16 bits (the precisions libjpeg-turbo 3 builds colour tables for).
     * Anything else throws, and so does a request to turn CMYK above 8 bits into RGB.
     */
    static WideColorDeconverter wideConverter(JpegColorSpace space, int components, int precision,
                                              boolean cmykToRgb, long offset) throws UnsupportedJpegException {
        boolean cmykSpace = space == JpegColorSpace.CMYK || space == JpegColorSpace.YCCK;
        if (cmykSpace && cmykToRgb) {
            throw new UnsupportedJpegException(offset, null, Feature.COLOR_SPACE, "converting " + precision
                + "-bit " + space + " to RGB is not supported; decode without cmykToRgb for the CMYK samples");
        }
        switch (space) {
            case CMYK:
                return WideColorDeconverter.cmyk();
            case YCCK:
                if (precision == 12 || precision == 16) {
                    return WideColorDeconverter.ycckToCmyk(precision);
                }
                break;
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
            + " CMYK, and YCbCr or YCCK at 12 or 16 bits can)");
    }
}
