package org.bertfit.models.text;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.op.strings.StringLength;
import org.tensorflow.op.strings.Substr;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * WordPiece in the graph, all words of a batch at once: greedy longest-match-first with
 * continuation pieces, {@code [UNK]} for a word it cannot cover or one over the length limit. Each
 * round takes the words not yet covered, looks up every candidate length of their next piece
 * ({@code Substr} in UTF-8 characters, one hash-table lookup) and keeps the longest in the
 * vocabulary. A round consumes at least one character, so {@code maxInputCharsPerWord} rounds finish
 * every word; rounds after the last word is done run on empty tensors.
 */
final class WordPieceMatcher {
  private final WordPieceSpec spec;

  WordPieceMatcher(WordPieceSpec spec) {
    this.spec = spec;
  }

  /**
   * The pieces of the words, in word order.
   *
   * @param ids every piece's id, word after word
   * @param piecesPerWord how many pieces each word has (1 for {@code [UNK]})
   */
  record Pieces(Operand<TInt32> ids, Operand<TInt32> piecesPerWord) {}

  Pieces match(Ops tf, Operand<?> vocabulary, Operand<TString> words) {
    int longest = spec.longestPiece();
    int[] lengths = new int[longest];
    for (int k = 0; k < longest; k++) {
      lengths[k] = k + 1;
    }
    Operand<TInt32> candidates = tf.constant(new int[][] {lengths});
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> length = tf.strings.stringLength(words, StringLength.unit("UTF8_CHAR"));
    Operand<TInt32> start = tf.zerosLike(length);
    Operand<TBool> failed = tf.math.greater(length, tf.constant(spec.maxInputCharsPerWord()));
    List<Operand<TInt32>> wordOfPiece = new ArrayList<>();
    List<Operand<TInt32>> pieceIds = new ArrayList<>();
    List<Operand<TInt32>> pieceIndex = new ArrayList<>();
    for (int round = 0; round < spec.maxInputCharsPerWord(); round++) {
      Operand<TInt64> active =
          squeeze(
              tf,
              tf.where(
                  tf.math.logicalAnd(tf.math.less(start, length), tf.math.logicalNot(failed))));
      Operand<TInt32> from = column(tf, tf.gather(start, active, zero));
      Operand<TInt32> left = tf.math.sub(column(tf, tf.gather(length, active, zero)), from);
      Operand<TInt32> pos = tf.math.add(from, tf.zerosLike(tf.math.add(from, candidates)));
      Operand<TInt32> len = tf.math.add(tf.zerosLike(pos), candidates);
      Operand<TString> piece =
          tf.strings.substr(
              column(tf, tf.gather(words, active, zero)), pos, len, Substr.unit("UTF8_CHAR"));
      if (round > 0) {
        piece = tf.strings.join(List.of(tf.constant(spec.prefix()), piece));
      }
      Operand<TInt32> id =
          tf.dtypes.cast(tf.lookupTableFind(vocabulary, piece, tf.constant(-1L)), TInt32.class);
      Operand<TBool> known =
          tf.math.logicalAnd(tf.math.greaterEqual(id, zero), tf.math.lessEqual(candidates, left));
      Operand<TInt32> best = tf.max(tf.select(known, len, tf.zerosLike(len)), tf.constant(1));
      Operand<TBool> chosen = tf.math.logicalAnd(known, tf.math.equal(len, column(tf, best)));
      Operand<TInt64> at = column(tf, active);
      start = tf.tensorScatterNdUpdate(start, at, tf.math.add(tf.gather(start, active, zero), best));
      failed = tf.tensorScatterNdUpdate(failed, at, tf.math.equal(best, zero));
      wordOfPiece.add(tf.dtypes.cast(active, TInt32.class));
      pieceIds.add(tf.sum(tf.select(chosen, id, tf.zerosLike(id)), tf.constant(1)));
      pieceIndex.add(tf.fill(tf.shape(active), tf.constant(round)));
    }
    return assemble(
        tf, length, failed, concat(tf, wordOfPiece), concat(tf, pieceIds), concat(tf, pieceIndex));
  }

  /**
   * Lays the pieces of the rounds out word after word; a word that failed (in any round) keeps one
   * {@code [UNK]} instead of the pieces it had found.
   */
  private Pieces assemble(
      Ops tf,
      Operand<TInt32> length,
      Operand<TBool> failed,
      Operand<TInt32> wordOfPiece,
      Operand<TInt32> pieceIds,
      Operand<TInt32> pieceIndex) {
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> found =
        tf.math.unsortedSegmentSum(tf.onesLike(wordOfPiece), wordOfPiece, tf.size(length));
    Operand<TInt32> perWord = tf.select(failed, tf.onesLike(found), found);
    Operand<TInt32> offsets = tf.math.cumsum(perWord, zero, Cumsum.exclusive(true));
    Operand<TInt64> kept =
        squeeze(tf, tf.where(tf.math.logicalNot(tf.gather(failed, wordOfPiece, zero))));
    Operand<TInt32> keptWords = tf.gather(wordOfPiece, kept, zero);
    Operand<TInt32> position =
        tf.math.add(tf.gather(offsets, keptWords, zero), tf.gather(pieceIndex, kept, zero));
    Operand<TInt32> unknown =
        tf.fill(
            tf.reshape(tf.sum(perWord, zero), tf.constant(new int[] {1})),
            tf.constant(spec.id(spec.unkToken())));
    Operand<TInt32> ids =
        tf.tensorScatterNdUpdate(unknown, column(tf, position), tf.gather(pieceIds, kept, zero));
    return new Pieces(ids, perWord);
  }

  private static <T extends TType> Operand<T> column(Ops tf, Operand<T> vector) {
    return tf.reshape(vector, tf.constant(new int[] {-1, 1}));
  }

  private static Operand<TInt64> squeeze(Ops tf, Operand<TInt64> indices) {
    return tf.squeeze(indices, Squeeze.axis(List.of(1L)));
  }

  private static Operand<TInt32> concat(Ops tf, List<Operand<TInt32>> parts) {
    return tf.concat(parts, tf.constant(0));
  }
}
