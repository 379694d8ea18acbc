package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.bertfit.datasets.Dataset;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.training.Model;
import org.bertfit.training.TemperatureCalibration;

/** Fits temperatures on validation data, saves them in the model directory's config and prints the change. */
final class Calibrate {
  private Calibrate() {}

  static TemperatureCalibration run(
      Model model, Path modelDir, Dataset data, int maxLength, int batchSize, PrintWriter out)
      throws IOException {
    TemperatureCalibration fitted = TemperatureCalibration.fit(model, data, maxLength, batchSize);
    ModelDirectory dir = new ModelDirectory(modelDir);
    dir.replaceConfig(fitted.applyTo(dir.config()));
    out.printf(Locale.ROOT, "calibration on %s (%d examples): temperature%s %s%n", data.source(), data.size(),
        fitted.temperatures().size() == 1 ? "" : "s (per label)", fitted.temperatures());
    out.printf(Locale.ROOT, "  validation ECE   %.4f -> %.4f%n", fitted.before().ece(), fitted.after().ece());
    out.printf(Locale.ROOT, "  validation Brier %.4f -> %.4f%n", fitted.before().brier(), fitted.after().brier());
    return fitted;
  }
}
