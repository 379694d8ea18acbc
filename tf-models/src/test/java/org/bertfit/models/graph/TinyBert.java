package org.bertfit.models.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bertfit.datasets.Task;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.datasets.tokenize.TokenizedText;
import org.bertfit.models.BertConfig;

/** Tiny BERT configurations and batches for fast tests. */
public final class TinyBert {
  public static final int VOCAB = 120;

  private TinyBert() {}

  public static BertConfig config(Task type, int labels) {
    return BertConfig.tiny().toBuilder()
        .vocabSize(VOCAB)
        .maxPositionEmbeddings(32)
        .problemType(type)
        .numLabels(labels)
        .build();
  }

  public static BertConfig config() {
    return config(Task.SINGLE_LABEL, 3);
  }

  /** Texts of the given lengths (special tokens included) with random ids, seeded. */
  public static List<TokenizedText> texts(long seed, int... lengths) {
    Random random = new Random(seed);
    List<TokenizedText> out = new ArrayList<>();
    for (int length : lengths) {
      int[] ids = new int[length];
      int[] types = new int[length];
      for (int i = 0; i < length; i++) {
        ids[i] = 5 + random.nextInt(VOCAB - 5);
        types[i] = i > length / 2 ? 1 : 0;
      }
      out.add(new TokenizedText(ids, types, false));
    }
    return out;
  }

  public static EncodedBatch batch(long seed, int seqLength, int... lengths) {
    return EncodedBatch.pad(texts(seed, lengths), seqLength, 0);
  }
}
