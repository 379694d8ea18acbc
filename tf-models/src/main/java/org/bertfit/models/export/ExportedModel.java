package org.bertfit.models.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bertfit.models.io.SavedModelInfo;

/**
 * A model written in TF Serving's layout.
 *
 * @param dir the version directory ({@code BASE/VERSION})
 * @param version its number
 * @param info what its {@code saved_model.pb} declares, read back from disk
 */
public record ExportedModel(Path dir, long version, SavedModelInfo info) {

  static ExportedModel read(Path dir) {
    return new ExportedModel(
        dir, Long.parseLong(dir.getFileName().toString()), SavedModelInfo.read(dir));
  }

  /** Signatures (inputs and outputs with dtypes and shapes) and assets, for people. */
  public String describe() {
    try (Stream<Path> assets = Files.list(dir.resolve(ServingExport.ASSETS))) {
      return info.describeSignatures()
          + "assets: "
          + assets.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "))
          + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir.resolve(ServingExport.ASSETS), e);
    }
  }
}
