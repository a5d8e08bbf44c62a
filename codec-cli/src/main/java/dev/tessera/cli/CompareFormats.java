package dev.tessera.cli;

import java.util.List;
import java.util.Locale;

/**
 * The text forms of a compare report: the table for people, CSV and JSON for scripts. CSV and JSON carry the
 * same fields under the same names (docs/compare.md); numbers are written with a dot and full precision, and a
 * value that does not exist (infinite PSNR of identical images, a candidate's encode time) is empty in CSV and
 * {@code null} in JSON.
 */
final class CompareFormats {
    /** The schema's field names, in order. */
    static final List<String> FIELDS = List.of("input", "encoder", "mode", "subsampling", "quality", "file",
        "width", "height", "bytes", "bpp", "ratio", "psnr_y", "psnr_rgb", "ssim", "ssimulacra2", "encode_ms",
        "decode_ms");

    /** The version of the schema, written in JSON; raised when a field changes meaning or is removed. */
    static final int SCHEMA_VERSION = 1;

    private CompareFormats() {
    }

    private static Object[] values(CompareRow row) {
        CompareRow.Metrics m = row.metrics();
        return new Object[] {row.input(), row.encoder(), row.mode(), row.subsampling(),
            row.quality() == 0 ? null : row.quality(), row.file(), row.width(), row.height(), row.bytes(), row.bpp(),
            row.ratio(), m.psnrY(), m.psnrRgb(), m.ssim(), m.ssimulacra2(), row.encodeMs(), row.decodeMs()};
    }

    static String csv(List<CompareRow> rows) {
        StringBuilder text = new StringBuilder(String.join(",", FIELDS)).append('\n');
        for (CompareRow row : rows) {
            Object[] values = values(row);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(csvValue(values[i]));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String csvValue(Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            return "";
        }
        if (value instanceof String s) {
            // RFC 4180: quote fields holding a comma, quote or line break; double the quotes.
            return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return String.valueOf(value);
    }

    /** {@code {"schema": 1, "decoder": "...", "rows": [{...}, ...]}}. */
    static String json(List<CompareRow> rows, String decoder) {
        StringBuilder text = new StringBuilder("{\n  \"schema\": ").append(SCHEMA_VERSION)
            .append(",\n  \"decoder\": ").append(jsonString(decoder)).append(",\n  \"rows\": [");
        for (int r = 0; r < rows.size(); r++) {
            text.append(r == 0 ? "\n    {" : ",\n    {");
            Object[] values = values(rows.get(r));
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append(", ");
                }
                text.append(jsonString(FIELDS.get(i))).append(": ").append(jsonValue(values[i]));
            }
            text.append('}');
        }
        return text.append(rows.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String jsonValue(Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            return "null";
        }
        if (value instanceof String s) {
            return jsonString(s);
        }
        return String.valueOf(value);
    }

    /** RFC 8259 7: a quoted string with quote, backslash and control characters escaped. */
    static String jsonString(String s) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    /** The table for people: one line per row, columns aligned, inputs separated by a blank line. */
    static String table(List<CompareRow> rows) {
        String[] header = {"input", "setting", "bytes", "bpp", "ratio", "PSNR-Y", "PSNR-RGB", "SSIM", "SSIMU2",
            "enc ms", "dec ms"};
        List<String[]> lines = new java.util.ArrayList<>();
        lines.add(header);
        for (CompareRow row : rows) {
            CompareRow.Metrics m = row.metrics();
            lines.add(new String[] {
                java.nio.file.Path.of(row.input()).getFileName().toString(), row.label(), String.valueOf(row.bytes()),
                fixed(row.bpp(), 3), fixed(row.ratio(), 1) + ":1", fixed(m.psnrY(), 2), fixed(m.psnrRgb(), 2),
                fixed(m.ssim(), 4), fixed(m.ssimulacra2(), 2), fixed(row.encodeMs(), 1), fixed(row.decodeMs(), 1)});
        }
        int[] widths = new int[header.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        String previousInput = null;
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            if (l > 1 && !line[0].equals(previousInput)) {
                text.append('\n');
            }
            previousInput = line[0];
            for (int i = 0; i < line.length; i++) {
                // Text columns left-aligned, numbers right-aligned.
                String cell = i < 2 ? pad(line[i], widths[i], false) : pad(line[i], widths[i], true);
                text.append(i == 0 ? "" : "  ").append(cell);
            }
            text.append('\n');
        }
        return text.toString().replaceAll(" +\n", "\n");
    }

    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String pad(String s, int width, boolean right) {
        String space = " ".repeat(width - s.length());
        return right ? space + s : s + space;
    }
}
