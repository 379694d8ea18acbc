package org.bertfit.models.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ModelType;
import org.bertfit.models.bench.HfReference;
import org.bertfit.models.checkpoint.CheckpointNaming;
import org.bertfit.models.checkpoint.CheckpointVariable;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.PretrainedModel;
import org.bertfit.models.testing.ReferenceFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hub checkpoints of every architecture and head, made by the independent PyTorch reference, import
 * by rule and compute what the reference computes on padded batches.
 */
@Tag("integration")
class HubImportTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "bert, sequence, single_label_classification, SINGLE_LABEL, ''",
    "bert, sequence, multi_label_classification, MULTI_LABEL, ''",
    "bert, token, , TOKEN_CLASSIFICATION, 'bert/pooler/dense/kernel, bert/pooler/dense/bias'",
    "bert, none, , SINGLE_LABEL, 'classifier/kernel, classifier/bias'",
    "roberta, sequence, single_label_classification, SINGLE_LABEL, ''",
    "roberta, token, , TOKEN_CLASSIFICATION, ''",
    "roberta, none, , SINGLE_LABEL, 'classifier/dense/kernel, classifier/dense/bias, classifier/out_proj/kernel, classifier/out_proj/bias'",
    "distilbert, sequence, multi_label_classification, MULTI_LABEL, ''",
    "distilbert, token, , TOKEN_CLASSIFICATION, ''",
  })
  void importsByRuleAndMatchesTheReference(
      String arch, String head, String problemType, Task expected, String fresh) {
    HfReference reference = ReferenceFixture.reference();
    reference.make(dir, arch, head, problemType, 4);
    PretrainedModel pretrained = PretrainedModel.open(dir, null);
    BertConfig config = pretrained.config();
    assertThat(pretrained.kind()).isEqualTo(PretrainedModel.Kind.HUGGING_FACE);
    assertThat(config.modelType()).isEqualTo(ModelType.fromJsonName(arch));
    assertThat(config.problemType()).isEqualTo(expected);
    assertThat(config.labels()).hasSize(head.equals("none") ? 2 : 4);
    try (InferenceModel model = InferenceModel.create(config)) {
      ImportReport report = model.load(pretrained.checkpoint(), 1);
      assertThat(report.naming()).isEqualTo(CheckpointNaming.HUGGING_FACE);
      assertThat(report.prefix()).isEqualTo(HubNames.prefix(config.modelType()));
      assertThat(report.newlyInitialized())
          .containsExactlyInAnyOrderElementsOf(fresh.isEmpty() ? List.of() : List.of(fresh.split(", ")));
      assertThat(report.unused().stream().map(CheckpointVariable::name))
          .containsExactlyInAnyOrderElementsOf(
              arch.equals("roberta") && head.equals("none")
                  ? List.of("roberta.pooler.dense.weight", "roberta.pooler.dense.bias")
                  : List.of());
      assertThat(report.loaded()).hasSize(model.parameters().parameters().size() - report.newlyInitialized().size());

      EncodedBatch batch = batch(config.padTokenId());
      InferenceModel.Outputs ours = model.run(batch);
      HfReference.Forward theirs = reference.forward(dir, batch);
      assertThat(HfReference.maxAbsDiff(ours.sequence(), theirs.lastHiddenState())).isLessThan(1e-4);
      if (!head.equals("none")) {
        assertThat(HfReference.maxAbsDiff(ours.logits(), theirs.logits())).isLessThan(1e-4);
      }
      if (theirs.poolerOutput().length > 0 && config.modelType().hasPooler()) {
        assertThat(HfReference.maxAbsDiff(ours.pooled(), theirs.poolerOutput())).isLessThan(1e-4);
      }
    }
  }

  /** Rows of 9, 4 and 1 tokens: the padding and RoBERTa's position ids must be right. */
  static EncodedBatch batch(int padId) {
    int seq = 9;
    int[] lengths = {9, 4, 1};
    Random random = new Random(3);
    int[] ids = new int[lengths.length * seq];
    int[] mask = new int[ids.length];
    Arrays.fill(ids, padId);
    for (int r = 0; r < lengths.length; r++) {
      for (int t = 0; t < lengths[r]; t++) {
        ids[r * seq + t] = t == 0 ? 2 : 5 + random.nextInt(HfReference.VOCAB - 5);
        mask[r * seq + t] = 1;
      }
    }
    return new EncodedBatch(lengths.length, seq, ids, mask, new int[ids.length]);
  }
}
