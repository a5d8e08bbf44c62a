package dev.tessera.jpeg.model;

import java.util.List;

/**
 * The metadata a JPEG file carries beside its pixels: JFIF density (APP0), EXIF (APP1), XMP (APP1, with
 * extended XMP across several APP1 segments, XMP Specification Part 3 1.1.3), an ICC profile (APP2) and
 * comments (COM). Immutable: byte arrays are copied in and out.
 */
public final class ImageMetadata {
    /** No EXIF, no ICC, no comments, JFIF 1.01 with a 1:1 aspect ratio. */
    public static final ImageMetadata NONE = new ImageMetadata(JfifHeader.DEFAULT, null, null, List.of());

    private final JfifHeader jfif;
    private final byte[] exif;
    private final byte[] iccProfile;
    private final List<String> comments;
    private final byte[] xmp;
    private final byte[] extendedXmp;

    /**
     * @param jfif       density and version for the JFIF APP0 segment
     * @param exif       the EXIF payload: a TIFF structure, starting with "II" or "MM" (without the
     *                   "Exif\0\0" identifier, which the writer adds); {@code null} for none
     * @param iccProfile a complete ICC profile; {@code null} or empty for none (an APP2 chunk with no profile
     *                   bytes makes libjpeg-based readers, the JDK's among them, refuse the file)
     * @param comments   COM segment texts, written as ISO-8859-1
     */
    public ImageMetadata(JfifHeader jfif, byte[] exif, byte[] iccProfile, List<String> comments) {
        this(jfif, exif, iccProfile, comments, null, null);
    }

    private ImageMetadata(JfifHeader jfif, byte[] exif, byte[] iccProfile, List<String> comments, byte[] xmp,
                          byte[] extendedXmp) {
        if (jfif == null) {
            throw new IllegalArgumentException("jfif must not be null (use JfifHeader.DEFAULT)");
        }
        this.jfif = jfif;
        this.exif = exif == null ? null : exif.clone();
        this.iccProfile = iccProfile == null || iccProfile.length == 0 ? null : iccProfile.clone();
        this.comments = comments == null ? List.of() : List.copyOf(comments);
        this.xmp = xmp == null || xmp.length == 0 ? null : xmp.clone();
        this.extendedXmp = this.xmp == null || extendedXmp == null || extendedXmp.length == 0 ? null
            : extendedXmp.clone();
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

    /** A copy of the XMP packet (UTF-8 XML, without the APP1 identifier), or {@code null}. */
    public byte[] xmp() {
        return xmp == null ? null : xmp.clone();
    }

    /**
     * A copy of the extended XMP (XMP Part 3 1.1.3.1: the serialized extension whose MD5 digest the main
     * packet names in {@code xmpNote:HasExtendedXMP}), whole, or {@code null}. Only present with {@link #xmp()}.
     */
    public byte[] extendedXmp() {
        return extendedXmp == null ? null : extendedXmp.clone();
    }

    public ImageMetadata withJfif(JfifHeader value) {
        return new ImageMetadata(value, exif, iccProfile, comments, xmp, extendedXmp);
    }

    public ImageMetadata withExif(byte[] value) {
        return new ImageMetadata(jfif, value, iccProfile, comments, xmp, extendedXmp);
    }

    public ImageMetadata withIccProfile(byte[] value) {
        return new ImageMetadata(jfif, exif, value, comments, xmp, extendedXmp);
    }

    public ImageMetadata withComments(List<String> value) {
        return new ImageMetadata(jfif, exif, iccProfile, value, xmp, extendedXmp);
    }

    /** @param value the XMP packet; {@code null} for none, which also drops the extended XMP */
    public ImageMetadata withXmp(byte[] value) {
        return new ImageMetadata(jfif, exif, iccProfile, comments, value, extendedXmp);
    }

    /** @param value the whole extended XMP; {@code null} for none; ignored without {@link #xmp()} */
    public ImageMetadata withExtendedXmp(byte[] value) {
        return new ImageMetadata(jfif, exif, iccProfile, comments, xmp, value);
    }
}
