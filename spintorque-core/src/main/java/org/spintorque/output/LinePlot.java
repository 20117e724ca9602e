package org.spintorque.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line plot written as PNG (for reports) and SVG (for papers), each atomically. Axis labels carry units;
 * log axes for quantities that span decades.
 */
public final class LinePlot {
    /** One curve. */
    public record Series(String name, double[] x, double[] y, boolean dashed) {
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, false);
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logX;
    private boolean logY;
    private Styler.LegendPosition legend = Styler.LegendPosition.InsideNE;

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LinePlot add(Series s) {
        if (s.x().length != s.y().length || s.x().length == 0) {
            throw new IllegalArgumentException("series " + s.name() + ": x and y must have the same, non-zero length");
        }
        series.add(s);
        return this;
    }

    public LinePlot logX(boolean v) {
        logX = v;
        return this;
    }

    /** Where the legend goes (default inside, top right). */
    public LinePlot legend(Styler.LegendPosition position) {
        legend = position;
        return this;
    }

    public LinePlot logY(boolean v) {
        logY = v;
        return this;
    }

    private XYChart build() {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        Styler st = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (Series s : series) {
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            xy.setMarker(s.x().length > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            if (s.dashed()) {
                xy.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
            }
        }
        return chart;
    }

    /** Writes {@code base.png} and {@code base.svg}. */
    public void write(Path base) {
        XYChart chart = build();
        String name = base.getFileName().toString();
        Path png = base.resolveSibling(name + ".png");
        Path svg = base.resolveSibling(name + ".svg");
        AtomicFiles.write(png, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
        AtomicFiles.write(svg, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        });
    }
}
