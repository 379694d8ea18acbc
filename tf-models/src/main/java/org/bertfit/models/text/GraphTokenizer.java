package org.bertfit.models.text;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.HashTable;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Hugging Face's BERT tokenizer (BertNormalizer, BertPreTokenizer, WordPiece, {@code [CLS]}/{@code
 * [SEP]} template, {@code longest_first} truncation) built from core TensorFlow ops only, so that a
 * SavedModel takes raw text on any stock TensorFlow runtime. The vocabulary is a hash table filled
 * by {@link #tablesInitializer()}, which must run once per session before the first lookup (an
 * export registers it as the SavedModel's main op).
 *
 * <pre>{@code
 * GraphTokenizer tokenizer = GraphTokenizer.create(tf, spec, 128);
 * EncodedInputs inputs = tokenizer.encode(tf, texts, pairs);
 * session.run(tokenizer.tablesInitializer());
 * }</pre>
 */
public final class GraphTokenizer {
  private final HashTable vocabulary;
  private final Op tablesInitializer;
  private final WordSplitter splitter;
  private final WordPieceMatcher matcher;
  private final SequencePacker packer;

  private GraphTokenizer(Ops tf, WordPieceSpec spec, int maxLength) {
    if (maxLength < 3) {
      throw new IllegalArgumentException("max length must be at least 3, got " + maxLength);
    }
    List<String> tokens = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int id = 0; id < spec.vocab().size(); id++) {
      if (spec.vocab().get(id) != null) {
        tokens.add(spec.vocab().get(id));
        ids.add((long) id);
      }
    }
    this.vocabulary = tf.withName("vocabulary").hashTable(TString.class, TInt64.class);
    this.tablesInitializer =
        tf.withName("vocabulary_import")
            .lookupTableImport(
                vocabulary,
                tf.constant(NdArrays.vectorOfObjects(tokens.toArray(new String[0]))),
                tf.constant(ids.stream().mapToLong(Long::longValue).toArray()));
    this.splitter = new WordSplitter(CodepointTable.of(spec));
    this.matcher = new WordPieceMatcher(spec);
    this.packer = new SequencePacker(spec, maxLength);
  }

  /**
   * Adds the vocabulary table to {@code tf}'s graph.
   *
   * @param maxLength the longest row, special tokens included
   */
  public static GraphTokenizer create(Ops tf, WordPieceSpec spec, int maxLength) {
    return new GraphTokenizer(tf, spec, maxLength);
  }

  /**
   * Tokenizes {@code texts} ({@code [batch]} strings, UTF-8), each with the same row of {@code
   * pairs} as second text when {@code pairs} is not empty.
   */
  public EncodedInputs encode(Ops tf, Operand<TString> texts, Operand<TString> pairs) {
    Operand<TInt32> batch = tf.size(texts);
    WordSplitter.Words words = splitter.split(tf, tf.concat(List.of(texts, pairs), tf.constant(0)));
    WordPieceMatcher.Pieces pieces = matcher.match(tf, vocabulary, words.words());
    Operand<TInt32> perText =
        tf.math.unsortedSegmentSum(
            pieces.piecesPerWord(),
            words.textOfWord(),
            tf.math.add(batch, tf.size(pairs)));
    return packer.pack(tf, pieces.ids(), perText, batch);
  }

  /** Fills the vocabulary table: run it once in every session before {@link #encode}'s ops. */
  public Op tablesInitializer() {
    return tablesInitializer;
  }
}
