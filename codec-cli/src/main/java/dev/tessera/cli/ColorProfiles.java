package dev.tessera.cli;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.WritableRaster;
import java.util.function.Consumer;

/**
 * Decides whether an input's ICC profile can go into the output, and prepares the pixels to match.
 *
 * <p>An embedded profile describes the sample values as stored, so the encoder must receive those values
 * unconverted. {@code JpegEncoder} converts any non-sRGB colour space to sRGB; so when a reader returns an
 * image in the profile's own colour space, its raster is rewrapped under an sRGB colour model of the same
 * layout (no pixel changes) and the profile is carried. When the pixels will be converted anyway (a CMYK
 * input, a profile whose colour space does not match the output's), the profile is dropped: the output is
 * then plain sRGB, which is what its pixels are.
 */
final class ColorProfiles {
    private ColorProfiles() {
    }

    /** An image ready for the encoder and the profile to write with it ({@code null} for none). */
    record Prepared(BufferedImage image, byte[] iccProfile) {
    }

    /**
     * @param profile  the profile found in the file's metadata, or {@code null}; if {@code null}, a non-sRGB
     *                 RGB colour space that the reader attached to the image (as TIFF readers do) is used
     * @param warnings receives one line for each profile that had to be dropped
     */
    static Prepared prepare(BufferedImage image, byte[] profile, Consumer<String> warnings) {
        ColorModel cm = image.getColorModel();
        ColorSpace cs = cm.getColorSpace();
        if (profile == null && cs instanceof ICC_ColorSpace icc && !cs.isCS_sRGB()
            && cs.getType() == ColorSpace.TYPE_RGB) {
            profile = icc.getProfile().getData();
        }
        if (profile == null) {
            return new Prepared(image, null);
        }
        int profileType;
        try {
            profileType = ICC_Profile.getInstance(profile).getColorSpaceType();
        } catch (IllegalArgumentException e) {
            warnings.accept("ICC profile is not valid; profile dropped");
            return new Prepared(image, null);
        }

        if (encodesAsGray(image)) {
            if (profileType == ColorSpace.TYPE_GRAY) {
                return new Prepared(image, profile);
            }
            warnings.accept("ICC profile is not a gray profile but the output is gray; profile dropped");
            return new Prepared(image, null);
        }
        if (profileType != ColorSpace.TYPE_RGB) {
            warnings.accept("ICC profile describes " + typeName(profileType)
                + " but the output is RGB/YCbCr; pixels converted to sRGB, profile dropped");
            return new Prepared(image, null);
        }
        if (cs.isCS_sRGB()) {
            // The reader left the samples unconverted (the JDK's PNG reader, TwelveMonkeys' JPEG reader for
            // sRGB-like profiles): they are already the profile's values.
            return new Prepared(image, profile);
        }
        if (cs.getType() == ColorSpace.TYPE_RGB) {
            BufferedImage rewrapped = asSrgb(image);
            if (rewrapped != null) {
                return new Prepared(rewrapped, profile);
            }
        }
        warnings.accept("image colour model cannot carry the ICC profile unconverted; pixels converted to sRGB,"
            + " profile dropped");
        return new Prepared(image, null);
    }

    /** Mirrors {@code JpegEncoder}: one band, gray colour space, opaque becomes a one-component file. */
    static boolean encodesAsGray(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        return cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
            && cm.getTransparency() == Transparency.OPAQUE
            && image.getRaster().getNumBands() == 1;
    }

    /**
     * The same raster under an sRGB colour model of the same layout, so the encoder reads the samples as they
     * are; {@code null} if the colour model has no sRGB twin.
     */
    static BufferedImage asSrgb(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        ColorModel twin;
        if (cm instanceof ComponentColorModel) {
            twin = new ComponentColorModel(srgb, cm.getComponentSize(), cm.hasAlpha(), cm.isAlphaPremultiplied(),
                cm.getTransparency(), cm.getTransferType());
        } else if (cm instanceof DirectColorModel dcm) {
            twin = new DirectColorModel(srgb, dcm.getPixelSize(), dcm.getRedMask(), dcm.getGreenMask(),
                dcm.getBlueMask(), dcm.getAlphaMask(), dcm.isAlphaPremultiplied(), dcm.getTransferType());
        } else {
            return null;
        }
        WritableRaster raster = image.getRaster();
        if (!twin.isCompatibleRaster(raster)) {
            return null;
        }
        return new BufferedImage(twin, raster, twin.isAlphaPremultiplied(), null);
    }

    private static String typeName(int type) {
        return switch (type) {
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_GRAY -> "gray";
            case ColorSpace.TYPE_Lab -> "Lab";
            case ColorSpace.TYPE_XYZ -> "XYZ";
            default -> "colour space type " + type;
        };
    }
}
