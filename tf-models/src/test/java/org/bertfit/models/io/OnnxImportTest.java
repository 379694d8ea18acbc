package org.bertfit.models.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.bertfit.models.BertConfig;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.graph.InferenceModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tiny graphs PyTorch exported, imported through their Hugging Face directory and compared with
 * ONNX Runtime running the graph: the path of {@code import --from x.onnx --verify}.
 */
class OnnxImportTest {
  /** 40 tokens, as the fixtures' vocabulary size: the special tokens, then words. */
  private static final List<String> VOCAB = vocab();

  private static List<String> vocab() {
    List<String> tokens = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
    for (String w : ("the a of to and in is it was that he she they we you for on with as at by from"
        + " this be or not are but have had his her an one all").split(" ")) {
      tokens.add(w);
    }
    return tokens;
  }

  private static final List<String> SENTENCES =
      List.of(
          "the",
          "it was the one",
          "he and she had all of it; they have not",
          "we are at the one of all that he was with, and that she was by, and this is not the one that"
              + " they had from you or we");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"tiny-bert-gelu, true", "tiny-bert-gelu-new, false"})
  void importedGraphMatchesOnnxRuntime(String fixture, boolean pooler, @TempDir Path dir) throws Exception {
    assertThat(VOCAB).hasSize(40);
    Path hub = importable(fixture, dir);
    PretrainedModel pretrained = PretrainedModel.open(hub, BertConfig.builder().numLabels(3).build());
    try (InferenceModel model = InferenceModel.create(pretrained.config());
        ReferenceModel reference = ReferenceModel.open(hub);
        BertTokenizer tokenizer = BertTokenizer.fromJson(pretrained.tokenizerJson(), 24)) {
      ImportReport report = model.load(pretrained.checkpoint(), 7);
      List<String> fresh = new ArrayList<>(List.of("classifier/kernel", "classifier/bias"));
      if (!pooler) {
        fresh.addAll(0, List.of("bert/pooler/dense/kernel", "bert/pooler/dense/bias"));
      }
      assertThat(report.newlyInitialized()).containsExactlyInAnyOrderElementsOf(fresh);
      ImportVerifier.Result result = ImportVerifier.verify(model, reference, tokenizer, SENTENCES);
      assertThat(result.sequenceMaxAbsDiff()).isLessThan(1e-5);
      assertThat(result.pooledMaxAbsDiff().isPresent()).isEqualTo(pooler);
      assertThat(result.pooledMaxAbsDiff().orElse(0)).isLessThan(1e-5);
      assertThat(result.passed()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"tiny-bert-gelu, 2", "tiny-bert-gelu-new, 4"})
  void theVerifierCatchesAWrongHeadCount(String fixture, int wrongHeads, @TempDir Path dir) throws Exception {
    PretrainedModel pretrained = PretrainedModel.open(importable(fixture, dir), BertConfig.builder().build());
    BertConfig wrong = pretrained.config().toBuilder().numAttentionHeads(wrongHeads).build();
    try (InferenceModel model = InferenceModel.create(wrong);
        ReferenceModel reference = ReferenceModel.open(pretrained.dir());
        BertTokenizer tokenizer = BertTokenizer.fromJson(pretrained.tokenizerJson(), 24)) {
      model.load(pretrained.checkpoint(), 7);
      ImportVerifier.Result result = ImportVerifier.verify(model, reference, tokenizer, SENTENCES);
      assertThat(result.sequenceMaxAbsDiff()).isGreaterThan(1e-4);
      assertThat(result.passed()).isFalse();
    }
  }

  /** The fixture's .onnx beside a tokenizer.json, resolved into a Hub directory. */
  private static Path importable(String fixture, Path dir) throws Exception {
    Path onnx = Files.copy(OnnxReferenceModelTest.fixture(fixture + ".onnx"), dir.resolve(fixture + ".onnx"));
    Files.writeString(dir.resolve("tokenizer.json"), TokenizerJson.forVocab(VOCAB, true, "test vocabulary"));
    return new PretrainedSource(dir.resolve("cache"), dir.resolve("repo")).resolve(onnx.toString());
  }
}
