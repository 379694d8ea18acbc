package org.bertfit.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckpointNamingTest {
  @ParameterizedTest
  @CsvSource({
    "module/bert/embeddings/word_embeddings, bert/embeddings/word_embeddings, false",
    "bert/encoder/layer_11/output/LayerNorm/gamma, bert/encoder/layer_11/output/LayerNorm/gamma, false",
    "tf_bert_for_sequence_classification/bert/embeddings/word_embeddings/weight:0, bert/embeddings/word_embeddings, false",
    "tf_bert_for_sequence_classification/bert/embeddings/position_embeddings/embeddings:0, bert/embeddings/position_embeddings, false",
    "tf_bert_model/bert/encoder/layer_._3/attention/self/query/kernel:0, bert/encoder/layer_3/attention/self/query/kernel, false",
    "tf_bert_for_token_classification/classifier/bias:0, classifier/bias, false",
    "classifier/kernel, classifier/kernel, false",
    "output_weights, classifier/kernel, true",
    "output_bias, classifier/bias, false",
  })
  void mapsToBertfitNames(String name, String target, boolean transposed) {
    assertThat(CheckpointNaming.target(name)).contains(new CheckpointNaming.Target(target, transposed));
  }

  @ParameterizedTest
  @CsvSource({
    "module/cls/predictions/output_bias",
    "cls/seq_relationship/output_weights",
    "global_step",
    "optimizer/iter",
  })
  void leavesOtherVariablesUnmapped(String name) {
    assertThat(CheckpointNaming.target(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "module/bert/embeddings/word_embeddings, GOOGLE_BERT",
    "bert/embeddings/word_embeddings, GOOGLE_BERT",
    "tf_bert_for_sequence_classification/bert/embeddings/word_embeddings/weight:0, HUGGING_FACE_TF",
  })
  void detectsTheScheme(String name, CheckpointNaming scheme) {
    assertThat(CheckpointNaming.detect(List.of(name, "classifier/kernel"))).isEqualTo(
        name.startsWith("bert/") ? CheckpointNaming.BERTFIT : scheme);
    assertThat(CheckpointNaming.detect(List.of(name))).isEqualTo(scheme);
  }
}
