package dev.tessera.jpeg.transform;

import dev.tessera.jpeg.error.TransformException;
import dev.tessera.jpeg.error.TransformException.Reason;
import dev.tessera.jpeg.model.CoefficientImage;
import dev.tessera.jpeg.model.ComponentBlocks;
import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.FrameHeader;
import dev.tessera.jpeg.model.JpegColorSpace;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.Transform;
import dev.tessera.jpeg.spec.ZigZag;
import java.util.ArrayList;
import java.util.List;

/**
 * Lossless rotation, mirroring, cropping and gray conversion of quantized DCT coefficients, with the results of
 * libjpeg-turbo's {@code jpegtran} (transupp.c) to the block:
 *
 * <ul>
 * <li>Inside a block, transposing the pixels transposes the coefficients, and mirroring them changes the sign
 *     of the coefficients of odd frequency in that direction (the DCT basis cos((2x+1)u pi/16) is even in
 *     x - 7/2 for even u, odd for odd u; T.81 A.3.3).</li>
 * <li>Blocks move whole iMCUs at a time. The partial iMCU at the right or bottom edge of the source (when the
 *     size is not a multiple of the iMCU) cannot be mirrored into place: it stays where it is, transposed if
 *     the transform transposes, and only the whole iMCUs are mirrored; {@code trim} drops it instead, and
 *     {@code perfect} refuses the transform.</li>
 * <li>A crop region's top-left corner moves up and left to an iMCU boundary, the region growing by as much.</li>
 * <li>With one output component (gray input, or {@code grayscale}) the iMCU is one 8x8 block.</li>
 * </ul>
 *
 * <p>Stateless; the source's coefficient arrays are read, never written.
 */
public final class CoefficientTransformer {
    private CoefficientTransformer() {
    }

    /**
     * The transformed image. Segments and restart interval are the source's; quantization tables are transposed
     * with the blocks when the transform transposes.
     *
     * @param colorSpace the source's colour space (gray output needs YCbCr or gray)
     * @throws TransformException when {@code perfect} is asked of an imperfect transform, the crop region is
     *                            outside the image, or gray output is asked of a non-YCbCr image
     */
    public static CoefficientImage apply(CoefficientImage src, JpegColorSpace colorSpace, TransformSpec spec)
            throws TransformException {
        FrameHeader frame = src.frame();
        List<ComponentSpec> comps = frame.components();
        int hMax = frame.maxHorizontalSampling();
        int vMax = frame.maxVerticalSampling();
        boolean toGray = spec.grayscale() && comps.size() == 3 && colorSpace == JpegColorSpace.YCBCR;
        if (spec.grayscale() && !toGray && !(comps.size() == 1 && colorSpace == JpegColorSpace.GRAYSCALE)) {
            throw new TransformException(Reason.GRAYSCALE_UNSUPPORTED,
                "grayscale needs a YCbCr or gray image, found " + comps.size() + " components in " + colorSpace);
        }
        if (toGray && (comps.get(0).horizontalSampling() != hMax || comps.get(0).verticalSampling() != vMax)) {
            throw new TransformException(Reason.GRAYSCALE_UNSUPPORTED,
                "grayscale needs the luma component to have the largest sampling factors");
        }
        int n = toGray ? 1 : comps.size();
        // The source iMCU in samples: one block for a single output component (transupp.c).
        int mcuW = n == 1 ? 8 : 8 * hMax;
        int mcuH = n == 1 ? 8 : 8 * vMax;
        Transform t = spec.transform();
        if (spec.perfect()) {
            checkPerfect(t, src.width(), src.height(), mcuW, mcuH);
        }
        boolean tr = t.transposes();
        Geometry g = new Geometry(t, tr ? src.height() : src.width(), tr ? src.width() : src.height(),
            tr ? mcuH : mcuW, tr ? mcuW : mcuH);
        if (spec.crop() != null) {
            g.crop(spec.crop());
        }
        if (spec.trim()) {
            g.trim();
        }

        int outHMax = n == 1 ? 1 : tr ? vMax : hMax;
        int outVMax = n == 1 ? 1 : tr ? hMax : vMax;
        List<ComponentSpec> outComps = new ArrayList<>(n);
        List<QuantTable> outTables = new ArrayList<>(n);
        List<ComponentBlocks> outPlanes = new ArrayList<>(n);
        for (int ci = 0; ci < n; ci++) {
            ComponentSpec c = comps.get(ci);
            int h = n == 1 ? 1 : tr ? c.verticalSampling() : c.horizontalSampling();
            int v = n == 1 ? 1 : tr ? c.horizontalSampling() : c.verticalSampling();
            outComps.add(new ComponentSpec(c.id(), h, v, c.quantTableSlot()));
            QuantTable q = src.quantTables().get(ci);
            outTables.add(tr ? transpose(q) : q);
            outPlanes.add(g.plane(src.components().get(ci), h, v, outHMax, outVMax));
        }
        FrameHeader outFrame = new FrameHeader(frame.process(), frame.precision(), g.outH, g.outW, outComps);
        return new CoefficientImage(outFrame, outTables, outPlanes, src.segments(), src.restartInterval());
    }

    /**
     * Whether {@code t} moves every block of a {@code width} by {@code height} image with the given iMCU
     * (jtransform_perfect_transform): a flip or rotation needs whole iMCUs along each mirrored direction.
     */
    public static boolean isPerfect(Transform t, int width, int height, int mcuW, int mcuH) {
        boolean w = width % mcuW == 0;
        boolean h = height % mcuH == 0;
        return switch (t) {
            case FLIP_HORIZONTAL, ROTATE_270 -> w;
            case FLIP_VERTICAL, ROTATE_90 -> h;
            case TRANSVERSE, ROTATE_180 -> w && h;
            case NONE, TRANSPOSE -> true;
        };
    }

    private static void checkPerfect(Transform t, int width, int height, int mcuW, int mcuH)
            throws TransformException {
        if (!isPerfect(t, width, height, mcuW, mcuH)) {
            throw new TransformException(Reason.IMPERFECT, "transform is not perfect: " + width + "x" + height
                + " is not a whole number of " + mcuW + "x" + mcuH + " iMCUs in the mirrored direction");
        }
    }

    private static QuantTable transpose(QuantTable q) {
        int[] out = new int[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                out[v * 8 + u] = q.get(u * 8 + v);
            }
        }
        // decoded() keeps a 0 entry (libjpeg accepts it) where ofNatural would refuse it.
        int[] zigZag = new int[64];
        for (int k = 0; k < 64; k++) {
            zigZag[k] = out[ZigZag.toNatural(k)];
        }
        return QuantTable.decoded(zigZag);
    }

    /** Output size, crop offsets and the block mapping, all in the transformed image's coordinates. */
    private static final class Geometry {
        private final Transform t;
        /** The transformed image's full size, before crop and trim. */
        private final int fullW;
        private final int fullH;
        /** The iMCU in output samples. */
        private final int mcuW;
        private final int mcuH;
        int outW;
        int outH;
        /** Crop offsets in iMCUs. */
        int cropX;
        int cropY;

        Geometry(Transform t, int fullW, int fullH, int mcuW, int mcuH) {
            this.t = t;
            this.fullW = fullW;
            this.fullH = fullH;
            this.mcuW = mcuW;
            this.mcuH = mcuH;
            outW = fullW;
            outH = fullH;
        }

        void crop(TransformSpec.Crop c) throws TransformException {
            // jtransform_request_workspace: the region must lie inside the transformed image.
            if (c.x() >= fullW || c.width() > fullW - c.x() || c.y() >= fullH || c.height() > fullH - c.y()) {
                throw new TransformException(Reason.CROP_OUTSIDE,
                    "crop " + c + " is outside the " + fullW + "x" + fullH + " image");
            }
            outW = c.width() + c.x() % mcuW;
            outH = c.height() + c.y() % mcuH;
            cropX = c.x() / mcuW;
            cropY = c.y() / mcuH;
        }

        void trim() {
            // transupp.c trim_right_edge / trim_bottom_edge: drop the partial iMCU when the region reaches it.
            if (flipsX()) {
                int cols = outW / mcuW;
                if (cols > 0 && cropX + cols == fullW / mcuW) {
                    outW = cols * mcuW;
                }
            }
            if (flipsY()) {
                int rows = outH / mcuH;
                if (rows > 0 && cropY + rows == fullH / mcuH) {
                    outH = rows * mcuH;
                }
            }
        }

        /** Whether the transform mirrors the output's x axis (after transposing). */
        private boolean flipsX() {
            return t == Transform.FLIP_HORIZONTAL || t == Transform.ROTATE_90 || t == Transform.ROTATE_180
                || t == Transform.TRANSVERSE;
        }

        private boolean flipsY() {
            return t == Transform.FLIP_VERTICAL || t == Transform.ROTATE_270 || t == Transform.ROTATE_180
                || t == Transform.TRANSVERSE;
        }

        /** The output plane of one component with output sampling factors h, v. */
        ComponentBlocks plane(ComponentBlocks src, int h, int v, int hMax, int vMax) {
            int wide = ceilDiv(outW, mcuW) * h;
            int high = ceilDiv(outH, mcuH) * v;
            int visibleWide = ceilDiv(ceilDiv(outW * h, hMax), 8);
            int visibleHigh = ceilDiv(ceilDiv(outH * v, vMax), 8);
            ComponentBlocks dst = ComponentBlocks.zeroes(wide, high, visibleWide, visibleHigh);
            // Mirrorable extent in blocks: the whole iMCUs of the transformed (uncropped) image.
            int mirrorW = fullW / mcuW * h;
            int mirrorH = fullH / mcuH * v;
            boolean tr = t.transposes();
            short[] in = src.coefficients();
            short[] out = dst.coefficients();
            for (int by = 0; by < high; by++) {
                int y = by + cropY * v;
                boolean mirrorY = flipsY() && y < mirrorH;
                int py = mirrorY ? mirrorH - 1 - y : y;
                for (int bx = 0; bx < wide; bx++) {
                    int x = bx + cropX * h;
                    boolean mirrorX = flipsX() && x < mirrorW;
                    int px = mirrorX ? mirrorW - 1 - x : x;
                    int sx = tr ? py : px;
                    int sy = tr ? px : py;
                    if (sx >= src.blocksWide() || sy >= src.blocksHigh()) {
                        continue; // beyond the source's padding: cannot happen for planes padded to whole iMCUs
                    }
                    BlockOp.of(tr, mirrorX, mirrorY).apply(in, src.offset(sy, sx), out, dst.offset(by, bx));
                }
            }
            return dst;
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
