import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * A client with nothing but TensorFlow Java on its class path, run as a single source file: loads
 * a SavedModel, calls its "text" signature with raw strings one by one, then all in one batch, and
 * writes one line per call and text: the probabilities, then the label string.
 *
 * <p>Arguments: the SavedModel directory, a file of Base64 UTF-8 texts (one a line), the output.
 */
public final class TextSignatureClient {
  public static void main(String[] args) throws Exception {
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      texts.add(new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8));
    }
    List<String> out = new ArrayList<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(args[0], "serve")) {
      for (String text : texts) {
        call(bundle, List.of(text), out);
      }
      call(bundle, texts, out);
    }
    Files.write(Path.of(args[2]), out);
  }

  private static void call(SavedModelBundle bundle, List<String> texts, List<String> out) {
    NdArray<String> array = NdArrays.ofObjects(String.class, Shape.of(texts.size()));
    for (int i = 0; i < texts.size(); i++) {
      array.setObject(texts.get(i), i);
    }
    try (TString input = TString.tensorOf(array);
        Result result = bundle.function("text").call(Map.<String, Tensor>of("text", input))) {
      TFloat32 probabilities = (TFloat32) result.get("probabilities").orElseThrow();
      TString labels = (TString) result.get("labels").orElseThrow();
      for (int row = 0; row < texts.size(); row++) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < probabilities.shape().get(1); j++) {
          line.append(j == 0 ? "" : " ").append(probabilities.getFloat(row, j));
        }
        out.add(line.append('\t').append(labels.getObject(row)).toString());
      }
    }
  }
}
