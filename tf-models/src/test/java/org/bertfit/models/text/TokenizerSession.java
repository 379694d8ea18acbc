package org.bertfit.models.text;

import java.util.List;
import org.bertfit.models.export.TextTokenizerRunner;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;

/** A graph holding only the in-graph tokenizer, with its session: for tests. */
final class TokenizerSession implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Operand<TString> text;
  private final Operand<TString> pair;
  private final EncodedInputs inputs;
  private final Session session;

  TokenizerSession(String tokenizerJson, int maxLength) {
    Ops tf = Ops.create(graph);
    text = tf.placeholder(TString.class, Placeholder.shape(Shape.of(-1)));
    pair = tf.placeholder(TString.class, Placeholder.shape(Shape.of(-1)));
    GraphTokenizer tokenizer =
        GraphTokenizer.create(
            tf, WordPieceSpec.fromTokenizerJson(tokenizerJson).orElseThrow(), maxLength);
    inputs = tokenizer.encode(tf, text, pair);
    session = new Session(graph);
    session.run(tokenizer.tablesInitializer());
  }

  /** Ids, type ids and attention mask ({@code [batch, longest]}) of texts and optional pairs. */
  Result run(List<String> texts, List<String> pairs) {
    try (TString t = TextTokenizerRunner.strings(texts);
        TString p = TextTokenizerRunner.strings(pairs)) {
      return session
          .runner()
          .feed(text, t)
          .feed(pair, p)
          .fetch(inputs.inputIds())
          .fetch(inputs.tokenTypeIds())
          .fetch(inputs.attentionMask())
          .run();
    }
  }

  /** The ids of each row's real tokens. */
  static int[][] ids(Result result) {
    return TextTokenizerRunner.realTokens((TInt32) result.get(0), (TInt32) result.get(2));
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
