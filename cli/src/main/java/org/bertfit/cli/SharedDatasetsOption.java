package org.bertfit.cli;

import java.nio.file.Path;
import org.bertfit.datasets.io.SharedDatasets;
import picocli.CommandLine.Option;

/** {@code --datasets DIR}: the shared datasets folder of the benchmarks that read real data. */
final class SharedDatasetsOption {
  @Option(
      names = "--datasets",
      paramLabel = "DIR",
      description = "The shared datasets folder (default: found as the tests find it)")
  Path datasets;

  /** The folder given, else the one {@link SharedDatasets#locate()} finds. */
  Path root() {
    if (datasets != null) {
      return datasets;
    }
    return SharedDatasets.locate()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the shared datasets were not found: "
                        + SharedDatasets.searched()
                        + "; or give --datasets DIR"));
  }
}
