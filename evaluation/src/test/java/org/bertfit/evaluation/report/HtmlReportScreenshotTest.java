package org.bertfit.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.bertfit.evaluation.ConfusionMatrix;
import org.bertfit.evaluation.ErrorAnalysis;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.ScoreBuffer;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in headless Chromium and keeps the screenshot in
 * target/screenshots/html-report.png. Skipped (with a message) where /usr/bin/chromium is missing.
 */
class HtmlReportScreenshotTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void chartsAreVisibleInChromium() throws Exception {
    Path dir = Path.of("target", "screenshots").toAbsolutePath();
    Files.createDirectories(dir);
    Path html = dir.resolve("html-report.html");
    Files.writeString(html, HtmlReport.format(sampleReport(), sampleLog(dir)),
        StandardCharsets.UTF_8);
    assertThat(Files.readString(html)).contains("data:image/png;base64,").doesNotContain("http");
    if (!Files.isExecutable(CHROMIUM)) {
      System.out.println("HtmlReportScreenshotTest: skipped, " + CHROMIUM
          + " is not installed (apt-get install chromium)");
    }
    assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed: no screenshot");
    Path png = dir.resolve("html-report.png");
    Files.deleteIfExists(png);
    Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--hide-scrollbars",
        "--user-data-dir=" + profile, "--window-size=1280,2600",
        "--screenshot=" + png, html.toUri().toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("chromium.log").toFile())
        .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished in time").isTrue();
    assertThat(png).exists();
    BufferedImage shot = ImageIO.read(png.toFile());
    // Charts are the only saturated colour on the page (text is grey, warnings pale pink).
    long colourful = 0;
    for (int y = 0; y < shot.getHeight(); y++) {
      for (int x = 0; x < shot.getWidth(); x++) {
        int rgb = shot.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        colourful += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 100 ? 1 : 0;
      }
    }
    assertThat(colourful).as("saturated chart pixels in the screenshot").isGreaterThan(20_000);
  }

  private static EvaluationReport sampleReport() {
    LabelSet labels = LabelSet.of(List.of("anger", "fear", "joy", "love", "sadness", "surprise"));
    ConfusionMatrix cm = new ConfusionMatrix(labels.size());
    ScoreBuffer scores = ScoreBuffer.multiClass(labels.size());
    java.util.Random random = new java.util.Random(3);
    int[] yTrue = new int[300];
    double[][] probabilities = new double[300][];
    List<String> texts = new java.util.ArrayList<>();
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
