package dev.tessera.metrics;

/**
 * Separable Gaussian blur of a float plane with the truncated-cosine approximation of D. Charalampidis,
 * "Recursive Implementation of the Gaussian Filter Using Truncated Cosine Functions", IEEE Trans. Signal
 * Processing 64(14), 2016: the kernel is g(j) = sum over k = 1, 3, 5 of beta_k cos(k pi j / (2N)) for |j| &lt;= N,
 * N = round(3.2795 sigma + 0.2546) (eq. 57), beta from the three constraints of eq. 39, 44 and 50-56 (unit sum,
 * variance, and the 5th cosine's weight fitted to the Gaussian's spectrum).
 *
 * <p>This is the blur of the SSIMULACRA 2 reference tool, which runs that kernel as the paper's recursive
 * filter (three second-order resonators) with zero outside the image and no renormalisation at the borders.
 * Here the same kernel is applied directly as a convolution (g(+-N) = 0, so 2N - 1 taps: 9 for sigma 1.5), also
 * with zeros outside the image; the two agree up to float rounding. Samples are floats, row by row.
 */
final class CosineGaussianBlur {
    /** taps[|j|] = g(j) for |j| &lt; N. */
    private final float[] taps;

    CosineGaussianBlur(double sigma) {
        this.taps = kernel(sigma);
    }

    /** The one-dimensional kernel g(0), g(1), ..., g(N - 1), as doubles. */
    static double[] kernelTaps(double sigma) {
        int n = (int) Math.round(3.2795 * sigma + 0.2546); // eq. 57
        double[] omega = new double[3];
        double[] p = new double[3];
        double[] r = new double[3];
        double[] rho = new double[3];
        for (int i = 0; i < 3; i++) {
            int k = 2 * i + 1;
            omega[i] = k * Math.PI / (2.0 * n); // Table I
            double sign = (i == 1) ? -1 : 1;
            p[i] = sign / Math.tan(0.5 * omega[i]); // eq. 37: sum of cos(omega j) over |j| < N
            r[i] = sign * p[i] * p[i] / Math.sin(omega[i]); // eq. 44
            rho[i] = Math.exp(-0.5 * sigma * sigma * omega[i] * omega[i]) / n; // eq. 50
        }
        // eq. 52: the third row eliminates beta_1 and beta_3 from the spectral constraint.
        double d13 = p[0] * r[1] - r[0] * p[1];
        double d35 = p[1] * r[2] - r[1] * p[2];
        double d51 = p[2] * r[0] - r[2] * p[0];
        double zeta15 = d35 / d13;
        double zeta35 = d51 / d13;
        double[][] a = {p, r, {zeta15, zeta35, 1}}; // eq. 56
        double[] gamma = {1, n * (double) n - sigma * sigma, zeta15 * rho[0] + zeta35 * rho[1] + rho[2]}; // eq. 55
        double[] beta = solve3(a, gamma); // eq. 53
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < 3; i++) {
                g[j] += beta[i] * Math.cos(omega[i] * j);
            }
        }
        return g;
    }

    private static float[] kernel(double sigma) {
        double[] g = kernelTaps(sigma);
        float[] f = new float[g.length];
        for (int j = 0; j < g.length; j++) {
            f[j] = (float) g[j];
        }
        return f;
    }

    /** Solves a x = b for a 3x3 matrix by Cramer's rule. */
    private static double[] solve3(double[][] a, double[] b) {
        double det = det3(a[0][0], a[0][1], a[0][2], a[1][0], a[1][1], a[1][2], a[2][0], a[2][1], a[2][2]);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int row = 0; row < 3; row++) {
                m[row][c] = b[row];
            }
            x[c] = det3(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]) / det;
        }
        return x;
    }

    private static double det3(double a, double b, double c, double d, double e, double f, double g, double h,
        double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }

    /**
     * Blurs {@code in} into {@code out} (both at least {@code width * height}), using {@code temp} (as large) for
     * the horizontal pass. {@code out} must not be {@code in}.
     */
    void apply(float[] in, float[] out, float[] temp, int width, int height) {
        int n = taps.length;
        float t0 = taps[0];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                temp[row + x] = t0 * in[row + x];
            }
            for (int j = 1; j < n && j < width; j++) {
                float t = taps[j];
                // out[x] += t (in[x - j] + in[x + j]), zero outside the row.
                for (int x = j; x < width; x++) {
                    temp[row + x] += t * in[row + x - j];
                }
                for (int x = 0; x < width - j; x++) {
                    temp[row + x] += t * in[row + x + j];
                }
            }
        }
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = t0 * temp[row + x];
            }
            for (int j = 1; j < n; j++) {
                float t = taps[j];
                if (y - j >= 0) {
                    int above = (y - j) * width;
                    for (int x = 0; x < width; x++) {
                        out[row + x] += t * temp[above + x];
                    }
                }
                if (y + j < height) {
                    int below = (y + j) * width;
                    for (int x = 0; x < width; x++) {
                        out[row + x] += t * temp[below + x];
                    }
                }
            }
        }
    }
}
