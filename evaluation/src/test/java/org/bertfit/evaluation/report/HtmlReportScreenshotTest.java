package org.bertfit.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.bertfit.evaluation.ConfusionMatrix;
import org.bertfit.evaluation.ErrorAnalysis;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.MultiLabelConfusion;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.ThresholdTuner;
import org.bertfit.evaluation.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in headless Chromium and keeps the screenshots in target/screenshots: every
 * chart must be a PNG with coloured curves (checked in Java), decoded by Chromium (the page's
 * images, listed after load) and visible in the screenshot. The Chromium part is skipped (with a
 * message) where /usr/bin/chromium is missing.
 */
class HtmlReportScreenshotTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern IMAGE = Pattern.compile("<img alt=\"([^\"]*)\" src=\"data:image/png;base64,([^\"]*)\">");
  /** Lists, in the page's body, the alt texts of the images that Chromium decoded. */
  private static final String LIST_DECODED = "<script>window.addEventListener('load', () =>"
      + " document.body.setAttribute('data-decoded', [...document.images]"
      + ".filter(i => i.complete && i.naturalWidth > 0).map(i => i.alt).join('|')));</script>";

  @Test
  void chartsAreVisibleInChromium() throws Exception {
    Path dir = Path.of("target", "screenshots").toAbsolutePath();
    Files.createDirectories(dir);
    check(dir, "html-report", HtmlReport.format(sampleReport(), sampleLog(dir)),
        List.of("confusion matrix", "per-class scores", "class distribution", "ROC curves",
            "precision-recall curves", "reliability diagram", "training curves"));
  }

  @Test
  void multiLabelCurvesAreVisibleInChromium() throws Exception {
    Path dir = Path.of("target", "screenshots").toAbsolutePath();
    Files.createDirectories(dir);
    EvaluationReport report = multiLabelReport();
    assertThat(report.thresholds()).isNotNull();
    check(dir, "html-report-multilabel", HtmlReport.format(report, null),
        List.of("per-class scores", "class distribution", "ROC curves",
            "precision-recall curves", "reliability diagram", "F1 by threshold"));
  }

  @Test
  void reportWithoutScoresHasNoCurves() {
    ConfusionMatrix cm = new ConfusionMatrix(2);
    cm.update(new int[] {0, 1, 1}, new int[] {0, 1, 0});
    String html = HtmlReport.format(Evaluator.builder().build()
        .multiClass(LabelSet.of(List.of("no", "yes")), cm, null), null);
    assertThat(alts(html)).containsExactly("confusion matrix", "per-class scores",
        "class distribution");
  }

  private static void check(Path dir, String name, String page, List<String> expectedCharts)
      throws Exception {
    assertThat(page).doesNotContain("http");
    assertThat(alts(page)).containsExactlyElementsOf(expectedCharts);
    Matcher m = IMAGE.matcher(page);
    while (m.find()) {
      BufferedImage chart = ImageIO.read(new ByteArrayInputStream(
          Base64.getDecoder().decode(m.group(2))));
      assertThat(colourful(chart)).as(m.group(1) + ": coloured pixels").isGreaterThan(300);
    }
    Path html = dir.resolve(name + ".html");
    Files.writeString(html, page, StandardCharsets.UTF_8);
    if (!Files.isExecutable(CHROMIUM)) {
      System.out.println("HtmlReportScreenshotTest: skipped, " + CHROMIUM
          + " is not installed (apt-get install chromium)");
    }
    assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed: no screenshot");
    Path listing = dir.resolve(name + "-decoded.html");
    Files.writeString(listing, page.replace("</body>", LIST_DECODED + "</body>"),
        StandardCharsets.UTF_8);
    String dom = Files.readString(chromium(dir, name + "-dom", "--virtual-time-budget=5000",
        "--dump-dom", listing.toUri().toString()));
    assertThat(dom).as("charts Chromium decoded")
        .contains("data-decoded=\"" + String.join("|", expectedCharts) + "\"");
    Path png = dir.resolve(name + ".png");
    Files.deleteIfExists(png);
    chromium(dir, name, "--hide-scrollbars", "--window-size=1280,6000", "--screenshot=" + png,
        html.toUri().toString());
    assertThat(png).exists();
    // Charts are the only saturated colour on the page (text is grey, warnings pale pink).
    assertThat(colourful(ImageIO.read(png.toFile()))).as("saturated chart pixels in the screenshot")
        .isGreaterThan(20_000L * expectedCharts.size() / 3);
  }

  /** Runs Chromium headless on {@code args}; returns the file with its output. */
  private static Path chromium(Path dir, String name, String... args) throws Exception {
    Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path log = dir.resolve(name + ".log");
    Process p = new ProcessBuilder(command).redirectError(dir.resolve(name + ".err").toFile())
        .redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished in time").isTrue();
    return log;
  }

  private static List<String> alts(String page) {
    return IMAGE.matcher(page).results().map(r -> r.group(1)).toList();
  }

  private static long colourful(BufferedImage image) {
    long colourful = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        colourful += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 100 ? 1 : 0;
      }
    }
    return colourful;
  }

  /** 200 examples of 4 labels, probabilities leaning towards the truth, thresholds tuned on them. */
  private static EvaluationReport multiLabelReport() {
    LabelSet labels = LabelSet.of(List.of("anger", "fear", "joy", "love"));
    Random random = new Random(5);
    ScoreBuffer scores = ScoreBuffer.multiLabel(labels.size());
    List<int[]> truths = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int[] truth = new int[labels.size()];
      double[] row = new double[labels.size()];
      for (int c = 0; c < row.length; c++) {
        truth[c] = random.nextDouble() < 0.3 ? 1 : 0;
        row[c] = Math.min(1, Math.max(0, 0.3 + 0.35 * truth[c] + 0.2 * random.nextGaussian()));
      }
      scores.add(truth, row);
      truths.add(truth);
      rows.add(row);
    }
    Thresholds thresholds = new ThresholdTuner(0.5, 1).tune(scores, labels);
    MultiLabelConfusion counts = new MultiLabelConfusion(labels.size());
    for (int i = 0; i < rows.size(); i++) {
      int[] predicted = new int[labels.size()];
      for (int c = 0; c < predicted.length; c++) {
        predicted[c] = rows.get(i)[c] >= thresholds.values()[c] ? 1 : 0;
      }
      counts.update(truths.get(i), predicted);
    }
    return Evaluator.builder().build().multiLabel(labels, counts, scores)
        .withThresholds(thresholds);
  }

  private static EvaluationReport sampleReport() {
    LabelSet labels = LabelSet.of(List.of("anger", "fear", "joy", "love", "sadness", "surprise"));
    ConfusionMatrix cm = new ConfusionMatrix(labels.size());
    ScoreBuffer scores = ScoreBuffer.multiClass(labels.size());
    Random random = new Random(3);
    int[] yTrue = new int[300];
    double[][] probabilities = new double[300][];
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < yTrue.length; i++) {
      yTrue[i] = Math.min(5, (int) Math.abs(random.nextGaussian() * 2));
      double[] row = new double[labels.size()];
      double sum = 0;
      for (int c = 0; c < row.length; c++) {
        row[c] = random.nextDouble() + (c == yTrue[i] ? 0.6 : 0);
        sum += row[c];
      }
      int best = 0;
      for (int c = 0; c < row.length; c++) {
        row[c] /= sum;
        best = row[c] > row[best] ? c : best;
      }
      probabilities[i] = row;
      cm.update(yTrue[i], best);
      scores.add(yTrue[i], row);
      texts.add("tweet <" + i + "> & more");
    }
    return Evaluator.builder().build().multiClass(labels, cm, scores)
        .withErrors(ErrorAnalysis.of(texts, yTrue, probabilities, labels, 5));
  }

  private static TrainingLog sampleLog(Path dir) throws IOException {
    Path log = dir.resolve("training-log.jsonl");
    StringBuilder s = new StringBuilder();
    for (int step = 100; step <= 1000; step += 100) {
      s.append("{\"step\": ").append(step).append(", \"loss\": ").append(1.5 / Math.sqrt(step / 100.0))
          .append(", \"val_f1_macro\": ").append(0.3 + step / 2000.0).append("}\n");
    }
    Files.writeString(log, s.toString());
    return TrainingLog.read(log);
  }
}
