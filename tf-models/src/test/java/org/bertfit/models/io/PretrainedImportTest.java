package org.bertfit.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.models.BertConfig;
import org.bertfit.models.HiddenActivation;
import org.bertfit.models.checkpoint.CheckpointNaming;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.testing.TinySavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import from a SavedModel shaped like TF-Hub BERT, with a tiny encoder, end to end. */
class PretrainedImportTest {
  static final BertConfig TINY = TinySavedModels.CONFIG;

  @TempDir static Path dir;
  static Path savedModel;
  static Path vocab;

  @BeforeAll
  static void export() {
    vocab = TinySavedModels.writeVocab(dir.resolve("vocab.txt"));
    savedModel = TinySavedModels.export(dir.resolve("tiny-bert"), TINY, 5, vocab, false);
  }

  @Test
  void infersTheConfigFromTheCheckpointAndGraph() {
    PretrainedModel pretrained = PretrainedModel.open(savedModel, BertConfig.builder().numLabels(4).build());
    BertConfig config = pretrained.config();
    assertThat(config.toBuilder().numLabels(2).build())
        .isEqualTo(TINY.toBuilder().initializerRange(BertConfig.base().initializerRange()).build());
    assertThat(config.numLabels()).isEqualTo(4);
    assertThat(config.hiddenAct()).isEqualTo(HiddenActivation.GELU); // the graph has an Erf op
    assertThat(pretrained.kind()).isEqualTo(PretrainedModel.Kind.SAVED_MODEL);
    assertThat(pretrained.vocab()).isEqualTo(savedModel.resolve("assets/vocab.txt"));
  }

  @Test
  void importedModelMatchesTheSavedModelsSignature() {
    PretrainedModel pretrained = PretrainedModel.open(savedModel, BertConfig.base());
    try (InferenceModel model = InferenceModel.create(pretrained.config());
        ReferenceSavedModel reference = ReferenceSavedModel.load(savedModel);
        BertTokenizer tokenizer = BertTokenizer.fromVocab(pretrained.vocab(), true, 64)) {
      ImportReport report = model.load(pretrained.checkpoint(), 1);
      assertThat(report.naming()).isEqualTo(CheckpointNaming.BERTFIT);
      assertThat(reference.seqLength()).isEqualTo(-1);
      ImportVerifier.Result result =
          ImportVerifier.verify(model, reference, tokenizer, ImportVerifier.defaultSentences());
      assertThat(result.passed()).isTrue();
      assertThat(result.pooledMaxAbsDiff().orElseThrow()).isLessThan(1e-6);
      assertThat(result.sequenceMaxAbsDiff()).isLessThan(1e-6);
      assertThat(result.line()).startsWith("verify: pooled_output max_abs_diff=");
    }
  }

  @Test
  void verifierCatchesAModelThatDiffers() {
    PretrainedModel pretrained = PretrainedModel.open(savedModel, BertConfig.base());
    BertConfig wrongActivation = pretrained.config().toBuilder().hiddenAct(HiddenActivation.GELU_NEW).build();
    try (InferenceModel model = InferenceModel.create(wrongActivation);
        ReferenceSavedModel reference = ReferenceSavedModel.load(savedModel);
        BertTokenizer tokenizer = BertTokenizer.fromVocab(pretrained.vocab(), true, 64)) {
      model.load(pretrained.checkpoint(), 1);
      ImportVerifier.Result result =
          ImportVerifier.verify(model, reference, tokenizer, ImportVerifier.defaultSentences());
      assertThat(result.passed()).isFalse();
      assertThat(result.sequenceMaxAbsDiff()).isGreaterThan(1e-4);
    }
  }

  @Test
  void modelDirectoryRoundTripAndAtomicReplace(@TempDir Path out) throws IOException {
    PretrainedModel pretrained = PretrainedModel.open(savedModel, BertConfig.builder().labels(List.of("no", "yes")).build());
    Path target = out.resolve("model");
    float[] logits;
    try (InferenceModel model = InferenceModel.create(pretrained.config())) {
      model.load(pretrained.checkpoint(), 3);
      logits = model.run(org.bertfit.models.graph.TinyBert.batch(1, 6, 6, 3)).logits();
      ModelDirectory.write(target, model, pretrained.vocab(), pretrained.tokenizerJson(), false);
      assertThatThrownBy(() -> ModelDirectory.write(target, model, null, "{}", false))
          .hasMessageContaining(target + " exists (use --force to replace it)");
    }
    assertThat(ModelDirectory.isModelDirectory(target)).isTrue();
    try (var files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("config.json", "tokenizer.json", "vocab.txt", "variables");
    }
    try (var siblings = Files.list(out)) {
      assertThat(siblings).containsExactly(target); // no temporary directory left behind
    }
    // A bertfit model directory imports like any other source, and gives the same outputs.
    PretrainedModel reread = PretrainedModel.open(target, BertConfig.builder().labels(List.of("no", "yes")).build());
    assertThat(reread.kind()).isEqualTo(PretrainedModel.Kind.BERTFIT_MODEL);
    assertThat(reread.config()).isEqualTo(pretrained.config());
    try (InferenceModel model = InferenceModel.create(reread.config())) {
      ImportReport report = model.load(reread.checkpoint(), 9);
      assertThat(report.newlyInitialized()).isEmpty();
      assertThat(model.run(org.bertfit.models.graph.TinyBert.batch(1, 6, 6, 3)).logits()).containsExactly(logits);
    }
  }

  @Test
  void inspectsTheSavedModel() {
    SavedModelInfo info = SavedModelInfo.read(savedModel);
    assertThat(info.metaGraphs()).hasSize(1);
    assertThat(info.metaGraphs().get(0).tags()).containsExactly("serve");
    SavedModelInfo.SignatureInfo sig = info.metaGraphs().get(0).signatures().get("serving_default");
    assertThat(sig.methodName()).isEqualTo("tensorflow/serving/predict");
    assertThat(sig.inputs()).extracting(SavedModelInfo.TensorSpec::key)
        .containsExactly("input_ids", "input_mask", "segment_ids");
    assertThat(sig.inputs().get(0).dtype()).isEqualTo("DT_INT32");
    assertThat(sig.inputs().get(0).shape()).containsExactly(-1, -1);
    assertThat(sig.outputs()).extracting(SavedModelInfo.TensorSpec::key)
        .containsExactly("pooled_output", "sequence_output");
    int h = 128;
    int i = 256;
    long perLayer = 4L * (h * h + h) + 2 * 2 * h + (h * i + i) + (i * h + h);
    long expected = 120L * h + 64L * h + 2L * h + 2 * h + 2 * perLayer + (h * h + h) + (2L * h + 2);
    assertThat(info.variables()).hasSize(5 + 2 * 16 + 2 + 2);
    assertThat(info.parameterCount()).isEqualTo(expected);
    assertThat(info.opTypes()).contains("MatMul", "Erf", "BatchMatMulV2", "AddV2", "VariableV2");
    assertThat(info.flaggedOps()).isEmpty();
    assertThat(info.describe()).contains("variables: 41  parameters: " + String.format("%,d", expected));
  }

  @Test
  void flagsOpsThatTouchFiles(@TempDir Path out) {
    Path risky = TinySavedModels.export(out.resolve("risky"), TINY, 5, vocab, true);
    SavedModelInfo info = SavedModelInfo.read(risky);
    assertThat(info.flaggedOps()).containsEntry("ReadFile", "reads files");
    assertThat(info.describe()).contains("flagged ops: ReadFile (reads files)");
  }

  @Test
  void notASavedModel(@TempDir Path empty) {
    assertThatThrownBy(() -> PretrainedModel.open(empty, BertConfig.base()))
        .hasMessage(empty + " is neither a TensorFlow SavedModel (no saved_model.pb), a Hugging Face"
            + " directory (config.json + model.safetensors) nor a bertfit model directory (config.json"
            + " + variables/)");
  }
}
