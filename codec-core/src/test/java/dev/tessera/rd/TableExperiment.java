package dev.tessera.rd;

import dev.tessera.jpeg.model.QuantTable;

/**
 * Parametric quality-50 base tables for tuning experiments, from system properties {@code tessera.luma} and
 * {@code tessera.chroma}, each {@code dc:q0:a:p:oblique}: Q(u, v) = q0 (1 + a r^p), r the radial frequency
 * sqrt(u^2 + v^2) / (7 sqrt 2) raised by the oblique factor (1 + oblique * sin^2(2 theta)) where theta is the
 * orientation, and Q(0, 0) = dc. Unset: the pipeline's own tables.
 */
final class TableExperiment {
    static final QuantTable LUMA = parse(System.getProperty("tessera.luma"));
    static final QuantTable CHROMA = parse(System.getProperty("tessera.chroma"));

    private TableExperiment() {
    }

    static QuantTable parse(String spec) {
        if (spec == null) {
            return null;
        }
        if (spec.equals("KL")) {
            return dev.tessera.jpeg.model.StandardTables.LUMINANCE_QUANT;
        }
        if (spec.equals("KC")) {
            return dev.tessera.jpeg.model.StandardTables.CHROMINANCE_QUANT;
        }
        String[] f = spec.split(":");
        return generate(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
            Double.parseDouble(f[3]), Double.parseDouble(f[4]));
    }

    static QuantTable generate(double dc, double q0, double a, double p, double oblique) {
        int[] t = new int[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double r = Math.sqrt(u * u + v * v) / (7 * Math.sqrt(2));
                double theta = Math.atan2(v, u);
                double s = Math.sin(2 * theta);
                double rr = r * (1 + oblique * s * s);
                double q = u == 0 && v == 0 ? dc : q0 * (1 + a * Math.pow(rr, p));
                t[v * 8 + u] = (int) Math.max(1, Math.min(255, Math.round(q)));
            }
        }
        return QuantTable.ofNatural(t);
    }

    public static void main(String[] args) {
        QuantTable t = parse(args[0]);
        for (int v = 0; v < 8; v++) {
            StringBuilder b = new StringBuilder();
            for (int u = 0; u < 8; u++) {
                b.append(String.format("%4d", t.get(v * 8 + u)));
            }
            System.out.println(b);
        }
    }
}
