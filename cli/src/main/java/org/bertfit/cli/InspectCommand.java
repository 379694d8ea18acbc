package org.bertfit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.Checkpoint;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.models.io.SavedModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bertfit inspect PATH}: what a SavedModel or a bertfit model directory holds. */
@Command(
    name = "inspect",
    description = {
      "Show a SavedModel's tags, signatures, variables, parameters and op types (flagging ops that",
      "touch files or run code), without running it. Also reads bertfit model directories."
    })
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      description = "SavedModel directory, bertfit model directory, jar holding a zipped SavedModel, or Maven coordinates")
  String path;

  @Override
  public Integer call() {
    Path dir = PretrainedSource.defaults().resolve(path);
    var out = spec.commandLine().getOut();
    if (ModelDirectory.isModelDirectory(dir)) {
      ModelDirectory model = new ModelDirectory(dir);
      BertConfig config = model.config();
      Checkpoint checkpoint = model.checkpoint();
      out.printf("bertfit model: %s%n", dir);
      out.printf(
          "encoder: %d layers, hidden %d, %d heads, intermediate %d, %s, vocabulary %,d, %d positions%n",
          config.numHiddenLayers(), config.hiddenSize(), config.numAttentionHeads(),
          config.intermediateSize(), config.hiddenAct().jsonName(), config.vocabSize(),
          config.maxPositionEmbeddings());
      out.printf("head: %s, labels: %s%n", BertConfig.problemTypeName(config.problemType()), String.join(", ", config.labels()));
      out.printf(
          "variables: %,d  parameters: %,d%n",
          checkpoint.variables().size(), Checkpoint.parameterCount(checkpoint.variables().values()));
    } else {
      out.print(SavedModelInfo.read(dir).describe());
    }
    return 0;
  }
}
