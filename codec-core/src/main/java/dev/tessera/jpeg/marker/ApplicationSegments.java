package dev.tessera.jpeg.marker;

import dev.tessera.jpeg.model.AdobeApp14;
import dev.tessera.jpeg.model.DensityUnit;
import dev.tessera.jpeg.model.JfifHeader;
import java.nio.charset.StandardCharsets;

/** Parses the payloads of the APPn segments the decoder looks into: JFIF (APP0), Adobe (APP14), and labels. */
public final class ApplicationSegments {
    private ApplicationSegments() {
    }

    /** T.871 clause 10.1: the JFIF APP0 fields, or {@code null} if the payload is not a JFIF header. */
    public static JfifHeader parseJfif(byte[] p) {
        // libjpeg's examine_app0 needs 14 bytes: "JFIF\0", version, units, densities, thumbnail size.
        if (p.length < 14 || !startsWith(p, "JFIF\0")) {
            return null;
        }
        DensityUnit units = DensityUnit.of(p[7] & 0xFF);
        return new JfifHeader(p[5] & 0xFF, p[6] & 0xFF, units == null ? DensityUnit.ASPECT_RATIO : units,
            ((p[8] & 0xFF) << 8) | (p[9] & 0xFF), ((p[10] & 0xFF) << 8) | (p[11] & 0xFF));
    }

    /** The Adobe APP14 fields, or {@code null}; libjpeg's examine_app14 needs 12 bytes starting "Adobe". */
    public static AdobeApp14 parseAdobe(byte[] p) {
        if (p.length < 12 || !startsWith(p, "Adobe")) {
            return null;
        }
        return new AdobeApp14(((p[5] & 0xFF) << 8) | (p[6] & 0xFF), ((p[7] & 0xFF) << 8) | (p[8] & 0xFF),
            ((p[9] & 0xFF) << 8) | (p[10] & 0xFF), p[11] & 0xFF);
    }

    public static boolean startsWith(byte[] p, String prefix) {
        if (p.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if ((p[i] & 0xFF) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static String label(int code, byte[] p) {
        if (code == 0xFE) {
            return "comment";
        }
        if (code == 0xE2 && startsWith(p, "ICC_PROFILE\0") && p.length >= 14) {
            return "ICC_PROFILE " + (p[12] & 0xFF) + "/" + (p[13] & 0xFF);
        }
        int n = 0;
        while (n < p.length && n < 32 && p[n] >= 0x20 && p[n] < 0x7F) {
            n++;
        }
        return new String(p, 0, n, StandardCharsets.ISO_8859_1);
    }
}
