package org.bertfit.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.bertfit.datasets.internal.BatchPlanner;
import org.bertfit.datasets.labels.LabelEncoder;
import org.bertfit.datasets.tokenize.BertTokenizer;
import org.bertfit.datasets.tokenize.EncodedBatch;
import org.bertfit.datasets.tokenize.SubTokenLabels;
import org.bertfit.datasets.tokenize.TokenizedText;
import org.bertfit.datasets.tokenize.TokenizedWords;

/**
 * A dataset tokenized once, with label ids, ready to be cut into padded batches each epoch.
 *
 * <pre>{@code
 * EncodedDataset train = EncodedDataset.encode(dataset, tokenizer, LabelEncoder.fit(dataset));
 * for (Batch batch : train.batches(BatchOptions.training(32, 42), epoch)) { ... }
 * }</pre>
 */
public final class EncodedDataset {
  /** Texts per native tokenizer call: large enough to use every core, small enough to stream. */
  private static final int CHUNK = 2048;

  private final String source;
  private final Task task;
  private final LabelEncoder labels;
  private final int padId;
  private final int unknownId;
  private final int maxLength;
  private final List<TokenizedText> texts;
  /** Label ids of each example: its class ids, or for tagged sentences one tag id a word. */
  private final int[][] labelIds;
  /** Tagged sentences: the word of each token (-1 for special tokens); else null. */
  private final int[][] wordIds;
  private final SubTokenLabels alignment;

  private EncodedDataset(
      Dataset data,
      LabelEncoder labels,
      BertTokenizer tokenizer,
      SubTokenLabels alignment,
      int[][] labelIds) {
    this.source = data.source();
    this.task = data.task();
    this.labels = labels;
    this.padId = tokenizer.padId();
    this.unknownId = tokenizer.unknownId();
    this.maxLength = tokenizer.maxLength();
    this.wordIds = task == Task.TOKEN_CLASSIFICATION ? new int[data.size()][] : null;
    this.texts = tokenize(data, tokenizer, wordIds);
    this.alignment = alignment;
    this.labelIds = labelIds;
  }

  /**
   * Tokenizes a labelled dataset; tags of tagged sentences go to the first sub-token of each word.
   */
  public static EncodedDataset encode(Dataset data, BertTokenizer tokenizer, LabelEncoder labels) {
    return encode(data, tokenizer, labels, SubTokenLabels.FIRST);
  }

  /**
   * Tokenizes a labelled dataset.
   *
   * @param labels the training label set; a label it does not know is an error listing them all
   * @param alignment how tags of tagged sentences reach sub-word tokens
   */
  public static EncodedDataset encode(
      Dataset data, BertTokenizer tokenizer, LabelEncoder labels, SubTokenLabels alignment) {
    if (!data.labelled()) {
      throw new IllegalArgumentException(data.source() + " has no labels; use encodeTexts");
    }
    labels.requireKnown(data);
    int[][] ids = new int[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      ids[i] = labelIds(data.get(i), labels);
    }
    return new EncodedDataset(data, labels, tokenizer, alignment, ids);
  }

  /** Tokenizes the texts only (prediction, statistics); batches carry no labels. */
  public static EncodedDataset encodeTexts(Dataset data, BertTokenizer tokenizer) {
    return new EncodedDataset(data, null, tokenizer, SubTokenLabels.FIRST, null);
  }

  /** Tokenizes every example; tagged sentences word by word, filling {@code wordIds}. */
  private static List<TokenizedText> tokenize(
      Dataset data, BertTokenizer tokenizer, int[][] wordIds) {
    List<TokenizedText> out = new ArrayList<>(data.size());
    if (wordIds != null) {
      for (int i = 0; i < data.size(); i++) {
        TokenizedWords words = tokenizer.encodeWords(data.get(i).words());
        out.add(words.text());
        wordIds[i] = words.wordIds();
      }
      return out;
    }
    for (int from = 0; from < data.size(); from += CHUNK) {
      List<Example> chunk = data.examples().subList(from, Math.min(data.size(), from + CHUNK));
      out.addAll(encodeChunk(chunk, tokenizer));
    }
    return out;
  }

  private static List<TokenizedText> encodeChunk(List<Example> chunk, BertTokenizer tokenizer) {
    List<String> texts = new ArrayList<>(chunk.size());
    List<String> pairs = chunk.get(0).textPair() == null ? null : new ArrayList<>(chunk.size());
    for (Example e : chunk) {
      texts.add(e.text());
      if (pairs != null) {
        pairs.add(e.textPair());
      }
    }
    return pairs == null ? tokenizer.encodeAll(texts) : tokenizer.encodeAll(texts, pairs);
  }

  private static int[] labelIds(Example e, LabelEncoder labels) {
    int[] ids = new int[e.labels().size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = labels.id(e.labels().get(k));
    }
    return ids;
  }

  public String source() {
    return source;
  }

  public Task task() {
    return task;
  }

  public int size() {
    return texts.size();
  }

  /** The label set, or null when the dataset was encoded without labels. */
  public LabelEncoder labels() {
    return labels;
  }

  /** The tokenizer's maximum length, at which texts were truncated. */
  public int maxLength() {
    return maxLength;
  }

  /** The tokens of example {@code index}. */
  public TokenizedText text(int index) {
    return texts.get(index);
  }

  /** The word of each token of tagged sentence {@code index}, -1 for special tokens. */
  public int[] wordIds(int index) {
    if (wordIds == null) {
      throw new IllegalStateException(source + " holds texts, not tagged sentences");
    }
    return wordIds[index];
  }

  /** The token count of each example, special tokens included. */
  public int[] lengths() {
    int[] lengths = new int[texts.size()];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = texts.get(i).length();
    }
    return lengths;
  }

  /** How many examples were cut to the tokenizer's maximum length. */
  public int truncatedCount() {
    int count = 0;
    for (TokenizedText t : texts) {
      count += t.truncated() ? 1 : 0;
    }
    return count;
  }

  /**
   * The share of tokens (special tokens included) that are the tokenizer's unknown token: near 0 for
   * text the vocabulary covers; a high share means the tokenizer does not suit the text (e.g. a
   * tokenizer that keeps capitals in front of an uncased vocabulary).
   */
  public double unknownTokenShare() {
    long unknown = 0;
    long tokens = 0;
    for (TokenizedText t : texts) {
      for (int id : t.inputIds()) {
        unknown += id == unknownId ? 1 : 0;
      }
      tokens += t.length();
    }
    return tokens == 0 ? 0 : (double) unknown / tokens;
  }

  /** The number of batches an epoch has. */
  public int batchCount(BatchOptions options) {
    return (texts.size() + options.batchSize() - 1) / options.batchSize();
  }

  /** The batches of one epoch (the epoch number varies the shuffle). */
  public Iterable<Batch> batches(BatchOptions options, int epoch) {
    List<int[]> plan = BatchPlanner.plan(lengths(), options, epoch);
    return () -> {
      Iterator<int[]> next = plan.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return next.hasNext();
        }

        @Override
        public Batch next() {
          return batch(next.next(), options.padToMultipleOf());
        }
      };
    };
  }

  /** The batch of the examples at {@code indices}. */
  public Batch batch(int[] indices, int padToMultipleOf) {
    List<TokenizedText> rows = new ArrayList<>(indices.length);
    for (int i : indices) {
      rows.add(texts.get(i));
    }
    EncodedBatch inputs = EncodedBatch.padToLongest(rows, padId, padToMultipleOf);
    return new Batch(
        inputs,
        labelIds == null ? null : batchLabels(indices, inputs.seqLength()),
        indices.clone());
  }

  private BatchLabels batchLabels(int[] indices, int seqLength) {
    return switch (task) {
      case SINGLE_LABEL -> classIds(indices);
      case MULTI_LABEL -> multiHot(indices);
      case TOKEN_CLASSIFICATION -> tokenLabels(indices, seqLength);
    };
  }

  private BatchLabels classIds(int[] indices) {
    int[] ids = new int[indices.length];
    for (int r = 0; r < indices.length; r++) {
      ids[r] = labelIds[indices[r]][0];
    }
    return new BatchLabels.ClassIds(ids);
  }

  private BatchLabels multiHot(int[] indices) {
    int k = labels.size();
    float[] values = new float[indices.length * k];
    for (int r = 0; r < indices.length; r++) {
      for (int id : labelIds[indices[r]]) {
        values[r * k + id] = 1f;
      }
    }
    return new BatchLabels.MultiHot(k, values);
  }

  private BatchLabels tokenLabels(int[] indices, int seqLength) {
    int[] ids = new int[indices.length * seqLength];
    Arrays.fill(ids, SubTokenLabels.IGNORED);
    int[][] words = new int[indices.length][];
    int[][] tags = new int[indices.length][];
    for (int r = 0; r < indices.length; r++) {
      words[r] = wordIds[indices[r]];
      tags[r] = labelIds[indices[r]];
      int[] aligned = alignment.align(words[r], tags[r]);
      System.arraycopy(aligned, 0, ids, r * seqLength, aligned.length);
    }
    return new BatchLabels.TokenLabels(seqLength, ids, words, tags);
  }
}
