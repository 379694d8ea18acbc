package org.bertfit.models.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bertfit.models.io.ModelDirectory;

/**
 * Exports a model directory to the next version of a base path: the child JVM the kill test kills.
 * With a third argument, the export reads that file (a named pipe nobody writes) after the graph
 * and the weights, which holds it there.
 */
public final class ExportMain {
  private ExportMain() {}

  public static void main(String[] args) {
    if (args.length > 2) {
      ServingExport.beforeAssets = () -> read(Path.of(args[2]));
    }
    ServingExport.export(
        new ModelDirectory(Path.of(args[0])), Path.of(args[1]), ExportOptions.nextVersion());
  }

  private static void read(Path file) {
    try {
      Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
