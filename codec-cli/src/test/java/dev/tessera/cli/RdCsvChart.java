package dev.tessera.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the rate-distortion chart of docs/compression.md from RD CSVs (the columns of
 * ../shared/reference/rd/: {@code encoder,image,q,bytes,bpp,psnr,butteraugli,ssimulacra2[,psnr_y]}) with the
 * XChart set-up of {@code tessera compare} ({@link RdChart}): per encoder and quality, the mean bits per pixel
 * against the mean SSIMULACRA 2 over the images, one curve per CSV. A documentation tool, run by hand:
 *
 * <pre>
 * java -cp codec-cli/target/tessera.jar:codec-cli/target/test-classes dev.tessera.cli.RdCsvChart \
 *     docs/compression-kodak.png A.csv B.csv ...
 * </pre>
 */
public final class RdCsvChart {
    private RdCsvChart() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        XYChart chart = new XYChartBuilder().width(RdChart.WIDTH).height(RdChart.HEIGHT)
            .title("Kodak 24: mean SSIMULACRA 2 against mean bits per pixel (q 30..95)")
            .xAxisTitle("bits per pixel").yAxisTitle("SSIMULACRA 2 (higher is better)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0");
        for (int i = 1; i < args.length; i++) {
            List<String> lines = Files.readAllLines(Path.of(args[i]));
            List<String> header = List.of(lines.get(0).split(","));
            int encoder = header.indexOf("encoder");
            int q = header.indexOf("q");
            int bpp = header.indexOf("bpp");
            int ssimulacra2 = header.indexOf("ssimulacra2");
            String name = null;
            // quality -> {sum bpp, sum score, count}
            Map<Integer, double[]> sums = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                name = f[encoder];
                double[] s = sums.computeIfAbsent(Integer.parseInt(f[q]), k -> new double[3]);
                s[0] += Double.parseDouble(f[bpp]);
                s[1] += Double.parseDouble(f[ssimulacra2]);
                s[2]++;
            }
            List<double[]> points = new ArrayList<>();
            for (double[] s : sums.values()) {
                points.add(new double[] {s[0] / s[2], s[1] / s[2]});
            }
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray())
                .setMarker(name.startsWith("tessera") ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
