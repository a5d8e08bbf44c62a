package dev.tessera.rd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Bjontegaard delta rate (G. Bjontegaard, VCEG-M33, 2001): the mean relative difference in bytes between two
 * rate-distortion curves at equal quality. Per image, ln(bytes) is fitted by least squares as a cubic
 * polynomial of the metric for each encoder, both fits are integrated over the metric range the two curves
 * share, and the mean difference d gives exp(d) - 1. The per-image values are averaged arithmetically over
 * the images both encoders have (the method of ../shared/reference/rd/SUMMARY.md). Works the same for metrics
 * where lower is better (butteraugli): only the shared interval matters.
 */
public final class BdRate {
    private BdRate() {
    }

    /** BD-rate of {@code test} against {@code anchor} for one image, as a fraction (-0.1 = 10% fewer bytes). */
    public static double ofCurve(double[] anchorMetric, double[] anchorBytes, double[] testMetric,
                                 double[] testBytes) {
        double lo = Math.max(min(anchorMetric), min(testMetric));
        double hi = Math.min(max(anchorMetric), max(testMetric));
        if (!(hi > lo)) {
            return Double.NaN;
        }
        double[] a = cubicFit(anchorMetric, log(anchorBytes));
        double[] t = cubicFit(testMetric, log(testBytes));
        double diff = (integral(t, lo, hi) - integral(a, lo, hi)) / (hi - lo);
        return Math.expm1(diff);
    }

    /**
     * Mean BD-rate over the images present in both row lists, for the metric {@code metric}.
     *
     * @return fraction, or NaN when no image has an overlapping range
     */
    public static double ofRows(List<RdRow> anchor, List<RdRow> test, ToDoubleFunction<RdRow> metric) {
        Map<String, List<RdRow>> a = byImage(anchor);
        Map<String, List<RdRow>> t = byImage(test);
        double sum = 0;
        int n = 0;
        for (var e : a.entrySet()) {
            List<RdRow> other = t.get(e.getKey());
            if (other == null) {
                continue;
            }
            double bd = ofCurve(values(e.getValue(), metric), values(e.getValue(), RdRow::bytes),
                values(other, metric), values(other, RdRow::bytes));
            if (!Double.isNaN(bd)) {
                sum += bd;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static Map<String, List<RdRow>> byImage(List<RdRow> rows) {
        Map<String, List<RdRow>> m = new TreeMap<>();
        for (RdRow r : rows) {
            m.computeIfAbsent(r.image(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static double[] values(List<RdRow> rows, ToDoubleFunction<RdRow> f) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(rows.get(i));
        }
        return v;
    }

    private static double[] log(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.log(x[i]);
        }
        return y;
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * Least-squares polynomial of degree min(3, n - 1) through (x, y), coefficients c[0] + c[1] x + ...
     * Solved by normal equations in double precision; metric values are small (0..100) so the 4x4 system is
     * well enough conditioned.
     */
    static double[] cubicFit(double[] x, double[] y) {
        int degree = Math.min(3, x.length - 1);
        int m = degree + 1;
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < x.length; i++) {
            double[] p = new double[2 * m];
            p[0] = 1;
            for (int k = 1; k < 2 * m; k++) {
                p[k] = p[k - 1] * x[i];
            }
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    a[r][c] += p[r + c];
                }
                a[r][m] += p[r] * y[i];
            }
        }
        // Gaussian elimination with partial pivoting.
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < m; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= m; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] coef = new double[4];
        for (int r = 0; r < m; r++) {
            coef[r] = a[r][m] / a[r][r];
        }
        return coef;
    }

    private static double integral(double[] c, double lo, double hi) {
        return antiderivative(c, hi) - antiderivative(c, lo);
    }

    private static double antiderivative(double[] c, double x) {
        return x * (c[0] + x * (c[1] / 2 + x * (c[2] / 3 + x * c[3] / 4)));
    }
}
