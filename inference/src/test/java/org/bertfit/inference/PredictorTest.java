package org.bertfit.inference;

import org.bertfit.models.testing.TinySavedModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.io.BadInputException;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.DatasetReader;
import org.bertfit.datasets.io.ExampleStream;
import org.bertfit.datasets.io.ReadOptions;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.export.ModelFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {
  private static final int MAX_LENGTH = 32;
  private static final ReadOptions TEXT = ReadOptions.builder().unlabelled().build();

  @TempDir static Path dir;
  static ModelFiles singleLabel;

  @BeforeAll
  static void model() {
    singleLabel =
        ModelFiles.open(
            PredictFixtures.model(
                dir.resolve("single"),
                Task.SINGLE_LABEL,
                List.of("neg", "neu", "pos"),
                7));
  }

  /** Reads {@code input} and predicts it with windows of 3 batches of 4 texts. */
  private static List<Prediction> predict(ModelFiles files, Path input) {
    List<Prediction> out = new ArrayList<>();
    try (Classifier classifier = Classifier.open(files, MAX_LENGTH);
        ExampleStream examples = DatasetReader.open(input, TEXT);
        PredictionStream predictions = new Predictor(classifier, 4, 3).predict(examples)) {
      predictions.forEachRemaining(out::add);
      assertThat(predictions.stats().texts()).isEqualTo(out.size());
      assertThat(predictions.stats().batches()).isEqualTo((out.size() + 3) / 4);
    }
    return out;
  }

  @Test
  void predictionsAreThoseOfOneGraphRunPerTextInInputOrder() {
    List<String> texts = TinySavedModels.texts(37, 1);
    Path input = PredictFixtures.write(dir.resolve("texts.txt"), texts);
    List<Prediction> predictions = predict(singleLabel, input);
    List<float[]> reference = PredictFixtures.reference(singleLabel, texts, MAX_LENGTH);

    assertThat(predictions).extracting(p -> p.example().text()).isEqualTo(texts);
    for (int i = 0; i < texts.size(); i++) {
      float[] expected = reference.get(i);
      float[] actual = predictions.get(i).probabilities();
      for (int c = 0; c < expected.length; c++) {
        assertThat(actual[c]).as("text %d label %d", i, c).isCloseTo(expected[c], within(1e-6f));
      }
      assertThat(predictions.get(i).labels()).containsExactly(argmax(expected));
    }
    assertThat(predictions.stream().map(p -> p.labels()[0]).distinct().count())
        .as("classes predicted")
        .isGreaterThan(1);
  }

  @Test
  void multiLabelPredictionsApplyTheSavedThresholds() throws Exception {
    List<String> labels = List.of("arts", "sales", "tech", "legal");
    ModelFiles untuned =
        ModelFiles.open(
            PredictFixtures.model(
                dir.resolve("multi"), Task.MULTI_LABEL, labels, 11));
    List<String> texts = TinySavedModels.texts(30, 2);
    List<float[]> reference = PredictFixtures.reference(untuned, texts, MAX_LENGTH);
    // thresholds half-way between two probabilities: far from every row's value
    double[] thresholds = new double[labels.size()];
    for (int c = 0; c < labels.size(); c++) {
      int label = c;
      double[] sorted = reference.stream().mapToDouble(p -> p[label]).sorted().toArray();
      thresholds[c] = (sorted[10 + c] + sorted[11 + c]) / 2;
    }
    Files.writeString(
        dir.resolve("multi/thresholds.json"), new Thresholds(labels, thresholds).toJson());
    ModelFiles tuned = ModelFiles.open(dir.resolve("multi"));
    assertThat(tuned.thresholds().values()).containsExactly(thresholds);
    assertThat(tuned.fingerprint()).isNotEqualTo(untuned.fingerprint());

    List<Prediction> predictions =
        predict(tuned, PredictFixtures.write(dir.resolve("multi.txt"), texts));
    for (int i = 0; i < texts.size(); i++) {
      float[] p = reference.get(i);
      int[] expected =
          IntStream.range(0, labels.size()).filter(c -> p[c] >= thresholds[c]).toArray();
      assertThat(predictions.get(i).labels()).as("text %d", i).containsExactly(expected);
    }
    assertThat(predictions).extracting(p -> p.labels().length).contains(1, 2, 3);
  }

  @Test
  void aBadRowStopsThePredictionsWithTheReadersMessage() throws Exception {
    Path input = dir.resolve("bad.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add(i == 25 ? "{\"text\": " : "{\"text\": \"good day " + i + "\"}");
    }
    Files.write(input, lines);
    List<Prediction> seen = new ArrayList<>();
    assertThatThrownBy(() -> seen.addAll(predict(singleLabel, input)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 26");
  }

  @Test
  void closingStopsTheTokenizingThreadEvenOnEndlessInput() {
    Iterator<Example> endless =
        new Iterator<>() {
          private long line;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Example next() {
            return Example.of("it was a good day", List.of(), ++line);
          }
        };
    try (Classifier classifier = Classifier.open(singleLabel, MAX_LENGTH)) {
      PredictionStream predictions = new Predictor(classifier, 8, 2).predict(endless);
      for (int i = 0; i < 100; i++) {
        predictions.next();
      }
      predictions.close();
      assertThat(Thread.getAllStackTraces().keySet())
          .noneMatch(t -> t.getName().equals("bertfit-tokenize"));
    }
  }

  /** bertfit export writes a SavedModel with config.json and tokenizer.json in assets/. */
  @Test
  void readsTheLatestVersionOfAnExportAsItsModelDirectory() {
    BertConfig config = TinySavedModels.CONFIG.toBuilder().labels(List.of("neg", "pos")).build();
    Path base = dir.resolve("saved_models/sentiment");
    for (int seed : new int[] {1, 2}) {
      ModelDirectory source =
          new ModelDirectory(TinySavedModels.modelDirectory(dir.resolve("v" + seed), config, seed));
      ServingExport.export(source, base, ExportOptions.nextVersion());
    }
    Path input = PredictFixtures.write(dir.resolve("export.txt"), TinySavedModels.texts(20, 4));
    List<Prediction> exported = predict(ModelFiles.open(base), input);
    List<Prediction> saved = predict(ModelFiles.open(dir.resolve("v2")), input);
    assertThat(exported).hasSize(20);
    for (int i = 0; i < saved.size(); i++) {
      assertThat(exported.get(i).probabilities()).isEqualTo(saved.get(i).probabilities());
    }
  }

  /**
   * A token classifier's prediction of a word is the argmax of its first sub-token in a run of the
   * sentence alone; the words past the 32-token cut get -1 and a row of zeros.
   */
  @Test
  void aTokenClassifierTagsEachWordByItsFirstSubToken() {
    List<String> tags = List.of("O", "B-PER", "I-PER");
    ModelFiles ner =
        ModelFiles.open(
            PredictFixtures.model(dir.resolve("ner"), Task.TOKEN_CLASSIFICATION, tags, 3));
    List<List<String>> sentences = new ArrayList<>();
    for (String text : TinySavedModels.texts(30, 9)) {
      List<String> words = new ArrayList<>(List.of(text.split(" ")));
      words.add(words.size() / 2, "zqx"); // z ##q ##x: a word of three sub-tokens
      sentences.add(words);
    }
    Path input = PredictFixtures.write(dir.resolve("ner.conll"), conllLines(sentences));
    ReadOptions read = ReadOptions.builder().unlabelled().format(DataFormat.CONLL).build();
    List<Prediction> predictions = new ArrayList<>();
    try (Classifier classifier = Classifier.open(ner, MAX_LENGTH);
        ExampleStream examples = DatasetReader.open(input, read);
        PredictionStream stream = new Predictor(classifier, 4, 3).predict(examples)) {
      stream.forEachRemaining(predictions::add);
      assertThat(stream.stats().truncated()).isPositive();
    }

    int cut = 0;
    for (int i = 0; i < sentences.size(); i++) {
      List<String> words = sentences.get(i);
      Prediction p = predictions.get(i);
      assertThat(p.example().words()).isEqualTo(words);
      PredictFixtures.Tokens reference = PredictFixtures.referenceTokens(ner, words, MAX_LENGTH);
      for (int w = 0; w < words.size(); w++) {
        int first = reference.firstToken(w);
        float[] actual = Arrays.copyOfRange(p.probabilities(), w * 3, w * 3 + 3);
        if (first < 0) {
          cut++;
          assertThat(p.labels()[w]).isEqualTo(-1);
          assertThat(actual).containsOnly(0f);
          continue;
        }
        float[] expected = Arrays.copyOfRange(reference.probabilities(), first * 3, first * 3 + 3);
        for (int c = 0; c < 3; c++) {
          assertThat(actual[c]).as("sentence %d word %d", i, w).isCloseTo(expected[c], within(1e-5f));
        }
        assertThat(p.labels()[w]).isEqualTo(argmax(expected));
      }
    }
    assertThat(cut).isPositive();
  }

  private static List<String> conllLines(List<List<String>> sentences) {
    List<String> lines = new ArrayList<>();
    for (List<String> words : sentences) {
      words.forEach(w -> lines.add(w + " O"));
      lines.add("");
    }
    return lines;
  }

  @Test
  void refusesALengthBeyondTheModelsPositions() {
    assertThatThrownBy(() -> Classifier.open(singleLabel, 65))
        .hasMessage("max length (65) must be in [2, 64], the model's max_position_embeddings");
  }

  private static int argmax(float[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      best = p[c] > p[best] ? c : best;
    }
    return best;
  }
}
