package dev.tessera.cli;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.MarkerSegment;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an input image, a JPEG with {@link JpegDecoder} and anything else through ImageIO (the JDK readers plus
 * the TwelveMonkeys plugins on the class path), and collects the metadata the output should keep. Never writes
 * to the input.
 *
 * <p>Public for codec-spark, which reads its inputs as bytes and must read them as {@code tessera compress} does.
 */
public final class ImageLoader {
    /** The largest EXIF payload one APP1 segment holds: 65533 payload bytes less "Exif\0\0" (T.81 B.1.1.4). */
    static final int MAX_EXIF = 65533 - 6;
    /** The largest XMP packet one APP1 segment holds: 65533 less the 29-byte namespace (XMP Part 3 1.1.3). */
    static final int MAX_XMP = 65533 - 29;

    private ImageLoader() {
    }

    /**
     * Reads the first image of {@code file}.
     *
     * @param keepMetadata read EXIF, ICC and density to carry into the output
     * @param warnings     receives one line for each piece of metadata that cannot be carried
     * @throws IOException if the file cannot be read or is not an image in a supported format
     */
    static SourceImage load(Path file, boolean keepMetadata, Consumer<String> warnings) throws IOException {
        return load(Inputs.of(file, StandardStreams.system()), keepMetadata, warnings, DecoderOptions.DEFAULT);
    }

    /**
     * Reads the first image of a file's content, exactly as {@link #load(Path, boolean, Consumer)} reads the file.
     *
     * @param content      the whole file
     * @param keepMetadata read the metadata to carry into the output
     * @param warnings     receives one line for each piece of metadata that cannot be carried
     * @throws IOException if the content is not an image in a supported format or cannot be read
     */
    public static SourceImage load(byte[] content, boolean keepMetadata, Consumer<String> warnings)
        throws IOException {
        return load(Inputs.ofBytes(content), keepMetadata, warnings, DecoderOptions.DEFAULT);
    }

    /**
     * Reads the first image of {@code input}, telling its format from its bytes. A JPEG is decoded with
     * {@link JpegDecoder} under {@code jpegOptions} (its listener hears the damage, {@code strict} fails on it),
     * CMYK and YCCK converted to RGB; other formats through ImageIO.
     *
     * @param keepMetadata read the metadata to carry into the output
     * @param notes        receives one line for each piece of metadata that is not carried, and why
     * @throws IOException if the input cannot be read or is not an image in a supported format
     */
    static SourceImage load(Inputs.Input input, boolean keepMetadata, Consumer<String> notes,
                            DecoderOptions jpegOptions) throws IOException {
        if (Inputs.isJpeg(input)) {
            return loadJpeg(input, keepMetadata, notes, jpegOptions);
        }
        try (ImageInputStream in = input.open()) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IIOException("not an image in a supported format (PNG, BMP, GIF, PNM, TIFF, JPEG)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, !keepMetadata);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                ImageMetadata metadata = keepMetadata
                    ? readMetadata(format, reader, notes)
                    : ImageMetadata.NONE;
                ImageReadParam param = reader.getDefaultReadParam();
                byte[] profile = metadata.iccProfile();
                if (profile != null && !chooseUnconvertedType(reader, profile, param)) {
                    notes.accept("the " + format + " reader converts the pixels to sRGB; ICC profile dropped");
                    metadata = metadata.withIccProfile(null);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new IIOException("the " + format + " reader returned no image");
                }
                ColorProfiles.Prepared prepared = keepMetadata
                    ? ColorProfiles.prepare(image, metadata.iccProfile(), notes)
                    : new ColorProfiles.Prepared(image, null);
                return new SourceImage(prepared.image(), metadata.withIccProfile(prepared.iccProfile()), format);
            } finally {
                reader.dispose();
            }
        }
    }

    /** APPn segments of a JPEG input that {@code compress} carries (the others are listed as dropped). */
    private static boolean carried(MarkerSegment segment) {
        String label = segment.label();
        return switch (segment.code()) {
            case 0xE0 -> label.startsWith("JFIF");
            case 0xE1 -> label.startsWith("Exif") || label.startsWith("http://ns.adobe.com/xap/1.0/")
                || label.startsWith("http://ns.adobe.com/xmp/extensio");
            case 0xE2 -> label.startsWith("ICC_PROFILE");
            case 0xFE -> true;
            default -> segment.code() < 0xE0 || segment.code() > 0xEF;
        };
    }

    private static SourceImage loadJpeg(Inputs.Input input, boolean keepMetadata, Consumer<String> notes,
                                        DecoderOptions jpegOptions) throws IOException {
        byte[] data = input.bytes(jpegOptions.limits().maxInputBytes());
        BufferedImage image = new JpegDecoder(jpegOptions.withCmykToRgb(true)).decode(data);
        if (!keepMetadata) {
            return new SourceImage(image, ImageMetadata.NONE, "jpeg");
        }
        ImageMetadata metadata;
        try {
            ImageInfo info = new JpegDecoder(jpegOptions.withStrict(false).withListener(null)).readInfo(data);
            metadata = info.metadata();
            for (MarkerSegment segment : info.segments()) {
                if (!carried(segment)) {
                    String name = segment.code() == 0xEE ? "APP14" : "APP" + (segment.code() - 0xE0);
                    String why = segment.code() == 0xEE && segment.label().startsWith("Adobe")
                        ? "it describes the input's colour transform, and the output has its own"
                        : "compress carries only JFIF density, EXIF, XMP, ICC profile and COM segments";
                    notes.accept(name + " segment '" + segment.label() + "' at offset " + segment.offset()
                        + " dropped: " + why);
                }
            }
        } catch (JpegException e) {
            notes.accept("metadata dropped: " + e.getMessage());
            metadata = ImageMetadata.NONE;
        }
        metadata = limitSizes(metadata, notes);
        ColorProfiles.Prepared prepared = ColorProfiles.prepare(image, metadata.iccProfile(), notes);
        return new SourceImage(prepared.image(), metadata.withIccProfile(prepared.iccProfile()), "jpeg");
    }

    /** Drops what one APP1 segment cannot hold (EXIF; XMP without its own extended part), with a note. */
    private static ImageMetadata limitSizes(ImageMetadata metadata, Consumer<String> notes) {
        byte[] exif = metadata.exif();
        if (exif != null && exif.length > MAX_EXIF) {
            notes.accept("EXIF data of " + exif.length + " bytes exceeds one APP1 segment (" + MAX_EXIF
                + "); EXIF dropped");
            metadata = metadata.withExif(null);
        }
        byte[] xmp = metadata.xmp();
        if (xmp != null && xmp.length > MAX_XMP) {
            notes.accept("XMP packet of " + xmp.length + " bytes exceeds one APP1 segment (" + MAX_XMP
                + "); splitting it into extended XMP would rewrite it; XMP dropped");
            metadata = metadata.withXmp(null);
        }
        return metadata;
    }

    /**
     * Arranges for the reader to return the samples as stored, so the embedded profile still describes them.
     * A reader that applies embedded profiles (TwelveMonkeys' JPEG reader converts to sRGB by default) also
     * offers an image type in the profile's own colour space; that type is requested. It is the type whose
     * profile has the same tags, or else the only non-sRGB type of the profile's colour space type (readers
     * may hand back a patched or cached copy: TwelveMonkeys maps profiles equal to the JDK's built-in ones to
     * those). A reader that offers only sRGB and gray types ignores embedded profiles (the JDK's PNG reader
     * does), so its default is already unconverted.
     *
     * @return false if none of this holds, and the profile must not be carried
     */
    private static boolean chooseUnconvertedType(ImageReader reader, byte[] profile, ImageReadParam param)
        throws IOException {
        int profileType;
        try {
            profileType = ICC_Profile.getInstance(profile).getColorSpaceType();
        } catch (IllegalArgumentException e) {
            return false;
        }
        ColorSpace gray = ColorSpace.getInstance(ColorSpace.CS_GRAY);
        boolean onlyStandard = true;
        List<ImageTypeSpecifier> sameType = new ArrayList<>();
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
            ImageTypeSpecifier type = types.next();
            ColorSpace cs = type.getColorModel().getColorSpace();
            if (cs instanceof ICC_ColorSpace icc && sameTags(icc.getProfile().getData(), profile)) {
                param.setDestinationType(type);
                return true;
            }
            if (!cs.isCS_sRGB() && cs != gray && cs.getType() == profileType) {
                sameType.add(type);
            }
            onlyStandard &= cs.isCS_sRGB() || cs == gray;
        }
        if (sameType.size() == 1) {
            param.setDestinationType(sameType.get(0));
            return true;
        }
        return onlyStandard;
    }

    /** True if two profiles have the same tags; the 128-byte header (ICC.1 7.2), which readers patch, is skipped. */
    static boolean sameTags(byte[] a, byte[] b) {
        int header = 128;
        return a.length == b.length && a.length > header
            && Arrays.equals(a, header, a.length, b, header, b.length);
    }

    private static ImageMetadata readMetadata(String format, ImageReader reader, Consumer<String> notes)
        throws IOException {
        ImageMetadata metadata = ImageMetadata.NONE;
        if (format.equals("png")) {
            metadata = PngMetadataReader.read(reader.getImageMetadata(0), notes);
        }
        return limitSizes(metadata, notes);
    }
}
