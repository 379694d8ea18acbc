package org.bertfit.models.text;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.ragged.RaggedGather;
import org.tensorflow.op.strings.StringSplit;
import org.tensorflow.op.strings.UnicodeDecode;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;

/**
 * Normalises texts and splits them into words in the graph: every codepoint is replaced by its row
 * of the {@link CodepointTable} (looked up by binary search in the sorted keys; absent codepoints
 * stay), the texts are re-encoded and split at runs of spaces.
 */
final class WordSplitter {
  private final CodepointTable table;

  WordSplitter(CodepointTable table) {
    this.table = table;
  }

  /** Words of a batch, in text order. */
  record Words(Operand<TString> words, Operand<TInt32> textOfWord) {}

  Words split(Ops tf, Operand<TString> texts) {
    UnicodeDecode<TInt32> decoded =
        tf.strings.unicodeDecode(
            texts,
            "UTF-8",
            TInt32.class,
            UnicodeDecode.errors("replace"),
            UnicodeDecode.replacementChar(0xFFFDL),
            UnicodeDecode.replaceControlCharacters(false));
    Operand<TInt32> chars = decoded.charValues();
    int rows = table.keys().length;
    Operand<TInt32> keys = tf.constant(table.keys());
    Operand<TInt32> found =
        tf.reshape(
            tf.lowerBound(tf.reshape(keys, row(tf)), tf.reshape(chars, row(tf))), column(tf));
    Operand<TInt32> clipped = tf.math.minimum(found, tf.constant(rows - 1));
    Operand<TInt32> count = tf.size(chars);
    Operand<TInt32> positions = tf.range(tf.constant(0), count, tf.constant(1));
    Operand<TInt32> rowOfChar =
        tf.select(
            tf.math.equal(tf.gather(keys, clipped, tf.constant(0)), chars),
            clipped,
            tf.math.add(positions, tf.constant(rows)));
    // The table's rows, then one row per input codepoint holding itself.
    Operand<TInt32> splits =
        tf.concat(
            List.of(
                tf.constant(table.splits()),
                tf.math.add(
                    tf.math.add(positions, tf.constant(1)),
                    tf.constant(table.splits()[rows]))),
            tf.constant(0));
    Operand<TInt32> values = tf.concat(List.of(tf.constant(table.values()), chars), tf.constant(0));
    RaggedGather<TInt32, TInt32> normalized =
        tf.ragged.raggedGather(List.of(splits), values, rowOfChar, 1L);
    Operand<TInt32> textSplits =
        tf.gather(normalized.outputNestedSplits().get(0), decoded.rowSplits(), tf.constant(0));
    Operand<TString> joined =
        tf.strings.unicodeEncode(normalized.outputDenseValues(), textSplits, "UTF-8");
    StringSplit split = tf.strings.stringSplit(joined, tf.constant(""));
    Operand<TInt32> textOfWord =
        tf.dtypes.cast(
            tf.squeeze(
                tf.slice(
                    split.indices(), tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1})),
                Squeeze.axis(List.of(1L))),
            TInt32.class);
    return new Words(split.values(), textOfWord);
  }

  private static Operand<TInt32> row(Ops tf) {
    return tf.constant(new int[] {1, -1});
  }

  private static Operand<TInt32> column(Ops tf) {
    return tf.constant(new int[] {-1});
  }
}
