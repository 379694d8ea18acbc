package org.bertfit.inference;

import org.bertfit.models.testing.TinySavedModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.TokenizerJson;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.models.BertConfig;
import org.bertfit.models.export.ExportOptions;
import org.bertfit.models.export.ServingExport;
import org.bertfit.models.graph.InferenceModel;
import org.bertfit.models.io.ModelDirectory;
import org.bertfit.models.export.ModelFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

/**
 * The "done when": in a fresh JVM whose class path holds TensorFlow Java and nothing of
 * bertfit, {@code SavedModelBundle.load(dir, "serve")} calls the export's {@code text} signature
 * with raw strings, one by one and as one batch of mixed lengths, and gets the probabilities and
 * labels {@code bertfit predict} computes (DJL tokenizer, bertfit's graph) on the same texts.
 */
class TextSignatureParityTest {
  private static final double TOLERANCE = 1e-5;
  private static final List<String> TEXTS =
      List.of(
          "I feel wonderful today!",
          "",
          "naïve CAFÉ résumé, Ångström; ÉCOLE",
          "日本語のテキスト 中文 한국어 😀🥰 «quotes» “curly” ¿qué?",
          "tab\there\nnew line\u00A0nbsp \u200Bzero width unaffable qwxzvbnm",
          "x".repeat(120) + " then words",
          "a much longer text that goes on and on, ".repeat(12));

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Task.class, mode = Mode.EXCLUDE, names = "TOKEN_CLASSIFICATION")
  void plainTensorFlowGetsPredictProbabilities(Task type) throws Exception {
    Path model = model(type);
    Path export =
        ServingExport.export(
                new ModelDirectory(model), dir.resolve("served"), ExportOptions.nextVersion())
            .dir();

    List<String> lines = runClient(export);

    ModelFiles files = ModelFiles.open(model);
    int maxLength = files.config().maxPositionEmbeddings();
    int labels = files.labels().size();
    assertThat(lines).hasSize(2 * TEXTS.size());
    try (Classifier classifier = Classifier.open(files, maxLength)) {
      // What bertfit predict does: DJL's tokenizer, one padded batch through bertfit's graph.
      int longest =
          classifier.tokenizer().encodeAll(TEXTS).stream().mapToInt(t -> t.length()).max().orElseThrow();
      float[] expected =
          classifier.probabilities(classifier.tokenizer().encodeBatch(TEXTS, longest));
    for (int call = 0; call < 2; call++) {
      for (int i = 0; i < TEXTS.size(); i++) {
        String[] line = lines.get(call * TEXTS.size() + i).split("\t", -1);
        float[] got = parse(line[0]);
        assertThat(got)
            .as("text %d, call %d: %s", i, call, TEXTS.get(i))
            .containsExactly(
                Arrays.copyOfRange(expected, i * labels, (i + 1) * labels),
                within((float) TOLERANCE));
        assertThat(line[1])
            .isEqualTo(names(classifier.decoder().decide(expected, i * labels), files.labels()));
      }
    }
    }
  }

  /** A tiny random classifier over the real BERT-base uncased vocabulary. */
  private Path model(Task type) throws IOException {
    String tokenizer = TokenizerJson.bertBaseUncased();
    BertConfig config =
        TinySavedModels.CONFIG.toBuilder()
            .vocabSize(30522)
            .problemType(type)
            .labels(List.of("anger", "joy", "sadness"))
            .build();
    Path dir = this.dir.resolve("model");
    try (InferenceModel model = InferenceModel.create(config).initialize(7)) {
      ModelDirectory.write(dir, model, null, tokenizer, false);
    }
    if (type == Task.MULTI_LABEL) {
      Thresholds thresholds =
          new Thresholds(List.of("anger", "joy", "sadness"), new double[] {0.45, 0.5, 0.55});
      Files.writeString(dir.resolve(ServingExport.THRESHOLDS), thresholds.toJson());
    }
    return dir;
  }

  /** Runs the client source file with TensorFlow Java's jars only. */
  private List<String> runClient(Path export) throws Exception {
    Path texts = dir.resolve("texts.b64");
    Files.write(
        texts,
        TEXTS.stream()
            .map(t -> Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8)))
            .toList());
    Path source = dir.resolve("TextSignatureClient.java");
    try (InputStream in = getClass().getResourceAsStream("TextSignatureClient.java")) {
      Files.copy(in, source);
    }
    String classPath =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(TextSignatureParityTest::tensorFlowJar)
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).doesNotContain("bertfit").contains("tensorflow-core-api");
    Path out = dir.resolve("out.txt");
    Path log = dir.resolve("client.log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                source.toString(),
                export.toString(),
                texts.toString(),
                out.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("client finished").isTrue();
      assertThat(child.exitValue()).as(Files.readString(log)).isZero();
    } finally {
      child.destroyForcibly();
    }
    return Files.readAllLines(out);
  }

  private static boolean tensorFlowJar(String entry) {
    String name = Path.of(entry).getFileName().toString();
    return name.endsWith(".jar")
        && Stream.of("tensorflow-core-", "ndarray-", "javacpp-", "protobuf-java-")
            .anyMatch(name::startsWith);
  }

  private static float[] parse(String line) {
    String[] parts = line.split(" ");
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Float.parseFloat(parts[i]);
    }
    return out;
  }

  private static String names(int[] decided, List<String> labels) {
    return IntStream.of(decided).mapToObj(labels::get).collect(Collectors.joining(","));
  }
}
