package org.bertfit.models.export;

import java.nio.file.Path;
import org.bertfit.models.io.ModelDirectory;

/**
 * Exports a model directory to a base path, the next version or (third argument) that version,
 * replacing it: the child JVM the kill test kills.
 */
public final class ExportMain {
  private ExportMain() {}

  public static void main(String[] args) {
    ExportOptions options = args.length > 2
        ? ExportOptions.version(Long.parseLong(args[2])).withForce(true)
        : ExportOptions.nextVersion();
    ServingExport.export(new ModelDirectory(Path.of(args[0])), Path.of(args[1]), options);
  }
}
