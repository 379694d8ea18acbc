package org.bertfit.models.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bertfit.models.io.ModelDirectory;

/**
 * Exports a model directory to a base path: the child JVM the kill tests kill. Arguments: the model
 * directory, the base path, optionally a file the export reads after writing the graph and the
 * weights (a named pipe nobody writes, which holds it there), and optionally a version to replace
 * (else the next version).
 */
public final class ExportMain {
  private ExportMain() {}

  public static void main(String[] args) {
    if (args.length > 2) {
      ServingExport.beforeAssets = () -> read(Path.of(args[2]));
    }
    ExportOptions options = args.length > 3
        ? ExportOptions.version(Long.parseLong(args[3])).withForce(true)
        : ExportOptions.nextVersion();
    ServingExport.export(new ModelDirectory(Path.of(args[0])), Path.of(args[1]), options);
  }

  private static void read(Path file) {
    try {
      Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
