package org.bertfit.evaluation.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bertfit.evaluation.Calibration;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The HTML report's charts, drawn with JFreeChart and returned as PNG data URIs. */
public final class Charts {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Curves with more points are thinned: a 720-pixel chart shows no more. */
  private static final int MAX_POINTS = 2000;

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

  /**
   * Curves on the unit square, one series per name (ROC, precision-recall), over the dashed
   * diagonal y = x when {@code diagonal}.
   */
  public static String unitCurves(String title, String xAxis, String yAxis,
      Map<String, List<double[]>> curves, boolean diagonal) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    curves.forEach((name, points) -> dataset.addSeries(series(name, points)));
    XYPlot plot = unitPlot(dataset, xAxis, yAxis, diagonal);
    return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), 720, 480);
  }

  /**
   * A reliability diagram: per series, the accuracy of each non-empty bin against its mean
   * confidence, over the diagonal of perfect calibration; below, the histogram of confidences
   * (all series' counts together, bars over the bins' edges).
   */
  public static String reliability(String title, Map<String, List<Calibration.Bin>> curves) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    Map<Double, double[]> histogram = new TreeMap<>();
    curves.forEach((name, bins) -> {
      dataset.addSeries(series(name, bins.stream()
          .map(b -> new double[] {b.meanConfidence(), b.accuracy()}).toList()));
      bins.forEach(b -> histogram.computeIfAbsent(b.lower(), l -> new double[] {b.upper(), 0})[1]
          += b.count());
    });
    XYPlot diagram = unitPlot(dataset, "mean confidence", "accuracy", true);
    ((XYLineAndShapeRenderer) diagram.getRenderer()).setDefaultShapesVisible(true);
    XYIntervalSeries counts = new XYIntervalSeries("examples");
    histogram.forEach((lower, upperCount) -> counts.add((lower + upperCount[0]) / 2, lower,
        upperCount[0], upperCount[1], 0, upperCount[1]));
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    bars.addSeries(counts);
    XYBarRenderer barRenderer = new XYBarRenderer();
    barRenderer.setBarPainter(new StandardXYBarPainter());
    barRenderer.setShadowVisible(false);
    barRenderer.setSeriesPaint(0, Color.GRAY);
    XYPlot histogramPlot = new XYPlot(bars, null, new NumberAxis("examples"), barRenderer);
    histogramPlot.setBackgroundPaint(Color.WHITE);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(diagram.getDomainAxis());
    plot.add(diagram, 3);
    plot.add(histogramPlot, 1);
    return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), 720, 600);
  }

  /**
   * A score against the decision threshold per series (F1 per label), each series' chosen
   * threshold drawn as a dot in its colour at {@code marks.get(name) = (threshold, score)}.
   */
  public static String thresholdCurves(String title, String yAxis,
      Map<String, List<double[]>> curves, Map<String, double[]> marks) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    curves.forEach((name, points) -> dataset.addSeries(series(name, points)));
    XYPlot plot = unitPlot(dataset, "threshold", yAxis, false);
    int index = 0;
    for (String name : curves.keySet()) {
      double[] mark = marks.get(name);
      Paint paint = plot.getRenderer().getItemPaint(index++, 0);
      if (mark != null) {
        double r = 0.008;
        plot.addAnnotation(new XYShapeAnnotation(
            new Ellipse2D.Double(mark[0] - r, mark[1] - 2 * r, 2 * r, 4 * r),
            new BasicStroke(1), Color.BLACK, paint));
      }
    }
    return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), 720, 480);
  }

  /** Both axes over [0, 1] (with a margin), lines without shapes, the optional diagonal. */
  private static XYPlot unitPlot(XYSeriesCollection dataset, String xAxis, String yAxis,
      boolean diagonal) {
    NumberAxis x = new NumberAxis(xAxis);
    NumberAxis y = new NumberAxis(yAxis);
    x.setRange(-0.01, 1.01);
    y.setRange(-0.01, 1.01);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDefaultStroke(new BasicStroke(2));
    renderer.setAutoPopulateSeriesStroke(false);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    if (diagonal) {
      plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, new BasicStroke(1,
          BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {4, 4}, 0), Color.GRAY));
    }
    return plot;
  }

  /** A series in the given order, thinned to about {@value #MAX_POINTS} points for drawing. */
  private static XYSeries series(String name, List<double[]> points) {
    XYSeries s = new XYSeries(name, false, true);
    int step = Math.max(1, points.size() / MAX_POINTS);
    for (int i = 0; i < points.size(); i += step) {
      s.add(points.get(i)[0], points.get(i)[1]);
    }
    double[] last = points.get(points.size() - 1);
    if ((points.size() - 1) % step != 0) {
      s.add(last[0], last[1]);
    }
    return s;
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
