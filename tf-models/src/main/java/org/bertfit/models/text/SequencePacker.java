package org.bertfit.models.text;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Turns the pieces of a batch's texts (and second texts of pairs) into BERT's padded inputs:
 * {@code [CLS] A [SEP]} or {@code [CLS] A [SEP] B [SEP]}, truncated as Hugging Face's {@code
 * longest_first} strategy does, padded to the batch's longest row.
 */
final class SequencePacker {
  private final int maxLength;
  private final int cls;
  private final int sep;
  private final int pad;

  SequencePacker(WordPieceSpec spec, int maxLength) {
    this.maxLength = maxLength;
    this.cls = spec.id("[CLS]");
    this.sep = spec.id("[SEP]");
    this.pad = spec.id("[PAD]");
  }

  /**
   * @param ids the pieces of all texts, text after text: the {@code texts} first texts, then their
   *     second texts when there are as many again
   * @param perText how many pieces each text has
   */
  EncodedInputs pack(Ops tf, Operand<TInt32> ids, Operand<TInt32> perText, Operand<TInt32> texts) {
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> one = tf.constant(1);
    Operand<TInt32> pairs = tf.math.sub(tf.size(perText), texts);
    Operand<TBool> hasPair = tf.math.greater(pairs, zero);
    tf =
        tf.withControlDependencies(
            tf.assertThat(
                tf.math.logicalOr(tf.math.logicalNot(hasPair), tf.math.equal(pairs, texts)),
                List.of(
                    tf.constant("text_pair must have as many entries as text, or none: got"),
                    pairs,
                    texts)));
    Operand<TInt32> first = tf.slice(perText, vector(tf, zero), vector(tf, texts));
    Operand<TInt32> second =
        tf.math.unsortedSegmentSum(
            tf.slice(perText, vector(tf, texts), vector(tf, pairs)),
            tf.range(zero, pairs, one),
            texts);
    Operand<TInt32> specials = tf.select(hasPair, tf.constant(3), tf.constant(2));
    Operand<TInt32> budget = tf.math.sub(tf.constant(maxLength), specials);
    Operand<TInt32>[] kept = truncate(tf, first, second, budget);
    Operand<TInt32> firstKept = kept[0];
    Operand<TInt32> secondKept = kept[1];
    Operand<TInt32> lengths = tf.math.add(tf.math.add(firstKept, secondKept), specials);
    Operand<TInt32> width = tf.max(tf.concat(List.of(lengths, vector(tf, zero)), zero), zero);

    // Where each piece goes: its text's row, after [CLS] (first texts) or after A [SEP] (second).
    Operand<TInt32> total = tf.size(ids);
    Operand<TInt32> piece = tf.range(zero, total, one);
    Operand<TInt32> textOfPiece =
        tf.upperBound(
            tf.reshape(tf.math.cumsum(perText, zero), tf.constant(new int[] {1, -1})),
            tf.reshape(piece, tf.constant(new int[] {1, -1})));
    textOfPiece = tf.reshape(textOfPiece, tf.constant(new int[] {-1}));
    Operand<TInt32> within =
        tf.math.sub(
            piece,
            tf.gather(tf.math.cumsum(perText, zero, Cumsum.exclusive(true)), textOfPiece, zero));
    Operand<TBool> isFirst = tf.math.less(textOfPiece, texts);
    Operand<TInt32> row = tf.select(isFirst, textOfPiece, tf.math.sub(textOfPiece, texts));
    Operand<TInt32> firstOfRow = tf.gather(firstKept, row, zero);
    Operand<TInt32> limit = tf.select(isFirst, firstOfRow, tf.gather(secondKept, row, zero));
    Operand<TInt32> column =
        tf.select(
            isFirst,
            tf.math.add(within, one),
            tf.math.add(within, tf.math.add(firstOfRow, tf.constant(2))));
    Operand<TInt64> keep =
        tf.squeeze(tf.where(tf.math.less(within, limit)), Squeeze.axis(List.of(1L)));

    Operand<TInt32> rows = tf.range(zero, texts, one);
    Operand<TInt32> pairRows = tf.range(zero, tf.select(hasPair, texts, zero), one);
    Operand<TInt32> indices =
        tf.concat(
            List.of(
                at(tf, tf.gather(row, keep, zero), tf.gather(column, keep, zero)),
                at(tf, rows, tf.zerosLike(rows)),
                at(tf, rows, tf.math.add(firstKept, one)),
                at(tf, pairRows, tf.gather(tf.math.sub(lengths, one), pairRows, zero))),
            zero);
    Operand<TInt32> updates =
        tf.concat(
            List.of(
                tf.gather(ids, keep, zero),
                tf.fill(vector(tf, texts), tf.constant(cls)),
                tf.fill(vector(tf, texts), tf.constant(sep)),
                tf.fill(vector(tf, tf.size(pairRows)), tf.constant(sep))),
            zero);
    Operand<TInt32> shape = tf.stack(List.of(texts, width));
    Operand<TInt32> inputIds =
        tf.tensorScatterNdUpdate(tf.fill(shape, tf.constant(pad)), indices, updates);
    Operand<TInt32> positions =
        tf.reshape(tf.range(zero, width, one), tf.constant(new int[] {1, -1}));
    Operand<TBool> real = tf.math.less(positions, column(tf, lengths));
    Operand<TBool> inSecond =
        tf.math.logicalAnd(
            real,
            tf.math.greaterEqual(positions, column(tf, tf.math.add(firstKept, tf.constant(2)))));
    return new EncodedInputs(
        inputIds, tf.dtypes.cast(real, TInt32.class), tf.dtypes.cast(inSecond, TInt32.class));
  }

  /**
   * How many pieces of each text (and second text) are kept: Hugging Face's {@code longest_first},
   * which for single texts keeps {@code min(n, budget)}.
   */
  @SuppressWarnings("unchecked")
  private static Operand<TInt32>[] truncate(
      Ops tf, Operand<TInt32> first, Operand<TInt32> second, Operand<TInt32> budget) {
    Operand<TInt32> shorter = tf.math.minimum(first, second);
    Operand<TInt32> longer =
        tf.select(
            tf.math.greater(shorter, budget),
            shorter,
            tf.math.maximum(shorter, tf.math.sub(budget, shorter)));
    Operand<TBool> both = tf.math.greater(tf.math.add(shorter, longer), budget);
    Operand<TInt32> half = tf.math.div(budget, tf.constant(2));
    Operand<TInt32> shortTarget = tf.select(both, half, shorter);
    Operand<TInt32> longTarget = tf.select(both, tf.math.sub(budget, half), longer);
    Operand<TBool> swap = tf.math.greater(first, second);
    Operand<TBool> over = tf.math.greater(tf.math.add(first, second), budget);
    Operand<TInt32> firstTarget = tf.select(swap, longTarget, shortTarget);
    Operand<TInt32> secondTarget = tf.select(swap, shortTarget, longTarget);
    return new Operand[] {
      tf.select(over, tf.math.minimum(first, firstTarget), first),
      tf.select(over, tf.math.minimum(second, secondTarget), second)
    };
  }

  private static Operand<TInt32> at(Ops tf, Operand<TInt32> rows, Operand<TInt32> columns) {
    return tf.stack(List.of(rows, columns), Stack.axis(1L));
  }

  private static Operand<TInt32> vector(Ops tf, Operand<TInt32> scalar) {
    return tf.reshape(scalar, tf.constant(new int[] {1}));
  }

  private static Operand<TInt32> column(Ops tf, Operand<TInt32> vector) {
    return tf.reshape(vector, tf.constant(new int[] {-1, 1}));
  }
}
