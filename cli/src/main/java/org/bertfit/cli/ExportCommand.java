package org.bertfit.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ExportOptions.DefaultSignature;
import org.bertfit.models.export.ExportedModel;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.io.HubExport;
import org.bertfit.models.io.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bertfit export}: a bertfit model directory as a SavedModel version for TF Serving, or in
 * the Hugging Face Hub's layout.
 */
@Command(
    name = "export",
    description = {
      "Export a bertfit model directory as a TensorFlow SavedModel in TF Serving's layout",
      "(BASE/VERSION/: saved_model.pb, variables/, assets/), written atomically. Signatures",
      "serving_default (logits, probabilities) and classify (labels, scores) take token ids;",
      "text and text_pair take raw strings and tokenize them in the graph (text classifiers with",
      "BERT's WordPiece tokenizer; token classification exports have none).",
      "--format huggingface writes the Hub's layout to --out instead: config.json,",
      "model.safetensors (PyTorch names) and tokenizer.json, for transformers' from_pretrained."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL_DIR",
      description =
          "bertfit model directory (config.json, variables/, tokenizer.json; thresholds.json for"
              + " multi-label)")
  Path model;

  @Option(
      names = "--out",
      paramLabel = "BASE",
      description = "Model base path to add a version to (default: saved_models/<model dir name>)")
  Path out;

  @Option(
      names = "--version",
      paramLabel = "N",
      description = "Version to write (default: the highest existing + 1, or 1)")
  Long version;

  @Option(names = "--force", description = "Replace version N (or the --format huggingface directory) if it exists")
  boolean force;

  /** What to write. */
  enum Format {
    saved_model,
    huggingface
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "saved_model (default: TF Serving) or huggingface (the Hub's layout in --out)")
  Format format = Format.saved_model;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      description =
          "Tokens per text the text signature keeps, [CLS] and [SEP] included (default: 128, or"
              + " the model's max_position_embeddings when fewer)")
  Integer maxLength;

  @Option(
      names = "--default-signature",
      paramLabel = "ids|text",
      defaultValue = "ids",
      converter = DefaultSignatureConverter.class,
      description =
          "What serving_default takes: ids (input_ids, attention_mask, token_type_ids) or text"
              + " (raw strings; the ids signature is then also named 'ids') (default: ${DEFAULT-VALUE})")
  DefaultSignature defaultSignature;

  /** Lower-case names for the enum. */
  static final class DefaultSignatureConverter implements ITypeConverter<DefaultSignature> {
    @Override
    public DefaultSignature convert(String value) {
      try {
        return DefaultSignature.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected ids or text, got '" + value + "'");
      }
    }
  }

  @Override
  public Integer call() {
    if (!ModelDirectory.isModelDirectory(model)) {
      throw new IllegalArgumentException(
          model + " is not a bertfit model directory (config.json + variables/variables.index)");
    }
    if (format == Format.huggingface) {
      return exportHuggingFace();
    }
    ExportOptions options =
        (version == null ? ExportOptions.nextVersion() : ExportOptions.version(version))
            .withForce(force)
            .withDefaultSignature(defaultSignature);
    if (maxLength != null) {
      options = options.withMaxLength(maxLength);
    }
    long start = System.nanoTime();
    ExportedModel exported = ServingExport.export(new ModelDirectory(model), base(), options);
    var stdout = spec.commandLine().getOut();
    stdout.printf(
        "wrote %s (version %d) in %.1f s%n",
        exported.dir(), exported.version(), (System.nanoTime() - start) / 1e9);
    stdout.print(exported.describe());
    stdout.printf(
        "serve: tensorflow_model_server --model_name=%s --model_base_path=%s"
            + " --rest_api_port=8501%n",
        base().toAbsolutePath().getFileName(), base().toAbsolutePath());
    return 0;
  }

  private int exportHuggingFace() {
    if (out == null) {
      throw new IllegalArgumentException("--format huggingface needs --out DIR");
    }
    if (version != null) {
      throw new IllegalArgumentException("--version is for SavedModel exports; --format huggingface writes --out itself");
    }
    long start = System.nanoTime();
    HubExport.write(new ModelDirectory(model), out, force);
    spec.commandLine().getOut().printf(
        "wrote %s (config.json, model.safetensors, tokenizer.json) in %.1f s%n",
        out, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** The model base path: {@code --out}, else {@code saved_models/<model dir name>} here. */
  Path base() {
    return out != null
        ? out
        : Path.of("saved_models")
            .resolve(model.toAbsolutePath().normalize().getFileName().toString());
  }
}
