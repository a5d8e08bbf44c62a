package dev.tessera.rd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One rate-distortion point: the CSV row of ../shared/reference/rd/ ({@code encoder,image,q,bytes,bpp,psnr,
 * butteraugli,ssimulacra2,psnr_y}). Metrics not measured are NaN and written as empty fields.
 */
public record RdRow(String encoder, String image, int q, long bytes, double bpp, double psnr, double butteraugli,
                    double ssimulacra2, double psnrY) {

    public static final String HEADER = "encoder,image,q,bytes,bpp,psnr,butteraugli,ssimulacra2,psnr_y";

    public String toCsv() {
        return String.join(",", encoder, image, Integer.toString(q), Long.toString(bytes), fmt("%.5f", bpp),
            fmt("%.4f", psnr), fmt("%.6f", butteraugli), fmt("%.8f", ssimulacra2), fmt("%.4f", psnrY));
    }

    private static String fmt(String f, double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, f, v);
    }

    public static List<RdRow> read(Path csv) throws IOException {
        List<RdRow> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("encoder,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            rows.add(new RdRow(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), num(f[4]), num(f[5]),
                num(f[6]), num(f[7]), num(f[8])));
        }
        return rows;
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    public static void write(Path csv, List<RdRow> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (RdRow r : rows) {
            lines.add(r.toCsv());
        }
        Files.write(csv, lines);
    }
}
