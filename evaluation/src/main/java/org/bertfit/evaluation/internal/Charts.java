package org.bertfit.evaluation.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The HTML report's charts, drawn with JFreeChart and returned as PNG data URIs. */
public final class Charts {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /**
   * A heatmap of a confusion matrix normalised by true class (rows), cells labelled with counts;
   * the first class is at the top.
   */
  public static String confusionHeatmap(List<String> labels, long[][] counts, double[][] byTrue) {
    int k = labels.size();
    double[][] data = new double[3][k * k];
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        data[0][t * k + p] = p;
        data[1][t * k + p] = k - 1 - t;
        data[2][t * k + p] = byTrue[t][p];
      }
    }
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    dataset.addSeries("share of true class", data);
    String[] names = labels.toArray(String[]::new);
    String[] reversed = new String[k];
    for (int i = 0; i < k; i++) {
      reversed[i] = names[k - 1 - i];
    }
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(new BlueScale());
    XYPlot plot = new XYPlot(dataset, new SymbolAxis("predicted", names),
        new SymbolAxis("true", reversed), renderer);
    plot.setBackgroundPaint(Color.WHITE);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, k > 12 ? 9 : 12);
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        XYTextAnnotation a = new XYTextAnnotation(Long.toString(counts[t][p]), p, k - 1 - t);
        a.setFont(font);
        a.setPaint(byTrue[t][p] > 0.5 ? Color.WHITE : Color.BLACK);
        plot.addAnnotation(a);
      }
    }
    JFreeChart chart = new JFreeChart("Confusion matrix (colour: share of the true class)",
        JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    int size = Math.max(420, 60 + 40 * k);
    return png(chart, size + 80, size);
  }

  /** Grouped bars: one group per class, one bar per series (e.g. precision, recall, F1). */
  public static String groupedBars(String title, String valueAxis, List<String> classes,
      Map<String, double[]> series) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    series.forEach((name, values) -> {
      for (int i = 0; i < classes.size(); i++) {
        dataset.addValue(Double.isNaN(values[i]) ? 0 : values[i], name, classes.get(i));
      }
    });
    JFreeChart chart = ChartFactory.createBarChart(title, "class", valueAxis, dataset,
        PlotOrientation.VERTICAL, true, false, false);
    chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
    chart.getCategoryPlot().setRangeGridlinePaint(Color.GRAY);
    return png(chart, Math.max(640, 60 * classes.size()), 400);
  }

  /** Line chart of curves given as (x, y) points. */
  public static String lines(String title, String xAxis, Map<String, List<double[]>> curves) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    curves.forEach((name, points) -> {
      XYSeries s = new XYSeries(name);
      points.forEach(p -> s.add(p[0], p[1]));
      dataset.addSeries(s);
    });
    JFreeChart chart = ChartFactory.createXYLineChart(title, xAxis, "value", dataset,
        PlotOrientation.VERTICAL, true, false, false);
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().setRangeGridlinePaint(Color.GRAY);
    return png(chart, 720, 400);
  }

  private static String png(JFreeChart chart, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /** White at 0 to dark blue at 1. */
  private static final class BlueScale implements PaintScale {
    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public Paint getPaint(double value) {
      double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
      return new Color((int) (255 - 222 * v), (int) (255 - 180 * v), (int) (255 - 75 * v));
    }
  }
}
