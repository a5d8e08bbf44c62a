package dev.tessera.rd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.testing.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BdRateTest {
    @Test
    void identicalCurvesGiveZero() {
        double[] m = {30, 35, 38, 41};
        double[] b = {1000, 2000, 3000, 5000};
        assertEquals(0, BdRate.ofCurve(m, b, m, b), 1e-12);
    }

    @Test
    void halfTheBytesEverywhereGivesMinusFiftyPercent() {
        double[] m = {30, 35, 38, 41, 44};
        double[] a = {1000, 2000, 3000, 5000, 9000};
        double[] t = {500, 1000, 1500, 2500, 4500};
        assertEquals(-0.5, BdRate.ofCurve(m, a, m, t), 1e-9);
    }

    @Test
    void cubicFitIsExactOnACubic() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 - x[i] + 0.5 * x[i] * x[i] - 0.25 * x[i] * x[i] * x[i];
        }
        double[] c = BdRate.cubicFit(x, y);
        assertEquals(2, c[0], 1e-9);
        assertEquals(-1, c[1], 1e-9);
        assertEquals(0.5, c[2], 1e-9);
        assertEquals(-0.25, c[3], 1e-9);
    }

    /** ../shared/reference/rd/SUMMARY.md: mozjpeg vs ljt-optimize is -10.9% / -9.6% / -4.7%. */
    @Test
    void reproducesTheReferenceSummary() throws IOException {
        Path dir = Corpus.requireShared("reference/rd");
        List<RdRow> anchor = RdRow.read(dir.resolve("ljt-optimize.csv"));
        List<RdRow> moz = RdRow.read(dir.resolve("mozjpeg.csv"));
        assertEquals(-10.9, 100 * BdRate.ofRows(anchor, moz, RdRow::ssimulacra2), 0.05);
        assertEquals(-9.6, 100 * BdRate.ofRows(anchor, moz, RdRow::butteraugli), 0.05);
        assertEquals(-4.7, 100 * BdRate.ofRows(anchor, moz, RdRow::psnr), 0.05);
        List<RdRow> jpegli = RdRow.read(dir.resolve("jpegli-420.csv"));
        assertEquals(-16.1, 100 * BdRate.ofRows(anchor, jpegli, RdRow::ssimulacra2), 0.05);
    }
}
