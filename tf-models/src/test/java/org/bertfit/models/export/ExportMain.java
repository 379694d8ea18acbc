package org.bertfit.models.export;

import java.nio.file.Path;
import org.bertfit.models.io.ModelDirectory;

/**
 * Exports a model directory to the next version of a base path: the child JVM the kill test kills.
 */
public final class ExportMain {
  private ExportMain() {}

  public static void main(String[] args) {
    ServingExport.export(
        new ModelDirectory(Path.of(args[0])), Path.of(args[1]), ExportOptions.nextVersion());
  }
}
