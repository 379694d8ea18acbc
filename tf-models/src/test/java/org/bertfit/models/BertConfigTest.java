package org.bertfit.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bertfit.datasets.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BertConfigTest {
  /** bert-base-uncased's config.json from the Hugging Face hub, with a 3-label head added. */
  private static final String HF_CONFIG =
      """
      {
        "architectures": ["BertForMaskedLM"],
        "attention_probs_dropout_prob": 0.1,
        "gradient_checkpointing": false,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": 768,
        "initializer_range": 0.02,
        "intermediate_size": 3072,
        "layer_norm_eps": 1e-12,
        "max_position_embeddings": 512,
        "model_type": "bert",
        "num_attention_heads": 12,
        "num_hidden_layers": 12,
        "pad_token_id": 0,
        "position_embedding_type": "absolute",
        "transformers_version": "4.6.0.dev0",
        "type_vocab_size": 2,
        "use_cache": true,
        "vocab_size": 30522,
        "id2label": {"0": "negative", "1": "neutral", "2": "positive"},
        "label2id": {"negative": 0, "neutral": 1, "positive": 2}
      }
      """;

  @Test
  void readsHuggingFaceConfig() {
    BertConfig c = BertConfig.fromJson(HF_CONFIG, "config.json");
    assertThat(c.hiddenSize()).isEqualTo(768);
    assertThat(c.numHiddenLayers()).isEqualTo(12);
    assertThat(c.hiddenAct()).isEqualTo(HiddenActivation.GELU);
    assertThat(c.layerNormEps()).isEqualTo(1e-12);
    assertThat(c.labels()).containsExactly("negative", "neutral", "positive");
    assertThat(c.numLabels()).isEqualTo(3);
    assertThat(c.problemType()).isEqualTo(Task.SINGLE_LABEL);
    assertThat(c.classifierDropout()).isNull();
    assertThat(c.effectiveClassifierDropout()).isEqualTo(0.1);
    assertThat(c.headSize()).isEqualTo(64);
    assertThat(c.classifierPooling()).as("Hugging Face's heads read the pooler").isEqualTo(ClassifierPooling.POOLER);
  }

  @Test
  void writesWhatItReads() {
    BertConfig c =
        BertConfig.tiny().toBuilder()
            .labels(List.of("joy", "anger"))
            .problemType(Task.MULTI_LABEL)
            .classifierDropout(0.3)
            .hiddenAct(HiddenActivation.GELU_NEW)
            .classifierPooling(ClassifierPooling.MEAN)
            .build();
    String json = c.toJson();
    assertThat(json).contains("\"id2label\"", "\"label2id\"", "\"gelu_new\"", "\"multi_label_classification\"",
        "\"classifier_pooling\" : \"mean\"");
    assertThat(BertConfig.fromJson(json, "x")).isEqualTo(c);
  }

  @Test
  void calibrationTemperaturesRoundTripAndAreChecked() {
    BertConfig single = BertConfig.tiny().toBuilder().temperatures(List.of(1.7)).build();
    assertThat(single.toJson()).contains("\"temperature\" : 1.7");
    assertThat(BertConfig.fromJson(single.toJson(), "x")).isEqualTo(single);
    BertConfig multi =
        single.toBuilder().problemType(Task.MULTI_LABEL).temperatures(List.of(0.5, 2.0)).build();
    assertThat(BertConfig.fromJson(multi.toJson(), "x").temperatures()).containsExactly(0.5, 2.0);
    assertThat(BertConfig.tiny().toJson()).doesNotContain("temperature");
    assertThatThrownBy(() -> multi.toBuilder().temperatures(List.of(2.0)).build())
        .hasMessage("temperatures must hold 2 value(s) for multi_label_classification, got 1");
    assertThatThrownBy(() -> single.toBuilder().temperatures(List.of(0.0)).build())
        .hasMessage("temperature must be finite and > 0, got 0.0");
  }

  @Test
  void numLabelsWithoutNamesGivesHuggingFaceDefaults() {
    BertConfig c = BertConfig.fromJson("{\"num_labels\": 3, \"hidden_size\": 64, \"num_attention_heads\": 2}", "c");
    assertThat(c.labels()).containsExactly("LABEL_0", "LABEL_1", "LABEL_2");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"hidden_size\": 768, \"num_attention_heads\": 5} | c.json: num_attention_heads (5) must divide hidden_size (768)",
        "{\"num_labels\": 0} | c.json: num_labels must be at least 1, got 0",
        "{\"id2label\": {}} | c.json: num_labels must be at least 1, got 0",
        "{\"hidden_act\": \"swish\"} | c.json: hidden_act 'swish' is not supported; supported: gelu, gelu_new, relu",
        "{\"problem_type\": \"regression\"} | c.json: problem_type 'regression' is not supported; supported: single_label_classification, multi_label_classification, token_classification",
        "{\"hidden_dropout_prob\": 1.5} | c.json: hidden_dropout_prob must be in [0, 1), got 1.5",
        "{\"vocab_size\": -1} | c.json: vocab_size must be positive, got -1",
        "{\"hidden_size\": \"big\"} | c.json: hidden_size must be an integer, got \"big\"",
        "{\"position_embedding_type\": \"relative_key\"} | c.json: position_embedding_type 'relative_key' is not supported; supported: absolute",
        "{\"id2label\": {\"0\": \"a\", \"2\": \"b\"}} | c.json: id2label ids must be 0..1, got [0, 2]",
        "{\"id2label\": {\"0\": \"a\", \"1\": \"a\"}} | c.json: id2label must hold distinct non-empty names; 'a' is not",
        "{\"id2label\": {\"0\": \"a\", \"1\": \"b\"}, \"label2id\": {\"a\": 1}} | c.json: label2id maps 'a' to 1, but id2label gives id 0",
        "{\"id2label\": {\"0\": \"a\", \"1\": \"b\"}, \"num_labels\": 3} | c.json: num_labels (3) differs from the size of id2label (2)",
        "[1, 2] | c.json: not a JSON object",
        "{\"classifier_pooling\": \"max\"} | c.json: classifier_pooling 'max' is not supported; supported: pooler, cls, mean",
        "{\"problem_type\": \"token_classification\", \"classifier_pooling\": \"cls\"} | c.json: classifier_pooling (cls) is for text classification; a token classifier reads every position",
      })
  void invalidConfigsNameTheField(String json, String message) {
    assertThatThrownBy(() -> BertConfig.fromJson(json, "c.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void builderValidatesToo() {
    assertThatThrownBy(() -> BertConfig.builder().numAttentionHeads(7).build())
        .hasMessage("num_attention_heads (7) must divide hidden_size (768)");
    assertThatThrownBy(() -> BertConfig.builder().numLabels(0))
        .hasMessage("num_labels must be at least 1, got 0");
  }
}
