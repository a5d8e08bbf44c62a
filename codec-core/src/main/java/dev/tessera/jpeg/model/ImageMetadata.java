package dev.tessera.jpeg.model;

import java.util.List;

/**
 * The metadata a JPEG file carries beside its pixels: JFIF density (APP0), EXIF (APP1), an ICC profile
 * (APP2) and comments (COM). Immutable: byte arrays are copied in and out.
 */
public final class ImageMetadata {
    /** No EXIF, no ICC, no comments, JFIF 1.01 with a 1:1 aspect ratio. */
    public static final ImageMetadata NONE = new ImageMetadata(JfifHeader.DEFAULT, null, null, List.of());

    private final JfifHeader jfif;
    private final byte[] exif;
    private final byte[] iccProfile;
    private final List<String> comments;

    /**
     * @param jfif       density and version for the JFIF APP0 segment
     * @param exif       the EXIF payload: a TIFF structure, starting with "II" or "MM" (without the
     *                   "Exif\0\0" identifier, which the writer adds); {@code null} for none
     * @param iccProfile a complete ICC profile; {@code null} or empty for none (an APP2 chunk with no profile
     *                   bytes makes libjpeg-based readers, the JDK's among them, refuse the file)
     * @param comments   COM segment texts, written as ISO-8859-1
     */
    public ImageMetadata(JfifHeader jfif, byte[] exif, byte[] iccProfile, List<String> comments) {
        if (jfif == null) {
            throw new IllegalArgumentException("jfif must not be null (use JfifHeader.DEFAULT)");
        }
        this.jfif = jfif;
        this.exif = exif == null ? null : exif.clone();
        this.iccProfile = iccProfile == null || iccProfile.length == 0 ? null : iccProfile.clone();
        this.comments = comments == null ? List.of() : List.copyOf(comments);
    }

    public JfifHeader jfif() {
        return jfif;
    }

    /** A copy of the EXIF payload (TIFF structure), or {@code null}. */
    public byte[] exif() {
        return exif == null ? null : exif.clone();
    }

    /** A copy of the ICC profile, or {@code null}. */
    public byte[] iccProfile() {
        return iccProfile == null ? null : iccProfile.clone();
    }

    public List<String> comments() {
        return comments;
    }

    public ImageMetadata withJfif(JfifHeader value) {
        return new ImageMetadata(value, exif, iccProfile, comments);
    }

    public ImageMetadata withExif(byte[] value) {
        return new ImageMetadata(jfif, value, iccProfile, comments);
    }

    public ImageMetadata withIccProfile(byte[] value) {
        return new ImageMetadata(jfif, exif, value, comments);
    }

    public ImageMetadata withComments(List<String> value) {
        return new ImageMetadata(jfif, exif, iccProfile, value);
    }
}
