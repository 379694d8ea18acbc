package org.bertfit.models.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.bertfit.datasets.Task;
import org.bertfit.models.BertConfig;
import org.bertfit.models.ModelType;
import org.bertfit.models.checkpoint.CheckpointNaming.Target;
import org.bertfit.models.graph.BertClassifier;
import org.bertfit.models.graph.Parameter;
import org.bertfit.models.graph.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;

class HubNamesTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "bert, bert.encoder.layer.1.attention.self.query.weight, bert/encoder/layer_1/attention/self/query/kernel, true",
    "bert, encoder.layer.0.output.LayerNorm.gamma, bert/encoder/layer_0/output/LayerNorm/gamma, false",
    "bert, bert.embeddings.LayerNorm.bias, bert/embeddings/LayerNorm/beta, false",
    "bert, bert.embeddings.token_type_embeddings.weight, bert/embeddings/token_type_embeddings, false",
    "bert, bert.pooler.dense.bias, bert/pooler/dense/bias, false",
    "bert, classifier.weight, classifier/kernel, true",
    "roberta, roberta.encoder.layer.11.intermediate.dense.weight, bert/encoder/layer_11/intermediate/dense/kernel, true",
    "roberta, classifier.out_proj.weight, classifier/out_proj/kernel, true",
    "roberta, classifier.dense.bias, classifier/dense/bias, false",
    "distilbert, distilbert.transformer.layer.3.attention.out_lin.weight, bert/encoder/layer_3/attention/output/dense/kernel, true",
    "distilbert, distilbert.transformer.layer.0.sa_layer_norm.weight, bert/encoder/layer_0/attention/output/LayerNorm/gamma, false",
    "distilbert, transformer.layer.5.ffn.lin2.bias, bert/encoder/layer_5/output/dense/bias, false",
    "distilbert, pre_classifier.weight, pre_classifier/kernel, true",
  })
  void pytorchNamesMapByRule(String type, String hub, String bertfit, boolean transposed) {
    assertThat(HubNames.toBertfit(hub, ModelType.fromJsonName(type)))
        .contains(new Target(bertfit, transposed));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bert, bert.embeddings.position_ids",
    "bert, cls.predictions.transform.dense.weight",
    "bert, roberta.classifier.weight",
    "distilbert, distilbert.encoder.layer.0.attention.self.query.weight",
    "bert, bert.transformer.layer.0.ffn.lin1.weight",
  })
  void otherNamesMapToNothing(String type, String hub) {
    assertThat(HubNames.toBertfit(hub, ModelType.fromJsonName(type))).isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "BERT, SINGLE_LABEL", "BERT, TOKEN_CLASSIFICATION",
    "ROBERTA, MULTI_LABEL", "ROBERTA, TOKEN_CLASSIFICATION",
    "XLM_ROBERTA, SINGLE_LABEL",
    "DISTILBERT, SINGLE_LABEL", "DISTILBERT, TOKEN_CLASSIFICATION",
  })
  void everyParameterHasAHubNameThatMapsBack(ModelType type, Task problem) {
    BertConfig config =
        BertConfig.tiny().toBuilder().modelType(type).problemType(problem).numHiddenLayers(2).build();
    try (Graph graph = new Graph()) {
      ParameterStore store = new ParameterStore(graph);
      BertClassifier.create(store, config);
      for (Parameter p : store.parameters()) {
        Target hub = HubNames.toHub(p.name(), type);
        assertThat(hub.transposed()).as(p.name()).isEqualTo(p.name().endsWith("/kernel"));
        assertThat(HubNames.toBertfit(hub.name(), type)).as(hub.name()).contains(new Target(p.name(), hub.transposed()));
        assertThat(hub.name().startsWith(HubNames.prefix(type))).as(hub.name()).isEqualTo(p.inEncoder());
      }
    }
  }
}
