package dev.tessera.cli;

/**
 * One line of a {@code tessera compare} report: a JPEG file (encoded by Tessera, or a candidate file) measured
 * against its original. The field order is the CSV and JSON schema's (docs/compare.md).
 *
 * @param id          unique within a report: {@code INPUTINDEX-LABEL}, e.g. {@code 1-baseline-420-q75}
 * @param input       the original's path as given
 * @param encoder     {@code tessera} or {@code candidate}
 * @param mode        the {@code --modes} entry: a preset with optional +technique overrides
 *                    ({@code baseline}, {@code fast+progressive}); for candidates, empty
 * @param subsampling {@code 444}, {@code 420} ...; for candidates, empty
 * @param quality     the IJG quality; 0 for candidates
 * @param file        the candidate's path; for Tessera rows, empty
 * @param width       pixels
 * @param height      pixels
 * @param bytes       the JPEG file's size
 * @param encodeMs    encode time in milliseconds; NaN for candidates
 * @param decodeMs    decode time in milliseconds
 * @param metrics     the distortion figures
 */
record CompareRow(String id, String input, String encoder, String mode, String subsampling, int quality,
                  String file, int width, int height, long bytes, double encodeMs, double decodeMs,
                  Metrics metrics) {
    /**
     * @param psnrY       PSNR of BT.601 luma, dB (infinite when identical)
     * @param psnrRgb     PSNR over R, G and B, dB
     * @param ssim        mean SSIM of luma, -1..1
     * @param ssimulacra2 SSIMULACRA 2.1, 100 for identical, lower is worse
     */
    record Metrics(double psnrY, double psnrRgb, double ssim, double ssimulacra2) {
    }

    /** File bits per pixel. */
    double bpp() {
        return bytes * 8.0 / ((double) width * height);
    }

    /** Compression ratio against 24-bit RGB: 24 / bpp. */
    double ratio() {
        return 24 / bpp();
    }

    /** The setting in words: {@code baseline 420 q75}, or the candidate's file name. */
    String label() {
        if (encoder.equals("candidate")) {
            return java.nio.file.Path.of(file).getFileName().toString();
        }
        return mode + " " + subsampling + " q" + quality;
    }
}
