package org.bertfit.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.split.DatasetSplit;
import org.bertfit.datasets.split.SplitFiles;
import org.bertfit.datasets.split.SplitOptions;
import org.bertfit.datasets.split.Splitter;
import org.bertfit.models.files.AtomicWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit data split}: a seeded train/test split written as files of the input's format. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    versionProvider = BertfitCommand.Version.class,
    description = {
      "Split a labelled file in two, seeded (scikit-learn's train_test_split sizes: the test part"
          + " gets ceil((1 - ratio) * n) examples); with --stratify each part keeps the label"
          + " proportions. Each part is written in the input's format with the input's own lines.",
      "Example: bertfit data split --in ../shared/datasets/tweeteval/sentiment/val --ratio 0.9"
          + " --stratify --seed 42 --out-train split/train --out-test split/val"
    })
public final class DataSplitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "PATH",
      description = "A labelled file, or a TweetEval split by its prefix (…/sentiment/val)")
  Path in;

  @Mixin InputOptions input;

  @Option(names = "--ratio", required = true, paramLabel = "R",
      description = "The share of examples for training, in (0, 1)")
  BigDecimal ratio;

  @Option(names = "--stratify", description = "Keep each label's share in both parts")
  boolean stratify;

  @Option(names = "--seed", defaultValue = "42", description = "The seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out-train", required = true, paramLabel = "PATH",
      description = "The training part (a TweetEval prefix for TweetEval input)")
  Path outTrain;

  @Option(names = "--out-test", required = true, paramLabel = "PATH",
      description = "The test part (a TweetEval prefix for TweetEval input)")
  Path outTest;

  @Option(names = "--force", description = "Replace existing output files")
  boolean force;

  @Override
  public Integer call() {
    if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("--ratio must be in (0, 1), got " + ratio);
    }
    DataFormat format = input.format(in);
    Dataset data = DatasetReader.read(in, input.readOptions().toBuilder().format(format).build());
    // the test share as written (1 - 0.9 is 0.1 here, not 0.09999999999999998)
    double test = BigDecimal.ONE.subtract(ratio).doubleValue();
    DatasetSplit split = Splitter.split(data, new SplitOptions(0, test, seed, stratify));
    Map<Path, byte[]> files = SplitFiles.contents(
        in, format, data, List.of(split.train(), split.test()), List.of(outTrain, outTest));
    AtomicWrite.files(files, force);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: %,d examples -> train %,d, test %,d (%s, seed %d)%n", in, data.size(),
        split.train().size(), split.test().size(), stratify ? "stratified" : "random", seed);
    if (data.skipped().total() > 0) {
      out.printf("skipped rows (kept with the example before them): %s%n", data.skipped().summary());
    }
    files.keySet().forEach(p -> out.println("wrote " + p));
    out.flush();
    return 0;
  }
}
