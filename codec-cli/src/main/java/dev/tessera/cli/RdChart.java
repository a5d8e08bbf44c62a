package dev.tessera.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The rate-distortion chart of a compare report, drawn with XChart: bits per pixel (x) against SSIMULACRA 2 (y),
 * one curve per input and setting family (mode and subsampling; the parts that do not vary are left out of the
 * names), candidates as unconnected points.
 */
final class RdChart {
    static final int WIDTH = 800;
    static final int HEIGHT = 560;

    private RdChart() {
    }

    static XYChart chart(List<CompareRow> rows, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height)
            .title("Rate-distortion: SSIMULACRA 2 against bits per pixel")
            .xAxisTitle("bits per pixel").yAxisTitle("SSIMULACRA 2 (higher is better)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setXAxisDecimalPattern("0.00");
        chart.getStyler().setYAxisDecimalPattern("0");

        boolean manyInputs = rows.stream().map(CompareRow::input).distinct().count() > 1;
        boolean manyModes = rows.stream().filter(r -> !r.mode().isEmpty()).map(CompareRow::mode).distinct().count() > 1;
        boolean manySubsamplings = rows.stream().filter(r -> !r.subsampling().isEmpty())
            .map(CompareRow::subsampling).distinct().count() > 1;
        Map<String, List<CompareRow>> series = new LinkedHashMap<>();
        for (CompareRow row : rows) {
            if (!Double.isFinite(row.metrics().ssimulacra2())) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (manyInputs) {
                parts.add(Path.of(row.input()).getFileName().toString());
            }
            if (row.encoder().equals("candidate")) {
                parts.add("candidates");
            } else {
                if (manyModes || !manyInputs && !manySubsamplings) {
                    parts.add(row.mode());
                }
                if (manySubsamplings) {
                    parts.add(row.subsampling());
                }
            }
            series.computeIfAbsent(String.join(" ", parts), k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<CompareRow>> entry : series.entrySet()) {
            List<CompareRow> points = new ArrayList<>(entry.getValue());
            points.sort((a, b) -> Double.compare(a.bpp(), b.bpp()));
            double[] x = points.stream().mapToDouble(CompareRow::bpp).toArray();
            double[] y = points.stream().mapToDouble(r -> r.metrics().ssimulacra2()).toArray();
            XYSeries s = chart.addSeries(entry.getKey(), x, y);
            if (points.get(0).encoder().equals("candidate")) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.DIAMOND);
            } else {
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    /** Writes the chart as PNG, or as SVG when {@code svg}. */
    static void write(List<CompareRow> rows, boolean svg, OutputStream out) throws IOException {
        XYChart chart = chart(rows, WIDTH, HEIGHT);
        if (chart.getSeriesMap().isEmpty()) {
            throw new IOException("nothing to plot: no row has a SSIMULACRA 2 score");
        }
        if (svg) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } else {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** True when the file name asks for SVG, false for PNG; anything else is an error. */
    static boolean isSvg(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            return true;
        }
        if (name.endsWith(".png")) {
            return false;
        }
        throw new IllegalArgumentException("--plot needs a .png or .svg file name, found " + file);
    }
}
