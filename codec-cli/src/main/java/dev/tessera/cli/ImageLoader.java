package dev.tessera.cli;

import dev.tessera.jpeg.model.ImageMetadata;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads an input file through ImageIO (the JDK readers plus the TwelveMonkeys plugins on the class path) and
 * collects the metadata the output should keep. Never writes to the input.
 *
 * <p>Public for codec-spark, which reads its inputs as bytes and must read them as {@code tessera compress} does.
 */
public final class ImageLoader {
    /** The largest EXIF payload one APP1 segment holds: 65533 payload bytes less "Exif\0\0" (T.81 B.1.1.4). */
    static final int MAX_EXIF = 65533 - 6;

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
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IIOException("not a regular file");
        }
        return load(() -> ImageIO.createImageInputStream(file.toFile()), keepMetadata, warnings);
    }

    /**
     * Reads the first image of a file's content, exactly as {@link #load(Path, boolean, Consumer)} reads the file.
     *
     * @param content      the whole file
     * @param keepMetadata read EXIF, ICC and density to carry into the output
     * @param warnings     receives one line for each piece of metadata that cannot be carried
     * @throws IOException if the content is not an image in a supported format or cannot be read
     */
    public static SourceImage load(byte[] content, boolean keepMetadata, Consumer<String> warnings)
        throws IOException {
        // A memory-cached stream: ImageIO.createImageInputStream over an InputStream would cache in a temp file.
        return load(() -> new MemoryCacheImageInputStream(new ByteArrayInputStream(content)), keepMetadata,
            warnings);
    }

    /** Opens a new stream over the same input, from its first byte. */
    @FunctionalInterface
    private interface Opener {
        ImageInputStream open() throws IOException;
    }

    private static SourceImage load(Opener opener, boolean keepMetadata, Consumer<String> warnings)
        throws IOException {
        try (ImageInputStream in = opener.open()) {
            if (in == null) {
                throw new IIOException("cannot open for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IIOException("not an image in a supported format (PNG, BMP, GIF, PNM, TIFF, JPEG)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, !keepMetadata);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                ImageMetadata metadata = keepMetadata
                    ? readMetadata(opener, format, reader, warnings)
                    : ImageMetadata.NONE;
                ImageReadParam param = reader.getDefaultReadParam();
                byte[] profile = metadata.iccProfile();
                if (profile != null && !chooseUnconvertedType(reader, profile, param)) {
                    warnings.accept("the " + format + " reader converts the pixels to sRGB; ICC profile dropped");
                    metadata = metadata.withIccProfile(null);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new IIOException("the " + format + " reader returned no image");
                }
                ColorProfiles.Prepared prepared = keepMetadata
                    ? ColorProfiles.prepare(image, metadata.iccProfile(), warnings)
                    : new ColorProfiles.Prepared(image, null);
                return new SourceImage(prepared.image(), metadata.withIccProfile(prepared.iccProfile()), format);
            } finally {
                reader.dispose();
            }
        }
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

    private static ImageMetadata readMetadata(Opener opener, String format, ImageReader reader,
                                              Consumer<String> warnings) throws IOException {
        ImageMetadata metadata = ImageMetadata.NONE;
        if (format.equals("jpeg") || format.equals("jpg")) {
            // A second stream over the input, so the reader's own stream position is left alone.
            try (ImageInputStream again = opener.open()) {
                metadata = JpegMetadataReader.read(again, warnings);
            } catch (IOException e) {
                warnings.accept("metadata segments unreadable (" + e.getMessage() + "); metadata dropped");
            }
        } else if (format.equals("png")) {
            metadata = PngMetadataReader.read(reader.getImageMetadata(0), warnings);
        }
        byte[] exif = metadata.exif();
        if (exif != null && exif.length > MAX_EXIF) {
            warnings.accept("EXIF data of " + exif.length + " bytes exceeds one APP1 segment (" + MAX_EXIF
                + "); EXIF dropped");
            metadata = metadata.withExif(null);
        }
        return metadata;
    }
}
